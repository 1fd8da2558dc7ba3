#!/usr/bin/env bash
# Disk full and read-only store: PullDoctor must answer 503 (so Alertmanager retries) instead of
# acknowledging what it cannot keep, lose nothing it acknowledged, and recover when space returns.
# Needs root (a small tmpfs is mounted for the store); skipped with a message otherwise. Bounded.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
WORK=$(mktemp -d /tmp/pulldoctor-diskfull.XXXXXX)
MNT="$WORK/store"
PD_PID=""
log() { printf 'disk-full: %s\n' "$*"; }
cleanup() {
  [ -n "$PD_PID" ] && { kill "$PD_PID" 2>/dev/null || true; wait "$PD_PID" 2>/dev/null || true; }
  mountpoint -q "$MNT" && umount "$MNT"
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=1m tmpfs "$MNT" 2>/dev/null; then
  log "SKIP: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)"
  exit 0
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/pulldoctor.yml" <<YAML
web: {listen_address: "127.0.0.1:$PORT"}
diagnosis: {enabled: false}
store: {path: $MNT/pulldoctor.sqlite}
YAML
"$BIN" serve --config.file="$WORK/pulldoctor.yml" > "$WORK/pulldoctor.log" 2>&1 &
PD_PID=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 && break; sleep 0.1; done

python3 - "$PORT" "$MNT/pulldoctor.sqlite" "$MNT" <<'PY'
import http.client, json, sqlite3, subprocess, sys
port, db, mnt = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def post(i):
    alerts = [{"status": "firing", "labels": {"alertname": "KubeContainerWaiting", "namespace": "full", "pod": "p-%d-%d" % (i, j)},
               "annotations": {"description": "x" * 2000}, "startsAt": "2026-11-21T19:35:30Z", "fingerprint": "%08x%08x" % (i, j)}
              for j in range(10)]
    body = json.dumps({"version": "4", "status": "firing", "receiver": "r", "groupKey": "g%d" % i, "alerts": alerts})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/webhook", body=body, headers={"Content-Type": "application/json"})
    status = conn.getresponse().status
    conn.close()
    return status
acked, first_503 = [], None
for i in range(2000):
    status = post(i)
    if status == 200:
        acked.append(i)
    elif status == 503:
        first_503 = i
        break
    else:
        sys.exit("disk-full: FAIL: unexpected status %d" % status)
if first_503 is None:
    sys.exit("disk-full: FAIL: the 1 MiB store never filled")
# Still 503 while full: nothing is acknowledged that cannot be kept.
assert post(first_503 + 1) == 503, "disk-full: FAIL: acknowledged while the disk was full"
# Space returns: ingest recovers without a restart.
subprocess.check_call(["mount", "-o", "remount,size=64m", mnt])
recovered = None
for attempt in range(50):
    if post(100000 + attempt) == 200:
        recovered = 100000 + attempt
        break
if recovered is None:
    sys.exit("disk-full: FAIL: ingest did not recover once space returned")
acked.append(recovered)
# Every acknowledged payload is in the store.
rows = sqlite3.connect(db).execute("SELECT group_key FROM payloads").fetchall()
stored = {r[0] for r in rows}
missing = [i for i in acked if "g%d" % i not in stored]
print("disk-full: acknowledged=%d stored=%d first_503_after=%d missing=%d" % (len(acked), len(stored), first_503, len(missing)))
sys.exit("disk-full: FAIL: acknowledged payloads missing: %s" % missing[:10] if missing else 0)
PY
curl -fsS "http://127.0.0.1:$PORT/metrics" | grep -E '^pulldoctor_(webhook_requests_total\{code="503"\}|store_errors_total\{reason="disk_full"\})' | sed 's/^/disk-full: /'
curl -fsS "http://127.0.0.1:$PORT/metrics" | grep -qE '^pulldoctor_store_errors_total\{reason="disk_full"\} [1-9]' \
  || { log "FAIL: pulldoctor_store_errors_total{reason=\"disk_full\"} did not count"; exit 1; }
log "PASS disk full: 503 instead of a false acknowledgement, nothing acknowledged lost, recovery without restart"
