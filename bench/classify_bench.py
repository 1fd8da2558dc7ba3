#!/usr/bin/env python3
"""`pulldoctor classify` throughput: the 222 real messages of Tests/Fixtures/messages/real-messages.yaml,
repeated to COUNT lines, through one process (stdin lines in, JSON lines out). Wall time and peak RSS.
Fails (exit 1, with the reason and the command's stderr) when `pulldoctor classify` exits non-zero, times out,
or prints a number of lines other than COUNT.

Usage: classify_bench.py --bin PULLDOCTOR --messages real-messages.yaml --work DIR --out RESULT_JSON [--count 100000]
"""
import argparse
import json
import os
import resource
import subprocess
import time

import yaml


def fail(message, errors):
    """Stops the benchmark with a non-zero exit, the reason, and the end of the command's stderr."""
    tail = ""
    if os.path.exists(errors):
        text = open(errors, "rb").read()[-2000:].decode("utf-8", "replace").strip()
        if text:
            tail = "\n".join("classify:   stderr: " + l for l in text.splitlines()[-15:]) + "\n"
    raise SystemExit("%sclassify: FAIL: %s" % (tail, message))


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
    errors = os.path.join(args.work, "classify-err.txt")
    command = [args.bin, "classify"]
    with open(source, "rb") as stdin, open(target, "wb") as stdout, open(errors, "wb") as stderr:
        start = time.monotonic()
        try:
            code = subprocess.run(command, stdin=stdin, stdout=stdout, stderr=stderr, timeout=120).returncode
        except subprocess.TimeoutExpired:
            fail("`%s` did not finish %d lines within 120 s" % (" ".join(command), args.count), errors)
        except OSError as error:
            fail("cannot run `%s`: %s" % (" ".join(command), error), errors)
        elapsed = time.monotonic() - start
    with open(target, "rb") as f:
        lines = sum(1 for _ in f)
    if code != 0:
        fail("`%s` exited %d (given %d lines, printed %d)" % (" ".join(command), code, args.count, lines), errors)
    if lines != args.count:
        fail("`%s` printed %d lines for %d lines given: every input line must give exactly one output line"
             % (" ".join(command), lines, args.count), errors)
    categories = {}
    with open(target) as f:
        for number, line in enumerate(f, 1):
            if number > len(messages):
                break
            try:
                category = json.loads(line)["category"]
            except (ValueError, KeyError, TypeError):
                fail("output line %d is not a JSON object with a \"category\": %r" % (number, line[:200]), errors)
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


if __name__ == "__main__":
    main()
