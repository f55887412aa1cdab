// Runs one wasm32-wasi (preview 1) module with Node.js's built-in WASI, for
// `sls invoke` on machines without wasmtime.
//
//   node --no-warnings wasi_runner.mjs MODULE ROOT ARGV0 [ARGS...]
//
// The module gets this process's environment, stdin, stdout and stderr, and
// ROOT preopened as "/" (wasi-libc resolves relative paths there too), the
// way a bundle's files appear under Spin. Exit codes: the module's own; 70
// when it trapped (a crash: bad_alloc, abort, unreachable); 71 when it could
// not be loaded.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [modulePath, root, argv0, ...args] = process.argv.slice(2);
if (modulePath === undefined || root === undefined || argv0 === undefined) {
  process.stderr.write('usage: node --no-warnings wasi_runner.mjs MODULE ROOT ARGV0 [ARGS...]\n');
  process.exit(2);
}

let instance;
const wasi = new WASI({
  version: 'preview1',
  args: [argv0, ...args],
  env: { ...process.env },
  stdin: 0,
  stdout: 1,
  stderr: 2,
  preopens: { '/': root },
  returnOnExit: true,
});
try {
  const module = await WebAssembly.compile(readFileSync(modulePath));
  instance = await WebAssembly.instantiate(module, wasi.getImportObject());
} catch (error) {
  process.stderr.write(`sls: cannot load ${modulePath}: ${error.message}\n`);
  process.exit(71);
}
try {
  process.exitCode = wasi.start(instance);
} catch (error) {
  process.stderr.write(`sls: the module trapped: ${error}\n`);
  process.exitCode = 70;
}
