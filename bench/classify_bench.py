#!/usr/bin/env python3
"""`pulldoctor classify` throughput: the 222 real messages of Tests/Fixtures/messages/real-messages.yaml,
repeated to COUNT lines, through one process (stdin lines in, JSON lines out). Wall time and peak RSS.

Usage: classify_bench.py --bin PULLDOCTOR --messages real-messages.yaml --work DIR --out RESULT_JSON [--count 100000]
"""
import argparse
import json
import os
import resource
import subprocess
import time

import yaml


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--messages", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    messages = [entry["message"].replace("\n", " ") for entry in yaml.safe_load(open(args.messages))
                if isinstance(entry, dict) and "message" in entry]
    source = os.path.join(args.work, "classify-in.txt")
    with open(source, "w") as f:
        for i in range(args.count):
            f.write(messages[i % len(messages)] + "\n")
    target = os.path.join(args.work, "classify-out.jsonl")
    with open(source, "rb") as stdin, open(target, "wb") as stdout:
        start = time.monotonic()
        code = subprocess.run([args.bin, "classify"], stdin=stdin, stdout=stdout, timeout=120).returncode
        elapsed = time.monotonic() - start
    lines = 0
    categories = {}
    with open(target) as f:
        for line in f:
            lines += 1
            if lines <= len(messages):
                category = json.loads(line)["category"]
                categories[category] = categories.get(category, 0) + 1
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss / 1024.0
    result = {"messages": args.count, "distinct": len(messages), "input_bytes": os.path.getsize(source),
              "exit": code, "output_lines": lines, "seconds": round(elapsed, 3),
              "per_second": round(args.count / elapsed), "peak_rss_mib": round(peak, 1),
              "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
              "unknown_share_of_corpus": round(categories.get("unknown", 0) / len(messages), 3)}
    json.dump(result, open(args.out, "w"))
    print("classify: %d messages (%d distinct, %.1f MB) in %.3f s (%.3f s CPU), %d/s, %d lines out, exit %d, peak RSS %.1f MiB" % (
        args.count, len(messages), result["input_bytes"] / 1e6, elapsed, result["cpu_s"], result["per_second"], lines, code, peak))
    if code != 0 or lines != args.count:
        raise SystemExit("classify: expected %d output lines and exit 0" % args.count)


if __name__ == "__main__":
    main()
