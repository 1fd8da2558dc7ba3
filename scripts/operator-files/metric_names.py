#!/usr/bin/env python3
"""Check that every `pulldoctor_*` metric the alert rules read is one PullDoctor exposes.

Usage: metric_names.py Sources/Telemetry/PullDoctorMetrics.swift RULES.yml...
PullDoctorMetrics.swift names every metric (`name: "pulldoctor_..."`); a rule on a misspelt or renamed metric
would never fire, and promtool cannot tell. Histogram series (_bucket, _count, _sum) count as their metric.
"""
import re
import sys

import yaml


def main(argv):
    if len(argv) < 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    known = set(re.findall(r'name: "(pulldoctor_\w+)"', open(argv[0], encoding="utf-8").read()))
    problems, used = [], set()
    for path in argv[1:]:
        for group in yaml.safe_load(open(path, encoding="utf-8"))["groups"]:
            for rule in group["rules"]:
                for metric in re.findall(r"\b(pulldoctor_\w+)", str(rule["expr"])):
                    used.add(metric)
                    if metric not in known and re.sub(r"_(bucket|count|sum)$", "", metric) not in known:
                        problems.append(f"{path}: {rule.get('alert') or rule.get('record')}: {metric} is not in {argv[0]}")
    for problem in problems:
        print(problem)
    print(f"{len(used)} PullDoctor metrics used by the rules, {len(known)} exposed, {len(problems)} unknown")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
