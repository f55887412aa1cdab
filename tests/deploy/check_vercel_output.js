// Checks a Build Output API v3 folder (.vercel/output) as Vercel documents it:
// config.json has version 3 and only the documented top-level keys, its routes
// pass Vercel's own route schema and normalisation (npm @vercel/routing-utils:
// routesSchema through ajv, then normalizeRoutes, which compiles every src
// pattern), each functions/<path>.func/.vc-config.json is a documented
// Serverless Function config whose handler file is in the folder, and every
// route destination of a function exists.
// Usage: node check_vercel_output.js OUTPUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const {routesSchema, normalizeRoutes} = require('@vercel/routing-utils');

const output = process.argv[2];
const problems = [];
const config = JSON.parse(fs.readFileSync(path.join(output, 'config.json'), 'utf8'));

const configKeys = new Set(['version', 'routes', 'images', 'wildcard', 'overrides', 'cache', 'crons', 'framework']);
if (config.version !== 3) problems.push('config.json: version must be 3');
for (const key of Object.keys(config)) if (!configKeys.has(key)) problems.push(`config.json: ${key} is not documented`);

const ajv = new Ajv({allErrors: true, strict: false});
if (!ajv.validate(routesSchema, config.routes || []))
  problems.push(`config.json routes: ${ajv.errorsText(ajv.errors)}`);
const normalized = normalizeRoutes(config.routes || []);
if (normalized.error) problems.push(`config.json routes: ${normalized.error.message}`);

// The documented Serverless Function configuration (.vc-config.json).
const vcTypes = {
  runtime: 'string', handler: 'string', memory: 'number', maxDuration: 'number', environment: 'object',
  regions: 'object', supportsWrapper: 'boolean', supportsResponseStreaming: 'boolean', architecture: 'string',
  filePathMap: 'object', shouldAddHelpers: 'boolean', launcherType: 'string',
};
function checkFunction(folder) {
  const where = path.relative(output, folder);
  const vc = JSON.parse(fs.readFileSync(path.join(folder, '.vc-config.json'), 'utf8'));
  for (const required of ['runtime', 'handler']) if (!(required in vc)) problems.push(`${where}: ${required} is missing`);
  for (const [key, value] of Object.entries(vc)) {
    if (!vcTypes[key]) problems.push(`${where}: ${key} is not a documented .vc-config.json key`);
    else if (typeof value !== vcTypes[key]) problems.push(`${where}: ${key} must be a ${vcTypes[key]}`);
  }
  if (vc.architecture && !['x86_64', 'arm64'].includes(vc.architecture)) problems.push(`${where}: architecture ${vc.architecture}`);
  if (Array.isArray(vc.regions) === false && vc.regions !== undefined) problems.push(`${where}: regions must be a list`);
  if (vc.handler && !fs.existsSync(path.join(folder, vc.handler))) problems.push(`${where}: handler ${vc.handler} is not in the folder`);
}

const functionsDir = path.join(output, 'functions');
const funcs = [];
(function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name.endsWith('.func')) funcs.push(full);
    else if (entry.isDirectory()) walk(full);
  }
})(functionsDir);
if (!funcs.length) problems.push('functions/: no .func folder');
funcs.forEach(checkFunction);
const funcPaths = new Set(funcs.map((f) => '/' + path.relative(functionsDir, f).replace(/\.func$/, '')));
for (const route of config.routes || [])
  if (route.dest && !route.dest.startsWith('http') && !funcPaths.has(route.dest.split('?')[0]) &&
      !fs.existsSync(path.join(output, 'static', route.dest)))
    problems.push(`config.json: route ${route.src} goes to ${route.dest}, which is neither a function nor a static file`);
if (!fs.existsSync(path.join(output, 'static'))) problems.push('static/: missing');

if (problems.length) {
  console.error(`${output}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${output}: config.json and ${funcs.length} function(s) match the Build Output API v3`);
