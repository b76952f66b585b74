import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expressionRegions, findExpressionRefs } from '../../../server/src/core/features/expression-refs';

function refs(text: string): string[] {
  return findExpressionRefs(text).map((r) => `${r.root}:${r.name}:${r.syntax}`);
}

test('regions of output and statement tags; comments and raw blocks are skipped', () => {
  const text = 'a {{ x }} b {% if y %} c {# z #} {% raw %}{{ no }}{% endraw %} {{ w';
  assert.deepEqual(
    expressionRegions(text).map((r) => text.slice(r.start, r.end)),
    [' x ', ' if y ', ' raw ', ' endraw ', ' w'],
  );
});

test('a closing delimiter inside a string literal does not close the region', () => {
  const text = "{{ 'a }} b' ~ outputs.t.v }}";
  assert.deepEqual(refs(text), ['outputs:t:dot']);
});

test('dot and bracket access to outputs, tasks and inputs', () => {
  assert.deepEqual(refs('{{ outputs.fetch.body }} {{ outputs["x-y"].code }} {{ tasks.a.state }} {{ inputs.name }} {{ inputs[\'n\'] }}'), [
    'outputs:fetch:dot',
    'outputs:x-y:bracket',
    'tasks:a:dot',
    'inputs:name:dot',
    'inputs:n:bracket',
  ]);
});

test('input chains keep their dots; task names keep hyphens but not a trailing one', () => {
  assert.deepEqual(refs('{{ inputs.user.name }} {{ outputs.my-task.v }} {{ outputs.a- 1 }}'), [
    'inputs:user.name:dot',
    'outputs:my-task:dot',
    'outputs:a:dot',
  ]);
});

test('offsets point at the name and the accessor', () => {
  const text = "x {{ outputs['t'].v }} {{ outputs.u }}";
  const [bracket, dot] = findExpressionRefs(text);
  assert.ok(bracket && dot);
  assert.equal(text.slice(bracket.start, bracket.end), 't');
  assert.equal(text.slice(bracket.accessorStart, bracket.accessorEnd), "['t']");
  assert.equal(text.slice(dot.start, dot.end), 'u');
  assert.equal(text.slice(dot.accessorStart, dot.accessorEnd), '.u');
});

test('not references: roots after a dot, inside strings, outside tags, without a name', () => {
  assert.deepEqual(refs('outputs.a {{ trigger.outputs.a }} {{ "outputs.b" }} {{ outputs }} {{ outputs[var] }} {{ parent.tasks.c }}'), []);
  assert.deepEqual(refs('{{ myoutputs.a }} {{ outputs_x.b }}'), []);
});

test('references in statements and filters', () => {
  assert.deepEqual(refs('{% for row in outputs.query.rows %}{{ row | json }}{% endfor %}{{ inputs.list | first }}'), [
    'outputs:query:dot',
    'inputs:list:dot',
  ]);
});

test('unterminated text does not throw', () => {
  for (const text of ['{{', '{{ outputs.', "{{ outputs['", '{{ outputs[', '{%', '{#', "{{ 'x", '{{ outputs . a }}']) {
    assert.doesNotThrow(() => findExpressionRefs(text));
  }
});
