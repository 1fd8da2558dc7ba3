#!/usr/bin/env python3
"""Opens N webhook requests and sends each body slowly, so they are in flight when the rig sends SIGTERM.

Usage: slow_senders.py URL TOKEN PAYLOAD_FILE N READY_FILE
Sends headers and half of each body, touches READY_FILE, waits 1.5 s, sends the rest, reads the
answers. Prints `answered=N status200=N failed=N`. Every request must get its 200: a graceful
shutdown finishes in-flight requests.
"""
import socket
import sys
import threading
import time
import urllib.parse

url, token, payload_file, n, ready_file = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
body = open(payload_file, "rb").read()
parts = urllib.parse.urlsplit(url)
results = []
lock = threading.Lock()
half_sent = threading.Barrier(n + 1, timeout=10)


def one():
    status = None
    try:
        s = socket.create_connection((parts.hostname, parts.port), timeout=10)
        head = ("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nAuthorization: Bearer %s\r\n"
                "Content-Length: %d\r\nConnection: close\r\n\r\n" % (parts.path, parts.netloc, token, len(body)))
        s.sendall(head.encode() + body[: len(body) // 2])
        half_sent.wait()
        time.sleep(1.5)
        s.sendall(body[len(body) // 2:])
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else None
    except Exception as error:  # reported, not raised: the rig judges the counts
        sys.stderr.write("slow sender: %r\n" % (error,))
    with lock:
        results.append(status)


threads = [threading.Thread(target=one) for _ in range(n)]
for t in threads:
    t.start()
half_sent.wait()
open(ready_file, "w").close()
for t in threads:
    t.join()
print("answered=%d status200=%d failed=%d" % (
    sum(1 for r in results if r is not None), sum(1 for r in results if r == 200), sum(1 for r in results if r != 200)))
