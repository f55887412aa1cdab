#!/usr/bin/env bash
# Set-up, build sls and its tests, and run the whole test suite.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/scripts/configure-and-build.sh"
cd "$repo/build"
# The hostile-project catalogue (label hostile) runs once, in the sanitizer half below: the same
# cases and assertions on the same sources, with ASan and UBSan watching (docs/reliability.md).
ctest --output-on-failure -j "$(nproc)" -LE '^hostile$' "$@"
# The .deb: built, installed with apt-get, used on a template project, removed again.
"$repo/scripts/test-package.sh" "$repo/build"
# The same sls built with ASan + UBSan: unit tests, the hostile-project catalogue, the fuzz targets.
"$repo/scripts/test-sanitizers.sh"
