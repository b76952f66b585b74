import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalogue, type PluginTypeDef } from '../../../server/src/core/catalogue';
import { ALL_PLUGIN_DEFINITIONS } from '../../../server/src/core/catalogue/plugins';
import { INPUT_TYPES } from '../../../server/src/core/catalogue/inputs';
import { RETRY_TYPES } from '../../../server/src/core/catalogue/retry';
import { FlowFile } from '../../../server/src/core/flow-file';
import { definition, prepareRename, references, rename, type RenameEdit, type Span } from '../../../server/src/core/features/navigation';
import { withCursor } from '../../helpers/cursor';

const HEAD = 'id: hello\nnamespace: company.team\n';
const LOG = 'io.kestra.plugin.core.log.Log';

function fileAt(source: string, marker = '|'): { file: FlowFile; text: string; offset: number } {
  const { text, offset } = withCursor(source, marker);
  return { file: FlowFile.fromText(text, '2.0'), text, offset };
}

function texts(text: string, spans: readonly Span[]): string[] {
  return spans.map((s) => text.slice(s.start, s.end));
}

function apply(text: string, edits: readonly RenameEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

const FLOW = `${HEAD}inputs:
  - id: name
    type: STRING
  - id: city
    type: STRING
    dependsOn:
      inputs:
        - name
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Request
    uri: "https://example.com/{{ inputs.name }}"
  - id: show
    type: ${LOG}
    message: "{{ outputs.fetch.body }} and {{ outputs['fetch'].code }}"
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ tasks.fetch.state == 'SUCCESS' and inputs['city'] != '' }}"
    then:
      - id: script
        type: io.kestra.plugin.scripts.shell.Script
        script: |
          echo start
          echo "{{ outputs.fetch.uri }}"
`;

// ---- definition and references ---------------------------------------------------------------------------

test('definition from every kind of task reference goes to the id', () => {
  const decl = FLOW.indexOf('id: fetch') + 4;
  for (const [needle, delta] of [
    ['outputs.fetch.body', 10],
    ["outputs['fetch']", 10],
    ['tasks.fetch.state', 7],
    ['outputs.fetch.uri', 9],
  ] as const) {
    const offset = FLOW.indexOf(needle) + delta;
    assert.deepEqual(definition(FlowFile.fromText(FLOW, '2.0'), offset), [{ start: decl, end: decl + 5 }], needle);
  }
});

test('definition on the declaration is the declaration itself', () => {
  const { file, text, offset } = fileAt(FLOW.replace('id: fetch', 'id: fe‸tch'), '‸');
  assert.deepEqual(texts(text, definition(file, offset)), ['fetch']);
});

test('references of a task: expressions in plain, quoted and block scalars, exact offsets', () => {
  const { file, text, offset } = fileAt(FLOW.replace('id: fetch', 'id: fet‸ch'), '‸');
  const refs = references(file, offset, false);
  assert.equal(refs.length, 4);
  assert.deepEqual(texts(text, refs), ['fetch', 'fetch', 'fetch', 'fetch']);
  const lines = refs.map((r) => file.parsed.lines.positionAt(r.start).line);
  assert.deepEqual(lines, [16, 16, 19, 25]);
  assert.equal(references(file, offset, true).length, 5);
});

test('references of an input: expressions, bracket access and dependsOn.inputs', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  const name = references(file, FLOW.indexOf('- id: name') + 7, true);
  assert.deepEqual(texts(FLOW, name), ['name', 'name', 'name']);
  const city = references(file, FLOW.indexOf("inputs['city']") + 9, true);
  assert.deepEqual(texts(FLOW, city), ['city', 'city']);
});

test('Dag dependsOn refers to task ids', () => {
  const text = `${HEAD}tasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: extract\n          type: ${LOG}\n          message: e\n      - task:\n          id: load\n          type: ${LOG}\n          message: l\n        dependsOn:\n          - "extract"\n`;
  const file = FlowFile.fromText(text, '2.0');
  const at = text.indexOf('"extract"') + 3;
  assert.deepEqual(definition(file, at), [{ start: text.indexOf('extract'), end: text.indexOf('extract') + 7 }]);
  assert.deepEqual(texts(text, references(file, text.indexOf('extract'), false)), ['extract']);
});

test('roots reached through a dot, string literals and comments are not references', () => {
  const text = `${HEAD}tasks:\n  - id: a\n    type: ${LOG}\n    message: "{{ trigger.outputs.a }} {{ outputs.sub.outputs.a }} {{ 'outputs.a' }} {# outputs.a #}"\n  - id: sub\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: n\n    flowId: f\n`;
  const file = FlowFile.fromText(text, '2.0');
  assert.deepEqual(references(file, text.indexOf('id: a') + 4, false), []);
  assert.equal(references(file, text.indexOf('id: sub') + 4, false).length, 1);
});

test('a hyphenated id is found in `outputs.a-b`, and arithmetic after an id is not part of it', () => {
  const text = `${HEAD}tasks:\n  - id: my-task\n    type: ${LOG}\n    message: x\n  - id: n\n    type: ${LOG}\n    message: "{{ outputs['my-task'].value }} {{ outputs.n-1 }}"\n`;
  const file = FlowFile.fromText(text, '2.0');
  assert.equal(references(file, text.indexOf('my-task'), false).length, 1);
  assert.deepEqual(texts(text, references(file, text.indexOf('id: n') + 4, false)), ['n']);
});

test('task-id properties of the catalogue are references', () => {
  const jump: PluginTypeDef = {
    type: 'com.example.Jump',
    category: 'task',
    description: 'Test type with task-id properties.',
    properties: {
      target: { type: { kind: 'string', format: 'task-id' }, description: 'One task.' },
      others: { type: { kind: 'list', items: { kind: 'string', format: 'task-id' } }, description: 'More tasks.' },
    },
  };
  const catalogue = new Catalogue([...ALL_PLUGIN_DEFINITIONS, jump], INPUT_TYPES, RETRY_TYPES);
  const text = `${HEAD}tasks:\n  - id: a\n    type: ${LOG}\n    message: x\n  - id: j\n    type: com.example.Jump\n    target: a\n    others: [a, j]\n`;
  const file = FlowFile.fromText(text, '2.0', false, catalogue);
  assert.equal(references(file, text.indexOf('id: a') + 4, false).length, 2);
  assert.equal(definition(file, text.indexOf('target: a') + 8)[0]?.start, text.indexOf('id: a') + 4);
});

test('references stay inside their own document', () => {
  const one = `${HEAD}tasks:\n  - id: a\n    type: ${LOG}\n    message: "{{ outputs.a }}"\n`;
  const text = `${one}---\n${one}`;
  const file = FlowFile.fromText(text, '2.0');
  const second = text.lastIndexOf('id: a') + 4;
  const refs = references(file, second, true);
  assert.equal(refs.length, 2);
  assert.ok(refs.every((r) => r.start > text.indexOf('---')));
});

test('nothing for positions that are not ids', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  assert.deepEqual(definition(file, FLOW.indexOf('type: STRING')), []);
  assert.deepEqual(references(file, 0, true), []);
  assert.equal(prepareRename(file, FLOW.indexOf('company')), undefined);
});

// ---- rename ----------------------------------------------------------------------------------------------

test('prepareRename gives the id under the cursor, on a declaration or a reference', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  const ref = FLOW.indexOf('outputs.fetch.body') + 9;
  const prepared = prepareRename(file, ref);
  assert.ok(prepared);
  assert.equal(prepared.placeholder, 'fetch');
  assert.equal(FLOW.slice(prepared.start, prepared.end), 'fetch');
});

test('renaming a task rewrites the declaration and every reference', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  const result = rename(file, FLOW.indexOf('id: fetch') + 5, 'download');
  assert.ok('edits' in result);
  assert.equal(result.edits.length, 5);
  const renamed = apply(FLOW, result.edits);
  assert.ok(renamed.includes('id: download'));
  assert.ok(renamed.includes('{{ outputs.download.body }}'));
  assert.ok(renamed.includes("outputs['download'].code"));
  assert.ok(renamed.includes('tasks.download.state'));
  assert.ok(renamed.includes('echo "{{ outputs.download.uri }}"'));
  assert.ok(!/\bfetch\b/.test(renamed));
});

test('renaming to a hyphenated id switches dotted references to brackets, with a quote that fits the YAML string', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  const result = rename(file, FLOW.indexOf('id: fetch') + 5, 'get-page');
  assert.ok('edits' in result);
  const renamed = apply(FLOW, result.edits);
  assert.ok(renamed.includes("{{ outputs['get-page'].body }}"), renamed);
  assert.ok(renamed.includes("outputs['get-page'].code"));
  assert.ok(renamed.includes("tasks['get-page'].state"));
  const single = `${HEAD}tasks:\n  - id: a\n    type: ${LOG}\n    message: '{{ outputs.a.value }}'\n`;
  const r2 = rename(FlowFile.fromText(single, '2.0'), single.indexOf('id: a') + 4, 'a-b');
  assert.ok('edits' in r2);
  assert.ok(apply(single, r2.edits).includes(`'{{ outputs["a-b"].value }}'`));
});

test('renaming an input, dots allowed', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  const result = rename(file, FLOW.indexOf('inputs.name') + 8, 'user.name');
  assert.ok('edits' in result);
  const renamed = apply(FLOW, result.edits);
  assert.ok(renamed.includes('- id: user.name'));
  assert.ok(renamed.includes('{{ inputs.user.name }}'));
  assert.ok(renamed.includes('        - user.name'));
});

test('rename refuses invalid and taken names', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  const at = FLOW.indexOf('id: fetch') + 5;
  assert.match((rename(file, at, 'a.b') as { error: string }).error, /not a valid task id/);
  assert.match((rename(file, at, '-x') as { error: string }).error, /not a valid task id/);
  assert.match((rename(file, at, 'show') as { error: string }).error, /already exists/);
  assert.deepEqual(rename(file, at, 'fetch'), { edits: [] });
  assert.match((rename(file, FLOW.indexOf('type: STRING'), 'x') as { error: string }).error, /task ids and input ids/);
  assert.match((rename(file, FLOW.indexOf('- id: name') + 7, 'city') as { error: string }).error, /already exists/);
});

test('rename works on a reference to a task declared in a quoted id', () => {
  const text = `${HEAD}tasks:\n  - id: "quoted"\n    type: ${LOG}\n    message: "{{ outputs.quoted.x }}"\n`;
  const result = rename(FlowFile.fromText(text, '2.0'), text.indexOf('outputs.quoted') + 9, 'plain');
  assert.ok('edits' in result);
  assert.equal(apply(text, result.edits), text.replace('"quoted"', '"plain"').replace('outputs.quoted', 'outputs.plain'));
});

test('references in folded and multi-line plain scalars map back exactly', () => {
  const text = `${HEAD}tasks:\n  - id: a\n    type: ${LOG}\n    message: >\n      first line\n      then {{ outputs.a.x }}\n\n      last {{ outputs.a.y }}\n  - id: b\n    type: ${LOG}\n    message: start\n      and {{ outputs.a.z }}\n`;
  const file = FlowFile.fromText(text, '2.0');
  const refs = references(file, text.indexOf('id: a') + 4, false);
  assert.deepEqual(texts(text, refs), ['a', 'a', 'a']);
  assert.deepEqual(
    refs.map((r) => text.slice(r.start - 8, r.end + 2)),
    ['outputs.a.x', 'outputs.a.y', 'outputs.a.z'],
  );
});
