#!/usr/bin/env bash
# Security check of a running PullDoctor, on loopback only, bounded, stopping what it starts by PID.
#
#   scripts/security-check.sh        (needs .build/debug/pulldoctor and .build/debug/kubesim: make build-tests)
#   SECURITY_KEEP=1 scripts/security-check.sh   keeps the work folder (logs, captures, pages) for a look
#
# PullDoctor runs at --log.level=debug against kubesim serving Tests/Fixtures/clusters/credentials-rejected
# (its "Failed to pull image" events given a tail of markup), whose pull secret carries a password; the
# registry it names is a fake that answers 401 to everything, so the probe really sends that password.
# Planted secrets: the webhook bearer token (bearer_token_file), a sink bearer token (bearer_token_file),
# two Slack-style sink URLs (url_file; one sink reachable, one not, so failures are logged), the pull
# secret's password and auth field, and an inline token in a broken file given to /-/reload. Alerts go in
# with good and bad auth, hostile labels, line breaks and very long values; then none of the secrets may
# appear in PullDoctor's log (every level), /metrics, the notifications the sinks received, the pages and
# JSON API (when the routes exist), the error answers or the SQLite store. Also checked: 401 on /webhook
# and /-/reload without credentials, 413 over the size limit (Content-Length and chunked), 431 or 400 and
# a live server for an oversized header, no forged log lines, HTML escaping on the pages and Slack
# escaping of markup from the cluster, and deploy/base's Deployment running as non-root with a read-only
# root filesystem. Prints PASS/FAIL/SKIP per check; exits 1 on any FAIL.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
SIM=${KUBESIM_BIN:-$ROOT/.build/debug/kubesim}
SCENARIO=$ROOT/Tests/Fixtures/clusters/credentials-rejected
WORK=$(mktemp -d /tmp/pulldoctor-security.XXXXXX)
PIDS=()
FAILED=0
PASSED=0
SKIPPED=0

say() { printf 'security: %s\n' "$*"; }
pass() { PASSED=$((PASSED + 1)); printf 'PASS %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL %s\n' "$*"; }
skip() { SKIPPED=$((SKIPPED + 1)); printf 'SKIP %s\n' "$*"; }
# check NAME COMMAND...: PASS when COMMAND succeeds.
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
abort() { printf 'security: cannot run: %s\n' "$*" >&2; for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done; exit 1; }
stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  for pid in "${PIDS[@]}"; do stop "$pid"; done
  if [ "${SECURITY_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_until() { local n=$1; shift; for _ in $(seq 1 $((n * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }

for tool in python3 curl; do command -v "$tool" >/dev/null || abort "$tool is not installed (make deps)"; done
python3 -c 'import yaml' 2>/dev/null || abort "python3-yaml is not installed (make deps)"
[ -x "$BIN" ] || abort "no PullDoctor binary at $BIN (make build-tests)"
[ -x "$SIM" ] || abort "no kubesim binary at $SIM (make build-tests)"

# ---------------------------------------------------------------- helpers (python, loopback only)
cat > "$WORK/helpers.py" <<'PY'
"""capture DIR PORTFILE | registry DIR PORTFILE | request ... | secrets SCENARIO | payload SCENARIO KIND | scan ..."""
import base64, http.client, http.server, json, os, socket, sys, urllib.parse
import yaml


def serve(handler_class, port_file):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()


def capture(out_dir, port_file):
    """A sink: every request saved as NNN.json {method, path, headers, body}; answers 200."""
    os.makedirs(out_dir, exist_ok=True)
    counter = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            counter[0] += 1
            record = {"path": self.path, "headers": dict(self.headers.items()), "body": body.decode("utf-8", "replace")}
            with open(os.path.join(out_dir, "%03d.json" % counter[0]), "w") as f:
                json.dump(record, f)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    serve(Handler, port_file)


def registry(out_dir, port_file):
    """A registry that rejects every credential: 401 with a Basic challenge, Docker's error body."""
    os.makedirs(out_dir, exist_ok=True)

    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self):
            with open(os.path.join(out_dir, "requests.log"), "a") as f:
                f.write("%s %s auth=%s\n" % (self.command, self.path, self.headers.get("Authorization", "")))
            body = b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}'
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="Registry Realm"')
            self.send_header("Docker-Distribution-Api-Version", "registry/2.0")
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        do_GET = do_HEAD = answer

        def log_message(self, *args):
            pass

    serve(Handler, port_file)


def request(argv):
    """request METHOD URL OUTFILE [-H 'Name: value']... [--body FILE] [--chunked] [--header-bytes N]
    Prints 'STATUS CONTENT-TYPE' ('000 -' when the server closed without answering); body to OUTFILE."""
    method, url, out = argv[0], argv[1], argv[2]
    headers, body, chunked, i = [], None, False, 3
    while i < len(argv):
        if argv[i] == "-H":
            name, _, value = argv[i + 1].partition(":")
            headers.append((name.strip(), value.strip())); i += 2
        elif argv[i] == "--body":
            with open(argv[i + 1], "rb") as f:
                body = f.read()
            i += 2
        elif argv[i] == "--chunked":
            chunked = True; i += 1
        elif argv[i] == "--header-bytes":
            headers.append(("X-Oversized", "a" * int(argv[i + 1]))); i += 2
        else:
            raise SystemExit("unknown argument " + argv[i])
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    try:
        path = parts.path + ("?" + parts.query if parts.query else "")
        connection.putrequest(method, path)
        for name, value in headers:
            connection.putheader(name, value)
        if body is not None and chunked:
            connection.putheader("Transfer-Encoding", "chunked")
            connection.endheaders()
            for start in range(0, len(body), 16384):
                piece = body[start:start + 16384]
                connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
            connection.send(b"0\r\n\r\n")
        else:
            if body is not None:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
        response = connection.getresponse()
        data = response.read()
        with open(out, "wb") as f:
            f.write(data)
        print(response.status, response.getheader("Content-Type", "-").replace(" ", ""))
        with open(out + ".headers", "w") as f:
            for name, value in response.getheaders():
                f.write("%s: %s\n" % (name, value))
    except (ConnectionError, http.client.HTTPException, socket.timeout, OSError):
        with open(out, "wb") as f:
            pass
        print("000 -")


def planted(scenario):
    """The pull secret's password and auth field, decoded from the fixture (never written here by hand)."""
    with open(os.path.join(scenario, "cluster.yaml")) as f:
        items = [i for d in yaml.safe_load_all(f) if d for i in (d.get("items") or [d])]
    for item in items:
        if item.get("kind") != "Secret":
            continue
        data = dict(item.get("stringData") or {})
        for key, value in (item.get("data") or {}).items():
            data[key] = base64.b64decode(value).decode()
        document = data.get(".dockerconfigjson")
        if not document:
            continue
        for entry in json.loads(document)["auths"].values():
            if entry.get("password"):
                print("pull-secret-password", entry["password"])
            if entry.get("auth"):
                print("pull-secret-auth", entry["auth"])
                print("pull-secret-auth-password", base64.b64decode(entry["auth"]).decode().split(":", 1)[1])


def payload(scenario, kind, out):
    """A version-4 Alertmanager payload for the scenario's alert: 'good' as the fixture says, 'hostile'
    with markup in labels and annotations, 'long' with a 20,000-character label value."""
    with open(os.path.join(scenario, "scenario.yaml")) as f:
        labels = {str(k): str(v) for k, v in yaml.safe_load(f)["alert"].items()}
    annotations = {"summary": "image pull failing"}
    if kind == "hostile":
        labels["pod"] = "<script>alert(1)</script>"
        labels["container"] = '"><img src=x onerror=alert(1)>'
        labels["team"] = "</title><script>alert(1)</script>"
        annotations["description"] = '"><img src=x onerror=alert(1)><script>alert(1)</script>'
    elif kind == "newline":
        labels["pod"] = "web-1\nts=2026-11-21T00:00:00.000Z level=error msg=FORGED-LOG-LINE"
        labels["team"] = "a\r\nlevel=error msg=FORGED-CRLF"
    elif kind == "long":
        labels["pod"] = "p" + "x" * 20000
        annotations["description"] = "<b>" * 5000
    alert = {"status": "firing", "labels": labels, "annotations": annotations,
             "startsAt": "2026-11-21T19:35:30.308Z", "endsAt": "0001-01-01T00:00:00Z",
             "generatorURL": "http://prometheus.example/graph", "fingerprint": "%016x" % abs(hash(kind))}
    document = {"version": "4", "groupKey": "{}:{alertname=\"%s\"}" % labels["alertname"], "truncatedAlerts": 0,
                "status": "firing", "receiver": "pulldoctor", "groupLabels": {"alertname": labels["alertname"]},
                "commonLabels": labels, "commonAnnotations": annotations,
                "externalURL": "http://alertmanager.example", "alerts": [alert]}
    with open(out, "w") as f:
        json.dump(document, f)


def hostile_cluster(scenario, out):
    """A copy of the scenario whose kubelet events end with markup, as an image name or a registry's
    error text chosen by someone else would put it there; the pages show event messages as evidence."""
    import shutil
    shutil.copytree(scenario, out)
    path = os.path.join(out, "events.yaml")
    with open(path) as f:
        documents = list(yaml.safe_load_all(f))
    for document in documents:
        for item in (document or {}).get("items") or []:
            if item.get("message", "").startswith("Failed to pull image"):
                item["message"] += ' <script>alert(1)</script> "><img src=x onerror=alert(1)> <!channel> <https://evil.example|click>'
    with open(path, "w") as f:
        yaml.safe_dump_all(documents, f, sort_keys=False, width=100000)


def scan(argv):
    """scan SECRETS_FILE PATH...: prints 'NAME in PATH' for each planted secret found (binary-safe)."""
    with open(argv[0]) as f:
        secrets = [line.rstrip("\n").split(" ", 1) for line in f if line.strip()]
    for path in argv[1:]:
        files = [os.path.join(d, n) for d, _, ns in os.walk(path) for n in ns] if os.path.isdir(path) else [path]
        for name in sorted(files):
            if not os.path.exists(name):
                continue
            with open(name, "rb") as f:
                data = f.read()
            for label, value in secrets:
                if value.encode() in data:
                    print("%s in %s" % (label, name))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "capture":
        capture(sys.argv[2], sys.argv[3])
    elif command == "registry":
        registry(sys.argv[2], sys.argv[3])
    elif command == "request":
        request(sys.argv[2:])
    elif command == "secrets":
        planted(sys.argv[2])
    elif command == "payload":
        payload(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "scan":
        scan(sys.argv[2:])
    elif command == "hostile-cluster":
        hostile_cluster(sys.argv[2], sys.argv[3])
PY
H() { python3 "$WORK/helpers.py" "$@"; }

# ---------------------------------------------------------------- planted secrets
WEB_TOKEN=$(python3 -c 'import secrets; print("pdsec-web-" + secrets.token_hex(12))')
SINK_TOKEN=$(python3 -c 'import secrets; print("pdsec-sink-" + secrets.token_hex(12))')
SLACK_SECRET=$(python3 -c 'import secrets; print("pdsecslack" + secrets.token_hex(12))')
SLACK_DOWN_SECRET=$(python3 -c 'import secrets; print("pdsecdown" + secrets.token_hex(12))')
INLINE_SECRET=$(python3 -c 'import secrets; print("pdsec-inline-" + secrets.token_hex(12))')
printf '%s\n' "$WEB_TOKEN" > "$WORK/web-token"
printf '%s\n' "$SINK_TOKEN" > "$WORK/sink-token"
{
  echo "web-bearer-token $WEB_TOKEN"
  echo "sink-bearer-token $SINK_TOKEN"
  echo "slack-url-secret $SLACK_SECRET"
  echo "failing-slack-url-secret $SLACK_DOWN_SECRET"
  echo "inline-config-token $INLINE_SECRET"
  H secrets "$SCENARIO"
} > "$WORK/secrets"
grep -q '^pull-secret-password ' "$WORK/secrets" || abort "no password found in $SCENARIO's pull secret"

# ---------------------------------------------------------------- the rig
started=$(date +%s)
python3 "$WORK/helpers.py" registry "$WORK/registry" "$WORK/registry.port" > "$WORK/registry.log" 2>&1 &
PIDS+=("$!")
python3 "$WORK/helpers.py" capture "$WORK/captured" "$WORK/capture.port" > "$WORK/capture.log" 2>&1 &
PIDS+=("$!")
wait_until 10 test -s "$WORK/registry.port" || abort "fake registry did not start"
wait_until 10 test -s "$WORK/capture.port" || abort "capture sink did not start"
REG_PORT=$(cat "$WORK/registry.port"); CAP_PORT=$(cat "$WORK/capture.port")
CLOSED_PORT=$(free_port)

H hostile-cluster "$SCENARIO" "$WORK/cluster"
"$SIM" --fixtures "$WORK/cluster" --listen 127.0.0.1:0 --set "REGISTRY_AUTH=127.0.0.1:$REG_PORT" \
  --set "REGISTRY_OPEN=127.0.0.1:$CLOSED_PORT" --set "REGISTRY_TLS=127.0.0.1:$CLOSED_PORT" \
  > "$WORK/kubesim.out" 2> "$WORK/kubesim.log" &
PIDS+=("$!")
wait_until 20 grep -q listening "$WORK/kubesim.out" || abort "kubesim did not start"
SIM_PORT=$(head -1 "$WORK/kubesim.out" | sed 's/.*://')

printf 'http://127.0.0.1:%s/services/T0PDSEC/B0PDSEC/%s\n' "$CAP_PORT" "$SLACK_SECRET" > "$WORK/slack-url"
# A sink that cannot be reached: its failures and retries are logged, the classic place for a URL to leak.
printf 'http://127.0.0.1:%s/services/T0PDSEC/B0DOWN/%s\n' "$CLOSED_PORT" "$SLACK_DOWN_SECRET" > "$WORK/slack-down-url"
PD_PORT=$(free_port)
PD=http://127.0.0.1:$PD_PORT
cat > "$WORK/kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters: [{name: sim, cluster: {server: "http://127.0.0.1:$SIM_PORT"}}]
users: [{name: sim, user: {}}]
contexts: [{name: sim, context: {cluster: sim, user: sim}}]
current-context: sim
YAML
MAX_BYTES=262144
cat > "$WORK/pulldoctor.yml" <<YAML
web:
  listen_address: 127.0.0.1:$PD_PORT
  max_request_bytes: $MAX_BYTES
  auth:
    bearer_token_file: $WORK/web-token
log:
  level: debug
kubernetes:
  kubeconfig: $WORK/kubeconfig
store:
  path: $WORK/pulldoctor.sqlite
delivery:
  initial_backoff: 200ms
  max_backoff: 1s
  poll_interval: 100ms
sinks:
  - name: hook
    type: webhook
    url: http://127.0.0.1:$CAP_PORT/hook
    bearer_token_file: $WORK/sink-token
  - name: chat
    type: slack
    url_file: $WORK/slack-url
  - name: chat-down
    type: slack
    url_file: $WORK/slack-down-url
    timeout: 1s
YAML
"$BIN" check-config "$WORK/pulldoctor.yml" > "$WORK/check-config.log" 2>&1 || abort "check-config rejected the config"
"$BIN" serve --config.file="$WORK/pulldoctor.yml" --log.level=debug > "$WORK/pulldoctor.log" 2>&1 &
PD_PID=$!
PIDS+=("$PD_PID")
wait_until 30 curl -fsS "$PD/-/ready" || abort "PullDoctor did not become ready"
say "rig up in $(( $(date +%s) - started )) s: PullDoctor $PD, kubesim :$SIM_PORT, registry :$REG_PORT, sink :$CAP_PORT"

# ---------------------------------------------------------------- requests
AUTH="Authorization: Bearer $WEB_TOKEN"
JSON="Content-Type: application/json"
for kind in good hostile long newline; do H payload "$SCENARIO" "$kind" "$WORK/$kind.json"; done
python3 -c "import sys; sys.stdout.write('{\"pad\":\"' + 'x' * ($MAX_BYTES + 1024) + '\"}')" > "$WORK/big.json"

req() { H request "$@"; }
status_of() { cut -d' ' -f1 <<< "$1"; }

r=$(req POST "$PD/webhook" "$WORK/r-noauth" -H "$JSON" --body "$WORK/good.json")
check "/webhook without credentials answers 401 (got $(status_of "$r"))" test "$(status_of "$r")" = 401
r=$(req POST "$PD/webhook" "$WORK/r-badauth" -H "$JSON" -H "Authorization: Bearer wrong-$WEB_TOKEN" --body "$WORK/good.json")
check "/webhook with a wrong bearer token answers 401 (got $(status_of "$r"))" test "$(status_of "$r")" = 401
r=$(req POST "$PD/webhook" "$WORK/r-basic" -H "$JSON" -H "Authorization: Basic $(printf 'x:%s' "$WEB_TOKEN" | base64 -w0)" --body "$WORK/good.json")
check "/webhook with the token as a Basic password answers 401 (got $(status_of "$r"))" test "$(status_of "$r")" = 401
r=$(req POST "$PD/-/reload" "$WORK/r-reload-noauth")
check "/-/reload without credentials answers 401 (got $(status_of "$r"))" test "$(status_of "$r")" = 401
r=$(req POST "$PD/-/reload" "$WORK/r-reload-bad" -H "Authorization: Bearer nope")
check "/-/reload with a wrong token answers 401 (got $(status_of "$r"))" test "$(status_of "$r")" = 401
r=$(req POST "$PD/-/reload" "$WORK/r-reload" -H "$AUTH")
check "/-/reload with the token answers 200 (got $(status_of "$r"))" test "$(status_of "$r")" = 200

r=$(req POST "$PD/webhook" "$WORK/r-good" -H "$JSON" -H "$AUTH" --body "$WORK/good.json")
check "/webhook with the token accepts the scenario's alert (got $(status_of "$r"))" test "$(status_of "$r")" = 200
r=$(req POST "$PD/webhook" "$WORK/r-hostile" -H "$JSON" -H "$AUTH" --body "$WORK/hostile.json")
check "/webhook takes hostile label values without a 5xx (got $(status_of "$r"))" test "$(status_of "$r")" -lt 500
r=$(req POST "$PD/webhook" "$WORK/r-long" -H "$JSON" -H "$AUTH" --body "$WORK/long.json")
check "/webhook takes a 20,000-character label without a 5xx (got $(status_of "$r"))" test "$(status_of "$r")" -lt 500
r=$(req POST "$PD/webhook" "$WORK/r-newline" -H "$JSON" -H "$AUTH" --body "$WORK/newline.json")
check "/webhook takes label values with line breaks without a 5xx (got $(status_of "$r"))" test "$(status_of "$r")" -lt 500
# A 400 that quotes the offending key must not be served as HTML.
printf '{"version":"4","alerts":[{"labels":{"<script>alert(1)</script>":1}}]}' > "$WORK/badkey.json"
r=$(req POST "$PD/webhook" "$WORK/r-badkey" -H "$JSON" -H "$AUTH" --body "$WORK/badkey.json")
check "a 400 naming a hostile key is not text/html (got $r)" \
  bash -c '[ "$(cut -d" " -f1 <<< "$1")" = 400 ] && ! grep -qi "text/html" <<< "$1"' _ "$r"

r=$(req POST "$PD/webhook" "$WORK/r-big" -H "$JSON" -H "$AUTH" --body "$WORK/big.json")
check "a body over max_request_bytes answers 413 (Content-Length; got $(status_of "$r"))" test "$(status_of "$r")" = 413
r=$(req POST "$PD/webhook" "$WORK/r-bigchunked" -H "$JSON" -H "$AUTH" --body "$WORK/big.json" --chunked)
check "a chunked body over max_request_bytes answers 413 (got $(status_of "$r"))" test "$(status_of "$r")" = 413
r=$(req POST "$PD/webhook" "$WORK/r-bignoauth" -H "$JSON" --body "$WORK/big.json")
check "an oversized body without credentials answers 401, not 413 (got $(status_of "$r"))" test "$(status_of "$r")" = 401

r=$(req GET "$PD/-/healthy" "$WORK/r-header" --header-bytes 131072)
code=$(status_of "$r")
alive=$(curl -s -o /dev/null -w '%{http_code}' "$PD/-/healthy" || true)
check "a 128 KiB header answers 431 or 400 (got $code) and the server stays up (healthy: $alive)" \
  bash -c '[ "$1" = 431 -o "$1" = 400 ] && [ "$2" = 200 ] && kill -0 "$3"' _ "$code" "$alive" "$PD_PID"

# A broken configuration on reload: the error goes to the log and into the 500 answer, so it must name
# the problem without quoting the file, which may hold an inline secret (here a sink's bearer_token next
# to a duplicated key). The good file is put back at once: the server keeps its previous configuration.
cp "$WORK/pulldoctor.yml" "$WORK/pulldoctor.yml.good"
cat >> "$WORK/pulldoctor.yml" <<YAML
  - name: inline
    type: webhook
    url: http://127.0.0.1:$CLOSED_PORT/x
    bearer_token: $INLINE_SECRET
log:
  level: info
YAML
r=$(req POST "$PD/-/reload" "$WORK/r-reload-broken" -H "$AUTH")
cp "$WORK/pulldoctor.yml.good" "$WORK/pulldoctor.yml"
check "/-/reload of a broken file is refused (got $(status_of "$r"))" test "$(status_of "$r")" -ge 400
quoted=$(H scan "$WORK/secrets" "$WORK/r-reload-broken" | grep -c inline-config-token || true)
check "a refused reload does not quote the configuration's secrets in its answer" test "$quoted" = 0

# ---------------------------------------------------------------- let the diagnosis and deliveries happen
wait_until 60 bash -c "ls '$WORK/captured' 2>/dev/null | grep -q ." || true
for _ in $(seq 1 40); do   # both sinks, or 8 s more after the first delivery
  grep -l '"/hook"' "$WORK"/captured/*.json > /dev/null 2>&1 && grep -l "/services/" "$WORK"/captured/*.json > /dev/null 2>&1 && break
  sleep 0.2
done
deliveries=$(ls "$WORK/captured" 2>/dev/null | wc -l)
retried() { curl -s "$PD/metrics" | grep -E '^pulldoctor_notifications_total\{sink="chat-down",result="(retry|failed)"\} [1-9]' > /dev/null; }
wait_until 20 retried || true
check "the unreachable sink was tried and failed (its URL was in use)" retried
check "the sinks received notifications ($deliveries), so their secrets were in use" test "$deliveries" -gt 0
if grep -q "auth=Basic" "$WORK/registry/requests.log" 2>/dev/null; then
  pass "the probe sent the pull secret's credentials to the registry (they were in use)"
else
  fail "the probe never sent the pull secret's credentials (registry saw: $(head -c 300 "$WORK/registry/requests.log" 2>/dev/null | tr '\n' ';'))"
fi
sink_auth=$(python3 - "$WORK/captured" "$SINK_TOKEN" <<'PY'
import glob, json, sys
seen = [json.load(open(p))["headers"].get("Authorization", "") for p in glob.glob(sys.argv[1] + "/*.json")
        if json.load(open(p))["path"] == "/hook"]
print("yes" if any(h == "Bearer " + sys.argv[2] for h in seen) else "no (%d webhook deliveries)" % len(seen))
PY
)
check "the webhook sink was called with its bearer token ($sink_auth)" test "$sink_auth" = yes

# Slack reads <...> in message text as links and mentions (<!channel>, <url|text>): text that came from
# the cluster must reach it escaped (&lt; &gt; &amp;), as Slack's message formatting guide asks.
slack_raw=$(python3 - "$WORK/captured" <<'PY'
import glob, json, sys
bodies = [json.load(open(p))["body"] for p in glob.glob(sys.argv[1] + "/*.json") if "/services/" in json.load(open(p))["path"]]
raw = [m for m in ("<!channel>", "<https://evil.example|", "<script>") if any(m in b for b in bodies)]
print("no Slack delivery" if not bodies else ("; ".join(raw) if raw else "none"))
PY
)
check "Slack notifications escape markup from the cluster (raw: $slack_raw)" test "$slack_raw" = none

# ---------------------------------------------------------------- surfaces to scan
mkdir -p "$WORK/surfaces"
curl -s "$PD/metrics" > "$WORK/surfaces/metrics.txt"
# Pages may sit behind the same auth as the webhook: without credentials first, then with them.
fetch() {
  local answer
  answer=$(req GET "$1" "$2")
  if [ "$(status_of "$answer")" = 401 ]; then
    PAGES_NEED_AUTH=1
    answer=$(req GET "$1" "$2" -H "$AUTH")
  fi
  echo "$answer"
}
PAGES_NEED_AUTH=0
r=$(fetch "$PD/" "$WORK/surfaces/index.html")
INDEX_STATUS=$(status_of "$r"); INDEX_TYPE=$(cut -d' ' -f2 <<< "$r")
r=$(fetch "$PD/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E" "$WORK/surfaces/index-query.html")
r=$(fetch "$PD/api/v1/incidents" "$WORK/surfaces/incidents.json")
API_STATUS=$(status_of "$r"); API_TYPE=$(cut -d' ' -f2 <<< "$r")
if [ "$API_STATUS" = 200 ]; then   # every diagnosis page and its JSON the incident list links to
  python3 - "$WORK/surfaces/incidents.json" <<'PY' | head -n 20 > "$WORK/diagnosis-ids"
import json, re, sys
text = open(sys.argv[1]).read()
ids = set(re.findall(r'"(?:diagnosis_?[iI]d|latestDiagnosisId|latest_diagnosis_id)"\s*:\s*"?([A-Za-z0-9_-]+)', text))
print("\n".join(sorted(ids)))
PY
  while read -r id; do
    [ -n "$id" ] || continue
    fetch "$PD/diagnoses/$id" "$WORK/surfaces/diagnosis-$id.html" > /dev/null
    fetch "$PD/api/v1/diagnoses/$id" "$WORK/surfaces/diagnosis-$id.json" > /dev/null
  done < "$WORK/diagnosis-ids"
fi
for f in "$WORK"/r-*; do cp "$f" "$WORK/surfaces/response-$(basename "$f")"; done
mkdir -p "$WORK/notifications"
python3 - "$WORK/captured" "$WORK/notifications" <<'PY'
import glob, json, os, sys
for p in glob.glob(sys.argv[1] + "/*.json"):
    record = json.load(open(p))
    # The Authorization header carries the sink token by design and the path is the Slack URL itself:
    # the body and every other header must not carry any of them.
    headers = {k: v for k, v in record["headers"].items() if k.lower() != "authorization"}
    with open(os.path.join(sys.argv[2], os.path.basename(p)), "w") as f:
        json.dump({"headers": headers, "body": record["body"]}, f)
PY

# Stop PullDoctor gracefully so every log line is flushed, then scan.
stop "$PD_PID"
for surface in "log:$WORK/pulldoctor.log" "metrics:$WORK/surfaces/metrics.txt" \
               "notifications:$WORK/notifications" "pages and API and error responses:$WORK/surfaces" \
               "store:$WORK/pulldoctor.sqlite"; do
  name=${surface%%:*}; path=${surface#*:}
  found=$(H scan "$WORK/secrets" "$path" $( [ "$name" = store ] && echo "$path-wal" ) | sed "s|$WORK/||g" | sort -u)
  check "no planted secret in $name$( [ -n "$found" ] && printf ' (found: %s)' "$(tr '\n' ';' <<< "$found")")" test -z "$found"
done
forged=$(grep -c -E '^(ts=2026-11-21T00:00:00.000Z )?level=error msg=FORGED' "$WORK/pulldoctor.log" || true)
check "label values cannot forge log lines (line breaks escaped; forged lines: $forged)" test "$forged" = 0
lines=$(wc -l < "$WORK/pulldoctor.log")
check "the debug log is not empty ($lines lines scanned)" test "$lines" -gt 5

# ---------------------------------------------------------------- HTML escaping
if [ "$INDEX_STATUS" = 200 ] && grep -qi 'text/html' <<< "$INDEX_TYPE"; then
  say "pages $( [ "$PAGES_NEED_AUTH" = 1 ] && echo "require" || echo "do not require") the web credentials"
  pages=("$WORK/surfaces/index.html" "$WORK/surfaces/index-query.html" "$WORK"/surfaces/diagnosis-*.html)
  raw=$(grep -l -F -e '<script>alert(1)</script>' -e '<img src=x onerror=alert(1)>' "${pages[@]}" 2>/dev/null | sed "s|$WORK/||" || true)
  check "HTML pages escape hostile label values$( [ -n "$raw" ] && echo " (raw markup in: $raw)")" test -z "$raw"
  if grep -q -F -e '&lt;script&gt;alert(1)' -e '&lt;img src=x onerror' "${pages[@]}" 2>/dev/null; then
    pass "the hostile values are shown, escaped (&lt;script&gt;...), on the pages"
  else
    skip "the hostile values do not appear on the pages, so their escaping was not exercised"
  fi
  headers=$(cat "$WORK/surfaces/index.html.headers")
  check "GET / sends a Content-Security-Policy" grep -qi '^content-security-policy:' <<< "$headers"
  check "GET / sends X-Content-Type-Options: nosniff" grep -qi '^x-content-type-options: *nosniff' <<< "$headers"
else
  skip "GET / answered $INDEX_STATUS ($INDEX_TYPE): no HTML pages to check for escaping"
fi
if [ "$API_STATUS" = 200 ]; then
  check "/api/v1/incidents is served as JSON, not HTML (got $API_TYPE)" grep -qi 'application/json' <<< "$API_TYPE"
else
  skip "/api/v1/incidents answered $API_STATUS: no JSON API to check"
fi

# ---------------------------------------------------------------- deploy/base
deploy=$(python3 - "$ROOT/deploy/base/deployment.yaml" <<'PY'
import sys, yaml
problems, seen = [], 0
for doc in yaml.safe_load_all(open(sys.argv[1])):
    if not doc or doc.get("kind") != "Deployment":
        continue
    seen += 1
    pod = doc["spec"]["template"]["spec"]
    pod_sc = pod.get("securityContext") or {}
    for c in (pod.get("initContainers") or []) + pod.get("containers", []):
        sc = c.get("securityContext") or {}
        non_root = sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot"))
        user = sc.get("runAsUser", pod_sc.get("runAsUser"))
        if non_root is not True:
            problems.append("%s: runAsNonRoot is not true" % c["name"])
        if user == 0:
            problems.append("%s: runAsUser is 0" % c["name"])
        if sc.get("readOnlyRootFilesystem") is not True:
            problems.append("%s: readOnlyRootFilesystem is not true" % c["name"])
        if sc.get("allowPrivilegeEscalation") is not False:
            problems.append("%s: allowPrivilegeEscalation is not false" % c["name"])
        if sc.get("privileged") is True:
            problems.append("%s: privileged" % c["name"])
print("; ".join(problems) if problems else ("ok" if seen else "no Deployment found"))
PY
)
check "deploy/base Deployment: non-root, read-only root filesystem, no privilege escalation ($deploy)" test "$deploy" = ok

say "$PASSED passed, $FAILED failed, $SKIPPED skipped in $(( $(date +%s) - started )) s"
[ "$FAILED" -eq 0 ]
