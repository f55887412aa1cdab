// Runs one WAGI request through a wasm32-wasi module with Node's built-in WASI (preview 1).
// usage: node --no-warnings wagi_runner.mjs MODULE.wasm ARGV0 ENV_JSON   (body on stdin)
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [modulePath, argv0, envJson] = process.argv.slice(2);
const wasi = new WASI({
  version: 'preview1',
  args: [argv0],
  env: JSON.parse(envJson),
  stdin: 0,
  stdout: 1,
  stderr: 2,
  returnOnExit: true,
});
const module = await WebAssembly.compile(readFileSync(modulePath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
