import assert from 'node:assert/strict';
import { test } from 'node:test';
import { semanticTokens } from '../../../server/src/core/features/semantic-tokens';
import { FlowFile } from '../../../server/src/core/flow-file';

const HEAD = 'id: a\nnamespace: b\ntasks:\n  - id: x\n    type: io.kestra.plugin.core.log.Log\n';

function coloured(text: string): string[] {
  return semanticTokens(FlowFile.fromText(text, '2.0')).map((t) => `${text.slice(t.start, t.end)}:${t.type}`);
}

test('expressions in a quoted string are coloured token by token', () => {
  assert.deepEqual(coloured(`${HEAD}    message: "Hi {{ inputs.name | upper }} {{ now() }}"\n`), [
    '{{:macro',
    'inputs:variable',
    'name:property',
    '|:operator',
    'upper:function',
    '}}:macro',
    '{{:macro',
    'now:function',
    '}}:macro',
  ]);
});

test('tags, keywords, strings and numbers in a block scalar land on their own lines', () => {
  const text = `${HEAD}    message: |\n      {% if inputs.count > 2 and 'x' == "y" %}\n        {{ 3 }}\n      {% endif %}\n`;
  assert.deepEqual(coloured(text), [
    '{%:macro',
    'if:keyword',
    'inputs:variable',
    'count:property',
    '>:operator',
    '2:number',
    'and:keyword',
    "'x':string",
    '==:operator',
    '"y":string',
    '%}:macro',
    '{{:macro',
    '3:number',
    '}}:macro',
    '{%:macro',
    'endif:keyword',
    '%}:macro',
  ]);
});

test('text without delimiters and non-flow YAML get no tokens', () => {
  assert.deepEqual(coloured(`${HEAD}    message: plain text\n`), []);
  assert.deepEqual(semanticTokens(FlowFile.fromText('a: "{{ x }}"\n', '2.0')), []);
});
