#!/usr/bin/env bash
# Fuzzes PullDoctor's parsers of untrusted input with libFuzzer (Swift's -sanitize=fuzzer,address):
# the webhook decoder, the configuration loader, the image-reference parser, the pull-secret parser and
# the message classifier. The fuzz package (fuzz/Package.swift) builds into .build-fuzz, apart from the
# normal build, because the sanitizer flags apply to every module they compile.
#
#   scripts/fuzz.sh [SECONDS]     each target for SECONDS (default 10), fixed seed, fresh corpus: `make test`
#   scripts/fuzz.sh --runs N      each target for N executions (at least N, checked), random seed,
#                                 corpus kept in .build-fuzz/corpus between runs: `make soak`
#
# Environment: FUZZ_TARGETS="webhook config ..." picks targets; FUZZ_SEED fixes the seed.
# First every input in Tests/Fixtures/fuzz-regressions/<target>/ is replayed (a fixed crash must stay
# fixed), then each target is fuzzed from seeds made from the repository's fixtures. A crash, a broken
# property, a timeout (10 s on one input) or a leak fails the run, and the input is copied to
# Tests/Fixtures/fuzz-regressions/<target>/ so it becomes a regression fixture. Exit 0 only when
# every target ran clean.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=$ROOT/.build-fuzz
REGRESSIONS=$ROOT/Tests/Fixtures/fuzz-regressions
ALL_TARGETS="webhook config image-reference pull-secret classifier"
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}

log() { printf 'fuzz: %s\n' "$*"; }
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

SECONDS_PER_TARGET=10
RUNS=""
case "${1:-}" in
  "") ;;
  --runs) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; RUNS=$2 ;;
  -h|--help) usage ;;
  *) [[ "$1" =~ ^[0-9]+$ ]] || usage; SECONDS_PER_TARGET=$1 ;;
esac

binary_for() {
  case "$1" in
    webhook) echo WebhookFuzzer ;;
    config) echo ConfigFuzzer ;;
    image-reference) echo ImageReferenceFuzzer ;;
    pull-secret) echo PullSecretFuzzer ;;
    classifier) echo ClassifierFuzzer ;;
    *) echo "fuzz: unknown target $1 (known: $ALL_TARGETS)" >&2; exit 2 ;;
  esac
}
for target in $TARGETS; do binary_for "$target" > /dev/null; done

# Swift's own crash backtracer would fight ASan over the crashed process; libFuzzer and ASan report instead.
export SWIFT_BACKTRACE=enable=no
WORK=$(mktemp -d /tmp/pulldoctor-fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$SCRATCH/logs" "$WORK/empty"

# Build. The linker prints thousands of harmless "Cannot export local symbol '__asan_...'" warnings
# (ASan's local helpers in the export list); they go to the log, not the terminal.
started=$(date +%s)
log "building the fuzz package (log: .build-fuzz/logs/build.log)"
if ! swift build -c debug --package-path "$ROOT/fuzz" --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library > "$SCRATCH/logs/build.log" 2>&1; then
  grep -v 'ld.gold: warning' "$SCRATCH/logs/build.log" | tail -n 40 >&2
  log "FAIL the fuzz package did not build"
  exit 1
fi
log "built in $(( $(date +%s) - started )) s"
BIN_DIR=$SCRATCH/debug

python3 "$ROOT/fuzz/Seeds/make_seeds.py" "$ROOT" "$WORK/seeds" | sed 's/^/fuzz: seeds /'

failures=0
# Prints libFuzzer's own explanation of a failure: the sanitizer report or our property message.
explain() {
  grep -E -A 25 '^==[0-9]+== ?ERROR|fuzz property failed|Fatal error|SUMMARY|^INFO: .*(timeout|leak)|ALARM' "$1" \
    | grep -v '^INFO: Loaded' | head -n 25 >&2 || true
}

# A failing input kept as a regression fixture, named by libFuzzer (crash-/timeout-/oom-/leak-<sha1>).
keep_artifacts() {
  local target=$1 artifacts=$2 kept=0
  mkdir -p "$REGRESSIONS/$target"
  for file in "$artifacts"/*; do
    [ -f "$file" ] || continue
    cp "$file" "$REGRESSIONS/$target/"
    log "  saved Tests/Fixtures/fuzz-regressions/$target/$(basename "$file")"
    kept=$((kept + 1))
  done
  [ "$kept" -gt 0 ]
}

for target in $TARGETS; do
  bin=$BIN_DIR/$(binary_for "$target")
  # Replay, one file at a time so that every still-failing input is named (libFuzzer given several files
  # stops at the first failure).
  replayed=0
  while IFS= read -r fixture; do
    replayed=$((replayed + 1))
    replay_log=$SCRATCH/logs/$target-regression-$(basename "$fixture").log
    if ! (cd "$WORK/empty" && "$bin" -timeout=10 -rss_limit_mb=2048 "$fixture") > "$replay_log" 2>&1; then
      explain "$replay_log"
      log "FAIL $target: regression input $(basename "$fixture") still fails (log: ${replay_log#"$ROOT"/})"
      failures=$((failures + 1))
    fi
  done < <(find "$REGRESSIONS/$target" -maxdepth 1 -type f ! -name '*.md' 2>/dev/null | sort)
  [ "$replayed" -gt 0 ] && log "$target: $replayed regression input(s) replayed"

  if [ -n "$RUNS" ]; then
    seed=${FUZZ_SEED:-$(( (RANDOM << 15 | RANDOM) + 1 ))}
    corpus=$SCRATCH/corpus/$target
    limit=(-runs="$RUNS")
  else
    seed=${FUZZ_SEED:-1}
    corpus=$WORK/corpus/$target
    limit=(-max_total_time="$SECONDS_PER_TARGET")
  fi
  mkdir -p "$corpus" "$WORK/artifacts/$target"
  target_log=$SCRATCH/logs/$target.log
  t0=$(date +%s)
  # The working folder is empty so that a mutated `*_file: relative/path` in a configuration names
  # nothing; new interesting inputs go to the first corpus folder only.
  set +e
  (cd "$WORK/empty" && "$bin" -seed="$seed" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -dict="$WORK/seeds/$target.dict" -artifact_prefix="$WORK/artifacts/$target/" "$corpus" "$WORK/seeds/$target") \
      > "$target_log" 2>&1
  status=$?
  set -e
  elapsed=$(( $(date +%s) - t0 ))
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$target_log" | tail -n 1)
  coverage=$(grep -oE 'cov: [0-9]+' "$target_log" | tail -n 1)
  summary="${executed:-?} executions in ${elapsed} s, ${coverage:-cov: ?}, seed $seed"
  if [ "$status" -ne 0 ] || [ -n "$(ls -A "$WORK/artifacts/$target")" ]; then
    explain "$target_log"
    keep_artifacts "$target" "$WORK/artifacts/$target" || true
    log "FAIL $target: libFuzzer exited $status after $summary (log: .build-fuzz/logs/$target.log)"
    failures=$((failures + 1))
  elif [ -n "$RUNS" ] && [ "${executed:-0}" -lt "$RUNS" ]; then
    log "FAIL $target: only ${executed:-0} of $RUNS executions ran ($summary)"
    failures=$((failures + 1))
  else
    log "PASS $target: $summary"
  fi
done

log "total $(( $(date +%s) - started )) s"
if [ "$failures" -gt 0 ]; then
  log "FAIL $failures failure(s); failing inputs are under Tests/Fixtures/fuzz-regressions/"
  exit 1
fi
log "PASS all targets: $TARGETS"
