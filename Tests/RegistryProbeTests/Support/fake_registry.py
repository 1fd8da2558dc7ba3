#!/usr/bin/env python3
"""Registry behaviours a real docker-registry cannot be made to show, for the probe tests (loopback only).

Usage: fake_registry.py
Serves, each on its own free 127.0.0.1 port, plain HTTP/1.1:
  token     a registry that wants bearer tokens from `auth` (realm on another port); it serves
            REPO:v1 to the token granted for repository:REPO:pull and answers 401 insufficient_scope
            to any other token
  auth      the token endpoint: Basic alice:s3cret gets a token for the repository asked for (none
            for team/secret), wrong credentials get 401, no credentials get an anonymous token;
            POST grant_type=refresh_token with refresh_token=refresh-good gets an access_token
  badrealm  a registry whose Bearer realm is a closed port (unreachable token endpoint)
  misc      /v2/ answers 200; manifests depend on the repository:
              limited/*  429 with Retry-After seconds and Docker Hub's ratelimit headers
              dated/*    429 with Retry-After as an HTTP date
              quota/*    200 with ratelimit headers (remaining 76 of 100)
              broken/*   500
              sleepy/*   answers after 10 s
              count/*    answers after 0.3 s (requests are counted)
              cap/*      answers after 0.4 s; the most requests in flight at once is recorded
Every server answers GET /_stats with its request counts ("METHOD /path": n), the most concurrent
cap/* requests, and the token endpoint's last query per scope. Prints one JSON line {"token": port, ...} on
stdout, then serves until killed.

Like Go's net/http, a TLS ClientHello gets a plain-HTTP 400 at once (Python would otherwise wait for a
line break), so HTTPS attempts fail fast with curl's "wrong version number".

Bodies and headers marked "synthetic" are made up for the tests; the rate-limit ones are real shapes:
Docker Hub's 429 message is the part after the lower-cased code in the error reported in
github.com/AliyunContainerService/image-syncer/issues/160 ("toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating
and upgrading: https://www.docker.com/increase-rate-limit"), its headers as captured in
gist.github.com/jeversol/369009aaad4cd2cd8e2610fa68d4c4be ("ratelimit-limit: 100;w=21600").
"""
import base64
import email.utils
import hashlib
import http.server
import json
import socket
import sys
import threading
import time
import urllib.parse

lock = threading.Lock()
stats = {}
concurrent = {"now": 0, "max": 0}
token_queries = {}

CONFIG = b'{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'
CONFIG_DIGEST = "sha256:" + hashlib.sha256(CONFIG).hexdigest()
MANIFEST = json.dumps({
    "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": CONFIG_DIGEST, "size": len(CONFIG)},
    "layers": [],
}, separators=(",", ":")).encode()
MANIFEST_DIGEST = "sha256:" + hashlib.sha256(MANIFEST).hexdigest()
TOO_MANY = json.dumps({"errors": [{"code": "TOOMANYREQUESTS", "message": "You have reached your pull rate limit. "
                                   "You may increase the limit by authenticating and upgrading: "
                                   "https://www.docker.com/increase-rate-limit"}]}).encode()


def grant(scope):
    """The token for an authenticated client: pull on the repository it asked for, except team/secret."""
    parts = scope.split(":")
    if len(parts) != 3 or parts[2] != "pull" or parts[1] == "team/secret":
        return "tok-noscope"
    return "tok:" + parts[1]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = ""
    ports = {}

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            first = self.request.recv(1, socket.MSG_PEEK)
        except OSError:
            return
        if first == b"\x16":
            self.request.sendall(b"HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        super().handle()

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def errors(self, status, code, message, headers=()):
        body = json.dumps({"errors": [{"code": code, "message": message, "detail": None}]}).encode()
        self.reply(status, body, [("Content-Type", "application/json")] + list(headers))

    def manifest(self, extra=()):
        self.reply(200, MANIFEST, [("Content-Type", "application/vnd.oci.image.manifest.v1+json"),
                                   ("Docker-Content-Digest", MANIFEST_DIGEST)] + list(extra))

    def do_HEAD(self):
        self.route()

    def do_GET(self):
        self.route()

    def do_POST(self):
        self.route()

    def route(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/_stats":
            with lock:
                body = json.dumps({"requests": stats.get(self.mode, {}), "max_concurrent_cap": concurrent["max"],
                                   "token_queries": token_queries}).encode()
            return self.reply(200, body, [("Content-Type", "application/json")])
        with lock:
            per_mode = stats.setdefault(self.mode, {})
            key = f"{self.command} {url.path}"
            per_mode[key] = per_mode.get(key, 0) + 1
        getattr(self, "serve_" + self.mode)(url)

    # token: a registry behind the token flow
    def serve_token(self, url):
        realm = f'Bearer realm="http://127.0.0.1:{self.ports["auth"]}/token",service="fake.registry"'
        if url.path == "/v2/":
            return self.errors(401, "UNAUTHORIZED", "synthetic: authentication required", [("WWW-Authenticate", realm)])
        repository = url.path[len("/v2/"):].split("/manifests/")[0].split("/tags/")[0]
        if self.headers.get("Authorization") == f"Bearer tok:{repository}":
            if url.path.endswith("/manifests/v1"):
                return self.manifest()
            return self.errors(404, "MANIFEST_UNKNOWN", "synthetic: manifest unknown")
        scoped = realm + f',scope="repository:{repository}:pull",error="insufficient_scope"'
        self.errors(401, "UNAUTHORIZED", "synthetic: authentication required", [("WWW-Authenticate", scoped)])

    # auth: the token endpoint
    def serve_auth(self, url):
        if url.path != "/token":
            return self.reply(404)
        if self.command == "POST":
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            with lock:
                token_queries[form.get("scope", "")] = {k: v for k, v in form.items() if k != "refresh_token"}
            if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != "refresh-good":
                return self.reply(401, b'{"error":"synthetic: invalid_grant"}', [("Content-Type", "application/json")])
            return self.reply(200, json.dumps({"access_token": grant(form.get("scope", ""))}).encode(),
                              [("Content-Type", "application/json")])
        query = dict(urllib.parse.parse_qsl(url.query))
        with lock:
            token_queries[query.get("scope", "")] = query
        auth = self.headers.get("Authorization")
        if auth is None:
            return self.reply(200, b'{"token":"tok-anon"}', [("Content-Type", "application/json")])
        user_pass = base64.b64decode(auth.split(" ", 1)[1]).decode() if auth.startswith("Basic ") else ""
        if user_pass != "alice:s3cret":
            return self.reply(401, b'{"details":"synthetic: incorrect username or password"}',
                              [("Content-Type", "application/json")])
        self.reply(200, json.dumps({"token": grant(query.get("scope", "")), "expires_in": 300}).encode(),
                   [("Content-Type", "application/json")])

    # badrealm: the token endpoint is a closed port
    def serve_badrealm(self, url):
        realm = f'Bearer realm="http://127.0.0.1:{self.ports["closed"]}/token",service="fake.registry"'
        self.errors(401, "UNAUTHORIZED", "synthetic: authentication required", [("WWW-Authenticate", realm)])

    # misc: rate limits, errors, slowness, counting
    def serve_misc(self, url):
        if url.path == "/v2/":
            return self.reply(200, b"{}", [("Content-Type", "application/json")])
        parts = url.path.split("/")
        group = parts[2] if len(parts) > 2 else ""
        limits = [("ratelimit-limit", "100;w=21600")]
        if group == "limited":
            return self.reply(429, TOO_MANY, [("Content-Type", "application/json"), ("Retry-After", "120"),
                                              ("ratelimit-remaining", "0;w=21600")] + limits)
        if group == "dated":
            later = email.utils.formatdate(time.time() + 90, usegmt=True)
            return self.reply(429, TOO_MANY, [("Content-Type", "application/json"), ("Retry-After", later)])
        if group == "quota":
            return self.manifest(limits + [("ratelimit-remaining", "76;w=21600")])
        if group == "broken":
            return self.reply(500, b"synthetic: internal error\n", [("Content-Type", "text/plain")])
        if group == "sleepy":
            time.sleep(10)
            return self.manifest()
        if group == "count":
            time.sleep(0.3)
            return self.manifest()
        if group == "cap":
            with lock:
                concurrent["now"] += 1
                concurrent["max"] = max(concurrent["max"], concurrent["now"])
            try:
                time.sleep(0.4)
            finally:
                with lock:
                    concurrent["now"] -= 1
            return self.manifest()
        self.errors(404, "NAME_UNKNOWN", "synthetic: repository name not known to registry")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog of 5 drops SYNs when the tests connect in bursts (the client then
    # retries after 1 s): keep it well above the tests' concurrency.
    request_queue_size = 128


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ports = {"closed": free_port()}
    servers = {}
    for mode in ["token", "auth", "badrealm", "misc"]:
        handler = type(f"{mode}Handler", (Handler,), {"mode": mode, "ports": ports})
        servers[mode] = Server(("127.0.0.1", 0), handler)
        ports[mode] = servers[mode].server_address[1]
    for server in servers.values():
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps(ports), flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
