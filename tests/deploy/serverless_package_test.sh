#!/usr/bin/env bash
# Given the quickstart built by sls and exported with `sls export serverless`,
# the real Serverless Framework v3 CLI (`serverless package`, offline, in a
# network namespace with no route out) should write a CloudFormation template
# that references our zips, runtime, handler, memory, timeout, architecture
# and routes (docs/deploy.md). If npm cannot install the CLI, the test fails.
# Usage: serverless_package_test.sh SLS_BINARY SOURCE_DIR CLI_DIR [CACHE_DIR]
set -euo pipefail
sls=${1:?sls binary}; source_dir=${2:?source dir}; cli_dir=${3:?where serverless@3 is installed}
here=$(cd "$(dirname "$0")" && pwd)

serverless="$cli_dir/node_modules/.bin/serverless"
if [[ ! -x "$serverless" ]]; then
  mkdir -p "$cli_dir"
  npm install --prefix "$cli_dir" --no-audit --no-fund --no-save serverless@3 >&2 ||
    { echo "FAIL: npm could not install serverless@3 (is the npm registry reachable?)" >&2; exit 1; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sls-serverless-test-XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/examples/quickstart" "$work/project"
# The suite's shared build cache when given (the glue and prelude are then compiled once per run).
export SLS_CACHE_DIR="${4:-$work/cache}"
timeout 600 "$sls" build "$work/project" >&2
timeout 60 "$sls" export serverless "$work/project" >&2

# Dummy credentials: `package` never calls AWS, and the namespace has no network to reach it anyway.
run_package() {
  local service=$1
  (cd "$service" && AWS_ACCESS_KEY_ID=sls-test-dummy AWS_SECRET_ACCESS_KEY=sls-test-dummy \
    SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off HOME="$work/home" \
    timeout 300 unshare -n "$serverless" package >&2)
}

for region in us-east-1 eu-central-1; do
  service="$work/project/.sls/deploy/serverless/$region"
  run_package "$service"
  node "$here/check_cloudformation.js" "$service/.serverless/cloudformation-template-update-stack.json" \
    "$work/project/.sls/output/manifest.json" "$region" "$service/.serverless"
done
echo "PASS: serverless package accepted the export of every region"
