#!/bin/sh
# Validates SARIF files with Microsoft's SARIF Multitool and fails on any
# error-level result. Usage: validate_sarif.sh MULTITOOL_DIR FILE...
set -eu
dir=${1:?usage: validate_sarif.sh MULTITOOL_DIR FILE...}
shift
here=$(cd "$(dirname "$0")" && pwd)
tool=$("$here/install_sarif_multitool.sh" "$dir")
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
status=0
for file in "$@"; do
  log="$file.validation.sarif"
  rm -f "$log"
  # validate exits non-zero when it finds errors; keep going to report every file.
  if ! "$tool" validate "$file" --output "$log" --log ForceOverwrite >"$file.validation.txt" 2>&1; then
    echo "FAIL $file" >&2
    head -n 40 "$file.validation.txt" >&2
    status=1
    continue
  fi
  if grep -q '"level": *"error"' "$log"; then
    echo "FAIL $file: error-level results in $log" >&2
    status=1
    continue
  fi
  echo "ok $file"
done
exit $status
