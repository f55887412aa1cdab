// Starts `sls lsp` for the C and C++ files of every folder holding an
// sls.toml (docs/editors.md). One server serves all of them: it finds each
// file's project itself. sls.toml changes are forwarded as watched-file
// events, so the server re-lints open files when [lint] changes.

import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// A selector per project folder, for C and C++ files under it.
async function documentSelector(): Promise<LanguageClientOptions["documentSelector"]> {
  const tomls = await vscode.workspace.findFiles("**/sls.toml", "**/{node_modules,.sls}/**");
  const selector: { scheme: string; language: string; pattern: string }[] = [];
  for (const toml of tomls) {
    const root = path.dirname(toml.fsPath).split(path.sep).join("/");
    for (const language of ["c", "cpp"]) selector.push({ scheme: "file", language, pattern: `${root}/**/*` });
  }
  return selector;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const selector = await documentSelector();
  if (!selector || selector.length === 0) return;
  const settings = vscode.workspace.getConfiguration("sls.server");
  const server: ServerOptions = {
    command: settings.get<string>("command", "sls"),
    args: settings.get<string[]>("args", ["lsp"]),
  };
  const watcher = vscode.workspace.createFileSystemWatcher("**/sls.toml");
  context.subscriptions.push(watcher);
  const options: LanguageClientOptions = { documentSelector: selector, synchronize: { fileEvents: watcher } };
  client = new LanguageClient("sls", "sls lint", server, options);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
