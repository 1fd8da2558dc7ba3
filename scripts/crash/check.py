#!/usr/bin/env python3
"""Checks the capture folder against the acknowledged pod indexes.

Usage: check.py CAPTURE_DIR ACKED_FILE
Passes when every acknowledged pod appears in a delivered payload, and every pod delivered more than
once was always delivered with the same idempotency key. Prints a summary line.
"""
import json
import os
import sys

capture, acked_file = sys.argv[1], sys.argv[2]
acked = {int(line) for line in open(acked_file) if line.strip()}
keys = {}
deliveries = 0
for name in sorted(os.listdir(capture)):
    payload = json.load(open(os.path.join(capture, name)))
    deliveries += 1
    key = payload.get("idempotencyKey")
    for alert in payload["alerts"]:
        pod = alert["labels"]["pod"]
        keys.setdefault(pod, set()).add(key)
missing = sorted(i for i in acked if "app-%d-0" % i not in keys)
conflicting = sorted(pod for pod, ks in keys.items() if len(ks) > 1)
duplicates = deliveries - len(keys)
print("acknowledged=%d delivered_pods=%d deliveries=%d duplicates=%d missing=%d conflicting_keys=%d" % (
    len(acked), len(keys), deliveries, duplicates, len(missing), len(conflicting)))
if missing:
    print("missing:", missing[:20])
sys.exit(1 if missing or conflicting else 0)
