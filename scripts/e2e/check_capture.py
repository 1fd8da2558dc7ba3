#!/usr/bin/env python3
"""Compares what the capture sink received with each scenario's expected category.

Usage: check_capture.py CAPTURE_DIR CLUSTERS_DIR SCENARIO...
Prints one line per scenario; exits 0 only when every scenario's pod arrived with the expected category.
"""
import json
import os
import sys

import yaml

capture, clusters, scenarios = sys.argv[1], sys.argv[2], sys.argv[3:]
seen = {}
for name in sorted(os.listdir(capture)) if os.path.isdir(capture) else []:
    try:
        payload = json.load(open(os.path.join(capture, name)))
    except ValueError:
        continue
    for alert in payload.get("alerts", []):
        key = (alert["labels"].get("namespace"), alert["labels"].get("pod"))
        seen[key] = alert.get("annotations", {}).get("pulldoctor_category")
ok = True
for scenario in scenarios:
    spec = yaml.safe_load(open(os.path.join(clusters, scenario, "scenario.yaml")))
    key = (spec["pod"]["namespace"], spec["pod"]["name"])
    want = spec["expect"]["category"]
    got = seen.get(key)
    good = got == want
    ok = ok and good
    print("%s %-32s want %-20s got %s" % ("PASS" if good else "WAIT", scenario, want, got))
sys.exit(0 if ok else 1)
