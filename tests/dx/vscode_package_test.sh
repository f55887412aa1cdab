#!/usr/bin/env bash
# Given editors/vscode, `vsce package` should build a .vsix whose manifest
# activates on sls.toml, starts `sls lsp` by default and whose compiled
# extension starts a LanguageClient for C and C++ (issue 18).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
vsix=$(timeout 900 "$repo/editors/vscode/package.sh" "$out")
[[ -f "$vsix" ]] || { echo "no .vsix built" >&2; exit 1; }
unzip -p "$vsix" extension/package.json > "$out/manifest.json"
node -e '
const m = require(process.argv[1]);
const fail = (why) => { console.error("vsix manifest: " + why); process.exit(1); };
const props = m.contributes.configuration.properties;
if (props["sls.server.command"].default !== "sls") fail("server command is not sls");
if (JSON.stringify(props["sls.server.args"].default) !== JSON.stringify(["lsp"])) fail("server args are not [lsp]");
if (!m.activationEvents.includes("workspaceContains:**/sls.toml")) fail("does not activate on sls.toml");
if (!m.dependencies["vscode-languageclient"]) fail("no vscode-languageclient");
' "$out/manifest.json"
unzip -p "$vsix" extension/out/extension.js > "$out/extension.js"
grep -q 'LanguageClient' "$out/extension.js" || { echo "extension.js starts no LanguageClient" >&2; exit 1; }
grep -q '"cpp"' "$out/extension.js" || { echo "extension.js does not select C++" >&2; exit 1; }
unzip -l "$vsix" > "$out/listing.txt"  # not piped into grep -q: pipefail would see unzip's SIGPIPE
grep -q 'extension/node_modules/vscode-languageclient/' "$out/listing.txt" || { echo "vscode-languageclient not packaged" >&2; exit 1; }
echo "vscode package: $(basename "$vsix") ok"
