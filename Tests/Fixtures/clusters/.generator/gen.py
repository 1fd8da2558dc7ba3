"""Regenerate every scenario folder under Tests/Fixtures/clusters (README.md is kept)."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402
import scenarios  # noqa: E402

os.makedirs(common.OUT, exist_ok=True)
names = []
for fn in scenarios.ALL:
    S = fn()
    folder = os.path.join(common.OUT, S.name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    S.write()
    names.append(S.name)
print("\n".join(names))
