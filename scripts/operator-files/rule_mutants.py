#!/usr/bin/env python3
"""Prove the image-pull rule tests can fail: break the rules in known ways and expect `promtool test rules` to fail.

Usage: rule_mutants.py alertmanager/rules
Each mutant is one plausible mistake the rules file's comments warn about. If the unit tests still pass on
a mutant, they do not guard that property, and this exits 1.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

RULES = "pulldoctor-image-pull.rules.yml"
TESTS = "tests/pulldoctor-image-pull.test.yml"


def mutants(text):
    """(description, mutated text) pairs; each must change the text."""
    yield ("waiting reason kept as a label (one alert per reason: flaps on every retry)",
           text.replace("max by (cluster, namespace, pod, container) (", "max by (cluster, namespace, pod, container, reason) (", 1)
               .replace("          reason: ImagePull\n        annotations:\n          summary: Container cannot",
                        "        annotations:\n          summary: Container cannot", 1))
    yield ("no max_over_time window (a failed scrape resets `for`)",
           re.sub(r"max_over_time\((kube_pod_(?:init_)?container_status_waiting_reason\{[^}]*\})\[2m\]\)", r"\1", text))
    yield ("a 5m window (any 1-minute blip fires after `for: 5m`)", text.replace("}[2m])", "}[5m])"))
    yield ("init containers left out",
           re.sub(r"\n\s*or\n\s*max_over_time\(kube_pod_init_container_status_waiting_reason\{[^}]*\}\[2m\]\)", "", text))
    yield ("Pending escalation without the phase condition (fires for Running pods)",
           text.replace('max by (cluster, namespace, pod) (kube_pod_status_phase{phase="Pending"}) >= 1\n          and on (cluster, namespace, pod)\n', "", 1))


def main(argv):
    if len(argv) != 1:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    source = argv[0]
    with open(os.path.join(source, RULES), encoding="utf-8") as handle:
        original = handle.read()
    survivors = []
    count = 0
    with tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, "tests"))
        shutil.copy(os.path.join(source, TESTS), os.path.join(work, TESTS))
        for description, text in mutants(original):
            count += 1
            if text == original:
                survivors.append(f"{description}: the mutation no longer applies (the rules file changed shape)")
                continue
            with open(os.path.join(work, RULES), "w", encoding="utf-8") as handle:
                handle.write(text)
            result = subprocess.run(["promtool", "test", "rules", os.path.join(work, TESTS)],
                                    capture_output=True, text=True, timeout=60)
            if result.returncode == 0:
                survivors.append(f"{description}: the unit tests still pass")
    for survivor in survivors:
        print(survivor)
    print(f"{count - len(survivors)} of {count} broken variants caught by the unit tests")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
