import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complete } from '../../../server/src/core/features/completion';
import { FlowFile } from '../../../server/src/core/flow-file';
import { withCursor } from '../../helpers/cursor';

const FLOW = [
  'id: expr',
  'namespace: company.team',
  'inputs:',
  '  - id: user',
  '    type: STRING',
  'variables:',
  '  greeting: Hello',
  'tasks:',
  '  - id: first',
  '    type: io.kestra.plugin.core.debug.Return',
  '    format: hi',
  '  - id: fetch-data',
  '    type: io.kestra.plugin.core.log.Log',
  '    message: hi',
  '  - id: last',
  '    type: io.kestra.plugin.core.log.Log',
  '',
].join('\n');

// The cursor marker is `§`: expressions contain `|`.
function labels(line: string): string[] {
  const { text, offset } = withCursor(`${FLOW}    message: ${line}\n`, '§');
  return complete(FlowFile.fromText(text, '2.0'), offset).items.map((i) => i.label);
}

function item(line: string, label: string) {
  const { text, offset } = withCursor(`${FLOW}    message: ${line}\n`, '§');
  const found = complete(FlowFile.fromText(text, '2.0'), offset).items.find((i) => i.label === label);
  assert.ok(found, `${label} not offered`);
  return { ...found, text };
}

test('after `{{ ` the context roots and functions are offered', () => {
  const offered = labels('"{{ §"');
  for (const root of ['inputs', 'outputs', 'vars', 'flow', 'execution', 'taskrun', 'trigger', 'secret()', 'now()']) {
    assert.ok(offered.includes(root), root);
  }
});

test('members: declared inputs, variables and task ids', () => {
  assert.deepEqual(labels('"{{ inputs.§"'), ['user']);
  assert.deepEqual(labels('"{{ vars.gr§"'), ['greeting']);
  assert.deepEqual(labels('"{{ outputs.§"').sort(), ['fetch-data', 'first', 'last']);
  assert.ok(labels('"{{ flow.§"').includes('namespace'));
});

test('a task id with a dash is inserted in bracket form, replacing the dot', () => {
  const fetch = item('"{{ outputs.§"', 'fetch-data');
  assert.equal(fetch.insertText, "['fetch-data']");
  assert.equal(fetch.text.slice(fetch.replaceStart, fetch.replaceStart! + 1), '.');
});

test('outputs of a task are the outputs its type declares', () => {
  assert.deepEqual(labels('"{{ outputs.first.§"'), ['value']);
  assert.deepEqual(labels('"{{ outputs[\'first\'].va§"'), ['value']);
});

test('filters after `|`, and nothing outside the delimiters', () => {
  const offered = labels('"{{ inputs.user | up§"');
  assert.ok(offered.includes('upper') && offered.includes('default'));
  assert.ok(!labels('"{{ inputs.user }} §"').includes('inputs'));
});

test('a half-typed expression in broken YAML still completes', () => {
  const { text, offset } = withCursor(`${FLOW}    message: {{ inputs.§\n  - id: \n`, '§');
  assert.deepEqual(
    complete(FlowFile.fromText(text, '2.0'), offset).items.map((i) => i.label),
    ['user'],
  );
});
