#!/usr/bin/env bash
# End to end, all real where it can be:
#   kubesim (its kube-state-metrics scraped by a real Prometheus loading alertmanager/rules/) → the rules fire
#   → the real Alertmanager routes them with alertmanager/alertmanager.yml → PullDoctor diagnoses against
#   kubesim and real docker-registry instances → forwards to a capture sink and back into Alertmanager
#   → Prometheus scrapes PullDoctor → every dashboard query returns data.
# It asserts the expected category of each scenario at the capture sink. Bounded; stops what it starts.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
SIM=${KUBESIM_BIN:-$ROOT/.build/debug/kubesim}
WORK=$(mktemp -d /tmp/pulldoctor-e2e.XXXXXX)
PIDS=()
# Scenarios whose namespaces and nodes do not collide, so one kubesim can serve them all.
SCENARIOS=(arm64-node-amd64-image connection-timeout dns-failure dockerhub-rate-limit never-pull node-disk-pressure
  private-image-no-pull-secret scheme-in-reference missing-repository statefulset-wrong-tag cronjob-job-missing-image
  credentials-rejected)
log() { printf 'e2e: %s\n' "$*"; }
fail() { printf 'e2e: FAIL: %s\n' "$*" >&2; for f in "$WORK"/*.log; do echo "--- $f" >&2; tail -n 15 "$f" >&2; done; exit 1; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_until() { local n=$1 what=$2; shift 2; for _ in $(seq 1 $((n * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done; fail "timed out waiting for $what"; }

# --- real registries: one open, one with htpasswd Basic auth
OPEN_PORT=$(free_port); AUTH_PORT=$(free_port)
htpasswd -Bbn e2e-user e2e-password > "$WORK/htpasswd"
for kind in open auth; do
  port=$OPEN_PORT; [ $kind = auth ] && port=$AUTH_PORT
  {
    echo "version: 0.1"
    echo "storage: {filesystem: {rootdirectory: $WORK/registry-$kind}, delete: {enabled: true}}"
    echo "http: {addr: 127.0.0.1:$port}"
    [ $kind = auth ] && echo "auth: {htpasswd: {realm: e2e, path: $WORK/htpasswd}}"
  } > "$WORK/registry-$kind.yml"
  docker-registry serve "$WORK/registry-$kind.yml" > "$WORK/registry-$kind.log" 2>&1 &
  PIDS+=("$!")
  wait_until 20 "registry $kind" curl -sS -o /dev/null "http://127.0.0.1:$port/v2/"
done
for scenario in "${SCENARIOS[@]}"; do
  python3 - "$ROOT/Tests/Fixtures/clusters/$scenario/scenario.yaml" <<'PY' | while read -r repo tag; do python3 "$ROOT/scripts/e2e/push_image.py" "127.0.0.1:$OPEN_PORT" "$repo" "$tag" > /dev/null; done
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1]))
for item in (spec.get("registrySetup") or {}).get("push", []):
    print(item["repository"], item["tag"])
PY
done
log "registries ready: open 127.0.0.1:$OPEN_PORT, auth 127.0.0.1:$AUTH_PORT"

# --- kubesim serving every scenario
mkdir -p "$WORK/cluster"
for scenario in "${SCENARIOS[@]}"; do
  for f in "$ROOT/Tests/Fixtures/clusters/$scenario"/*.yaml; do
    case $(basename "$f") in scenario.yaml|kubesim.yaml) ;; *) cp "$f" "$WORK/cluster/$scenario-$(basename "$f")";; esac
  done
done
"$SIM" --fixtures "$WORK/cluster" --listen 127.0.0.1:0 --set "REGISTRY_OPEN=127.0.0.1:$OPEN_PORT" \
  --set "REGISTRY_AUTH=127.0.0.1:$AUTH_PORT" --set "REGISTRY_TLS=127.0.0.1:1" > "$WORK/kubesim.out" 2> "$WORK/kubesim.log" &
PIDS+=("$!")
wait_until 20 "kubesim" grep -q listening "$WORK/kubesim.out"
SIM_PORT=$(head -1 "$WORK/kubesim.out" | sed 's/.*://')
log "kubesim serving ${#SCENARIOS[@]} scenarios on 127.0.0.1:$SIM_PORT"

# --- capture sink, PullDoctor, Alertmanager, Prometheus
PD_PORT=$(free_port); AM_PORT=$(free_port); PROM_PORT=$(free_port)
python3 "$ROOT/scripts/rig/capture.py" "$WORK/captured" "$WORK/capture.port" > /dev/null 2>&1 &
PIDS+=("$!")
wait_until 10 "capture sink" test -s "$WORK/capture.port"
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))'); printf '%s\n' "$TOKEN" > "$WORK/token"
cat > "$WORK/kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters: [{name: sim, cluster: {server: "http://127.0.0.1:$SIM_PORT"}}]
users: [{name: sim, user: {}}]
contexts: [{name: sim, context: {cluster: sim, user: sim}}]
current-context: sim
YAML
cat > "$WORK/pulldoctor.yml" <<YAML
web:
  listen_address: 127.0.0.1:$PD_PORT
  external_url: http://127.0.0.1:$PD_PORT
  auth:
    bearer_token_file: $WORK/token
kubernetes:
  kubeconfig: $WORK/kubeconfig
diagnosis:
  namespace_label: true
  registry_label: true
  probe:
    timeout: 3s
store:
  path: $WORK/pulldoctor.sqlite
delivery:
  initial_backoff: 200ms
  poll_interval: 100ms
sinks:
  - name: capture
    type: webhook
    url: http://127.0.0.1:$(cat "$WORK/capture.port")/capture
  - name: alertmanager
    type: alertmanager
    url: http://127.0.0.1:$AM_PORT
YAML
"$BIN" serve --config.file="$WORK/pulldoctor.yml" > "$WORK/pulldoctor.log" 2>&1 &
PIDS+=("$!")
wait_until 20 "PullDoctor" curl -fsS "http://127.0.0.1:$PD_PORT/-/ready"

python3 - "$ROOT/alertmanager/alertmanager.yml" "$WORK/alertmanager.yml" "$PD_PORT" "$WORK/token" <<'PY'
import sys, yaml
src, dst, port, token = sys.argv[1:5]
config = yaml.safe_load(open(src))
for route in config["route"]["routes"]:
    if route["receiver"] == "pulldoctor":
        route.update(group_wait="1s", group_interval="2s")
hook = next(r for r in config["receivers"] if r["name"] == "pulldoctor")["webhook_configs"][0]
hook["url"] = "http://127.0.0.1:%s/webhook" % port
hook["http_config"]["authorization"]["credentials_file"] = token
yaml.safe_dump(config, open(dst, "w"), sort_keys=False)
PY
prometheus-alertmanager --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/am" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= > "$WORK/alertmanager.log" 2>&1 &
PIDS+=("$!")
wait_until 30 "Alertmanager" curl -fsS "http://127.0.0.1:$AM_PORT/-/ready"

# The rules as shipped, with their `for:` shortened so the run takes seconds, not minutes.
mkdir -p "$WORK/rules"
for f in "$ROOT"/alertmanager/rules/*.rules.yml; do sed -E 's/^( +)for: .*/\1for: 2s/' "$f" > "$WORK/rules/$(basename "$f")"; done
cat > "$WORK/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: ["$WORK/rules/*.yml"]
alerting: {alertmanagers: [{static_configs: [{targets: ["127.0.0.1:$AM_PORT"]}]}]}
scrape_configs:
  - job_name: kube-state-metrics
    static_configs: [{targets: ["127.0.0.1:$SIM_PORT"]}]
  - job_name: pulldoctor
    static_configs: [{targets: ["127.0.0.1:$PD_PORT"]}]
YAML
promtool check config "$WORK/prometheus.yml" > /dev/null || fail "promtool rejects the e2e Prometheus config"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prom" --web.listen-address="127.0.0.1:$PROM_PORT" \
  --rules.alert.resend-delay=1s > "$WORK/prometheus.log" 2>&1 &
PIDS+=("$!")
wait_until 60 "Prometheus" curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready"
log "PullDoctor :$PD_PORT, Alertmanager :$AM_PORT, Prometheus :$PROM_PORT running"

# --- the rules fire, Alertmanager routes, PullDoctor diagnoses and forwards
for _ in $(seq 1 90); do
  python3 "$ROOT/scripts/e2e/check_capture.py" "$WORK/captured" "$ROOT/Tests/Fixtures/clusters" "${SCENARIOS[@]}" > "$WORK/check.out" 2>&1 && break
  sleep 1
done
cat "$WORK/check.out"
python3 "$ROOT/scripts/e2e/check_capture.py" "$WORK/captured" "$ROOT/Tests/Fixtures/clusters" "${SCENARIOS[@]}" > /dev/null \
  || fail "not every scenario arrived at the capture sink with its expected category"
log "PASS every scenario's alert fired from the rules, was routed by Alertmanager, diagnosed and forwarded"

enriched() { curl -fsS "http://127.0.0.1:$AM_PORT/api/v2/alerts?filter=pulldoctor_enriched%3D%22true%22" | python3 -c 'import json,sys; sys.exit(0 if any("pulldoctor_category" in a["labels"] for a in json.load(sys.stdin)) else 1)'; }
wait_until 30 "the enriched alerts back in Alertmanager" enriched
log "PASS the enriched alerts are back in Alertmanager with their pulldoctor_category label"

# --- Prometheus scraped PullDoctor: every dashboard query returns data
sleep 3
python3 "$ROOT/scripts/operator-files/dashboard_queries.py" --job pulldoctor > "$WORK/queries.tsv"
python3 - "$PROM_PORT" "$WORK/queries.tsv" <<'PY' || fail "dashboard queries without data"
import json, sys, urllib.parse, urllib.request
port, path = sys.argv[1:3]
empty = []
total = 0
for line in open(path):
    if "\t" not in line:
        continue
    title, query = line.rstrip("\n").split("\t", 1)
    total += 1
    url = "http://127.0.0.1:%s/api/v1/query?%s" % (port, urllib.parse.urlencode({"query": query}))
    result = json.load(urllib.request.urlopen(url, timeout=10))
    if result.get("status") != "success" or not result["data"]["result"]:
        empty.append("%s: %s" % (title, query))
print("e2e: dashboard queries: %d of %d return data" % (total - len(empty), total))
for item in empty:
    print("e2e:   no data: " + item)
sys.exit(1 if empty else 0)
PY
log "PASS every dashboard query returns data from the real Prometheus"
grep -q "$TOKEN" "$WORK/pulldoctor.log" && fail "the webhook token appeared in the log"

# `pulldoctor classify` as a user pipes it: the real corpus repeated (several reads, so several parallel
# batches), a CRLF line and an unterminated last line. One JSON object per line, in input order.
python3 - "$ROOT/Tests/Fixtures/messages/real-messages.yaml" "$WORK/classify.in" <<'PY'
import sys, yaml
entries = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
entries = entries.get("messages", entries) if isinstance(entries, dict) else entries
lines = [e["message"].replace("\n", " ") for e in entries]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(lines * 20) + "\r\nlast line without a newline")
PY
"$BIN" classify --include-message < "$WORK/classify.in" > "$WORK/classify.out" || fail "pulldoctor classify exited $?"
python3 - "$WORK/classify.in" "$WORK/classify.out" <<'PY' || fail "pulldoctor classify lost, added or reordered lines"
import json, sys
want = open(sys.argv[1], encoding="utf-8").read().split("\n")
want = [line[:-1] if line.endswith("\r") else line for line in want]
got = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert [g["message"] for g in got] == want, "messages differ"
assert all(g["category"] and g["reason"] and g["confidence"] in ("high", "medium", "low") for g in got)
known = sum(g["category"] != "unknown" for g in got)
print("e2e: classify: %d lines in order, %d with a known cause" % (len(got), known))
PY
log "PASS pulldoctor classify answers every line, in order"
log "all checks passed"
