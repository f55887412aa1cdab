// Checks a SAM template (JSON or the YAML sls writes) against the AWS
// CloudFormation resource specification, which also specifies the
// AWS::Serverless::* resources (npm @aws-cdk/cfnspec ships it as
// spec/specification.json). Each resource's Type must be specified, each
// property must exist for it, every required property must be there, and each
// value must have the specified shape (primitive, List, Map, nested property
// type, or an intrinsic function). SAM event sources are checked against the
// property type their Type names (HttpApi -> HttpApiEvent).
// Usage: node check_sam_spec.js SPECIFICATION_JSON TEMPLATE
'use strict';
const fs = require('fs');
const [specPath, templatePath] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const template = parseTemplate(fs.readFileSync(templatePath, 'utf8'));
const problems = [];

function parseTemplate(text) {
  try {
    return JSON.parse(text);
  } catch (_) {
    return require('js-yaml').load(text);
  }
}

const isIntrinsic = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 &&
  (Object.keys(value)[0] === 'Ref' || Object.keys(value)[0].startsWith('Fn::'));

function fitsPrimitive(type, value) {
  if (isIntrinsic(value)) return true;
  return {
    String: typeof value === 'string',
    Integer: Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value)),
    Long: Number.isInteger(value),
    Double: typeof value === 'number',
    Boolean: typeof value === 'boolean' || value === 'true' || value === 'false',
    Json: typeof value === 'object',
    Timestamp: typeof value === 'string',
  }[type] === true;
}

function checkPrimitive(type, value, where) {
  if (!fitsPrimitive(type, value)) problems.push(`${where}: expected ${type}, got ${JSON.stringify(value)}`);
}

// One value of a property whose specification is `prop`, in resource type `resource`.
function checkValue(resource, prop, value, where) {
  if (isIntrinsic(value)) return;
  const primitives = prop.PrimitiveTypes || (prop.PrimitiveType ? [prop.PrimitiveType] : []);
  const types = prop.Types || (prop.Type && !['List', 'Map'].includes(prop.Type) ? [prop.Type] : []);
  if (prop.Type === 'List' || prop.Type === 'Map') {
    const isList = prop.Type === 'List';
    if (isList !== Array.isArray(value) || typeof value !== 'object') {
      problems.push(`${where}: expected ${prop.Type}`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const itemWhere = `${where}${isList ? `[${key}]` : `.${key}`}`;
      if (prop.PrimitiveItemType) checkPrimitive(prop.PrimitiveItemType, item, itemWhere);
      else checkValue(resource, {Type: prop.ItemType}, item, itemWhere);
    }
    return;
  }
  if (primitives.length && (typeof value !== 'object' || !types.length)) {
    if (!primitives.some((type) => fitsPrimitive(type, value)))
      problems.push(`${where}: expected ${primitives.join(' or ')}, got ${JSON.stringify(value)}`);
    return;
  }
  if (types.includes('EventSource')) {
    checkEventSource(value, where);
    return;
  }
  const name = types.find((type) => spec.PropertyTypes[`${resource}.${type}`]);
  if (!name) {
    problems.push(`${where}: no specified type among ${types.join(', ')} fits`);
    return;
  }
  checkProperties(resource, spec.PropertyTypes[`${resource}.${name}`].Properties, value, where);
}

function checkProperties(resource, specified, value, where) {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    problems.push(`${where}: expected an object`);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!specified[key]) problems.push(`${where}.${key}: not a property of ${resource} here`);
    else checkValue(resource, specified[key], item, `${where}.${key}`);
  }
  for (const [key, prop] of Object.entries(specified))
    if (prop.Required && !(key in value)) problems.push(`${where}: required property ${key} is missing`);
}

function checkEventSource(event, where) {
  const type = spec.PropertyTypes[`AWS::Serverless::Function.${event.Type}Event`];
  if (!type) {
    problems.push(`${where}.Type: ${event.Type} is not a SAM event source type`);
    return;
  }
  checkProperties('AWS::Serverless::Function', type.Properties, event.Properties || {}, `${where}.Properties`);
}

if (template.Transform !== 'AWS::Serverless-2016-10-31') problems.push('Transform: must be AWS::Serverless-2016-10-31');
const known = new Set(['AWSTemplateFormatVersion', 'Transform', 'Description', 'Globals', 'Parameters', 'Mappings',
  'Conditions', 'Resources', 'Outputs', 'Metadata']);
for (const key of Object.keys(template)) if (!known.has(key)) problems.push(`${key}: not a template section`);
const resources = Object.entries(template.Resources || {});
if (!resources.length) problems.push('Resources: empty');
for (const [id, resource] of resources) {
  if (!/^[A-Za-z0-9]+$/.test(id)) problems.push(`Resources.${id}: logical IDs are alphanumeric`);
  const type = spec.ResourceTypes[resource.Type];
  if (!type) {
    problems.push(`Resources.${id}.Type: ${resource.Type} is not specified`);
    continue;
  }
  checkProperties(resource.Type, type.Properties, resource.Properties || {}, `Resources.${id}.Properties`);
}
for (const [id, output] of Object.entries(template.Outputs || {}))
  if (!('Value' in output)) problems.push(`Outputs.${id}: Value is missing`);

if (problems.length) {
  console.error(`${templatePath}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${templatePath}: ${resources.length} resource(s) match the specification`);
