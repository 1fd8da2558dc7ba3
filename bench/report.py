#!/usr/bin/env python3
"""Prints the benchmark's figures beside their goals and writes them into BENCHMARKS.md.

Usage: report.py --results DIR --bin PULLDOCTOR [--write BENCHMARKS.md]

Only the part of BENCHMARKS.md between `<!-- bench:begin -->` and `<!-- bench:end -->` is rewritten; the
profiles and proposals written by hand around it stay. Goals are printed as met or missed, never asserted.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def load(results, name):
    path = os.path.join(results, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None


def run(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine(binary):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(), "cpu": cpu, "ram": "%.1f GiB" % (mem_kb / 1048576), "kernel": platform.release(),
        "swift": run(["swift", "--version"]).splitlines()[0] if run(["swift", "--version"]) else "?",
        "pulldoctor": run([binary, "--version"]) or "?",
        "revision": run(["git", "-C", os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rev-parse", "--short", "HEAD"]) or "?",
        "load": open("/proc/loadavg").read().split()[0],
    }


def verdict(ok):
    return "met" if ok else "**missed**"


def build(results, binary):
    m = machine(binary)
    goals = []  # (measure, figure, goal, met)
    out = [BEGIN, "", "## Latest run", ""]
    out += ["| | |", "|---|---|",
            "| date | %s |" % m["date"], "| command | `make bench` (bench/run.sh on the release binaries) |",
            "| machine | %d CPUs, %s, %s RAM, Linux %s |" % (m["cpus"], m["cpu"], m["ram"], m["kernel"]),
            "| toolchain | %s |" % m["swift"], "| PullDoctor | %s, commit %s |" % (m["pulldoctor"], m["revision"]),
            "| 1-min load when the report was written | %s (the machine is shared: other builds may run beside it) |" % m["load"], ""]

    # Ingest
    out += ["### Ingest", "",
            "wrk -t2 -c64 -d10s on loopback; every request carries new alerts (fresh fingerprints), and the store "
            "commits before the 200. Each payload row runs on a fresh PullDoctor with a fresh store; the ceiling is "
            "`GET /-/healthy` on the same configuration. Server CPU per request is the server's CPU time during the "
            "run divided by the requests answered; with diagnosis on it includes the diagnosis work those requests "
            "caused.", "",
            "| diagnosis | request | body | requests | req/s | alerts/s | p50 ms | p99 ms | vs ceiling | server CPU ms/request | non-200 / errors | peak RSS MiB |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    for mode in ("off", "on"):
        ceiling = load(results, "ingest-%s-ceiling" % mode)
        if not ceiling:
            continue
        out.append("| %s | GET /-/healthy | — | %s | %s | — | %.2f | %.2f | 100%% | %s | %s | %.1f |" % (
            mode, "{:,}".format(ceiling["requests"]), rate(ceiling["rps"]), ceiling["p50_ms"], ceiling["p99_ms"], cpu(ceiling),
            errors(ceiling), ceiling["vm_hwm_mib"]))
        for n in (1, 10, 100, 2000):
            row = load(results, "ingest-%s-%d" % (mode, n))
            if not row:
                continue
            ratio = row["rps"] / ceiling["rps"] if ceiling["rps"] else 0
            answered = row["requests"] > 0
            out.append("| %s | POST /webhook, %s alert%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |" % (
                mode, "{:,}".format(n), "" if n == 1 else "s", size(row["body_bytes"]),
                "{:,}".format(row["requests"]) if answered else "0 (none answered within wrk's 10 s timeout)",
                rate(row["rps"]), rate(row["alerts_per_s"]), "%.2f" % row["p50_ms"] if answered else "—",
                "%.2f" % row["p99_ms"] if answered else "—", percent(ratio), cpu(row) if answered else "—", errors(row),
                row["vm_hwm_mib"]))
            if n == 10:
                goals.append(("ingest, 10 alerts, diagnosis %s: throughput vs ceiling" % mode, "%s (%s of %s req/s)" % (
                    percent(ratio), rate(row["rps"]), rate(ceiling["rps"])), "≥ 50%", ratio >= 0.5))
                goals.append(("ingest, 10 alerts, diagnosis %s: p99 at 64 connections" % mode, "%.2f ms" % row["p99_ms"],
                              "< 10 ms", row["p99_ms"] < 10))
    out.append("")

    # Storm
    out += ["### Storm", "",
            "5,000 pods failing to pull in 50 Deployments (10 namespaces, 20 nodes, 10,000 events) served by kubesim; "
            "causes: 20 Deployments on a real docker-registry with the tag missing, 10 on a second one with the "
            "repository missing, 10 on a loopback port with nothing listening, 10 with `https://` in the image. "
            "Probe on, default client rate limit (20 qps, burst 40), a webhook sink (scripts/rig/capture.py). "
            "Time from the first byte sent to a delivery for every Deployment at the sink.", "",
            "| sent as | payloads | seconds to all 50 delivered | of which sending | PullDoctor CPU s | deliveries | diagnoses | Kubernetes requests | per workload | probes | categories | peak RSS MiB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    peaks = []
    for mode in ("grouped", "per-alert"):
        s = load(results, "storm-" + mode)
        if not s:
            continue
        peaks.append(s["vm_hwm_mib"])
        cats = ", ".join("%s %d" % (k, v) for k, v in sorted(s["categories"].items()))
        out.append("| %s | %d | %.2f%s | %.2f | %s | %d | %d | %d | %.2f | %d | %s | %.1f |" % (
            "one per Deployment" if mode == "grouped" else "one per alert", s["payloads"], s["seconds"],
            "" if s["complete"] else " (%d of 50 after the limit)" % s["incidents_delivered"], s["send_s"],
            s.get("cpu_s", "?"), s["deliveries"], s["diagnoses"], s["kube_requests"],
            s["kube_requests_per_workload"], s["probes"], cats, s["vm_hwm_mib"]))
        goals.append(("storm (%s): all 50 incidents diagnosed and delivered" % mode, "%.2f s" % s["seconds"], "≤ 10 s",
                      s["complete"] and s["seconds"] <= 10))
        goals.append(("storm (%s): registry probes" % mode, "%d" % s["probes"], "≤ 200", s["probes"] <= 200))
        goals.append(("storm (%s): Kubernetes requests per workload" % mode, "%.2f" % s["kube_requests_per_workload"],
                      "≤ 3", s["kube_requests_per_workload"] <= 3))
    out.append("")
    for mode in ("grouped", "per-alert"):
        s = load(results, "storm-" + mode)
        if s:
            out.append("- %s: Kubernetes requests by resource: %s; by code: %s. Delivered diagnoses: %d partial, owners %s, "
                       "%s–%s alerts and %s–%s affected pods per delivery%s." % (
                           mode, ", ".join("%s %d" % (k, v) for k, v in sorted(s["kube_by_resource"].items())),
                           ", ".join("%s %d" % (k, v) for k, v in sorted(s["kube_by_code"].items())), s.get("partial", 0),
                           ", ".join("%s %d" % (k, v) for k, v in sorted(s.get("owner_kinds", {}).items())),
                           s.get("alerts_per_delivery", ["?", "?"])[0], s.get("alerts_per_delivery", ["?", "?"])[1],
                           s.get("affected_per_delivery", ["?", "?"])[0], s.get("affected_per_delivery", ["?", "?"])[1],
                           "; wrong category: " + "; ".join(s["wrong_category"]) if s["wrong_category"] else ""))
    out.append("")

    # Memory, classify, start-up
    idle = load(results, "idle")
    if idle:
        goals.append(("memory: RSS idle, 3 s after ready", "%.1f MiB (private: %.1f MiB)" % (
            idle["vm_rss_mib"], idle.get("rss_anon_mib", 0)), "≤ 20 MB", idle["vm_rss_mib"] <= 20))
    if peaks:
        goals.append(("memory: peak RSS (VmHWM) through the storm", "%.1f MiB (grouped / per-alert: %s)" % (
            max(peaks), " / ".join("%.1f" % p for p in peaks)), "≤ 64 MB", max(peaks) <= 64))
    c = load(results, "classify")
    if c:
        goals.append(("classify: 100,000 real messages", "%.2f s (%.2f s CPU, %s/s, peak RSS %.1f MiB)" % (
            c["seconds"], c.get("cpu_s", 0), "{:,}".format(c["per_second"]), c["peak_rss_mib"]), "≤ 2 s", c["seconds"] <= 2))
    st = load(results, "startup")
    if st:
        goals.append(("start-up: process start to /-/ready 200, median of 5", "%.1f ms (runs %s)" % (
            st["median_ms"], ", ".join("%.0f" % t for t in st["runs_ms"])), "≤ 200 ms", st["median_ms"] <= 200))

    summary = ["### Against the goals", "", "| measure | figure | goal | |", "|---|---|---|---|"]
    summary += ["| %s | %s | %s | %s |" % (a, b, g, verdict(ok)) for a, b, g, ok in goals]
    out = out[:out.index("### Ingest")] + summary + [""] + out[out.index("### Ingest"):]
    out += ["Memory figures are VmRSS / VmHWM from /proc/PID/status, in MiB (2^20 bytes); \"private\" is RssAnon, "
            "the part that is not mapped code or libraries.", "", END]
    return "\n".join(out), goals


def rate(value):
    """Whole numbers with thousands separators; one decimal under 10 so a slow row does not read as 0."""
    return "{:,.1f}".format(value) if value < 10 else "{:,.0f}".format(value)


def percent(ratio):
    return "%.1f%%" % (ratio * 100) if ratio < 0.1 else "%.0f%%" % (ratio * 100)


def cpu(row):
    value = row.get("server_cpu_ms_per_request")
    return "%.3f" % value if value is not None else "?"


def errors(row):
    codes = {k: v for k, v in row.get("webhook_codes", {}).items() if k != "200"}
    errs = {k: v for k, v in row["errors"].items() if v}
    parts = ["%s×%s" % (v, k) for k, v in sorted(codes.items())] + ["%s %s" % (v, k) for k, v in sorted(errs.items())]
    return ", ".join(parts) or "none"


def size(n):
    return "%.1f MB" % (n / 1e6) if n >= 1e6 else "%.1f KB" % (n / 1e3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--write")
    args = parser.parse_args()
    section, goals = build(args.results, args.bin)
    width = max(len(a) for a, _, _, _ in goals) if goals else 10
    print()
    print("%-*s  %-44s  %-9s  %s" % (width, "measure", "figure", "goal", ""))
    for a, b, g, ok in goals:
        print("%-*s  %-44s  %-9s  %s" % (width, a, b, g, "met" if ok else "MISSED"))
    if args.write:
        text = open(args.write).read() if os.path.exists(args.write) else (
            "# Benchmarks\n\n`make bench` measures PullDoctor on loopback and rewrites the section below.\n\n%s\n%s\n" % (BEGIN, END))
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        open(args.write, "w").write(head + section + tail)
        print("\nwrote %s" % args.write)


if __name__ == "__main__":
    main()
