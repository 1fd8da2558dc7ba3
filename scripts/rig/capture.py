#!/usr/bin/env python3
"""A webhook capture server for the rig: writes each POST body to DIR/NNN.json and answers 200.

Usage: capture.py DIR PORTFILE   (listens on 127.0.0.1, a free port written to PORTFILE)
"""
import http.server
import os
import sys

out_dir, port_file = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        count += 1
        with open(os.path.join(out_dir, "%03d.json" % count), "wb") as f:
            f.write(body)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
