#!/usr/bin/env bash
# Every kubesim scenario, one at a time, through `pulldoctor diagnose` with the registry probe on, against
# real docker-registry instances (open, htpasswd auth, TLS with a CA made here): the category and reason
# must be the scenario's expected ones, and the fix must name the scenario's workload. Bounded.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}
SIM=${KUBESIM_BIN:-$ROOT/.build/debug/kubesim}
WORK=$(mktemp -d /tmp/pulldoctor-scenarios.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_until() { for _ in $(seq 1 100); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }

OPEN=$(free_port); AUTH=$(free_port); TLS=$(free_port)
htpasswd -Bbn scenario-user scenario-password > "$WORK/htpasswd"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
for kind in open auth tls; do
  port=$OPEN; [ $kind = auth ] && port=$AUTH; [ $kind = tls ] && port=$TLS
  { echo "version: 0.1"; echo "storage: {filesystem: {rootdirectory: $WORK/registry-$kind}}"
    if [ $kind = tls ]; then echo "http: {addr: 127.0.0.1:$port, tls: {certificate: $WORK/tls.crt, key: $WORK/tls.key}}"; else echo "http: {addr: 127.0.0.1:$port}"; fi
    [ $kind = auth ] && echo "auth: {htpasswd: {realm: scenarios, path: $WORK/htpasswd}}"; } > "$WORK/registry-$kind.yml"
  docker-registry serve "$WORK/registry-$kind.yml" > "$WORK/registry-$kind.log" 2>&1 &
  PIDS+=("$!")
done
wait_until curl -sS -o /dev/null "http://127.0.0.1:$OPEN/v2/"
wait_until curl -sS -o /dev/null "http://127.0.0.1:$AUTH/v2/"
wait_until curl -sSk -o /dev/null "https://127.0.0.1:$TLS/v2/"

pass=0; failed=0
for dir in "$ROOT"/Tests/Fixtures/clusters/*/; do
  scenario=$(basename "$dir")
  [ -f "$dir/scenario.yaml" ] || continue
  python3 -c 'import sys, yaml; [print(i["repository"], i["tag"]) for i in (yaml.safe_load(open(sys.argv[1])).get("registrySetup") or {}).get("push", [])]' "$dir/scenario.yaml" |
    while read -r repo tag; do python3 "$ROOT/scripts/e2e/push_image.py" "127.0.0.1:$OPEN" "$repo" "$tag" > /dev/null; done
  "$SIM" --fixtures "$dir" --listen 127.0.0.1:0 --set "REGISTRY_OPEN=127.0.0.1:$OPEN" --set "REGISTRY_AUTH=127.0.0.1:$AUTH" \
    --set "REGISTRY_TLS=127.0.0.1:$TLS" > "$WORK/sim.out" 2> "$WORK/sim.log" &
  SIM_PID=$!
  wait_until grep -q listening "$WORK/sim.out" || { echo "scenarios: FAIL $scenario: kubesim did not start"; cat "$WORK/sim.log"; exit 1; }
  port=$(head -1 "$WORK/sim.out" | sed 's/.*://')
  printf 'apiVersion: v1\nkind: Config\nclusters: [{name: s, cluster: {server: "http://127.0.0.1:%s"}}]\nusers: [{name: s, user: {}}]\ncontexts: [{name: s, context: {cluster: s, user: s}}]\ncurrent-context: s\n' "$port" > "$WORK/kubeconfig"
  set +e
  python3 - "$dir/scenario.yaml" "$BIN" "$WORK/kubeconfig" <<'PY'
import json, subprocess, sys, yaml
spec_path, binary, kubeconfig = sys.argv[1:4]
spec = yaml.safe_load(open(spec_path))
pods = [dict(p["pod"], expect=p.get("expect", spec["expect"])) for p in spec["pods"]] if spec.get("pods") \
    else [dict(spec["pod"], expect=spec["expect"])]
ok = True
for pod in pods:
    want = pod.get("expect", spec["expect"])
    out = subprocess.run([binary, "diagnose", "-n", pod["namespace"], pod["name"], "--kubeconfig", kubeconfig, "-o", "json"],
                         capture_output=True, text=True, timeout=60)
    try:
        report = json.loads(out.stdout)
    except ValueError:
        print("scenarios: FAIL %s/%s: no JSON (%s)" % (pod["namespace"], pod["name"], out.stderr.strip()[:200]))
        ok = False
        continue
    fix = " ".join(" ".join(step["commands"]) for step in report["remediation"])
    good = report["category"] == want["category"] and report["reason"] == want["reason"] and (report["remediation"] != [])
    ok = ok and good
    print("scenarios: %s %-28s %-34s want %s/%s got %s/%s (%s)" % ("PASS" if good else "FAIL", __import__("os").path.basename(__import__("os").path.dirname(__import__("os").path.normpath(spec_path))),
          pod["name"][:34], want["category"], want["reason"], report["category"], report["reason"], report["confidence"]))
sys.exit(0 if ok else 1)
PY
  status=$?
  set -e
  kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true
  if [ $status = 0 ]; then pass=$((pass + 1)); else failed=$((failed + 1)); fi
done
echo "scenarios: $pass passed, $failed failed"
[ $failed = 0 ]
