#!/usr/bin/env bash
# PullDoctor's benchmarks, all on loopback, in one run: ingest (wrk), a 5,000-pod storm against kubesim and two
# real registries, memory, `classify` throughput and start-up time. It PRINTS each figure beside its goal and
# writes BENCHMARKS.md (bench/report.py); it never fails on a timing. It fails only when something did not work:
# a process that does not start, a storm PullDoctor refuses, a wrk run that errors.
#
#   bench/run.sh        (make bench builds the release binaries first)
#
# Environment: PULLDOCTOR_BIN, KUBESIM_BIN (default .build/release/*), BENCH_DURATION (wrk seconds, default 10),
# BENCH_KEEP=1 keeps the work folder, BENCH_REPORT=FILE writes the report elsewhere. For profiling:
# BENCH_ONLY=startup,storm,ingest,classify runs only those parts, BENCH_WRAP="heaptrack -o FILE" (or
# "perf record -g -o FILE", "env MALLOC_ARENA_MAX=2") runs `pulldoctor serve` under that command,
# BENCH_STORM_LIMIT (seconds, default 60) bounds each storm.
# Bounded: every wait has a limit; every process it starts is stopped by PID.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/release/pulldoctor}
SIM=${KUBESIM_BIN:-$ROOT/.build/release/kubesim}
DURATION=${BENCH_DURATION:-10}
ONLY=${BENCH_ONLY:-startup,storm,ingest,classify}
STORM_LIMIT=${BENCH_STORM_LIMIT:-60}
read -r -a WRAP <<< "${BENCH_WRAP:-}"
WORK=$(mktemp -d /tmp/pulldoctor-bench.XXXXXX)
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
PIDS=()
BEGAN=$SECONDS

log() { printf 'bench: %s\n' "$*"; }
fail() {
  printf 'bench: FAIL: %s\n' "$*" >&2
  for f in "$WORK"/pulldoctor-*.log "$WORK"/kubesim.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 15 "$f" >&2; }; done
  exit 1
}
wanted() { [[ ",$ONLY," == *",$1,"* ]]; }
# Stops one process we started: SIGTERM, then SIGKILL after 10 s (60 s under BENCH_WRAP, which may write a profile).
stop_pid() {
  local pid=$1 tries=100
  [ ${#WRAP[@]} -gt 0 ] && tries=600
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $tries); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# wait_until SECONDS DESCRIPTION COMMAND...: retry COMMAND every 0.05 s until it succeeds or time runs out.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local end=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $end ] && fail "timed out after ${seconds}s waiting for: $what"
    sleep 0.05
  done
}

for tool in wrk docker-registry python3 curl; do command -v "$tool" >/dev/null || fail "$tool is not installed (run: make deps)"; done
python3 -c 'import yaml' 2>/dev/null || fail "python3 cannot import yaml (install python3-yaml)"
[ -x "$BIN" ] || fail "no PullDoctor binary at $BIN (run: make bench, which builds it)"
[ -x "$SIM" ] || fail "no kubesim binary at $SIM (run: make bench, which builds it)"

# --- Two real registries on loopback (open: images pushed; empty: nothing pushed) and a port with nothing on it
start_registry() { # start_registry NAME -> prints its port
  local name=$1 port; port=$(free_port)
  mkdir -p "$WORK/registry-$name/data"
  cat > "$WORK/registry-$name/config.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $WORK/registry-$name/data
http:
  addr: 127.0.0.1:$port
  secret: pulldoctor-bench
YAML
  docker-registry serve "$WORK/registry-$name/config.yml" > "$WORK/registry-$name.log" 2>&1 &
  PIDS+=("$!")
  wait_until 15 "docker-registry ($name)" curl -fsS "http://127.0.0.1:$port/v2/"
  REGISTRY_PORT=$port
}
start_registry open; OPEN_PORT=$REGISTRY_PORT
start_registry empty; EMPTY_PORT=$REGISTRY_PORT
CLOSED_PORT=$(free_port)
log "registries on 127.0.0.1:$OPEN_PORT (open) and 127.0.0.1:$EMPTY_PORT (empty); nothing on 127.0.0.1:$CLOSED_PORT"

python3 "$BENCH/storm_cluster.py" "$WORK/storm" --open "127.0.0.1:$OPEN_PORT" --empty "127.0.0.1:$EMPTY_PORT" \
  --closed "127.0.0.1:$CLOSED_PORT" | sed 's/^/bench: /'
# shellcheck disable=SC2046
python3 "$BENCH/registry_push.py" "http://127.0.0.1:$OPEN_PORT" $(python3 -c '
import json, sys
print(" ".join("%s:%s" % (d["push"]["repository"], d["push"]["tag"]) for d in json.load(open(sys.argv[1]))["deployments"] if d["push"]))
' "$WORK/storm/storm.json") | sed 's/^/bench: /'
python3 "$BENCH/alert_payloads.py" ingest "$WORK/storm/storm.json" "$WORK/payloads" > /dev/null

# --- kubesim serving the storm cluster
sim_start=$SECONDS
"$SIM" --fixtures "$WORK/storm/cluster" --listen 127.0.0.1:0 > "$WORK/kubesim.out" 2> "$WORK/kubesim.log" &
PIDS+=("$!")
wait_until 60 "kubesim to load the storm cluster" grep -q '^listening on ' "$WORK/kubesim.out"
SIM_URL="http://$(head -1 "$WORK/kubesim.out" | sed 's/^listening on //')"
log "kubesim on $SIM_URL (loaded 5,000 pods and 10,000 events in $((SECONDS - sim_start)) s)"
cat > "$WORK/kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters: [{name: sim, cluster: {server: "$SIM_URL"}}]
users: [{name: sim, user: {}}]
contexts: [{name: sim, context: {cluster: sim, user: sim}}]
current-context: sim
YAML

# --- PullDoctor configs and lifecycle
PD_PORT=$(free_port)
PD_URL="http://127.0.0.1:$PD_PORT"
write_config() { # write_config FILE DIAGNOSIS(true|false) [CAPTURE_PORT]
  {
    printf 'web:\n  listen_address: 127.0.0.1:%s\nkubernetes:\n  kubeconfig: %s\ndiagnosis:\n  enabled: %s\n' \
      "$PD_PORT" "$WORK/kubeconfig" "$2"
    printf 'store:\n  path: %s/unused.sqlite\n' "$WORK"
    if [ -n "${3:-}" ]; then
      printf 'sinks:\n  - name: capture\n    type: webhook\n    url: http://127.0.0.1:%s/capture\n' "$3"
    fi
  } > "$1"
  "$BIN" check-config "$1" > /dev/null || fail "pulldoctor check-config rejected $1"
}
STORE_N=0
start_pd() { # start_pd CONFIG NAME: fresh store each time; sets PD_PID
  STORE_N=$((STORE_N + 1))
  "${WRAP[@]}" "$BIN" serve --config.file="$1" --store.path="$WORK/store-$STORE_N/pulldoctor.sqlite" > "$WORK/pulldoctor-$2.log" 2>&1 &
  PD_PID=$!; PIDS+=("$PD_PID"); WRAPPER_PID=""
  wait_until 120 "PullDoctor ($2) ready" curl -fsS "$PD_URL/-/ready"
  if [ ${#WRAP[@]} -gt 0 ]; then
    # A wrapper that runs PullDoctor as its child (heaptrack) is not PullDoctor: signal and measure the child.
    # One that becomes PullDoctor (valgrind) has no such child, and keeps its PID.
    WRAPPER_PID=$PD_PID
    PD_PID=$(pgrep -f -- "^$BIN serve --config.file=$1 " | head -1 || true)
    PD_PID=${PD_PID:-$WRAPPER_PID}
  fi
}
stop_pd() { # SIGTERM to PullDoctor, then let a wrapper finish writing its profile
  stop_pid "$PD_PID"
  if [ -n "$WRAPPER_PID" ] && [ "$WRAPPER_PID" != "$PD_PID" ]; then
    for _ in $(seq 1 600); do kill -0 "$WRAPPER_PID" 2>/dev/null || break; sleep 0.1; done
    stop_pid "$WRAPPER_PID"
  fi
}
start_capture() { # start_capture NAME: sets CAPTURE_PORT and CAPTURE_DIR
  CAPTURE_DIR="$WORK/captured-$1"
  python3 "$ROOT/scripts/rig/capture.py" "$CAPTURE_DIR" "$WORK/capture-$1.port" > "$WORK/capture-$1.log" 2>&1 &
  PIDS+=("$!")
  wait_until 10 "capture sink ($1)" test -s "$WORK/capture-$1.port"
  CAPTURE_PORT=$(cat "$WORK/capture-$1.port")
}

# --- 1. Start-up: process start to /-/ready = 200, median of 5 (the storm config: diagnosis, kubeconfig, a sink)
if wanted startup; then
  start_capture startup
  write_config "$WORK/startup.yml" true "$CAPTURE_PORT"
  python3 "$BENCH/startup.py" --bin "$BIN" --config "$WORK/startup.yml" --port "$PD_PORT" --store-dir "$WORK" \
    --out "$RESULTS/startup.json" | sed 's/^/bench: /'
fi

# --- 2. Storm, grouped per Deployment; idle memory first
if wanted storm; then
  start_capture grouped
  write_config "$WORK/storm-grouped.yml" true "$CAPTURE_PORT"
  start_pd "$WORK/storm-grouped.yml" storm-grouped
  sleep 3
  python3 "$BENCH/observe.py" memory "$PD_PID" "$RESULTS/idle.json" | sed 's/^/bench: idle (3 s after ready): /'
  python3 "$BENCH/storm_send.py" --pulldoctor "$PD_URL" --pid "$PD_PID" --storm "$WORK/storm/storm.json" --capture "$CAPTURE_DIR" \
    --mode grouped --kubesim "$SIM_URL" --limit "$STORM_LIMIT" --out "$RESULTS/storm-grouped.json" | sed 's/^/bench: /' ||
    fail "PullDoctor accepted none of the grouped storm"
  stop_pd

  # --- 3. Storm, one payload per alert (fresh PullDoctor, store and sink)
  start_capture per-alert
  write_config "$WORK/storm-per-alert.yml" true "$CAPTURE_PORT"
  start_pd "$WORK/storm-per-alert.yml" storm-per-alert
  python3 "$BENCH/storm_send.py" --pulldoctor "$PD_URL" --pid "$PD_PID" --storm "$WORK/storm/storm.json" --capture "$CAPTURE_DIR" \
    --mode per-alert --kubesim "$SIM_URL" --limit "$STORM_LIMIT" --out "$RESULTS/storm-per-alert.json" | sed 's/^/bench: /' ||
    fail "PullDoctor accepted none of the per-alert storm"
  stop_pd
fi

# --- 4. Ingest: wrk -t2 -c64, the trivial route as the ceiling, then each payload size on a fresh store
if wanted ingest; then
  for mode in off on; do
    write_config "$WORK/ingest-$mode.yml" "$([ $mode = on ] && echo true || echo false)"
    start_pd "$WORK/ingest-$mode.yml" "ingest-$mode-ceiling"
    python3 "$BENCH/ingest_run.py" --url "$PD_URL" --pid "$PD_PID" --path /-/healthy --label "diagnosis $mode: GET /-/healthy" \
      --duration "$DURATION" --out "$RESULTS/ingest-$mode-ceiling.json" | sed 's/^/bench: /'
    stop_pd
    for n in 1 10 100 2000; do
      start_pd "$WORK/ingest-$mode.yml" "ingest-$mode-$n"
      python3 "$BENCH/ingest_run.py" --url "$PD_URL" --pid "$PD_PID" --path /webhook --template "$WORK/payloads/ingest-$n.json" \
        --label "diagnosis $mode: $n alerts" --duration "$DURATION" --out "$RESULTS/ingest-$mode-$n.json" | sed 's/^/bench: /'
      stop_pd
    done
  done
fi

# --- 5. classify: 100,000 real messages through one process
if wanted classify; then
  python3 "$BENCH/classify_bench.py" --bin "$BIN" --messages "$ROOT/Tests/Fixtures/messages/real-messages.yaml" \
    --work "$WORK" --out "$RESULTS/classify.json" | sed 's/^/bench: /'
fi

log "all measured in $((SECONDS - BEGAN)) s"
python3 "$BENCH/report.py" --results "$RESULTS" --bin "$BIN" --write "${BENCH_REPORT:-$ROOT/BENCHMARKS.md}"
