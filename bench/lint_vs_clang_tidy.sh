#!/bin/sh
# Times `sls lint` per file on the example projects next to clang-tidy-19
# running its closest checks on the same files with the same flags (from
# `sls compdb`). Prints a Markdown table for docs/performance.md.
#
# Usage: bench/lint_vs_clang_tidy.sh [SLS_BINARY] [PROJECT_DIR...]
#   SLS_BINARY   default: build/sls
#   PROJECT_DIR  default: every folder under examples/
# Each measurement is the best of $RUNS runs (default 3), in milliseconds,
# wall clock, including process start-up for both tools.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
sls=${1:-$here/build/sls}
[ $# -gt 0 ] && shift
runs=${RUNS:-3}
checks='-*,cppcoreguidelines-avoid-non-const-global-variables,cert-msc51-cpp,cert-msc32-c,concurrency-mt-unsafe,bugprone-command-processor'
tidy=${CLANG_TIDY:-clang-tidy-19}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# best_of CMD...: the fastest of $runs runs of CMD, in ms.
best_of() {
  best=''
  i=0
  while [ $i -lt "$runs" ]; do
    start=$(now_ms)
    "$@" >/dev/null 2>&1 || true
    took=$(( $(now_ms) - start ))
    if [ -z "$best" ] || [ "$took" -lt "$best" ]; then best=$took; fi
    i=$((i + 1))
  done
  echo "$best"
}

if [ $# -eq 0 ]; then set -- "$here"/examples/*/; fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "sls: $("$sls" --version 2>/dev/null | head -n1); clang-tidy: $("$tidy" --version | grep -m1 version | sed 's/^ *//')"
echo
echo "| file | sls lint (ms) | clang-tidy-19 (ms) | sls findings | clang-tidy warnings |"
echo "| --- | ---: | ---: | ---: | ---: |"
total_sls=0
total_tidy=0
files=0
# sls compdb writes compile_commands.json into the project: work on copies.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for source in "$@"; do
  cp -r "$source" "$work/"
  project="$work/$(basename "$source")"
  "$sls" compdb "$project" >/dev/null 2>&1 || { echo "skipping $project: sls compdb failed" >&2; continue; }
  for file in $(cd "$project" && find api -name '*.c' -o -name '*.cpp' -o -name '*.cc' | sort); do
    sls_ms=$(best_of "$sls" lint "$project/$file" --format json)
    tidy_ms=$(best_of "$tidy" -p "$project" --checks="$checks" --quiet "$project/$file")
    sls_count=$("$sls" lint "$project/$file" --format json 2>/dev/null | grep -c '"rule":' || true)
    tidy_count=$("$tidy" -p "$project" --checks="$checks" --quiet "$project/$file" 2>/dev/null | grep -c 'warning:' || true)
    echo "| $(basename "$project")/$file | $sls_ms | $tidy_ms | $sls_count | $tidy_count |"
    total_sls=$((total_sls + sls_ms))
    total_tidy=$((total_tidy + tidy_ms))
    files=$((files + 1))
  done
done
if [ "$files" -gt 0 ]; then
  echo "| **mean over $files files** | **$((total_sls / files))** | **$((total_tidy / files))** | | |"
fi
