#!/usr/bin/env bash
# Set-up, build sls, and run it on the example project.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/scripts/configure-and-build.sh"
"$repo/build/sls" build "$repo/examples/quickstart"
