#!/usr/bin/env python3
"""Sends the storm to a running PullDoctor as Alertmanager would, and times it until every incident has been
diagnosed and forwarded to the capture sink.

Usage: storm_send.py --pulldoctor http://127.0.0.1:PORT --pid PID --storm STORM_JSON --capture DIR
                     --mode grouped|per-alert --out RESULT_JSON [--kubesim URL] [--concurrency 16] [--limit 60]

grouped:   one payload per Deployment (50 payloads of 100 alerts), as a route grouping by workload sends them.
per-alert: one payload per pod (5,000 payloads of one alert), as `group_by: [alertname, namespace, pod]` sends them.
Payloads go out over CONCURRENCY keep-alive connections. The clock starts before the first byte is sent and
stops when the capture sink holds a delivery for every Deployment. The figures (Kubernetes requests, probes,
diagnoses) are read from PullDoctor's /metrics as the difference between before and after; VmHWM from /proc.
"""
import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import alert_payloads  # noqa: E402
import observe  # noqa: E402


def build_bodies(deployments, mode):
    bodies = []
    for d in deployments:
        reason = alert_payloads.waiting_reason(d)
        alerts = [alert_payloads.alert(d["namespace"], pod, reason) for pod in d["pods"]]
        if mode == "grouped":
            group = {"alertname": "KubeContainerWaiting", "namespace": d["namespace"], "workload": d["name"]}
            bodies.append(json.dumps(alert_payloads.payload(alerts, group)).encode())
        else:
            for a in alerts:
                group = {"alertname": "KubeContainerWaiting", "namespace": d["namespace"], "pod": a["labels"]["pod"]}
                bodies.append(json.dumps(alert_payloads.payload([a], group)).encode())
    return bodies


class Sender:
    """POSTs bodies over one keep-alive connection per worker thread."""

    def __init__(self, url):
        self.parts = urllib.parse.urlsplit(url)
        self.local = threading.local()

    def post(self, body):
        for attempt in range(2):
            conn = getattr(self.local, "conn", None)
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=30)
            try:
                conn.request("POST", "/webhook", body=body, headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                return response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                self.local.conn = None
        return 0


def deliveries(capture_dir, deployment_of):
    """What the capture sink holds so far: {Deployment: [diagnosis, ...]} (a delivery counts for the Deployment
    whose pods its alerts name, whatever owner PullDoctor resolved) and the number of deliveries."""
    seen = {}
    count = 0
    for name in sorted(os.listdir(capture_dir)):
        try:
            body = json.load(open(os.path.join(capture_dir, name)))
        except (OSError, ValueError):
            continue  # still being written; read it on the next poll
        count += 1
        owners = {deployment_of.get(a.get("labels", {}).get("pod")) for a in body.get("alerts", [])} - {None}
        for owner in owners:
            for diagnosis in body.get("diagnoses", []):
                seen.setdefault(owner, []).append(dict(diagnosis, alerts_carried=len(body.get("alerts", []))))
    return seen, count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pulldoctor", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--storm", required=True)
    parser.add_argument("--capture", required=True)
    parser.add_argument("--mode", choices=["grouped", "per-alert"], required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--kubesim")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--limit", type=float, default=60.0)
    args = parser.parse_args()

    deployments = json.load(open(args.storm))["deployments"]
    bodies = build_bodies(deployments, args.mode)
    expected = {d["name"]: d["expected"] for d in deployments}
    deployment_of = {pod: d["name"] for d in deployments for pod in d["pods"]}
    metrics_url = args.pulldoctor + "/metrics"
    before = observe.scrape(metrics_url)
    if args.kubesim:
        urllib.request.urlopen(urllib.request.Request(args.kubesim + "/kubesim/requests", method="DELETE"), timeout=5).read()

    sender = Sender(args.pulldoctor)
    cpu_before = observe.cpu_seconds(args.pid)
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        statuses = list(pool.map(sender.post, bodies))
    sent = time.monotonic() - start
    seen, count = {}, 0
    while time.monotonic() - start < args.limit:
        seen, count = deliveries(args.capture, deployment_of)
        if len(seen.keys() & expected.keys()) == len(expected):
            break
        time.sleep(0.02)
    elapsed = time.monotonic() - start
    cpu_used = (observe.cpu_seconds(args.pid) or 0) - (cpu_before or 0)
    complete = len(seen.keys() & expected.keys()) == len(expected)

    # Let in-flight work settle for the counters (the clock has stopped already).
    time.sleep(0.5)
    after = observe.scrape(metrics_url)
    seen, count = deliveries(args.capture, deployment_of)
    memory = observe.proc_status(args.pid) or {}
    kube_total = observe.total(after, "pulldoctor_kube_api_requests_total") - observe.total(before, "pulldoctor_kube_api_requests_total")
    kube_codes = {k: v - observe.by_label(before, "pulldoctor_kube_api_requests_total", "code").get(k, 0)
                  for k, v in observe.by_label(after, "pulldoctor_kube_api_requests_total", "code").items()}
    kube_resources = {k: v - observe.by_label(before, "pulldoctor_kube_api_requests_total", "resource").get(k, 0)
                      for k, v in observe.by_label(after, "pulldoctor_kube_api_requests_total", "resource").items()}
    probes = observe.total(after, "pulldoctor_registry_probes_total") - observe.total(before, "pulldoctor_registry_probes_total")
    diagnoses = observe.total(after, "pulldoctor_diagnoses_total") - observe.total(before, "pulldoctor_diagnoses_total")
    categories, wrong, partial, owner_kinds, affected, carried = {}, [], 0, {}, [], []
    for name, reports in sorted(seen.items()):
        for diagnosis in reports:
            key = "%s/%s" % (diagnosis.get("category"), diagnosis.get("reason"))
            categories[key] = categories.get(key, 0) + 1
            if expected.get(name) != diagnosis.get("category"):
                wrong.append("%s: %s (expected %s)" % (name, diagnosis.get("category"), expected.get(name)))
            partial += 1 if diagnosis.get("partial") else 0
            kind = diagnosis.get("incident", {}).get("owner_kind", "?")
            owner_kinds[kind] = owner_kinds.get(kind, 0) + 1
            affected.append(len(diagnosis.get("affected", [])))
            carried.append(diagnosis["alerts_carried"])
    server_side = None
    if args.kubesim:
        with urllib.request.urlopen(args.kubesim + "/kubesim/requests", timeout=5) as response:
            server_side = json.load(response)
    result = {
        "mode": args.mode, "payloads": len(bodies), "alerts": sum(len(d["pods"]) for d in deployments),
        "workloads": len(expected), "answered_2xx": sum(1 for s in statuses if 200 <= s < 300),
        "send_s": round(sent, 3), "seconds": round(elapsed, 3), "complete": complete, "cpu_s": round(cpu_used, 2),
        "deliveries": count, "incidents_delivered": len(seen.keys() & expected.keys()),
        "wrong_category": wrong, "categories": categories, "diagnoses": diagnoses, "partial": partial,
        "owner_kinds": owner_kinds, "affected_per_delivery": [min(affected or [0]), max(affected or [0])],
        "alerts_per_delivery": [min(carried or [0]), max(carried or [0])],
        "kube_requests": kube_total, "kube_requests_per_workload": round(kube_total / len(expected), 2),
        "kube_by_code": {k: v for k, v in kube_codes.items() if v}, "kube_by_resource": {k: v for k, v in kube_resources.items() if v},
        "kubesim_seen": server_side, "probes": probes,
        "vm_hwm_mib": round(memory.get("VmHWM", 0), 1), "vm_rss_mib": round(memory.get("VmRSS", 0), 1),
        "rss_anon_mib": round(memory.get("RssAnon", 0), 1),
    }
    json.dump(result, open(args.out, "w"), indent=1)
    print("storm %s: %d payloads, %d/%d answered 2xx in %.2fs; %d/%d incidents delivered after %.2fs; "
          "%d Kubernetes requests (%.2f per workload), %d probes, %d diagnoses, %.1f s CPU, peak RSS %.1f MiB%s" % (
              args.mode, len(bodies), result["answered_2xx"], len(bodies), sent, result["incidents_delivered"],
              len(expected), elapsed, kube_total, kube_total / len(expected), probes, diagnoses, cpu_used,
              result["vm_hwm_mib"], "" if not wrong else "; WRONG: " + "; ".join(wrong[:5])))
    # A slow or incomplete storm is a figure, not a failure; only a storm PullDoctor refused is.
    return 0 if result["answered_2xx"] else 1


if __name__ == "__main__":
    sys.exit(main())
