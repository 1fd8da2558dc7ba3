#!/usr/bin/env bash
# Disk full and read-only store: PullDoctor must answer 503 (so Alertmanager retries) instead of
# acknowledging what it cannot keep, lose nothing it acknowledged, and recover when the store can be written
# again, without a restart.
#   1. disk full: the store on a 1 MiB tmpfs fills; 503 until the tmpfs grows, then 200 again.
#   2. read-only: the tmpfs is remounted read-only; POST /webhook must answer 503 (never 200) and count
#      pulldoctor_store_errors_total{reason="read_only"}; remounted read-write, ingest must recover.
#      Linux refuses `mount -o remount,ro` (EBUSY) while a file on the mount is open for writing, and a
#      running PullDoctor holds its store open for writing; when the kernel refuses, the store goes read-only
#      the way a pod meets a volume that went read-only: PullDoctor is killed (kill -9, its WAL stays), the
#      tmpfs is remounted read-only and PullDoctor starts again on it.
# Both phases end by checking that every acknowledged payload is in the store.
# Needs root (a small tmpfs is mounted for the store); skipped, loudly, otherwise. Bounded.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
WORK=$(mktemp -d /tmp/pulldoctor-diskfull.XXXXXX)
MNT="$WORK/store"
PD_PID=""
log() { printf 'disk-full: %s\n' "$*"; }
fail() { # the reason, and PullDoctor's last errors
  log "FAIL: $*"
  grep -E 'level=(error|critical)|^pulldoctor:' "$WORK/pulldoctor.log" 2>/dev/null | tail -n 3 | cut -c1-300 | sed 's/^/disk-full:   log: /'
  exit 1
}
stop_pd() { # SIGTERM to the PullDoctor we started, SIGKILL after 10 s
  [ -n "$PD_PID" ] || return 0
  kill "$PD_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$PD_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$PD_PID" 2>/dev/null || true
  wait "$PD_PID" 2>/dev/null || true
  PD_PID=""
}
cleanup() {
  stop_pd
  if mountpoint -q "$MNT"; then umount "$MNT" || log "could not unmount $MNT"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=1m tmpfs "$MNT" 2>/dev/null; then
  banner="disk-full: ########################################################################
disk-full: SKIP -- NOT TESTED: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN; uid $(id -u)).
disk-full: SKIP -- the disk-full and read-only store checks did NOT run.
disk-full: ########################################################################"
  printf '%s\n' "$banner"; printf '%s\n' "$banner" >&2
  exit 0
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/pulldoctor.yml" <<YAML
web: {listen_address: "127.0.0.1:$PORT"}
diagnosis: {enabled: false}
store: {path: $MNT/pulldoctor.sqlite}
YAML
start_pd() {
  "$BIN" serve --config.file="$WORK/pulldoctor.yml" >> "$WORK/pulldoctor.log" 2>&1 &
  PD_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PD_PID" 2>/dev/null || { wait "$PD_PID" 2>/dev/null || true; PD_PID=""; fail "PullDoctor exited before it was ready ($1)"; }
    sleep 0.1
  done
  fail "PullDoctor not ready after 10 s ($1)"
}
metric() { # metric NAME_AND_LABELS: its value, 0 when absent
  curl -fsS "http://127.0.0.1:$PORT/metrics" | awk -v m="$1" '$1 == m {v = $2} END {print v + 0}'
}

# The payloads and the store check, shared by both phases. Payload i has groupKey "g<i>"; the ids acknowledged
# with a 200 are appended to $WORK/acked.
cat > "$WORK/hook.py" <<'PY'
import http.client, json, sqlite3
def post(port, i):
    alerts = [{"status": "firing", "labels": {"alertname": "KubeContainerWaiting", "namespace": "full", "pod": "p-%d-%d" % (i, j)},
               "annotations": {"description": "x" * 2000}, "startsAt": "2026-11-21T19:35:30Z", "fingerprint": "%08x%08x" % (i, j)}
              for j in range(10)]
    body = json.dumps({"version": "4", "status": "firing", "receiver": "r", "groupKey": "g%d" % i, "alerts": alerts})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/webhook", body=body, headers={"Content-Type": "application/json"})
    status = conn.getresponse().status
    conn.close()
    return status
def ack(work, i):
    with open(work + "/acked", "a") as f:
        f.write("%d\n" % i)
def missing(work, db):
    acked = [int(line) for line in open(work + "/acked")]
    stored = {r[0] for r in sqlite3.connect("file:%s?mode=ro" % db, uri=True).execute("SELECT group_key FROM payloads")}
    return acked, stored, [i for i in acked if "g%d" % i not in stored]
PY
: > "$WORK/acked"

# --- 1. Disk full
start_pd "disk full phase"
python3 - "$PORT" "$MNT/pulldoctor.sqlite" "$MNT" "$WORK" <<'PY'
import subprocess, sys
port, db, mnt, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
sys.path.insert(0, work)
from hook import post, ack, missing
first_503 = None
for i in range(2000):
    status = post(port, i)
    if status == 200:
        ack(work, i)
    elif status == 503:
        first_503 = i
        break
    else:
        sys.exit("disk-full: FAIL: unexpected status %d" % status)
if first_503 is None:
    sys.exit("disk-full: FAIL: the 1 MiB store never filled")
# Still 503 while full: nothing is acknowledged that cannot be kept.
if post(port, first_503 + 1) != 503:
    sys.exit("disk-full: FAIL: acknowledged while the disk was full")
# Space returns: ingest recovers without a restart.
subprocess.check_call(["mount", "-o", "remount,size=64m", mnt])
recovered = None
for attempt in range(50):
    if post(port, 100000 + attempt) == 200:
        recovered = 100000 + attempt
        break
if recovered is None:
    sys.exit("disk-full: FAIL: ingest did not recover once space returned")
ack(work, recovered)
# Every acknowledged payload is in the store.
acked, stored, lost = missing(work, db)
print("disk-full: acknowledged=%d stored=%d first_503_after=%d missing=%d" % (len(acked), len(stored), first_503, len(lost)))
sys.exit("disk-full: FAIL: acknowledged payloads missing: %s" % lost[:10] if lost else 0)
PY
curl -fsS "http://127.0.0.1:$PORT/metrics" | grep -E '^pulldoctor_(webhook_requests_total\{code="503"\}|store_errors_total\{reason="disk_full"\})' | sed 's/^/disk-full: /'
[ "$(metric 'pulldoctor_store_errors_total{reason="disk_full"}')" -ge 1 ] \
  || fail 'pulldoctor_store_errors_total{reason="disk_full"} did not count'
log "PASS disk full: 503 instead of a false acknowledgement, nothing acknowledged lost, recovery without restart"

# --- 2. Read-only store
if mount -o remount,ro "$MNT" 2>/dev/null; then
  log "read-only: tmpfs remounted read-only under the running PullDoctor"
else
  log "read-only: the kernel refuses to remount the tmpfs read-only while PullDoctor holds the store open (EBUSY);"
  log "read-only: kill -9 PullDoctor (pid $PD_PID), remount read-only, start PullDoctor on the read-only store"
  kill -9 "$PD_PID"; wait "$PD_PID" 2>/dev/null || true; PD_PID=""
  mount -o remount,ro "$MNT" || fail "cannot remount the tmpfs read-only even with PullDoctor stopped"
  start_pd "read-only store"
fi
touch "$MNT/probe" 2>/dev/null && fail "the tmpfs is still writable after remount,ro"
ro_before=$(metric 'pulldoctor_store_errors_total{reason="read_only"}')
python3 - "$PORT" "$WORK" <<'PY'
import sys
port, work = int(sys.argv[1]), sys.argv[2]
sys.path.insert(0, work)
from hook import post, ack
answers = []
for i in range(200000, 200005):
    status = post(port, i)
    answers.append(status)
    if status == 200:
        ack(work, i)  # checked in the store below all the same
print("disk-full: read-only: answers to 5 webhooks: %s" % answers)
if any(s == 200 for s in answers):
    sys.exit("disk-full: FAIL: read-only store, yet %d webhook(s) acknowledged with 200" % answers.count(200))
if any(s != 503 for s in answers):
    sys.exit("disk-full: FAIL: read-only store answered %s, expected 503 (Alertmanager retries)" % answers)
PY
ro_after=$(metric 'pulldoctor_store_errors_total{reason="read_only"}')
log "read-only: pulldoctor_store_errors_total{reason=\"read_only\"} $ro_before -> $ro_after"
[ "$ro_after" -ge $((ro_before + 5)) ] \
  || fail "pulldoctor_store_errors_total{reason=\"read_only\"} rose by $((ro_after - ro_before)), expected at least 5 (one per 503)"

mount -o remount,rw "$MNT" || fail "cannot remount the tmpfs read-write"
recovered=no
for attempt in $(seq 0 49); do  # 50 tries, 0.2 s apart: 10 s
  status=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); from hook import post; print(post(int(sys.argv[2]), int(sys.argv[3])))' \
    "$WORK" "$PORT" $((300000 + attempt)))
  if [ "$status" = 200 ]; then echo $((300000 + attempt)) >> "$WORK/acked"; recovered=yes; break; fi
  [ "$status" = 503 ] || fail "unexpected status $status after the store became writable again"
  sleep 0.2
done
after_restart=""
if [ "$recovered" = no ]; then
  log "read-only: still 503 after 50 tries (10 s) with the store writable again; restarting PullDoctor to see whether a restart recovers"
  stop_pd
  start_pd "after the read-only phase"
  status=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); from hook import post; print(post(int(sys.argv[2]), 400000))' "$WORK" "$PORT")
  [ "$status" = 200 ] && echo 400000 >> "$WORK/acked"
  after_restart=" (after a restart: $status)"
fi
python3 - "$WORK" "$MNT/pulldoctor.sqlite" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from hook import missing
acked, stored, lost = missing(sys.argv[1], sys.argv[2])
print("disk-full: read-only: acknowledged over both phases=%d stored=%d missing=%d" % (len(acked), len(stored), len(lost)))
sys.exit("disk-full: FAIL: acknowledged payloads missing: %s" % lost[:10] if lost else 0)
PY
[ "$recovered" = yes ] \
  || fail "read-only: ingest did not recover without a restart once the store was writable again$after_restart"
log "PASS read-only: 503 (never 200) while read-only, read_only errors counted, recovery without restart, nothing acknowledged lost"
