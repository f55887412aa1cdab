#!/usr/bin/env bash
# Installs the Debian 12 packages sls needs to build and test, only when some
# are missing (so a second run is quick and needs no network).
set -euo pipefail

packages=(
  # toolchain sls drives and links against (LLVM/Clang 19, lld, wasm32 libc++)
  clang-19 lld-19 llvm-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-tidy-19
  wasi-libc libc++-19-dev-wasm32 libc++abi-19-dev-wasm32 libclang-rt-19-dev-wasm32
  # libraries
  libarchive-dev libzstd-dev zlib1g-dev libssl-dev libelf-dev libcurl4-openssl-dev libcli11-dev libtomlplusplus-dev nlohmann-json3-dev
  googletest libgtest-dev libgmock-dev
  # a system library the tree-shaking tests link and ship in a bundle's lib/
  libhiredis-dev
  # build and test tools
  cmake ninja-build pkg-config binaryen wabt unzip nodejs
  # the runtime-root test: unshare/chroot (util-linux, coreutils) and an HTTPS server on loopback
  openssl util-linux coreutils
  # developer-experience tests: clangd on compile_commands.json, Redis for the stateful-redis template
  clangd-19 redis-server
  # sls dev's browser test: headless Chromium renders a page that calls a function
  chromium
  # the sanitizer build and the fuzz targets: ASan, UBSan and libFuzzer runtimes
  libclang-rt-19-dev
  # the editor test: Debian's Neovim (0.7) runs the documented init.lua headless
  neovim
  # the .deb: a manual page made from --help at build time, Debian's own package checker
  help2man lintian
  # the scale tests: nginx's WebDAV module as a remote cache, distccd and ccache as compiler launchers
  nginx distcc ccache
  # arm64 functions: Debian's cross sysroot for clang --target=aarch64-linux-gnu, run under qemu-aarch64
  libc6-dev-arm64-cross libstdc++-12-dev-arm64-cross libgcc-12-dev-arm64-cross qemu-user
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

# Debian's nodejs has no npm (NodeSource's does); the SARIF validation test needs it.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "sls: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
else
  sudo_cmd=()
fi
"${sudo_cmd[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
