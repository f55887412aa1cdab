#!/usr/bin/env bash
# Builds sls-lint-VERSION.vsix from this folder: npm install, tsc, vsce package.
# Usage: editors/vscode/package.sh [OUT_DIR]   (default: this folder)
# Works on a copy in a temp folder so the source tree gets no node_modules.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-"$here"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/package.json" "$here/tsconfig.json" "$here/.vscodeignore" "$here/README.md" "$here/src" "$work/"
cd "$work"
npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null
npx tsc -p ./
npx vsce package --allow-missing-repository --skip-license -o "$out/" >/dev/null
ls "$out"/sls-lint-*.vsix
