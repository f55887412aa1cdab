#!/usr/bin/env bash
# sls build versus a hand-rolled ninja baseline on a synthetic project
# (issue 6, "How it is shown"). Not a test: it prints figures. See bench/README.md.
#
# Usage: bench/build_bench.sh [--sls PATH] [--functions N] [--runs K] [--jobs J]
#                             [--timeout SECONDS] [--write-doc FILE] [--keep]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sls="$repo/build/sls"
functions=50
runs=3
jobs=$(nproc)
step_timeout=1200
write_doc=""
keep=0

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sls) sls=$2; shift 2 ;;
    --functions) functions=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs|-j) jobs=$2; shift 2 ;;
    --timeout) step_timeout=$2; shift 2 ;;
    --write-doc) write_doc=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build_bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$functions$runs$jobs$step_timeout" in *[!0-9]*) echo "build_bench.sh: numbers only" >&2; exit 2 ;; esac
[ "$functions" -ge 1 ] && [ "$runs" -ge 1 ] && [ "$jobs" -ge 1 ] || { echo "build_bench.sh: N, K, J >= 1" >&2; exit 2; }

sls=$(cd "$(dirname "$sls")" && pwd)/$(basename "$sls")
[ -x "$sls" ] || { echo "build_bench.sh: no sls binary at $sls (pass --sls PATH)" >&2; exit 2; }
share=${SLS_SHARE_DIR:-$(dirname "$sls")/share/sls}
[ -d "$share/runtime" ] || { echo "build_bench.sh: no share dir at $share (SLS_SHARE_DIR overrides)" >&2; exit 2; }
for tool in ninja clang++-19 llvm-ar-19 python3 timeout; do
  command -v "$tool" >/dev/null || { echo "build_bench.sh: $tool is not installed" >&2; exit 2; }
done
if command -v zip >/dev/null; then zip_tool=zip; else zip_tool=python; fi
if command -v ccache >/dev/null; then have_ccache=1; else have_ccache=0; fi

# Everything lives under one temp folder, removed on exit; sls never sees the user's cache.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sls-build-bench.XXXXXX")
cleanup() { if [ "$keep" = 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM
project=$tmp/project
baseline=$tmp/baseline
results=$tmp/results.tsv   # scenario, tool, run, seconds, steps
: > "$results"
export CCACHE_DIR=$tmp/ccache SOURCE_DATE_EPOCH=315532800
unset CCACHE_PREFIX || true

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
ccache_flag=""
[ "$have_ccache" = 1 ] && ccache_flag=--ccache
python3 "$repo/bench/make_project.py" --functions "$functions" --project "$project" --share "$share" \
  --baseline "$baseline" --zip-tool "$zip_tool" $ccache_flag
victim=$(printf 'fn_%03d' $((functions / 2)))   # the function touched and edited
header=lib/text.hpp                              # included by every third function
dependents=$(grep -l '"text.hpp"' "$project"/api/*.cpp | wc -l)

now_ns() { date +%s%N; }
log() { printf '%s\n' "$*" >&2; }

# timed SCENARIO TOOL RUN CMD...: runs CMD from the project folder under the
# timeout; records wall seconds and the steps it ran. A failure stops the bench.
timed() {
  local scenario=$1 tool=$2 run=$3; shift 3
  local out=$tmp/last-$tool.out start end steps
  start=$(now_ns)
  if ! (cd "$project" && timeout "$step_timeout" "$@") >"$out" 2>&1; then
    log "build_bench.sh: $tool failed or timed out ($step_timeout s) in '$scenario', run $run:"
    tail -n 30 "$out" >&2
    exit 1
  fi
  end=$(now_ns)
  if [ "$tool" = sls ]; then
    steps=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["steps"]; print("%dc/%dl/%dp" % (s["compiled"], s["linked"], s["packaged"]) + "".join(" %s=%s" % (k, v) for k, v in sorted(s.items()) if "lint" in k))' "$out")
  else
    steps=$(grep -c '^\[[0-9]*/[0-9]*\]' "$out" || true)
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$scenario" "$tool" "$run" "$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", (b-a)/1e9}')" "$steps" >> "$results"
  log "  $scenario / $tool: $(tail -n1 "$results" | cut -f4) s ($steps)"
}

# The commands measured (timeout runs programs, not shell functions).
run_sls() { timed "$1" sls "$2" env SLS_CACHE_DIR="$cache" "$sls" build . -j "$jobs" --json; }
run_ninja() { timed "$1" ninja "$2" ninja -f "$baseline/build.ninja" -j "$jobs"; }
run_ccache() { timed "$1" ninja "$2" ninja -f "$baseline/build-ccache.ninja" -j "$jobs"; }

# both SCENARIO RUN: sls and the baseline side by side; who goes first alternates per run.
both() {
  if [ $(($2 % 2)) = 1 ]; then
    run_sls "$1" "$2"; run_ninja "$1" "$2"
  else
    run_ninja "$1" "$2"; run_sls "$1" "$2"
  fi
}

log "sls build bench: $functions functions, $runs run(s), -j $jobs, in $tmp"
bench_start=$(now_ns)
for run in $(seq 1 "$runs"); do
  log "run $run/$runs"
  cache=$tmp/cache-$run          # a fresh, empty sls cache for this run's cold build
  rm -rf "$project/.sls" "$baseline/out"
  both cold "$run"
  both noop "$run"
  touch "$project/api/$victim.cpp"
  both touch "$run"
  sed -i "s/^const char\\* k_revision = \".*\";/const char* k_revision = \"edit$run\";/" "$project/api/$victim.cpp"
  both edit "$run"
  sed -i "s/^inline constexpr int k_text_revision = .*;/inline constexpr int k_text_revision = $run;/" "$project/$header"
  both header "$run"
  # The package stage alone: every function's zip is gone, nothing else changed.
  rm -rf "$project/.sls/output"
  rm -f "$baseline"/out/zip/*.zip
  both package "$run"
  # A fresh checkout: .sls/ is gone, the cache is warm.
  rm -rf "$project/.sls"
  run_sls warm "$run"
  if [ "$have_ccache" = 1 ]; then
    (cd "$project" && timeout "$step_timeout" ninja -f "$baseline/build-ccache.ninja" -j "$jobs" >/dev/null 2>&1) || {
      log "build_bench.sh: the ccache warm-up build failed"; exit 1; }
    rm -rf "$baseline/out-ccache"
    run_ccache warm "$run"
  fi
  rm -rf "$cache"
done
bench_seconds=$(( ($(now_ns) - bench_start) / 1000000000 ))
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The report: medians, ratios, and the machine.
python3 - "$results" <<EOF > "$tmp/report.md"
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
def cell(scenario, tool):
    got = [(float(r[3]), r[4]) for r in rows if r[0] == scenario and r[1] == tool]
    if not got: return None, ""
    steps = sorted(set(s for _, s in got))
    return statistics.median(t for t, _ in got), ", ".join(steps)
def fmt(t):
    if t is None: return "n/a"
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"
names = [
    ("cold", "cold build (sls: empty cache, no .sls/; ninja: clean)"),
    ("noop", "no-op"),
    ("touch", "one function touched (content unchanged)"),
    ("edit", "one function edited"),
    ("header", "shared header edited ($header, $dependents of $functions functions)"),
    ("warm", "cache-warm rebuild after deleting .sls/ (baseline: ccache)" if $have_ccache else "cache-warm rebuild after deleting .sls/"),
    ("package", "package stage alone"),
]
print("| case | sls | baseline | sls / baseline | sls steps (compiled/linked/packaged) | baseline ninja steps |")
print("| --- | ---: | ---: | ---: | --- | --- |")
for key, label in names:
    s, s_steps = cell(key, "sls")
    b, b_steps = cell(key, "ninja")
    ratio = f"{s / b:.2f}x" if s is not None and b else "n/a"
    print(f"| {label} | {fmt(s)} | {fmt(b)} | {ratio} | {s_steps} | {b_steps or 'n/a'} |")
EOF

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $cpu, $(uname -sr)"
  echo "- load average (1/5/15 min) before: $load_start; after: $load_end (the machine was shared with other builds when this is above $(nproc))"
  echo "- project: $functions functions, $runs run(s) per case (median), -j $jobs for both, bench wall time ${bench_seconds} s"
  echo "- sls: $("$sls" --version 2>/dev/null | head -n1) at commit $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown); $(clang++-19 --version | head -n1); ninja $(ninja --version); zip step: $([ "$zip_tool" = zip ] && echo "zip $(zip -v | sed -n 2p | awk '{print $4}') -X" || echo 'python3 -m zipfile')$([ "$have_ccache" = 1 ] && echo "; $(ccache --version | head -n1)")"
  echo
  cat "$tmp/report.md"
} > "$tmp/section.md"
cat "$tmp/section.md"

# --write-doc FILE: put the figures between the markers, keeping the rest of the file.
if [ -n "$write_doc" ]; then
  python3 - "$write_doc" "$tmp/section.md" <<'EOF'
import os, sys
doc, section = sys.argv[1], open(sys.argv[2]).read()
begin, end = "<!-- build-bench:begin -->", "<!-- build-bench:end -->"
text = open(doc).read() if os.path.exists(doc) else ""
block = begin + "\n" + section.rstrip("\n") + "\n" + end
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
open(doc, "w").write(text)
EOF
  log "figures written to $write_doc"
fi
