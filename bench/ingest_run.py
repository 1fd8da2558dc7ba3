#!/usr/bin/env python3
"""One ingest measurement: wrk against a running PullDoctor, then what PullDoctor itself counted.

Usage: ingest_run.py --url http://127.0.0.1:PORT --pid PID --path /webhook|/-/healthy [--template FILE]
                     --label LABEL --out RESULT_JSON [--threads 2] [--connections 64] [--duration 10]

wrk runs bench/webhook.lua (a fresh fingerprint per alert per request, or a plain GET without a template) and
prints one JSON line; this adds the status codes PullDoctor answered (pulldoctor_webhook_requests_total) and
its memory (VmRSS, VmHWM) after the run.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import observe  # noqa: E402

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "webhook.lua")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--template")
    parser.add_argument("--label", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    before = observe.scrape(args.url + "/metrics")
    cpu_before = observe.cpu_seconds(args.pid)
    command = ["wrk", "-t%d" % args.threads, "-c%d" % args.connections, "-d%ds" % args.duration, "--timeout", "10s",
               "-s", SCRIPT, args.url + args.path]
    if args.template:
        command += ["--", args.template]
    run = subprocess.run(command, capture_output=True, text=True, timeout=args.duration + 60)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode != 0 or not lines:
        raise SystemExit("wrk failed (%d): %s %s" % (run.returncode, run.stdout[-2000:], run.stderr[-2000:]))
    result = json.loads(lines[-1])
    cpu_after = observe.cpu_seconds(args.pid)
    after = observe.scrape(args.url + "/metrics")
    codes = {k: v - observe.by_label(before, "pulldoctor_webhook_requests_total", "code").get(k, 0)
             for k, v in observe.by_label(after, "pulldoctor_webhook_requests_total", "code").items()}
    alerts = observe.total(after, "pulldoctor_alerts_received_total") - observe.total(before, "pulldoctor_alerts_received_total")
    memory = observe.proc_status(args.pid) or {}
    result.update({
        "label": args.label, "path": args.path, "template": os.path.basename(args.template or ""),
        "body_bytes": os.path.getsize(args.template) if args.template else 0,
        "connections": args.connections, "threads": args.threads, "duration": args.duration,
        "webhook_codes": {k: int(v) for k, v in codes.items() if v}, "alerts_accepted": int(alerts),
        "alerts_per_s": round(alerts / result["duration_s"], 1),
        "vm_rss_mib": round(memory.get("VmRSS", 0), 1), "vm_hwm_mib": round(memory.get("VmHWM", 0), 1),
        "rss_anon_mib": round(memory.get("RssAnon", 0), 1),
        # CPU the server spent per answered request: steadier than req/s on a machine shared with other work.
        "server_cpu_ms_per_request": round((cpu_after - cpu_before) * 1000 / result["requests"], 3)
        if cpu_before is not None and cpu_after is not None and result["requests"] else None,
    })
    json.dump(result, open(args.out, "w"))
    errors = sum(result["errors"].values())
    print("%-28s %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  server CPU %6.3f ms/req  %s%s" % (
        args.label, result["rps"], result["p50_ms"], result["p99_ms"], result["server_cpu_ms_per_request"] or 0,
        ("%d alerts/s  " % result["alerts_per_s"]) if args.template else "",
        ("errors %s codes %s" % (result["errors"], result["webhook_codes"])) if errors or len(result["webhook_codes"]) > 1 else ""))


if __name__ == "__main__":
    main()
