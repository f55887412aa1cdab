#!/usr/bin/env bash
# sls build versus a hand-rolled ninja baseline on synthetic projects of several
# sizes, side by side in one run (issues 6 and 16). Not a test: it prints
# figures. See bench/README.md.
#
# Usage: bench/build_bench.sh [--sls PATH] [--sizes 10,50,200,500] [--functions N]
#                             [--runs K] [--jobs J] [--timeout SECONDS]
#                             [--all-cases] [--write-doc FILE] [--keep]
# Per size: cold (with peak memory), no-op and touched (K runs each, median),
# one function edited, a shared header edited, process start-up; --all-cases
# adds the package stage alone and the cache-warm rebuild.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sls="$repo/build/sls"
sizes="10 50 200 500"
runs=3
jobs=$(nproc)
step_timeout=3600
all_cases=0
write_doc=""
keep=0

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sls) sls=$2; shift 2 ;;
    --sizes) sizes=$(echo "$2" | tr ',' ' '); shift 2 ;;
    --functions) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs|-j) jobs=$2; shift 2 ;;
    --timeout) step_timeout=$2; shift 2 ;;
    --all-cases) all_cases=1; shift ;;
    --write-doc) write_doc=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build_bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "${sizes// /}$runs$jobs$step_timeout" in *[!0-9]*|"") echo "build_bench.sh: numbers only" >&2; exit 2 ;; esac
for n in $sizes; do [ "$n" -ge 2 ] || { echo "build_bench.sh: sizes >= 2" >&2; exit 2; }; done
[ "$runs" -ge 1 ] && [ "$jobs" -ge 1 ] || { echo "build_bench.sh: K, J >= 1" >&2; exit 2; }

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
results=$tmp/results.tsv   # size, scenario, tool, run, seconds, steps, peak KiB (largest process), peak KiB (tree), peak KiB (tree Pss)
: > "$results"
export CCACHE_DIR=$tmp/ccache SOURCE_DATE_EPOCH=315532800
unset CCACHE_PREFIX || true
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
ccache_flag=""
[ "$have_ccache" = 1 ] && ccache_flag=--ccache

now_ns() { date +%s%N; }
log() { printf '%s\n' "$*" >&2; }

# timed SCENARIO TOOL RUN CMD...: runs CMD from the project folder under the
# timeout (and, for cold builds, the memory sampler bench/peak_rss.py); records
# wall seconds, the steps it ran and its peak memory. A failure stops the bench.
timed() {
  local scenario=$1 tool=$2 run=$3; shift 3
  local out=$tmp/last-$tool.out memory=$tmp/last-$tool.rss start end steps
  local sampler=()
  # Memory is sampled for cold builds only: starting the sampler costs more than a no-op.
  if [ "$scenario" = cold ]; then sampler=(python3 "$repo/bench/peak_rss.py" "$memory"); else echo "0 0 0" > "$memory"; fi
  start=$(now_ns)
  if ! (cd "$project" && "${sampler[@]}" timeout "$step_timeout" "$@") >"$out" 2>&1; then
    log "build_bench.sh: $tool failed or timed out ($step_timeout s) in '$scenario' at $size functions, run $run:"
    tail -n 30 "$out" >&2
    exit 1
  fi
  end=$(now_ns)
  if [ "$tool" = sls ]; then
    steps=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); t=s["steps"]; print("%dc/%dl/%dp" % (t["compiled"], t["linked"], t["packaged"]) + (" (log)" if s.get("build_log", {}).get("replayed") else ""))' "$out")
  else
    steps=$(grep -c '^\[[0-9]*/[0-9]*\]' "$out" || true)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$scenario" "$tool" "$run" "$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.4f", (b-a)/1e9}')" "$steps" "$(tr ' ' '\t' < "$memory")" >> "$results"
  log "  $size / $scenario / $tool: $(tail -n1 "$results" | cut -f5) s ($steps)"
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

# Inputs changed within two seconds of a build are checked by content, never by
# stat (docs/performance.md); a user does not edit and rebuild within that window twice.
settle() { sleep 2.1; }

# bench_size N: one project of N functions through every case.
bench_size() {
  size=$1
  project=$tmp/$size/project
  baseline=$tmp/$size/baseline
  cache=$tmp/$size/cache
  python3 "$repo/bench/make_project.py" --functions "$size" --project "$project" --share "$share" \
    --baseline "$baseline" --zip-tool "$zip_tool" $ccache_flag
  local victim header=lib/text.hpp run
  victim=$(printf 'fn_%03d' $((size / 2)))   # the function touched and edited
  settle
  both cold 1                                # once per size: it dominates the bench's time
  for run in $(seq 1 "$runs"); do both noop "$run"; done
  for run in $(seq 1 "$runs"); do
    touch "$project/api/$victim.cpp"; settle
    both touch "$run"
  done
  sed -i "s/^const char\\* k_revision = \".*\";/const char* k_revision = \"edit\";/" "$project/api/$victim.cpp"
  both edit 1
  sed -i "s/^inline constexpr int k_text_revision = .*;/inline constexpr int k_text_revision = 1;/" "$project/$header"
  both header 1
  grep -l '"text.hpp"' "$project"/api/*.cpp | wc -l > "$tmp/$size/dependents"
  if [ "$all_cases" = 1 ]; then
    rm -rf "$project/.sls/output"                 # the package stage alone
    rm -f "$baseline"/out/zip/*.zip
    both package 1
    rm -rf "$project/.sls"                        # a fresh checkout, the cache warm
    run_sls warm 1
    if [ "$have_ccache" = 1 ]; then
      (cd "$project" && timeout "$step_timeout" ninja -f "$baseline/build-ccache.ninja" -j "$jobs" >/dev/null 2>&1) || {
        log "build_bench.sh: the ccache warm-up build failed"; exit 1; }
      rm -rf "$baseline/out-ccache"
      run_ccache warm 1
    fi
  fi
  # Process start-up alone: what every command pays before it does anything.
  for run in $(seq 1 "$runs"); do
    timed_startup sls "$sls" --version
    timed_startup ninja ninja --version
  done
  rm -rf "$tmp/$size/cache" "$project/.sls" "$baseline/out" "$baseline/out-ccache"
}

timed_startup() {
  local tool=$1 start end; shift
  start=$(now_ns)
  "$@" >/dev/null 2>&1
  end=$(now_ns)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" startup "$tool" 1 "$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.4f", (b-a)/1e9}')" "" 0 0 >> "$results"
}

log "sls build bench: sizes $sizes, $runs run(s) of the repeated cases, -j $jobs, in $tmp"
bench_start=$(now_ns)
for n in $sizes; do
  log "$n functions"
  bench_size "$n"
done
bench_seconds=$(( ($(now_ns) - bench_start) / 1000000000 ))
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The report: medians, ratios, peak memory, and the machine.
python3 - "$results" "$tmp" $sizes <<'EOF' > "$tmp/report.md"
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
tmp, sizes = sys.argv[2], sys.argv[3:]
def cell(size, scenario, tool):
    got = [r for r in rows if r[0] == size and r[1] == scenario and r[2] == tool]
    if not got: return None, "", None
    steps = ", ".join(sorted(set(r[5] for r in got if r[5])))
    memory = max(((int(r[6]), int(r[7]), int(r[8])) for r in got), default=None) if scenario == "cold" else None
    return statistics.median(float(r[4]) for r in got), steps, memory
def fmt(t):
    if t is None: return "n/a"
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"
def mib(memory):
    return f"{memory[0] / 1024:.0f} / {memory[1] / 1024:.0f} / {memory[2] / 1024:.0f} MiB" if memory else ""
def dependents(size):
    try: return open(f"{tmp}/{size}/dependents").read().strip()
    except OSError: return "?"
names = [
    ("cold", "cold (empty cache, no .sls/; ninja: clean)"),
    ("noop", "no-op"),
    ("touch", "one function touched"),
    ("edit", "one function edited"),
    ("header", "lib/text.hpp edited ({d} dependents)"),
    ("package", "package stage alone"),
    ("warm", "cache-warm after deleting .sls/ (ninja: ccache)"),
    ("startup", "process start-up (--version)"),
]
print("| functions | case | sls | ninja | sls / ninja | sls steps | ninja edges | peak sls (largest process / tree RSS / tree Pss) | peak ninja (largest / tree RSS / tree Pss) |")
print("| ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
for size in sizes:
    for key, label in names:
        s, s_steps, s_mem = cell(size, key, "sls")
        b, b_steps, b_mem = cell(size, key, "ninja")
        if s is None and b is None: continue
        ratio = f"{s / b:.2f}x" if s is not None and b else "n/a"
        show_memory = key == "cold"
        print(f"| {size} | {label.format(d=dependents(size))} | {fmt(s)} | {fmt(b)} | {ratio} | {s_steps} | {b_steps or ''} | "
              f"{mib(s_mem) if show_memory else ''} | {mib(b_mem) if show_memory else ''} |")
EOF

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $cpu, $(uname -sr)"
  echo "- load average (1/5/15 min) before: $load_start; after: $load_end (the machine was shared with other builds when this is above $(nproc))"
  echo "- projects: $sizes functions; cold, edit and header once per size, no-op, touched and start-up $runs run(s) each (median); -j $jobs for both; bench wall time ${bench_seconds} s"
  echo "- peak memory: largest single process (wait4's ru_maxrss, as /usr/bin/time -v) / the whole process tree (sum of VmRSS sampled every 20 ms by bench/peak_rss.py) / the same tree's sum of Pss (shared pages divided among the processes mapping them), cold build only"
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
