#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for SECONDS each (default 300), one after the other, and
# prints the CPU time each ran and whether it found anything. Figures go to docs/reliability.md.
# Uses the sanitizer build of scripts/test-sanitizers.sh (build-sanitize/), configuring it if needed.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-300}
build="$repo/build-sanitize"
[[ -f "$build/build.ninja" ]] || { echo "configure first: scripts/test-sanitizers.sh" >&2; exit 2; }
targets=$(sed -n 's/^sls_fuzz_target(\([a-z_]*\) .*/\1/p' "$repo/tests/fuzz/CMakeLists.txt")
# shellcheck disable=SC2086 # one word per target
cmake --build "$build" --target $targets
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LSAN_OPTIONS="suppressions=$repo/tests/fuzz/lsan.supp:print_suppressions=0"
printf '%-20s %10s %12s %s\n' target cpu_s executions result
for target in $targets; do
  mkdir -p "$work/$target"
  status=0
  /usr/bin/time -f '%U %S' -o "$work/$target.time" "$build/tests/fuzz/$target" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$target-" \
    "$work/$target" "$repo/tests/fuzz/seeds/$target" >"$work/$target.log" 2>&1 || status=$?
  cpu=$(awk '{printf "%.0f", $1+$2}' "$work/$target.time")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log" | tail -1)
  result=$([[ $status -eq 0 ]] && echo "no finding" || echo "FOUND (exit $status): the input is copied to build-sanitize/")
  printf '%-20s %10s %12s %s\n' "$target" "$cpu" "${runs:-?}" "$result"
  [[ $status -eq 0 ]] || cp "$work"/$target-* "$repo/build-sanitize/" 2>/dev/null || true
done
