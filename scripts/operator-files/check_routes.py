#!/usr/bin/env python3
"""Run the routing cases of alertmanager/route-tests.yml through `amtool config routes test`.

Usage: check_routes.py alertmanager/route-tests.yml
Each case gives an alert's labels and the exact receivers, in order, that the config must route it to;
amtool's --verify.receivers makes the comparison and exits non-zero on a mismatch. Prints one line per
failing case and a summary; exits 1 on any failure.
"""
import os
import subprocess
import sys

import yaml


def main(argv):
    if len(argv) != 1:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    folder = os.path.dirname(os.path.abspath(argv[0]))
    suites = yaml.safe_load(open(argv[0], encoding="utf-8"))
    failures = total = 0
    for suite in suites:
        config = os.path.join(folder, suite["config"])
        for case in suite["cases"]:
            total += 1
            labels = [f"{k}={v}" for k, v in case["labels"].items()]
            expected = ",".join(case["receivers"])
            command = ["amtool", "config", "routes", "test", f"--config.file={config}",
                       f"--verify.receivers={expected}"] + labels
            result = subprocess.run(command, capture_output=True, text=True, timeout=30)
            if result.returncode != 0:
                failures += 1
                got = (result.stdout + result.stderr).strip().replace("\n", " ")
                print(f"{suite['config']}: {' '.join(labels)}: expected {expected}; amtool: {got}")
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
