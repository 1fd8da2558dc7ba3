#!/usr/bin/env python3
"""Start-up time: from process start to `GET /-/ready` answering 200, polled every millisecond.
Each run gets a fresh store; the process is stopped with SIGTERM (SIGKILL after 10 s) before the next.

Usage: startup.py --bin PULLDOCTOR --config FILE --port PORT --store-dir DIR --out RESULT_JSON [--runs 5]
"""
import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import time

REQUEST = b"GET /-/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def ready(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(REQUEST)
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = []
    for run in range(args.runs):
        store = os.path.join(args.store_dir, "startup-%d.sqlite" % run)
        log = open(os.path.join(args.store_dir, "startup-%d.log" % run), "w")
        start = time.monotonic()
        process = subprocess.Popen([args.bin, "serve", "--config.file=" + args.config, "--store.path=" + store],
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            while time.monotonic() - start < 10:
                if ready(args.port):
                    times.append((time.monotonic() - start) * 1000)
                    break
                if process.poll() is not None:
                    raise SystemExit("startup: PullDoctor exited with %s (see %s)" % (process.returncode, log.name))
                time.sleep(0.001)
            else:
                raise SystemExit("startup: not ready after 10 s")
        finally:
            stop(process)
            log.close()
    result = {"runs_ms": [round(t, 1) for t in times], "median_ms": round(statistics.median(times), 1)}
    json.dump(result, open(args.out, "w"))
    print("start-up to /-/ready: median %.1f ms (runs: %s)" % (result["median_ms"], ", ".join("%.1f" % t for t in times)))


if __name__ == "__main__":
    main()
