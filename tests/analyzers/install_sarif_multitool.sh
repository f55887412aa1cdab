#!/bin/sh
# Installs Microsoft's SARIF Multitool (used by the SARIF validation test)
# into DEST, once. Usage: install_sarif_multitool.sh DEST
# Prints the path of the Sarif.Multitool executable.
set -eu
dest=${1:?usage: install_sarif_multitool.sh DEST}
tool="$dest/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -f "$tool" ]; then
  mkdir -p "$dest"
  npm install --prefix "$dest" --no-audit --no-fund --no-save @microsoft/sarif-multitool-linux@5.7.0 >&2
fi
# npm may skip the package's postinstall (chmod u+x): do it ourselves.
chmod u+x "$tool"
echo "$tool"
