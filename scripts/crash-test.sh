#!/usr/bin/env bash
# Crash safety: under a stream of webhooks, kill -9 PullDoctor several times and restart it on the same
# store. At the end every alert that got a 2xx must have reached the capture sink, and a notification
# delivered twice must carry the same idempotency key both times. Bounded; stops what it starts, by PID.
#
#   scripts/crash-test.sh [KILLS] [ALERTS]      (defaults: 5 kills, 300 alerts)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
SIM=${KUBESIM_BIN:-$ROOT/.build/debug/kubesim}
KILLS=${1:-5}
ALERTS=${2:-300}
WORK=$(mktemp -d /tmp/pulldoctor-crash.XXXXXX)
PIDS=()
log() { printf 'crash-test: %s\n' "$*"; }
fail() { printf 'crash-test: FAIL: %s\n' "$*" >&2; tail -n 20 "$WORK"/pulldoctor-*.log >&2 || true; exit 1; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_until() { local n=$1; shift; for _ in $(seq 1 $((n * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }

python3 "$ROOT/scripts/crash/make_cluster.py" "$WORK/cluster" "$ALERTS" "127.0.0.1:$(free_port)"
"$SIM" --fixtures "$WORK/cluster" --listen 127.0.0.1:0 > "$WORK/kubesim.out" 2> "$WORK/kubesim.log" &
PIDS+=("$!")
wait_until 20 grep -q listening "$WORK/kubesim.out" || fail "kubesim did not start"
SIM_PORT=$(head -1 "$WORK/kubesim.out" | sed 's/.*://')
python3 "$ROOT/scripts/rig/capture.py" "$WORK/captured" "$WORK/capture.port" > /dev/null 2>&1 &
PIDS+=("$!")
wait_until 10 test -s "$WORK/capture.port" || fail "capture sink did not start"
PD_PORT=$(free_port)
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
kubernetes:
  kubeconfig: $WORK/kubeconfig
diagnosis:
  probe:
    enabled: false
store:
  path: $WORK/pulldoctor.sqlite
delivery:
  initial_backoff: 200ms
  max_backoff: 1s
  poll_interval: 100ms
sinks:
  - name: capture
    type: webhook
    url: http://127.0.0.1:$(cat "$WORK/capture.port")/capture
YAML
start_pd() {
  "$BIN" serve --config.file="$WORK/pulldoctor.yml" > "$WORK/pulldoctor-$1.log" 2>&1 &
  PD_PID=$!; PIDS+=("$PD_PID")
  wait_until 20 curl -fsS "http://127.0.0.1:$PD_PORT/-/ready" || fail "PullDoctor did not start (run $1)"
}

: > "$WORK/acked"
per_run=$(( ALERTS / (KILLS + 1) ))
next=0
for run in $(seq 1 "$KILLS"); do
  start_pd "$run"
  python3 "$ROOT/scripts/crash/send.py" "http://127.0.0.1:$PD_PORT/webhook" "$next" "$((next + per_run))" >> "$WORK/acked" &
  SENDER=$!
  sleep "0.$((RANDOM % 7 + 3))"
  kill -9 "$PD_PID"; wait "$PD_PID" 2>/dev/null || true
  wait "$SENDER" || true
  next=$((next + per_run))
  log "run $run: killed -9; $(wc -l < "$WORK/acked") alerts acknowledged so far"
done
start_pd final
python3 "$ROOT/scripts/crash/send.py" "http://127.0.0.1:$PD_PORT/webhook" "$next" "$ALERTS" >> "$WORK/acked"
log "all sent: $(wc -l < "$WORK/acked") acknowledged in total"
for _ in $(seq 1 120); do
  python3 "$ROOT/scripts/crash/check.py" "$WORK/captured" "$WORK/acked" > "$WORK/check.out" 2>&1 && break
  sleep 0.5
done
log "$(head -1 "$WORK/check.out")"
python3 "$ROOT/scripts/crash/check.py" "$WORK/captured" "$WORK/acked" > /dev/null || fail "$(cat "$WORK/check.out")"
log "PASS every acknowledged alert was delivered after $KILLS kill -9s; duplicates share their idempotency key"
