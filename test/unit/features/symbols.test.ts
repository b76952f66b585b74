import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowFile } from '../../../server/src/core/flow-file';
import { documentSymbols, type FlowSymbol } from '../../../server/src/core/features/symbols';

const LOG = 'io.kestra.plugin.core.log.Log';

const FLOW = `id: hello
namespace: company.team
inputs:
  - id: name
    type: STRING
variables:
  greeting: hi
  count: 3
tasks:
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ inputs.name }}"
    then:
      - id: yes
        type: ${LOG}
        message: yes
    else:
      - id: no
        type: ${LOG}
        message: no
  - id: group
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: inner
        type: ${LOG}
        message: inner
  - id: route
    type: io.kestra.plugin.core.flow.Switch
    value: "{{ inputs.name }}"
    cases:
      A:
        - id: case_a
          type: ${LOG}
          message: a
      B:
        - id: case_b
          type: ${LOG}
          message: b
    defaults:
      - id: fallback
        type: ${LOG}
        message: none
errors:
  - id: on_error
    type: ${LOG}
    message: failed
finally:
  - id: cleanup
    type: ${LOG}
    message: done
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "@daily"
outputs:
  - id: result
    type: STRING
    value: ok
`;

/** A compact picture of the tree: `kind:name` with children in brackets. */
function shape(symbols: readonly FlowSymbol[]): string[] {
  return symbols.map((s) => (s.children.length > 0 ? `${s.kind}:${s.name}[${shape(s.children).join(' ')}]` : `${s.kind}:${s.name}`));
}

function checkRanges(symbols: readonly FlowSymbol[], parent?: FlowSymbol): void {
  for (const s of symbols) {
    assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end, `${s.name}: selection inside range`);
    if (parent) assert.ok(parent.start <= s.start && s.end <= parent.end, `${s.name} inside ${parent.name}`);
    checkRanges(s.children, s);
  }
}

test('the outline of a flow: inputs, nested tasks grouped by branch, errors, finally, triggers, outputs, variables', () => {
  const symbols = documentSymbols(FlowFile.fromText(FLOW, '2.0'));
  assert.deepEqual(shape(symbols), [
    'flow:hello[' +
      [
        'namespace:company.team',
        'input:name',
        'variable:greeting',
        'variable:count',
        'task:check[branch:then[task:yes] branch:else[task:no]]',
        'task:group[task:inner]',
        'task:route[branch:A[task:case_a] branch:B[task:case_b] branch:defaults[task:fallback]]',
        'branch:errors[task:on_error]',
        'branch:finally[task:cleanup]',
        'trigger:daily',
        'output:result',
      ].join(' ') +
      ']',
  ]);
  checkRanges(symbols);
});

test('details: the namespace of the flow, the type of tasks, triggers, inputs and outputs', () => {
  const [flow] = documentSymbols(FlowFile.fromText(FLOW, '2.0'));
  assert.ok(flow);
  assert.equal(flow.detail, 'company.team');
  const byName = new Map<string, FlowSymbol>();
  const collect = (list: readonly FlowSymbol[]): void => list.forEach((s) => (byName.set(s.name, s), collect(s.children)));
  collect(flow.children);
  assert.equal(byName.get('check')?.detail, 'io.kestra.plugin.core.flow.If');
  assert.equal(byName.get('daily')?.detail, 'io.kestra.plugin.core.trigger.Schedule');
  assert.equal(byName.get('name')?.detail, 'STRING');
  assert.equal(byName.get('A')?.detail, 'case of cases');
});

test('the selection range is the id value', () => {
  const file = FlowFile.fromText(FLOW, '2.0');
  const [flow] = documentSymbols(file);
  assert.equal(FLOW.slice(flow!.selectionStart, flow!.selectionEnd), 'hello');
  const check = flow!.children.find((s) => s.name === 'check')!;
  assert.equal(FLOW.slice(check.selectionStart, check.selectionEnd), 'check');
  assert.ok(FLOW.slice(check.start, check.end).startsWith('id: check'));
});

test('a Dag lists its children under it', () => {
  const text = `id: d\nnamespace: n\ntasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: a\n          type: ${LOG}\n          message: a\n      - task:\n          id: b\n          type: ${LOG}\n          message: b\n        dependsOn: [a]\n`;
  const symbols = documentSymbols(FlowFile.fromText(text, '2.0'));
  assert.deepEqual(shape(symbols), ['flow:d[namespace:n task:dag[task:a task:b]]']);
  checkRanges(symbols);
});

test('one flow symbol per flow document', () => {
  const text = `id: one\nnamespace: n\ntasks:\n  - id: a\n    type: ${LOG}\n    message: a\n---\nid: two\nnamespace: n\ntasks:\n  - id: b\n    type: ${LOG}\n    message: b\n`;
  assert.deepEqual(shape(documentSymbols(FlowFile.fromText(text, '2.0'))), [
    'flow:one[namespace:n task:a]',
    'flow:two[namespace:n task:b]',
  ]);
});

test('half-written flows: missing ids get placeholders, broken files give what parses', () => {
  const text = `id: x\nnamespace: n\ntasks:\n  - type: ${LOG}\n  - id: b\n`;
  assert.deepEqual(shape(documentSymbols(FlowFile.fromText(text, '2.0'))), ['flow:x[namespace:n task:(task) task:b]']);
  assert.deepEqual(documentSymbols(FlowFile.fromText('just: a file\n', '2.0')), []);
  assert.doesNotThrow(() => documentSymbols(FlowFile.fromText('id: x\nnamespace: n\ntasks: [\n  - id: a\n', '2.0')));
});
