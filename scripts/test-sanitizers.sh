#!/usr/bin/env bash
# The sanitizer half of the test suite (docs/reliability.md): sls built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-sanitize/, running the unit tests, the hostile-project
# catalogue and a short regression run of every fuzz target. Set-up is scripts/test.sh's, and it
# runs after the normal build: the sanitized sls loads that build's lint engine (libTooling, not
# instrumented; see cmake/SlsSanitizers.cmake).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$repo/build-sanitize"
if [[ ! -f "$build/build.ninja" ]]; then
  # -O1 -g0: a sanitizer build compiles in about the time of a normal one and still finds what -O2 would.
  cmake -S "$repo" -B "$build" -G Ninja -DSLS_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g0" -DCMAKE_C_FLAGS_DEBUG="-O1 -g0" \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld
fi
fuzz_targets=$(sed -n 's/^sls_fuzz_target(\([a-z_]*\) .*/\1/p' "$repo/tests/fuzz/CMakeLists.txt")
# shellcheck disable=SC2086 # one word per target
cmake --build "$build" -j "$(nproc)" --target sls sls_unit_tests sls_hostile_tests sls_runtime_unit_tests $fuzz_targets
engine="$repo/build/lib/sls/libsls-lint-engine.so"
[[ -f "$engine" ]] || { echo "test-sanitizers: build sls first (scripts/configure-and-build.sh): $engine is missing" >&2; exit 2; }
export SLS_LINT_ENGINE="$engine"
# The runtime glue the normal run compiled (keyed by its sources, flags and compiler, not by the
# sls binary): the hostile cases' private caches start from it instead of compiling it each time.
if [[ -d "$repo/build/test-cache/runtime" && ! -d "$build/test-cache/runtime" ]]; then
  mkdir -p "$build/test-cache"
  cp -a "$repo/build/test-cache/runtime" "$build/test-cache/runtime"
fi
cd "$build"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$repo/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The runtime label holds the glue's unit tests and one build test that needs the whole toolchain: not that one.
ctest --output-on-failure -j "$(nproc)" -L '^(unit|hostile|fuzz|runtime)$' -E '^sls_runtime_build_tests$'
