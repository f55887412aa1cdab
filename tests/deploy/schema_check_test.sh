#!/usr/bin/env bash
# Given the quickstart built by sls and exported with `sls export sam` and
# `sls export vercel`, every SAM template should match the AWS CloudFormation
# resource specification (which specifies the AWS::Serverless::* resources;
# npm @aws-cdk/cfnspec), and the Vercel output should match the Build Output
# API v3 (routes through Vercel's own schema and normaliser, npm
# @vercel/routing-utils). A damaged template and a damaged config must fail the
# same checks, so they are known to look. If npm cannot install the tools, the
# test fails. Usage: schema_check_test.sh SLS_BINARY SOURCE_DIR TOOLS_DIR [CACHE_DIR]
set -euo pipefail
sls=${1:?sls binary}; source_dir=${2:?source dir}; tools=${3:?where the npm tools are installed}
here=$(cd "$(dirname "$0")" && pwd)

if [[ ! -f "$tools/node_modules/@aws-cdk/cfnspec/spec/specification.json" || ! -d "$tools/node_modules/@vercel/routing-utils" ]]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --no-save @aws-cdk/cfnspec@2.72.1 @vercel/routing-utils@5.3.3 ajv@8.20.0 js-yaml@4.3.2 >&2 ||
    { echo "FAIL: npm could not install the schema tools (is the npm registry reachable?)" >&2; exit 1; }
fi
export NODE_PATH="$tools/node_modules"
spec="$tools/node_modules/@aws-cdk/cfnspec/spec/specification.json"

work=$(mktemp -d "${TMPDIR:-/tmp}/sls-schema-test-XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/examples/quickstart" "$work/project"
# The suite's shared build cache when given (the glue and prelude are then compiled once per run).
export SLS_CACHE_DIR="${4:-$work/cache}"
timeout 600 "$sls" build "$work/project" >&2
timeout 60 "$sls" export sam "$work/project" >&2
timeout 60 "$sls" export vercel "$work/project" >&2

templates=$(find "$work/project/.sls/deploy/sam" -name 'template.*' | sort)
[[ -n "$templates" ]] || { echo "FAIL: sls export sam wrote no template" >&2; exit 1; }
for template in $templates; do node "$here/check_sam_spec.js" "$spec" "$template"; done
vercel=$(find "$work/project/.sls/deploy/vercel" -type d -path '*/.vercel/output' | head -1)
[[ -n "$vercel" ]] || { echo "FAIL: sls export vercel wrote no .vercel/output" >&2; exit 1; }
node "$here/check_vercel_output.js" "$vercel"

# The checks must be able to fail: a misspelt property, a bad event type, a broken route pattern.
first=$(echo "$templates" | head -1)
sed 's/MemorySize/MemorySise/; s/HttpApi$/HttpApis/' "$first" >"$work/bad-template.${first##*.}"
if node "$here/check_sam_spec.js" "$spec" "$work/bad-template.${first##*.}" 2>/dev/null; then
  echo "FAIL: a template with MemorySise passed the specification check" >&2; exit 1
fi
node -e 'const f=process.argv[1], c=JSON.parse(require("fs").readFileSync(f)); c.routes.unshift({src:"/api/(unclosed"}); require("fs").writeFileSync(f, JSON.stringify(c))' "$vercel/config.json"
if node "$here/check_vercel_output.js" "$vercel" 2>/dev/null; then
  echo "FAIL: a config.json with an unclosed route pattern passed the Build Output API check" >&2; exit 1
fi
echo "PASS: the SAM templates and the Vercel output match their specifications"
