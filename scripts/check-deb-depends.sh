#!/usr/bin/env bash
# Checks that a .deb's Depends is complete: every shared library the packaged
# executables and libraries link (DT_NEEDED) belongs to a package listed in
# Depends, and every system header the runtime glue includes (native and
# wasm32, as sls compiles it on the user's machine) belongs to a package in
# Depends or to one of their dependencies. Prints each missing package.
# Usage: check-deb-depends.sh DEB SOURCE_DIR
set -euo pipefail
deb=${1:?usage: check-deb-depends.sh DEB SOURCE_DIR}; src=${2:?source dir}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Package names in Depends: versions and alternatives dropped.
dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed 's/(.*)//; s/[[:space:]]//g' | grep -v '^$' | sort -u >"$work/depends"

owner_of() {  # the package owning a file, tried with and without /usr (merged /usr)
  local file=$1 real
  real=$(readlink -f "$file")
  for candidate in "$file" "$real" "${real#/usr}" "/usr$real"; do
    # sed, not head: under pipefail a reader that stops early makes the writer's SIGPIPE the status.
    if owner=$(dpkg -S "$candidate" 2>/dev/null | sed -n 1p) && [[ -n "$owner" ]]; then echo "${owner%%:*}"; return 0; fi
  done
  echo "unowned:$file"
}

# The closure of Depends over installed packages (what installing the .deb pulls in).
closure() {
  cp "$work/depends" "$work/closure"
  local before=0
  while [[ $before != $(wc -l <"$work/closure") ]]; do
    before=$(wc -l <"$work/closure")
    xargs dpkg-query -W -f='${Depends},${Pre-Depends}\n' <"$work/closure" 2>/dev/null |
      tr ',|' '\n\n' | sed 's/(.*)//; s/:any//; s/[[:space:]]//g' | grep -v '^$' |
      cat - "$work/closure" | sort -u >"$work/next"
    mv "$work/next" "$work/closure"
  done
}

missing=0
dpkg-deb -x "$deb" "$work/root"
while IFS= read -r elf; do
  for soname in $(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path=$(ldconfig -p | awk -v so="$soname" '$1 == so && /x86-64/ && !found {print $NF; found = 1}')
    [[ -n "$path" ]] || { echo "missing: ${elf#"$work/root"} needs $soname, which no installed library provides"; missing=1; continue; }
    package=$(owner_of "$path")
    grep -qx "$package" "$work/depends" ||
      { echo "missing: ${elf#"$work/root"} links $soname from $package, which is not in Depends"; missing=1; }
  done
done < <(find "$work/root" -type f \( -perm -u+x -o -name '*.so*' \) -exec sh -c 'head -c4 "$1" | grep -q ELF' _ {} \; -print)

closure
glue_headers() {
  clang++-19 -std=c++20 -M -MT glue -isystem "$src/sdk/include" -I "$src/runtime" \
    "$src"/runtime/common/*.cpp "$src"/runtime/native/*.cpp
  clang++-19 --target=wasm32-wasi -std=c++20 -fno-exceptions -nostdlibinc -isystem /usr/include/wasm32-wasi/c++/v1 \
    -isystem /usr/include/wasm32-wasi -M -MT glue -isystem "$src/sdk/include" -I "$src/runtime" \
    "$src"/runtime/common/*.cpp "$src"/runtime/wasm/*.cpp
}
# One dpkg -S for every header (one call each takes minutes); each owning package once.
glue_headers | tr ' \\' '\n\n' | grep '^/' | grep -v "^$src/" | xargs -r readlink -f | sort -u >"$work/headers"
xargs -r dpkg -S <"$work/headers" 2>/dev/null | sed 's/[:,] .*//; s/:.*//' | sort -u >"$work/header-packages" || true
[[ -s "$work/headers" ]] || { echo "missing: could not list the glue's headers with clang++-19 -M"; missing=1; }
while IFS= read -r package; do
  grep -qx "$package" "$work/closure" ||
    { echo "missing: the runtime glue includes headers of $package, which Depends does not pull in"; missing=1; }
done <"$work/header-packages"
# A header no package owns (dpkg -S found nothing) cannot be on a fresh machine either.
owned=$(xargs -r dpkg -S <"$work/headers" 2>/dev/null | sed 's/^[^ ]* //' | sort -u || true)
while IFS= read -r header; do
  grep -qxF "$header" <<<"$owned" || [[ $(owner_of "$header") != unowned:* ]] ||
    { echo "missing: the runtime glue includes $header, which no package owns"; missing=1; }
done <"$work/headers"
[[ $missing == 0 ]] && echo "check-deb-depends: OK: Depends covers every linked library and glue header"
exit $missing
