#!/usr/bin/env bash
# Soak: mixed load for DURATION seconds (default 1800) against PullDoctor with kubesim and a capture sink.
# Every 10 s it prints RSS, open file descriptors, threads, outbox depth and background work in flight. At the
# end it checks that every webhook was answered 200, that the outbox drained, that the work in flight fell back
# to 0, and that the process stayed flat after warm-up: the first third of the samples is ignored, and the
# means of the last third must stay within 5 % of the middle third for RSS, +3 for fds and +2 for threads.
# Needs at least 6 samples (60 s) to judge.
#
#   scripts/soak.sh [DURATION_SECONDS]        (`make soak` runs 1800)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
SIM=${KUBESIM_BIN:-$ROOT/.build/debug/kubesim}
DURATION=${1:-1800}
WORK=$(mktemp -d /tmp/pulldoctor-soak.XXXXXX)
PIDS=()
log() { printf 'soak: %s\n' "$*"; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

python3 "$ROOT/scripts/crash/make_cluster.py" "$WORK/cluster" 500 "127.0.0.1:$(free_port)"
"$SIM" --fixtures "$WORK/cluster" --listen 127.0.0.1:0 > "$WORK/kubesim.out" 2> "$WORK/kubesim.log" &
PIDS+=("$!")
for _ in $(seq 1 100); do grep -q listening "$WORK/kubesim.out" && break; sleep 0.2; done
SIM_PORT=$(head -1 "$WORK/kubesim.out" | sed 's/.*://')
python3 "$ROOT/scripts/rig/capture.py" "$WORK/captured" "$WORK/capture.port" > /dev/null 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 50); do [ -s "$WORK/capture.port" ] && break; sleep 0.2; done
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
web: {listen_address: "127.0.0.1:$PD_PORT"}
kubernetes: {kubeconfig: $WORK/kubeconfig}
diagnosis: {reuse_for: 5s, probe: {timeout: 2s}}
store: {path: $WORK/pulldoctor.sqlite}
delivery: {poll_interval: 200ms}
sinks: [{name: capture, type: webhook, url: "http://127.0.0.1:$(cat "$WORK/capture.port")/capture"}]
YAML
"$BIN" serve --config.file="$WORK/pulldoctor.yml" > "$WORK/pulldoctor.log" 2>&1 &
PD_PID=$!; PIDS+=("$PD_PID")
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PD_PORT/-/ready" >/dev/null 2>&1 && break; sleep 0.2; done

# Mixed load: firing and resolved alerts for random pods, new startsAt every round, a few re-sends.
python3 - "$PD_PORT" "$DURATION" > "$WORK/load.out" 2>&1 <<'PY' &
import http.client, json, random, sys, time
port, duration = int(sys.argv[1]), float(sys.argv[2])
end, n = time.monotonic() + duration, 0
codes, errors = {}, {}
while time.monotonic() < end:
    round_ = n // 50
    alerts = []
    for _ in range(random.choice([1, 10, 50])):
        i = random.randrange(500)
        status = random.choice(["firing"] * 4 + ["resolved"])
        alerts.append({"status": status, "labels": {"alertname": "KubeContainerWaiting", "namespace": "crash", "pod": "app-%d-0" % i,
                       "container": "app"}, "annotations": {}, "startsAt": "2026-11-21T%02d:%02d:00Z" % ((round_ // 60) % 24, round_ % 60),
                       "endsAt": "2026-11-21T23:59:00Z" if status == "resolved" else "0001-01-01T00:00:00Z",
                       "generatorURL": "", "fingerprint": "%016x" % (0x50a0000 + i)})
    body = json.dumps({"version": "4", "status": "firing", "receiver": "soak", "groupKey": "soak", "alerts": alerts})
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("POST", "/webhook", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        codes[response.status] = codes.get(response.status, 0) + 1
        conn.close()
    except OSError as error:  # refused, reset, timed out: no answer at all
        errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
    n += 1
    time.sleep(0.05)
bad = n - codes.get(200, 0)
print("sent %d payloads, %d not answered 200 (answers %s, no answer %s)" % (
    n, bad, dict(sorted(codes.items())), dict(sorted(errors.items())) or "none"))
print("non200=%d" % bad)
PY
LOAD_PID=$!; PIDS+=("$LOAD_PID")

# work: PullDoctor's own background work in flight (pulldoctor_work_in_flight: queued alerts, diagnosis
# batches, investigations, deliveries), the Swift counterpart of a goroutine count.
work_in_flight() { curl -fsS "http://127.0.0.1:$PD_PORT/metrics" | awk '/^pulldoctor_work_in_flight\{/{s+=$2} END{print s+0}'; }
printf 'soak: %6s %10s %5s %8s %8s %6s\n' second rss_kib fds threads pending work | tee "$WORK/series"
start=$SECONDS
while kill -0 "$LOAD_PID" 2>/dev/null; do
  sleep 10
  rss=$(awk '/VmRSS/{print $2}' "/proc/$PD_PID/status"); threads=$(awk '/Threads/{print $2}' "/proc/$PD_PID/status")
  fds=$(ls "/proc/$PD_PID/fd" | wc -l)
  pending=$(curl -fsS "http://127.0.0.1:$PD_PORT/metrics" | awk '/^pulldoctor_outbox_pending\{/{s+=$2} END{print s+0}')
  work=$(work_in_flight)
  printf 'soak: %6d %10d %5d %8d %8d %6d\n' $((SECONDS - start)) "$rss" "$fds" "$threads" "$pending" "$work" | tee -a "$WORK/series"
done
sed -n '/^non200=/!s/^/soak: load: /p' "$WORK/load.out"
non200=$(sed -n 's/^non200=//p' "$WORK/load.out")
LOAD_OK=yes
if [ -z "$non200" ]; then
  log "FAIL the load generator did not finish its report"; LOAD_OK=no
elif [ "$non200" -gt 0 ]; then
  log "FAIL $non200 webhook(s) not answered 200 (the line above says which answers)"; LOAD_OK=no
fi
for _ in $(seq 1 120); do
  pending=$(curl -fsS "http://127.0.0.1:$PD_PORT/metrics" | awk '/^pulldoctor_outbox_pending\{/{s+=$2} END{print s+0}')
  [ "$pending" = 0 ] && break; sleep 1
done
[ "$pending" = 0 ] || { log "FAIL: the outbox did not drain ($pending pending)"; exit 1; }
for _ in $(seq 1 60); do work=$(work_in_flight); [ "$work" = 0 ] && break; sleep 1; done
[ "$work" = 0 ] || { log "FAIL: background work did not settle ($work in flight after the load)"; exit 1; }
log "PASS background work back to 0 after the load"
python3 - "$WORK/series" <<'PY' || FLAT_OK=no
import sys
rows = [list(map(int, l.split()[1:])) for l in open(sys.argv[1]) if l.split()[1].isdigit()]
# columns: second rss_kib fds threads pending work
if len(rows) < 6:
    print("soak: FAIL too short to judge flatness: %d samples, at least 6 (60 s) needed" % len(rows)); sys.exit(1)
third = len(rows) // 3
middle, last = rows[third:2 * third], rows[2 * third:]
mean = lambda xs, i: sum(r[i] for r in xs) / len(xs)
print("soak: flatness after warm-up: %d samples; ignored the first %d (up to %d s); middle third %d samples (%d-%d s) "
      "vs last third %d samples (%d-%d s), means" % (len(rows), third, rows[third - 1][0], len(middle), middle[0][0],
      middle[-1][0], len(last), last[0][0], last[-1][0]))
ok = True
for name, i, limit, rule in (("RSS KiB", 1, lambda m: m * 1.05, "+5 %"), ("fds", 2, lambda m: m + 3, "+3"),
                             ("threads", 3, lambda m: m + 2, "+2")):
    m, l = mean(middle, i), mean(last, i)
    good = l <= limit(m)
    ok = ok and good
    print("soak:   %-8s middle %10.1f  last %10.1f  (%+.1f, %+.2f %%)  limit %s = %.1f  %s" % (
        name, m, l, l - m, 100.0 * (l - m) / m if m else 0.0, rule, limit(m), "ok" if good else "GROWING"))
print("soak: %s" % ("PASS flat RSS, fds and threads after warm-up" if ok else "FAIL growth after warm-up (see above)"))
sys.exit(0 if ok else 1)
PY
[ "$LOAD_OK" = yes ] || { log "FAIL every webhook must be answered 200 (see the load line above)"; exit 1; }
[ "${FLAT_OK:-yes}" = yes ] || exit 1
log "PASS all webhooks answered 200, outbox drained, work settled, flat after warm-up"
