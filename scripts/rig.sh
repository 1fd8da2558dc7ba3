#!/usr/bin/env bash
# End-to-end rig: Debian's real Alertmanager and Prometheus, started by hand on 127.0.0.1, with PullDoctor.
#
#   scripts/rig.sh [--capture]        (--capture also saves the payloads Alertmanager sent as test fixtures)
#
# It proves: Alertmanager (running alertmanager/alertmanager.yml) delivers to PullDoctor with bearer auth;
# Prometheus scrapes PullDoctor and sees the alert counted; a resolved alert arrives; SIGTERM during load
# finishes in-flight requests and exits 0. Every wait is bounded; every process it starts is stopped by PID.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
CAPTURE=0
[ "${1:-}" = "--capture" ] && CAPTURE=1
WORK=$(mktemp -d /tmp/pulldoctor-rig.XXXXXX)
PIDS=()

log() { printf 'rig: %s\n' "$*"; }
fail() { printf 'rig: FAIL: %s\n' "$*" >&2; for f in "$WORK"/*.log; do echo "--- $f" >&2; tail -n 30 "$f" >&2; done; exit 1; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_until SECONDS DESCRIPTION COMMAND...: retry COMMAND every 0.2 s until it succeeds or time runs out.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local end=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $end ] && fail "timed out after ${seconds}s waiting for: $what"
    sleep 0.2
  done
}

for tool in prometheus prometheus-alertmanager amtool python3 curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (run: make deps)"
done
[ -x "$BIN" ] || fail "no PullDoctor binary at $BIN (run: make build)"

PD_PORT=$(free_port); AM_PORT=$(free_port); PROM_PORT=$(free_port)
TOKEN=$(python3 -c 'import secrets; print("rig-" + secrets.token_hex(16))')
printf '%s\n' "$TOKEN" > "$WORK/token"

# --- PullDoctor, with bearer auth read from a file
cat > "$WORK/pulldoctor.yml" <<YAML
web:
  listen_address: 127.0.0.1:$PD_PORT
  # The shutdown check below holds 4 slow 3 MB storm bodies in flight beside 3 more from the load: above the
  # 16 MiB default budget, which would answer some of them 503 before their bodies arrive (correct, but not
  # what that check measures; the budget has its own test in WebhookRouteTests).
  max_in_flight_bytes: 67108864
  auth:
    bearer_token_file: $WORK/token
log:
  level: info
store:
  path: $WORK/pulldoctor.sqlite
YAML
"$BIN" check-config "$WORK/pulldoctor.yml" >/dev/null || fail "pulldoctor check-config rejected the rig's config"
"$BIN" serve --config.file="$WORK/pulldoctor.yml" --log.format=logfmt > "$WORK/pulldoctor.log" 2>&1 &
PD_PID=$!; PIDS+=("$PD_PID")
wait_until 20 "PullDoctor ready" curl -fsS "http://127.0.0.1:$PD_PORT/-/ready"
log "PullDoctor ready on 127.0.0.1:$PD_PORT (pid $PD_PID)"

# --- Alertmanager, running the example config with the rig's addresses and short timers
CAPTURE_DIR="$WORK/captured"
if [ $CAPTURE = 1 ]; then
  python3 "$ROOT/scripts/rig/capture.py" "$CAPTURE_DIR" "$WORK/capture.port" > "$WORK/capture.log" 2>&1 &
  PIDS+=("$!")
  wait_until 10 "capture server" test -s "$WORK/capture.port"
fi
python3 - "$ROOT/alertmanager/alertmanager.yml" "$WORK/alertmanager.yml" "$PD_PORT" "$WORK/token" "$CAPTURE" "$WORK/capture.port" <<'PY'
import sys, yaml
src, dst, port, token, capture, capture_port_file = sys.argv[1:7]
config = yaml.safe_load(open(src))
route = next(r for r in config["route"]["routes"] if r["receiver"] == "pulldoctor")
route.update(group_wait="1s", group_interval="2s")
receiver = next(r for r in config["receivers"] if r["name"] == "pulldoctor")
hook = receiver["webhook_configs"][0]
hook["url"] = "http://127.0.0.1:%s/webhook" % port
hook["http_config"]["authorization"]["credentials_file"] = token
if capture == "1":
    receiver["webhook_configs"].append({"url": "http://127.0.0.1:%s/capture" % open(capture_port_file).read().strip(), "send_resolved": True})
yaml.safe_dump(config, open(dst, "w"), sort_keys=False)
PY
amtool check-config "$ROOT/alertmanager/alertmanager.yml" > /dev/null || fail "amtool rejects alertmanager/alertmanager.yml"
prometheus-alertmanager --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/am-data" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= > "$WORK/alertmanager.log" 2>&1 &
PIDS+=("$!")
wait_until 30 "Alertmanager ready" curl -fsS "http://127.0.0.1:$AM_PORT/-/ready"
log "Alertmanager ready on 127.0.0.1:$AM_PORT"

# --- Prometheus, scraping PullDoctor every second
cat > "$WORK/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: pulldoctor
    static_configs:
      - targets: ["127.0.0.1:$PD_PORT"]
YAML
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prom-data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" > "$WORK/prometheus.log" 2>&1 &
PIDS+=("$!")
wait_until 60 "Prometheus ready" curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready"
log "Prometheus ready on 127.0.0.1:$PROM_PORT"

# --- An image-pull alert, posted to Alertmanager's API as Prometheus would
alert() { # alert STATUS_ENDS_AT
  python3 - "$1" <<'PY'
import json, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc)
alert = {
    "labels": {"alertname": "KubeContainerWaiting", "namespace": "shop", "pod": "web-7c9f8d6b5-x2k4q",
               "container": "app", "reason": "ImagePullBackOff", "severity": "warning"},
    "annotations": {"summary": "Pod container waiting longer than 1 hour",
                    "description": "pod/web-7c9f8d6b5-x2k4q in namespace shop on container app has been in waiting state for longer than 1 hour. (reason: \"ImagePullBackOff\")."},
    "startsAt": (now - datetime.timedelta(minutes=5)).isoformat(),
    "generatorURL": "http://prometheus.example/graph?g0.expr=kube_pod_container_status_waiting_reason",
}
if sys.argv[1] == "resolved":
    alert["endsAt"] = now.isoformat()
print(json.dumps([alert]))
PY
}
metric_at_least() { # metric_at_least SERIES MIN
  curl -fsS "http://127.0.0.1:$PD_PORT/metrics" | awk -v s="$1" -v min="$2" '$1 == s && $2 >= min { found = 1 } END { exit !found }'
}
alert firing | curl -fsS -XPOST -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$AM_PORT/api/v2/alerts" > /dev/null
log "posted a firing KubeContainerWaiting alert to Alertmanager"
wait_until 30 "Alertmanager to deliver the firing alert to PullDoctor" metric_at_least 'pulldoctor_alerts_received_total{status="firing"}' 1
grep -q 'pulldoctor.pod=web-7c9f8d6b5-x2k4q' "$WORK/pulldoctor.log" || fail "PullDoctor did not log the delivered alert"
metric_at_least 'pulldoctor_webhook_requests_total{code="200"}' 1 || fail "no webhook request answered 200"
log "PASS Alertmanager delivered the alert to PullDoctor (bearer auth)"

prom_value() { # prom_value QUERY MIN
  curl -fsS --get "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; sys.exit(0 if r and float(r[0]["value"][1]) >= float(sys.argv[1]) else 1)' "$2"
}
wait_until 30 "Prometheus to see the alert counted" prom_value 'pulldoctor_alerts_received_total{status="firing"}' 1
prom_value 'up{job="pulldoctor"}' 1 || fail "Prometheus does not see PullDoctor up"
log "PASS Prometheus scraped PullDoctor and sees the alert counted"

alert resolved | curl -fsS -XPOST -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$AM_PORT/api/v2/alerts" > /dev/null
wait_until 30 "the resolved notification" metric_at_least 'pulldoctor_alerts_received_total{status="resolved"}' 1
log "PASS the resolved notification arrived"

if [ $CAPTURE = 1 ]; then
  wait_until 10 "two captured payloads" test -s "$CAPTURE_DIR/002.json"
  python3 - "$CAPTURE_DIR" "$ROOT/Tests/Fixtures/webhook" <<'PY'
import json, os, sys
src, dst = sys.argv[1:3]
for name in sorted(os.listdir(src)):
    payload = json.load(open(os.path.join(src, name)))
    target = os.path.join(dst, "alertmanager-%s.json" % payload["status"])
    if not os.path.exists(target):
        json.dump(payload, open(target, "w"), indent=2, sort_keys=True)
        print("rig: captured", target)
PY
fi

grep -q "$TOKEN" "$WORK"/pulldoctor.log && fail "the bearer token appeared in PullDoctor's log"
log "PASS the token never appeared in the log"

# --- SIGTERM during load: in-flight requests finish, the process exits 0
python3 - "$WORK/storm.json" <<'PY'
import json, sys
alerts = [{"status": "firing", "labels": {"alertname": "KubeContainerWaiting", "namespace": "ns%d" % (i % 50),
           "pod": "web-%d" % i, "container": "app", "reason": "ImagePullBackOff"},
           "annotations": {"description": "x" * 800}, "startsAt": "2026-11-21T19:35:30.308Z",
           "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus/graph", "fingerprint": "%016x" % i}
          for i in range(3000)]
json.dump({"version": "4", "groupKey": "{}:{alertname=\"KubeContainerWaiting\"}", "truncatedAlerts": 0,
           "status": "firing", "receiver": "pulldoctor", "groupLabels": {}, "commonLabels": {},
           "commonAnnotations": {}, "externalURL": "http://am", "alerts": alerts}, open(sys.argv[1], "w"))
PY
python3 "$ROOT/scripts/rig/load.py" "http://127.0.0.1:$PD_PORT/webhook" "$TOKEN" "$WORK/storm.json" 20 3 > "$WORK/load.out" 2>&1 &
LOAD_PID=$!; PIDS+=("$LOAD_PID")
python3 "$ROOT/scripts/rig/slow_senders.py" "http://127.0.0.1:$PD_PORT/webhook" "$TOKEN" "$WORK/storm.json" 4 "$WORK/slow.ready" > "$WORK/slow.out" 2>&1 &
SLOW_PID=$!; PIDS+=("$SLOW_PID")
wait_until 20 "slow requests in flight" test -e "$WORK/slow.ready"
sleep 0.5
kill -TERM "$PD_PID"
PD_STATUS=0; wait "$PD_PID" || PD_STATUS=$?
wait "$SLOW_PID" || true
wait "$LOAD_PID" || true
log "load during shutdown: $(cat "$WORK/load.out"); slow in-flight requests: $(cat "$WORK/slow.out")"
[ "$PD_STATUS" = 0 ] || fail "PullDoctor exited $PD_STATUS on SIGTERM (want 0)"
grep -q "status200=4 failed=0" "$WORK/slow.out" || fail "in-flight requests were not finished: $(cat "$WORK/slow.out")"
grep -q 'msg=stopped' "$WORK/pulldoctor.log" || fail "PullDoctor did not log a clean stop"
log "PASS SIGTERM during load: in-flight requests answered 200, exit code 0"
log "all checks passed"
