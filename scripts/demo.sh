#!/usr/bin/env bash
# The demo: PullDoctor diagnosing a fixture cluster on this machine, no Kubernetes needed.
#
#   scripts/demo.sh           run, print each diagnosis, keep serving until Ctrl-C
#   scripts/demo.sh --once    the same, then stop (bounded; `make test` runs this)
#   scripts/demo.sh --with-alertmanager [--once]
#                             also start Debian's Alertmanager with alertmanager/alertmanager.yml and send the
#                             alerts through it, as a cluster's Prometheus would
#
# It starts kubesim with the built-in scenarios, real docker-registry instances for the scenarios that need
# one, and PullDoctor; replays each scenario's alert through PullDoctor's own webhook; prints the cause,
# summary and fix as an operator would read them, and where to open the pages and /metrics.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(readlink -f "${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}")
SIM=${KUBESIM_BIN:-$ROOT/.build/debug/kubesim}
ONCE=0; WITH_AM=0
for arg in "$@"; do
  case $arg in --once) ONCE=1;; --with-alertmanager) WITH_AM=1;; *) echo "usage: demo.sh [--once] [--with-alertmanager]" >&2; exit 2;; esac
done
PORT=${PULLDOCTOR_DEMO_PORT:-9095}
WORK=$(mktemp -d /tmp/pulldoctor-demo.XXXXXX)
PIDS=()
SCENARIOS=(statefulset-wrong-tag missing-repository credentials-rejected private-image-no-pull-secret dns-failure
  connection-timeout dockerhub-rate-limit scheme-in-reference arm64-node-amd64-image node-disk-pressure never-pull
  cronjob-job-missing-image)
say() { printf '%s\n' "$*"; }
fail() { printf 'demo: %s\n' "$*" >&2; exit 1; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'say ""; say "demo: stopping"; exit 0' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_until() { local n=$1; shift; for _ in $(seq 1 $((n * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }
if [ "$PORT" = 0 ] || ! python3 -c "import socket; s=socket.socket(); s.bind((\"127.0.0.1\", $PORT))" 2>/dev/null; then PORT=$(free_port); fi

# Real registries: open, and htpasswd Basic auth.
OPEN_PORT=$(free_port); AUTH_PORT=$(free_port)
htpasswd -Bbn demo-user demo-password > "$WORK/htpasswd"
for kind in open auth; do
  port=$OPEN_PORT; [ $kind = auth ] && port=$AUTH_PORT
  { echo "version: 0.1"; echo "storage: {filesystem: {rootdirectory: $WORK/registry-$kind}}"; echo "http: {addr: 127.0.0.1:$port}"
    [ $kind = auth ] && echo "auth: {htpasswd: {realm: demo, path: $WORK/htpasswd}}"; } > "$WORK/registry-$kind.yml"
  docker-registry serve "$WORK/registry-$kind.yml" > "$WORK/registry-$kind.log" 2>&1 &
  PIDS+=("$!")
  wait_until 20 curl -sS -o /dev/null "http://127.0.0.1:$port/v2/" || fail "docker-registry ($kind) did not start"
done
mkdir -p "$WORK/cluster"
for scenario in "${SCENARIOS[@]}"; do
  dir="$ROOT/Tests/Fixtures/clusters/$scenario"
  python3 -c 'import sys, yaml; [print(i["repository"], i["tag"]) for i in (yaml.safe_load(open(sys.argv[1])).get("registrySetup") or {}).get("push", [])]' "$dir/scenario.yaml" |
    while read -r repo tag; do python3 "$ROOT/scripts/e2e/push_image.py" "127.0.0.1:$OPEN_PORT" "$repo" "$tag" > /dev/null; done
  for f in "$dir"/*.yaml; do case $(basename "$f") in scenario.yaml|kubesim.yaml) ;; *) cp "$f" "$WORK/cluster/$scenario-$(basename "$f")";; esac; done
done
"$SIM" --fixtures "$WORK/cluster" --listen 127.0.0.1:0 --set "REGISTRY_OPEN=127.0.0.1:$OPEN_PORT" \
  --set "REGISTRY_AUTH=127.0.0.1:$AUTH_PORT" --set "REGISTRY_TLS=127.0.0.1:1" > "$WORK/kubesim.out" 2> "$WORK/kubesim.log" &
PIDS+=("$!")
wait_until 20 grep -q listening "$WORK/kubesim.out" || fail "kubesim did not start"
SIM_PORT=$(head -1 "$WORK/kubesim.out" | sed 's/.*://')
cat > "$WORK/kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters: [{name: kubesim, cluster: {server: "http://127.0.0.1:$SIM_PORT"}}]
users: [{name: demo, user: {}}]
contexts: [{name: kubesim, context: {cluster: kubesim, user: demo}}]
current-context: kubesim
YAML
cat > "$WORK/pulldoctor.yml" <<YAML
web:
  listen_address: 127.0.0.1:$PORT
  external_url: http://127.0.0.1:$PORT
kubernetes:
  kubeconfig: $WORK/kubeconfig
diagnosis:
  probe:
    timeout: 3s
store:
  path: $WORK/pulldoctor.sqlite
YAML
"$BIN" serve --config.file="$WORK/pulldoctor.yml" > "$WORK/pulldoctor.log" 2>&1 &
PIDS+=("$!")
wait_until 20 curl -fsS "http://127.0.0.1:$PORT/-/ready" || fail "PullDoctor did not start (see $WORK/pulldoctor.log)"

say "PullDoctor is diagnosing a fixture cluster (kubesim) with ${#SCENARIOS[@]} failing workloads."
TARGET="http://127.0.0.1:$PORT/webhook"
if [ $WITH_AM = 1 ]; then
  command -v prometheus-alertmanager >/dev/null || fail "--with-alertmanager needs Debian's prometheus-alertmanager (make deps)"
  AM_PORT=$(free_port)
  python3 - "$ROOT/alertmanager/alertmanager.yml" "$WORK/alertmanager.yml" "$PORT" <<'PY'
import sys, yaml
src, dst, port = sys.argv[1:4]
config = yaml.safe_load(open(src))
for route in config["route"]["routes"]:
    if route["receiver"] == "pulldoctor":
        route.update(group_wait="1s", group_interval="2s")
hook = next(r for r in config["receivers"] if r["name"] == "pulldoctor")["webhook_configs"][0]
hook["url"] = "http://127.0.0.1:%s/webhook" % port
hook.pop("http_config", None)  # the demo's PullDoctor runs without web.auth
yaml.safe_dump(config, open(dst, "w"), sort_keys=False)
PY
  prometheus-alertmanager --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/am" \
    --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= > "$WORK/alertmanager.log" 2>&1 &
  PIDS+=("$!")
  wait_until 30 curl -fsS "http://127.0.0.1:$AM_PORT/-/ready" || fail "Alertmanager did not start"
  TARGET="am:http://127.0.0.1:$AM_PORT/api/v2/alerts"
  say "Alertmanager on http://127.0.0.1:$AM_PORT routes the alerts with alertmanager/alertmanager.yml."
fi
say "Replaying each scenario's alert as Alertmanager would send it..."
python3 - "$ROOT/Tests/Fixtures/clusters" "$TARGET" "${SCENARIOS[@]}" <<'PY'
import datetime, json, sys, urllib.request, yaml
clusters, url, scenarios = sys.argv[1], sys.argv[2], sys.argv[3:]
if url.startswith("am:"):
    # Through Alertmanager, as a cluster's Prometheus would post them.
    now = datetime.datetime.now(datetime.timezone.utc).isoformat()
    alerts = []
    for scenario in scenarios:
        spec = yaml.safe_load(open("%s/%s/scenario.yaml" % (clusters, scenario)))
        alerts.append({"labels": {k: str(v) for k, v in spec["alert"].items()}, "annotations": {"summary": "demo"}, "startsAt": now})
    urllib.request.urlopen(urllib.request.Request(url[3:], data=json.dumps(alerts).encode(),
                                                  headers={"Content-Type": "application/json"}), timeout=10)
    sys.exit(0)
for i, scenario in enumerate(scenarios):
    spec = yaml.safe_load(open("%s/%s/scenario.yaml" % (clusters, scenario)))
    labels = {k: str(v) for k, v in spec["alert"].items()}
    alert = {"status": "firing", "labels": labels, "annotations": {"summary": "demo"}, "startsAt": "2026-11-21T19:35:30Z",
             "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "", "fingerprint": "%016x" % (0xde0000 + i)}
    body = json.dumps({"version": "4", "status": "firing", "receiver": "pulldoctor", "groupKey": scenario, "truncatedAlerts": 0,
                       "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {}, "externalURL": "", "alerts": [alert]}).encode()
    urllib.request.urlopen(urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}), timeout=10)
PY
for _ in $(seq 1 60); do
  count=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/incidents?limit=100" | python3 -c 'import json,sys; print(sum(1 for i in json.load(sys.stdin)["incidents"] if i["diagnosis_id"]))')
  [ "$count" -ge "${#SCENARIOS[@]}" ] && break
  sleep 0.5
done
python3 - "http://127.0.0.1:$PORT" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
incidents = json.load(urllib.request.urlopen(base + "/api/v1/incidents?limit=100"))["incidents"]
for incident in sorted(incidents, key=lambda i: i["namespace"]):
    if not incident["diagnosis_id"]:
        continue
    detail = json.load(urllib.request.urlopen(base + "/api/v1/diagnoses/" + incident["diagnosis_id"]))
    d = detail["diagnosis"]
    print("")
    print("\u25b6 %s/%s %s" % (incident["namespace"], incident["owner_name"], incident["owner_kind"]))
    print("  cause:   %s / %s (confidence %s)" % (d["category"], d["reason"], d["confidence"]))
    print("  summary: %s" % d["summary"])
    for step in d["remediation"][:2]:
        print("  fix:     %s" % step["title"])
        for command in step["commands"][:2]:
            print("             $ %s" % command)
    print("  page:    %s/diagnoses/%s" % (base, incident["diagnosis_id"]))
PY
say ""
say "Open http://127.0.0.1:$PORT/ for the incidents, http://127.0.0.1:$PORT/metrics for the metrics,"
say "or use the cluster yourself: kubectl --kubeconfig $WORK/kubeconfig get pods -A"
if [ $ONCE = 1 ]; then
  # The kubectl plugin against the same cluster, as a user would run it.
  mkdir -p "$WORK/bin" && ln -sf "$BIN" "$WORK/bin/kubectl-pulldoctor"
  PATH="$WORK/bin:$PATH" KUBECONFIG="$WORK/kubeconfig" kubectl pulldoctor --all-namespaces --no-probe > "$WORK/plugin.out" \
    || [ $? = 1 ] || fail "kubectl pulldoctor failed"
  rows=$(($(wc -l < "$WORK/plugin.out") - 1))
  say "kubectl pulldoctor --all-namespaces listed $rows failing pods:"
  head -5 "$WORK/plugin.out"
  [ "$rows" -ge "${#SCENARIOS[@]}" ] || fail "the kubectl plugin listed $rows pods, expected ${#SCENARIOS[@]}"
  read -r ns pod _ < <(sed -n 2p "$WORK/plugin.out")
  PATH="$WORK/bin:$PATH" KUBECONFIG="$WORK/kubeconfig" kubectl pulldoctor "$ns" "$pod" --no-probe > "$WORK/plugin-one.out" || true
  grep -q "^$ns/$pod:" "$WORK/plugin-one.out" || fail "kubectl pulldoctor $ns $pod did not diagnose that pod"
  say "kubectl pulldoctor $ns $pod: $(head -1 "$WORK/plugin-one.out")"
  n=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/incidents?limit=100" | python3 -c 'import json,sys; print(sum(1 for i in json.load(sys.stdin)["incidents"] if i["diagnosis_id"]))')
  [ "$n" -ge "${#SCENARIOS[@]}" ] || fail "only $n of ${#SCENARIOS[@]} scenarios were diagnosed"
  say "demo: $n scenarios diagnosed; stopping (--once)"
  exit 0
fi
say "Press Ctrl-C to stop."
while true; do sleep 3600 & wait $!; done
