#!/usr/bin/env python3
"""Sends webhook POSTs from several threads until the server goes away; reports what happened.

Usage: load.py URL TOKEN PAYLOAD_FILE SECONDS THREADS
Prints one line: `ok=N refused=N dropped=N other=N` (refused: the server had stopped listening;
dropped: a connection closed without an answer). Stops after SECONDS, or once the server is gone.
"""
import http.client
import sys
import threading
import time
import urllib.parse

url, token, payload_file, seconds, threads = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
body = open(payload_file, "rb").read()
parts = urllib.parse.urlsplit(url)
counts = {"ok": 0, "refused": 0, "dropped": 0, "other": 0}
lock = threading.Lock()
deadline = time.monotonic() + seconds


def worker():
    refused_in_a_row = 0
    while time.monotonic() < deadline and refused_in_a_row < 20:
        kind = "other"
        try:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            conn.connect()
        except ConnectionRefusedError:
            kind = "refused"
            refused_in_a_row += 1
            time.sleep(0.05)
        else:
            try:
                conn.request("POST", parts.path, body=body, headers={
                    "Content-Type": "application/json", "Authorization": "Bearer " + token, "Connection": "close"})
                status = conn.getresponse().status
                kind = "ok" if status == 200 else "other"
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                kind = "dropped"
            finally:
                conn.close()
        with lock:
            counts[kind] += 1


workers = [threading.Thread(target=worker) for _ in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(" ".join("%s=%d" % (k, v) for k, v in counts.items()))
