// Checks the CloudFormation template `serverless package` wrote against the
// manifest sls built: one Lambda function per native function deployed in
// REGION, with our runtime, handler, memory, timeout and architecture, its
// code our zip (the artifact serverless-state.json names, found by sha256, is
// the Lambda function's S3 object), and an HTTP API route
// per function route with parameters in API Gateway's {name} syntax.
// Usage: node check_cloudformation.js TEMPLATE MANIFEST REGION PACKAGE_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const [templatePath, manifestPath, region, packageDir] = process.argv.slice(2);
const serviceDir = path.dirname(packageDir);
const template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const awsRegion = {iad1: 'us-east-1', fra1: 'eu-central-1'};
const failures = [];
const expect = (ok, message) => { if (!ok) failures.push(message); };

const resources = Object.values(template.Resources);
const lambdas = resources.filter((r) => r.Type === 'AWS::Lambda::Function');
const routes = resources.filter((r) => r.Type === 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
const wanted = manifest.functions.filter(
    (f) => f.target === 'native' && f.regions.some((r) => (awsRegion[r] || r) === region));
expect(wanted.length > 0, `the manifest has no native function in ${region}`);
expect(lambdas.length === wanted.length, `${lambdas.length} Lambda functions, expected ${wanted.length}`);

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const state = JSON.parse(fs.readFileSync(path.join(packageDir, 'serverless-state.json'), 'utf8'));
const artifacts = Object.values(state.service.functions).map((fn) => fn.package.artifact);
const s3Keys = lambdas.map((l) => String(l.Properties.Code.S3Key));
expect(new Set(s3Keys.map((k) => path.basename(k))).size === s3Keys.length, `S3 keys clash: ${s3Keys}`);
for (const f of wanted) {
  const artifact = artifacts.find((a) => sha256(path.resolve(serviceDir, a)) === f.bundle_sha256);
  if (!artifact) { failures.push(`${f.name}: no artifact is our zip (sha256 ${f.bundle_sha256})`); continue; }
  const zipName = path.basename(artifact);
  const lambda = lambdas.find((l) => String(l.Properties.Code.S3Key).endsWith('/' + zipName));
  if (!lambda) { failures.push(`no Lambda function has code ${zipName} (${f.name})`); continue; }
  const p = lambda.Properties;
  expect(p.Runtime === f.runtime, `${f.name}: Runtime ${p.Runtime}, expected ${f.runtime}`);
  expect(p.Handler === 'bootstrap', `${f.name}: Handler ${p.Handler}`);
  expect(p.MemorySize === f.memory, `${f.name}: MemorySize ${p.MemorySize}, expected ${f.memory}`);
  expect(p.Timeout === f.max_duration, `${f.name}: Timeout ${p.Timeout}, expected ${f.max_duration}`);
  expect(JSON.stringify(p.Architectures) === JSON.stringify([f.arch]), `${f.name}: Architectures ${p.Architectures}`);
  const route = 'ANY ' + f.route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  expect(routes.includes(route), `${f.name}: no route "${route}" in ${JSON.stringify(routes)}`);
}
if (failures.length) {
  console.error(`FAIL (${region}):\n  ` + failures.join('\n  '));
  process.exit(1);
}
console.log(`ok ${region}: ${wanted.length} functions, routes ${JSON.stringify(routes.sort())}`);
