import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { builtinCatalogue } from '../../server/src/core/catalogue';
import { flowJsonSchemaText, SCHEMA_FILES } from '../../server/src/core/catalogue/json-schema';
import { KESTRA_VERSIONS, existsIn, type KestraVersion } from '../../server/src/core/versions';
import { repoRoot, sharedDir } from '../helpers/paths';
import { withCursor } from '../helpers/cursor';
import { createYamlLs } from '../helpers/yaml-ls';

const schemaFile = (version: KestraVersion): string => path.join(repoRoot, 'schemas', SCHEMA_FILES[version]);
const readSchema = (version: KestraVersion): Record<string, unknown> =>
  JSON.parse(readFileSync(schemaFile(version), 'utf8')) as Record<string, unknown>;

const compiled = new Map<KestraVersion, ValidateFunction>();
function validator(version: KestraVersion): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(readSchema(version));
    compiled.set(version, validate);
  }
  return validate;
}

function errorsOf(version: KestraVersion, yamlText: string): ErrorObject[] {
  const validate = validator(version);
  return validate(parse(yamlText)) ? [] : [...(validate.errors ?? [])];
}

const describeErrors = (errors: readonly ErrorObject[]): string =>
  errors.map((e) => `  ${e.instancePath || '/'} ${e.keyword} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');

function flowsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(dir, f));
}

const flow = (body: string): string => `id: schema_case\nnamespace: company.team\n${body}`;
const LOG = '  - id: say\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n';

/** Fails with an error at `at` (keyword and params as given), and with no error outside that node. */
function assertRejected(version: KestraVersion, yamlText: string, at: string, keyword: string, params: Record<string, unknown> = {}): void {
  const errors = errorsOf(version, yamlText);
  const hit = errors.some(
    (e) =>
      e.instancePath === at &&
      e.keyword === keyword &&
      Object.entries(params).every(([k, v]) => (e.params as Record<string, unknown>)[k] === v),
  );
  assert.ok(hit, `expected a ${keyword} error at ${at} ${JSON.stringify(params)} on ${version}, got:\n${describeErrors(errors)}`);
  const node = at.split('/').slice(0, 3).join('/');
  const stray = errors.filter((e) => !e.instancePath.startsWith(node));
  assert.deepEqual(stray, [], `errors outside ${node}:\n${describeErrors(stray)}`);
}

// ---- (a) the checked-in files are the generator's output ----------------------------------------------------

for (const version of KESTRA_VERSIONS) {
  test(`schemas/${SCHEMA_FILES[version]} matches the catalogue (Kestra ${version})`, () => {
    const fresh = flowJsonSchemaText(builtinCatalogue(), version);
    const file = schemaFile(version);
    assert.ok(existsSync(file), `schemas/${SCHEMA_FILES[version]} is missing: run npm run schemas`);
    assert.ok(
      readFileSync(file, 'utf8') === fresh,
      `schemas/${SCHEMA_FILES[version]} is out of date with the catalogue: run npm run schemas`,
    );
  });
}

// ---- structure -----------------------------------------------------------------------------------------------

test('types are dispatched by if/then, never by oneOf, and every catalogue type has a definition', () => {
  const catalogue = builtinCatalogue();
  for (const version of KESTRA_VERSIONS) {
    const schema = readSchema(version);
    assert.ok(!JSON.stringify(schema).includes('"oneOf"'), `a oneOf in the ${version} schema`);
    const definitions = schema['definitions'] as Record<string, unknown>;
    for (const def of catalogue.plugins) {
      const expected = existsIn(def.versions, version);
      assert.equal(def.type in definitions, expected, `${def.type} on ${version}`);
      for (const alias of def.aliases ?? []) {
        assert.equal(alias.name in definitions, expected && existsIn(alias.versions, version), `alias ${alias.name} on ${version}`);
      }
    }
    for (const name of catalogue.inputTypeNames()) {
      assert.equal(`input.${name}` in definitions, existsIn(catalogue.inputType(name)?.versions, version), `input ${name} on ${version}`);
    }
    for (const name of catalogue.retryTypeNames()) assert.ok(`retry.${name}` in definitions, `retry ${name} on ${version}`);
  }
});

// ---- (b) example flows validate with ajv ----------------------------------------------------------------------

const exampleSets: readonly [KestraVersion, string][] = [
  ['2.0', sharedDir + '/flows'],
  ['2.1', sharedDir + '/flows'],
  ['1.3', sharedDir + '/flows'],
  ['1.3', sharedDir + '/flows/v1.3'],
];

for (const [version, dir] of exampleSets) {
  for (const file of flowsIn(dir)) {
    test(`ajv: ${path.relative(sharedDir, file)} is valid for Kestra ${version}`, () => {
      const errors = errorsOf(version, readFileSync(file, 'utf8'));
      assert.deepEqual(errors, [], `${file} against schemas/${SCHEMA_FILES[version]}:\n${describeErrors(errors)}`);
    });
  }
}

test('ajv: the 1.3-only flows are rejected by the 2.0 schema', () => {
  for (const file of flowsIn(sharedDir + '/flows/v1.3')) {
    assert.notDeepEqual(errorsOf('2.0', readFileSync(file, 'utf8')), [], `${file} should fail on 2.0`);
  }
});

// ---- (c) negative cases point at the right node ----------------------------------------------------------------

test('an unknown property of a Log task is an error on that task, nested or not', () => {
  assertRejected('2.0', flow(`tasks:\n${LOG}    colour: red\n`), '/tasks/0', 'additionalProperties', { additionalProperty: 'colour' });
  const nested = `tasks:\n  - id: branch\n    type: io.kestra.plugin.core.flow.If\n    condition: "{{ true }}"\n    then:\n${LOG.replace(/^/gm, '    ').trimEnd()}\n        colour: red\n`;
  assertRejected('2.0', flow(nested), '/tasks/0/then/0', 'additionalProperties', { additionalProperty: 'colour' });
  // Request's `uri` is no Log property: the types' properties are not merged.
  assertRejected('2.0', flow(`tasks:\n${LOG}    uri: http://example.org\n`), '/tasks/0', 'additionalProperties', {
    additionalProperty: 'uri',
  });
});

test('a Log task without message is an error on that task', () => {
  assertRejected('2.0', flow('tasks:\n  - id: say\n    type: io.kestra.plugin.core.log.Log\n'), '/tasks/0', 'required', {
    missingProperty: 'message',
  });
});

test('a Schedule without cron is an error on that trigger', () => {
  const yamlText = flow(
    `tasks:\n${LOG}triggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    timezone: Europe/Paris\n`,
  );
  assertRejected('2.0', yamlText, '/triggers/0', 'required', { missingProperty: 'cron' });
});

test('types of another Kestra line are rejected on their type value', () => {
  const forEach = flow(
    'tasks:\n  - id: each\n    type: io.kestra.plugin.core.flow.ForEach\n    values: [a, b]\n    tasks:\n' + LOG.replace(/^/gm, '    '),
  );
  assert.deepEqual(errorsOf('1.3', forEach), []);
  assertRejected('2.0', forEach, '/tasks/0/type', 'enum');
  const loop = flow(
    'tasks:\n  - id: each\n    type: io.kestra.plugin.core.flow.Loop\n    values: [a, b]\n    tasks:\n' + LOG.replace(/^/gm, '    '),
  );
  assert.deepEqual(errorsOf('2.0', loop), []);
  assertRejected('1.3', loop, '/tasks/0/type', 'enum');
});

test('an unknown type under io.kestra.plugin.core is an error; a third-party class name is accepted as is', () => {
  for (const version of KESTRA_VERSIONS) {
    assertRejected(
      version,
      flow('tasks:\n  - id: say\n    type: io.kestra.plugin.core.log.Logg\n    message: hi\n'),
      '/tasks/0/type',
      'enum',
    );
  }
  const thirdParty = flow(
    'tasks:\n  - id: q\n    type: io.kestra.plugin.jdbc.postgresql.Query\n    sql: SELECT 1\n    anything: [1, 2]\n' +
      '  - id: py\n    type: io.kestra.plugin.scripts.python.Script\n    script: print(1)\n' +
      '    taskRunner:\n      type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes\n      namespace: jobs\n' +
      'triggers:\n  - id: mail\n    type: com.example.kestra.MailTrigger\n    inbox: orders\n',
  );
  assert.deepEqual(errorsOf('2.0', thirdParty), []);
  // A catalogue type of another category is no third-party plugin.
  assertRejected('2.0', flow('tasks:\n  - id: d\n    type: io.kestra.plugin.scripts.runner.docker.Docker\n'), '/tasks/0/type', 'not');
});

test('old aliases validate as their type on 1.3 and are rejected on 2.0', () => {
  const yamlText = flow('tasks:\n  - id: say\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n');
  assert.deepEqual(errorsOf('1.3', yamlText), []);
  assertRejected('1.3', yamlText.replace('message: hi', 'colour: red'), '/tasks/0', 'additionalProperties', {
    additionalProperty: 'colour',
  });
  assertRejected('2.0', yamlText, '/tasks/0/type', 'enum');
});

test('dynamic non-string properties also take a Pebble expression; others keep their type', () => {
  const request = (extra: string): string =>
    flow(`tasks:\n  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://example.org\n${extra}`);
  assert.deepEqual(errorsOf('2.0', request('    allowFailed: "{{ inputs.tolerant }}"\n    timeout: "{{ vars.limit }}"\n')), []);
  assert.deepEqual(errorsOf('2.0', request('    allowFailed: true\n    timeout: PT1M30S\n')), []);
  assertRejected('2.0', request('    allowFailed: maybe\n'), '/tasks/0/allowFailed', 'type');
  assertRejected('2.0', request('    timeout: 10 minutes\n'), '/tasks/0/timeout', 'pattern');
  // `disabled` is not dynamic: Pebble is no boolean there.
  assertRejected('2.0', request('    disabled: "{{ inputs.off }}"\n'), '/tasks/0/disabled', 'type');
});

// ---- (d) the Red Hat YAML language server reads the schema the same way -----------------------------------------

test('yaml-language-server: example flows get no diagnostics, unknown Log properties are reported', async () => {
  const ls = createYamlLs(schemaFile('2.0'));
  for (const file of flowsIn(sharedDir + '/flows')) {
    const diagnostics = await ls.validate(readFileSync(file, 'utf8'), path.basename(file));
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
      `${file} with schemas/${SCHEMA_FILES['2.0']}`,
    );
  }
  const text = flow(`tasks:\n${LOG}    colour: red\n`);
  const diagnostics = await ls.validate(text);
  const line = text.split('\n').findIndex((l) => l.includes('colour'));
  assert.ok(
    diagnostics.some((d) => d.range.start.line === line && /colour/.test(d.message)),
    `expected the unknown property on line ${line + 1}, got ${JSON.stringify(diagnostics.map((d) => [d.range.start.line + 1, d.message]))}`,
  );
});

test('yaml-language-server: completion in a task offers the properties of its type only', async () => {
  const ls = createYamlLs(schemaFile('2.0'));
  const { text, offset } = withCursor(flow(`tasks:\n${LOG}    |\n`));
  const labels = (await ls.complete(text, offset)).items.map((i) => i.label);
  assert.ok(labels.includes('level') && labels.includes('timeout'), `Log completion: ${labels.join(', ')}`);
  assert.ok(!labels.includes('uri') && !labels.includes('cron'), `Log completion offers other types' properties: ${labels.join(', ')}`);
});

test('yaml-language-server: 1.3 legacy forms are warned about on 1.3, with the reason', async () => {
  const ls = createYamlLs(schemaFile('1.3'));
  const diagnostics = await ls.validate(readFileSync(sharedDir + '/flows/v1.3/legacy-types.yml', 'utf8'), 'legacy-types.yml');
  const messages = diagnostics.map((d) => d.message);
  assert.ok(
    messages.some((m) => m.includes('io.kestra.core.tasks.log.Log') && m.includes('alias')),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) => m.includes('`name`')),
    messages.join('\n'),
  );
  const removed = await createYamlLs(schemaFile('2.0')).validate(readFileSync(sharedDir + '/flows/v1.3/foreach-report.yml', 'utf8'));
  assert.ok(
    removed.some((d) => d.message.includes('io.kestra.plugin.core.flow.ForEach') && d.message.includes('Loop')),
    JSON.stringify(removed.map((d) => d.message)),
  );
});
