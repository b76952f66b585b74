import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowFile } from '../../../server/src/core/flow-file';
import { cursorContext } from '../../../server/src/core/features/cursor-context';

/**
 * On valid flows the two ways of finding the cursor — the yaml AST and the text lines — must agree at every
 * offset where the AST answers: the text scan is what broken files rely on, so it is checked against the AST.
 */

function assertAgreement(text: string, minimum: number): void {
  const file = FlowFile.fromText(text, '2.0');
  let compared = 0;
  for (let offset = 0; offset <= text.length; offset++) {
    const ast = cursorContext(file, offset);
    if (ast.source !== 'ast') continue;
    const lines = cursorContext(file, offset, { textOnly: true });
    const where = JSON.stringify(text.slice(Math.max(0, offset - 15), offset) + '|' + text.slice(offset, offset + 10));
    assert.deepEqual(lines.path, ast.path, where);
    assert.equal(lines.target.kind, ast.target.kind, where);
    assert.equal(lines.owner.kind, ast.owner.kind, where);
    assert.equal(lines.owner.type, ast.owner.type, where);
    assert.equal(lines.property?.name, ast.property?.name, where);
    assert.deepEqual([...lines.presentKeys].sort(), [...ast.presentKeys].sort(), where);
    if (ast.target.kind !== 'none' && lines.target.kind !== 'none' && ast.target.kind !== 'item' && lines.target.kind !== 'item') {
      assert.equal(lines.target.prefix, ast.target.prefix, where);
      assert.equal(lines.target.start, ast.target.start, where);
      assert.equal(lines.target.end, ast.target.end, where);
    }
    compared++;
  }
  assert.ok(compared > minimum, `compared ${compared} positions`);
}

test('the AST and the text scan agree on Dags, Switch cases, compact lists, scalar lists and inputs', () => {
  const text = [
    'id: other',
    'namespace: company.team',
    'labels:',
    '  team: data',
    'inputs:',
    '- id: country',
    '  type: SELECT',
    '  values:',
    '  - FR',
    '  - "DE"',
    '- id: city',
    '  type: STRING',
    '  dependsOn:',
    '    inputs:',
    '    - country',
    'tasks:',
    '- id: dag',
    '  type: io.kestra.plugin.core.flow.Dag',
    '  tasks:',
    '  - task:',
    '      id: a',
    "      type: 'io.kestra.plugin.core.log.Log'",
    '      message: a',
    '  - task:',
    '      id: b',
    '      type: io.kestra.plugin.core.log.Log',
    '      message: b',
    '    dependsOn:',
    '    - a',
    '- id: route',
    '  type: io.kestra.plugin.core.flow.Switch',
    '  value: x',
    '  cases:',
    '    X:',
    '      - id: x1',
    '        type: io.kestra.plugin.core.execution.Exit',
    '        state: KILLED',
    'triggers:',
    '  - id: flow',
    '    type: io.kestra.plugin.core.trigger.Flow',
    '    states:',
    '      - FAILED',
    '      - WARNING',
    '',
  ].join('\n');
  assertAgreement(text, 300);
});

test('on a valid flow the AST path and the text scan agree at every position', () => {
  const text = [
    'id: hello',
    'namespace: company.team',
    'inputs:',
    '  - id: name',
    '    type: STRING',
    'tasks:',
    '  - id: check',
    '    type: io.kestra.plugin.core.flow.If',
    '    condition: "{{ inputs.name }}"',
    '    then:',
    '      - id: log',
    '        type: io.kestra.plugin.core.log.Log',
    '        message: hello',
    '        level: WARN',
    '  - id: sh',
    '    type: io.kestra.plugin.scripts.shell.Commands',
    '    taskRunner:',
    '      type: io.kestra.plugin.core.runner.Process',
    '    retry:',
    '      type: constant',
    '      interval: PT1M',
    'triggers:',
    '  - id: daily',
    '    type: io.kestra.plugin.core.trigger.Schedule',
    "    cron: '0 9 * * *'",
    '',
  ].join('\n');
  assertAgreement(text, 200);
});
