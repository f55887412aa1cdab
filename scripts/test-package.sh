#!/usr/bin/env bash
# Builds the .deb with cpack, checks it with lintian and check-deb-depends.sh,
# installs it with apt-get, builds and invokes a template project with
# /usr/bin/sls, then removes the package again.
#
# CI runs this as root on a fresh machine (scripts/test.sh calls it last). On a
# developer machine it never replaces an sls that is already there: when
# /usr/bin/sls exists it says so and skips. SLS_SKIP_PACKAGE_TEST=1 skips it too.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-"$repo/build"}

if [[ "${SLS_SKIP_PACKAGE_TEST:-}" == 1 ]]; then
  echo "test-package: skipped (SLS_SKIP_PACKAGE_TEST=1)" >&2
  exit 0
fi
if [[ -e /usr/bin/sls ]]; then
  echo "test-package: skipped: /usr/bin/sls already exists (remove it, or the sls package, to run this test)" >&2
  exit 0
fi
if [[ $(id -u) -eq 0 ]]; then
  sudo_cmd=()
elif command -v sudo >/dev/null; then
  sudo_cmd=(sudo)
else
  echo "test-package: skipped: installing a .deb needs root or sudo" >&2
  exit 0
fi

(cd "$build_dir" && rm -f sls_*.deb && cpack -G DEB >/dev/null)
deb=$(ls "$build_dir"/sls_*.deb)

# Debian's own checker: any error (E:) or warning (W:) tag fails the test.
lintian_tags=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -E '^[EW]: ' || true)
if [[ -n "$lintian_tags" ]]; then
  echo "test-package: FAILED: lintian reports errors or warnings for $(basename "$deb"):" >&2
  echo "$lintian_tags" >&2
  exit 1
fi
echo "test-package: lintian: no error or warning"
# Depends covers every library the package links and every header the glue includes.
"$repo/scripts/check-deb-depends.sh" "$deb" "$repo"
work=$(mktemp -d)
# Whatever happens below, the machine is left as it was: no sls package, no temp folder.
cleanup() {
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get remove -y sls >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "$deb" >/dev/null
dpkg-query -W -f='${Status}\n' sls | grep -q "install ok installed"

cd "$work"
export SLS_CACHE_DIR="$work/cache"
unset SLS_SHARE_DIR
/usr/bin/sls --version
/usr/bin/sls init app --template http-native
(cd app && /usr/bin/sls build -j "$(nproc)")
response=$(cd app && /usr/bin/sls invoke api/hello --path '/api/hello?name=Ada')
if [[ "$response" != *"hello Ada" ]]; then
  echo "test-package: FAILED: unexpected response from the installed sls:" >&2
  echo "$response" >&2
  exit 1
fi
echo "test-package: OK: $(basename "$deb") installs, builds and invokes a template project"
