#!/usr/bin/env python3
"""Sends one webhook per pod index in [FIRST, LAST) to URL, one alert each, sequentially; prints the
indexes answered 200 (one per line) to stdout. Stops at the first connection failure (the server died).

Usage: send.py URL FIRST LAST
"""
import http.client
import json
import sys
import urllib.parse

url, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
parts = urllib.parse.urlsplit(url)
for i in range(first, last):
    alert = {"status": "firing", "labels": {"alertname": "KubeContainerWaiting", "namespace": "crash", "pod": "app-%d-0" % i,
             "container": "app", "reason": "ImagePullBackOff"}, "annotations": {}, "startsAt": "2026-11-21T19:35:30.308Z",
             "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "", "fingerprint": "%016x" % (0xc0de0000 + i)}
    body = json.dumps({"version": "4", "status": "firing", "receiver": "pulldoctor", "groupKey": "crash-%d" % i,
                       "truncatedAlerts": 0, "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {},
                       "externalURL": "", "alerts": [alert]})
    try:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        conn.request("POST", parts.path, body=body, headers={"Content-Type": "application/json"})
        status = conn.getresponse().status
        conn.close()
    except OSError:
        break
    if status == 200:
        print(i, flush=True)
