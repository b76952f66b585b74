import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowFile } from '../../../server/src/core/flow-file';
import { complete, type CompletionItem } from '../../../server/src/core/features/completion';
import { cursorContext } from '../../../server/src/core/features/cursor-context';
import type { KestraVersion } from '../../../server/src/core/versions';
import { withCursor } from '../../helpers/cursor';

function items(source: string, version: KestraVersion = '2.0', marker = '|'): CompletionItem[] {
  const { text, offset } = withCursor(source, marker);
  return [...complete(FlowFile.fromText(text, version), offset).items];
}

function labels(source: string, version: KestraVersion = '2.0'): string[] {
  return items(source, version).map((i) => i.label);
}

function item(source: string, label: string, version: KestraVersion = '2.0'): CompletionItem {
  const found = items(source, version).find((i) => i.label === label);
  assert.ok(found, `${label} not offered`);
  return found;
}

const HEAD = 'id: hello\nnamespace: company.team\n';
const FLOW = `${HEAD}tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n`;
const LOG = 'io.kestra.plugin.core.log.Log';

// ---- types -----------------------------------------------------------------------------------------------

test('task types are ranked by their last segment, in any case', () => {
  for (const typed of ['Log', 'log', 'LOG']) assert.equal(labels(`${FLOW}  - id: b\n    type: ${typed}|\n`)[0], LOG, typed);
  assert.equal(labels(`${FLOW}  - id: b\n    type: Retur|\n`)[0], 'io.kestra.plugin.core.debug.Return');
  assert.equal(labels(`${FLOW}  - id: b\n    type: io.kestra.plugin.core.http.R|\n`)[0], 'io.kestra.plugin.core.http.Request');
});

test('task type items carry documentation, a filter text on the last segment and the value range', () => {
  const { text, offset } = withCursor(`${FLOW}  - id: b\n    type: lo|\n`);
  const log = complete(FlowFile.fromText(text, '2.0'), offset).items.find((i) => i.label === LOG)!;
  assert.equal(log.kind, 'type');
  assert.match(log.documentation ?? '', /Required properties/);
  assert.match(log.documentation ?? '', /`message`/);
  assert.equal(log.filterText, `Log ${LOG}`);
  assert.equal(text.slice(log.replaceStart, log.replaceEnd), 'lo');
  // Choosing the type also writes the required keys the task lacks, as snippet stops.
  assert.equal(log.insertText, `${LOG}\n    message: \${1}`);
  assert.equal(log.isSnippet, true);
});

test('a type chosen for a task that already has its required keys inserts only the type', () => {
  assert.equal(item(`${FLOW}  - id: b\n    type: lo|\n    message: hi\n`, LOG).insertText, LOG);
  assert.equal(item(`${FLOW}  - id: b\n    type: "lo|"\n`, LOG).insertText, LOG);
});

test('a dotted prefix filters on the full type name', () => {
  const log = item(`${FLOW}  - id: b\n    type: io.kestra.plugin.core.log.|\n`, LOG);
  assert.equal(log.filterText, LOG);
});

test('right after `type:` the value starts with a space', () => {
  assert.equal(item(`${FLOW}  - id: b\n    type:|\n`, LOG).insertText, ` ${LOG}\n    message: \${1}`);
});

test('inside quotes only the text between them is replaced', () => {
  const { text, offset } = withCursor(`${FLOW}  - id: b\n    type: "io.kestra.plugin.core.log.Lo|"\n`);
  const log = complete(FlowFile.fromText(text, '2.0'), offset).items.find((i) => i.label === LOG)!;
  assert.equal(text.slice(log.replaceStart, log.replaceEnd), 'io.kestra.plugin.core.log.Lo');
});

test('deprecated types and types of other versions are hidden', () => {
  const on13 = labels(`${FLOW}  - id: b\n    type: |\n`, '1.3');
  assert.ok(on13.includes('io.kestra.plugin.core.flow.ForEach'));
  assert.ok(!on13.includes('io.kestra.plugin.core.flow.Loop'));
  assert.ok(!on13.includes('io.kestra.plugin.core.flow.EachParallel'), 'deprecated');
  const on20 = labels(`${FLOW}  - id: b\n    type: |\n`, '2.0');
  assert.ok(on20.includes('io.kestra.plugin.core.flow.Loop'));
  assert.ok(!on20.includes('io.kestra.plugin.core.flow.ForEach'));
  assert.ok(!on20.includes('io.kestra.core.tasks.log.Log'), 'aliases are not offered');
});

test('only task types in tasks, trigger types in triggers, runner types in taskRunner', () => {
  const tasks = labels(`${FLOW}  - id: b\n    type: |\n`);
  assert.ok(!tasks.includes('io.kestra.plugin.core.trigger.Schedule'));
  const triggers = labels(`${FLOW}triggers:\n  - id: t\n    type: |\n`);
  assert.equal(triggers[0], 'io.kestra.plugin.core.trigger.Schedule');
  assert.ok(!triggers.includes(LOG));
  const runners = labels(`${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Commands\n    taskRunner:\n      type: |\n`);
  assert.deepEqual([...runners].sort(), ['io.kestra.plugin.core.runner.Process', 'io.kestra.plugin.scripts.runner.docker.Docker']);
});

test('condition types in a 1.3 trigger, none in 2.0 where conditions are gone', () => {
  const source = `${FLOW}triggers:\n  - id: t\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: "@daily"\n    conditions:\n      - type: |\n`;
  assert.ok(labels(source, '1.3').some((l) => l.startsWith('io.kestra.plugin.core.condition.')));
  assert.ok(!labels(source, '2.0').some((l) => l.startsWith('io.kestra.plugin.core.condition.')));
});

test('retry types', () => {
  assert.deepEqual(labels(`${FLOW}    retry:\n      type: |\n`), ['constant', 'exponential', 'random']);
});

test('input types in inputs (upper case) and in outputs', () => {
  const inputs = items(`${HEAD}inputs:\n  - id: a\n    type: |\n`);
  assert.ok(inputs.every((i) => i.kind === 'input-type' && i.label === i.label.toUpperCase()));
  assert.ok(inputs.some((i) => i.label === 'BOOL'));
  assert.ok(!inputs.some((i) => i.label === 'ENUM'));
  const onPause = labels(
    `${HEAD}tasks:\n  - id: p\n    type: io.kestra.plugin.core.flow.Pause\n    onResume:\n      - id: ok\n        type: |\n`,
  );
  assert.ok(onPause.includes('STRING'));
  const outputs21 = labels(`${FLOW}outputs:\n  - id: o\n    type: |\n`, '2.1');
  assert.ok(outputs21.includes('STRING') && !outputs21.includes('SELECT'));
  const outputs20 = labels(`${FLOW}outputs:\n  - id: o\n    type: |\n`, '2.0');
  assert.ok(outputs20.includes('SELECT'));
});

test('pluginDefaults types offer every category (1.3)', () => {
  const found = labels(`${FLOW}pluginDefaults:\n  - type: |\n`, '1.3');
  assert.ok(found.includes(LOG) && found.includes('io.kestra.plugin.core.trigger.Schedule'));
});

// ---- keys ------------------------------------------------------------------------------------------------

test('property keys: required first, present ones left out, common ones after the type’s own', () => {
  const found = labels(`${HEAD}tasks:\n  - id: log\n    type: ${LOG}\n    |\n`);
  assert.equal(found[0], 'message');
  assert.equal(found[1], 'level');
  assert.ok(!found.includes('id') && !found.includes('type'));
  assert.ok(found.indexOf('level') < found.indexOf('description'));
});

test('property keys are filtered by version', () => {
  const on20 = labels(`${FLOW}    |\n`, '2.0');
  assert.ok(on20.includes('workerSelector') && !on20.includes('workerGroup'));
  const on13 = labels(`${FLOW}    |\n`, '1.3');
  assert.ok(on13.includes('workerGroup') && !on13.includes('workerSelector'));
});

test('a present alias hides its property', () => {
  const found = labels(`${FLOW}    retry:\n      type: constant\n      maxAttempt: 3\n      |\n`, '1.3');
  assert.ok(!found.includes('maxAttempts'));
  assert.ok(found.includes('interval'));
});

test('inserts: `key: ` for scalars, a task list snippet for task lists, a block for objects', () => {
  const ifKeys = items(`${HEAD}tasks:\n  - id: check\n    type: io.kestra.plugin.core.flow.If\n    |\n`);
  const condition = ifKeys.find((i) => i.label === 'condition')!;
  assert.equal(condition.insertText, 'condition: ');
  assert.notEqual(condition.isSnippet, true);
  const then = ifKeys.find((i) => i.label === 'then')!;
  assert.ok(then.insertText.startsWith('then:\n  - id: '), then.insertText);
  assert.equal(then.isSnippet, true);
  const retry = ifKeys.find((i) => i.label === 'retry')!;
  assert.ok(retry.insertText.startsWith('retry:\n  type: '));
  const root = items(`${FLOW}|`);
  assert.ok(root.find((i) => i.label === 'triggers')!.insertText.startsWith('triggers:\n  - id: '));
  assert.ok(root.find((i) => i.label === 'concurrency')!.insertText.startsWith('concurrency:\n  limit: '));
});

test('editing an existing key inserts the name only', () => {
  const { text, offset } = withCursor(`${HEAD}tasks:\n  - id: log\n    type: ${LOG}\n    mes|: hi\n`);
  const message = complete(FlowFile.fromText(text, '2.0'), offset).items.find((i) => i.label === 'message')!;
  assert.equal(message.insertText, 'message');
  assert.equal(text.slice(message.replaceStart, message.replaceEnd), 'mes');
});

test('deprecated properties are flagged and ranked last', () => {
  const found = items(`${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Commands\n    |\n`, '1.3');
  const docker = found.find((i) => i.label === 'docker')!;
  assert.equal(docker.deprecated, true);
  assert.ok(found.indexOf(docker) > found.findIndex((i) => i.label === 'containerImage'));
});

test('property documentation says type, default, Pebble and versions', () => {
  const level = item(`${FLOW}    |\n`, 'level');
  assert.match(level.documentation ?? '', /one of `TRACE`/);
  assert.match(level.documentation ?? '', /\*\*Default:\*\* `INFO`/);
  const message = item(`${HEAD}tasks:\n  - id: log\n    type: ${LOG}\n    |\n`, 'message');
  assert.match(message.documentation ?? '', /rendered with Pebble/);
});

test('root keys of an empty file start with a flow skeleton', () => {
  const found = items('|');
  assert.equal(found[0]!.label, 'New flow');
  assert.equal(found[0]!.isSnippet, true);
  assert.deepEqual(
    found.slice(1, 4).map((i) => i.label),
    ['id', 'namespace', 'tasks'],
  );
});

test('keys of a task with an unknown type: the common ones', () => {
  const found = labels(`${HEAD}tasks:\n  - id: x\n    type: com.example.Custom\n    |\n`);
  assert.ok(found.includes('retry') && found.includes('timeout'));
  assert.ok(!found.includes('message'));
});

test('keys of a free-form map are not guessed', () => {
  assert.deepEqual(labels(`${FLOW}variables:\n  a: 1\n  |\n`), []);
});

// ---- values ----------------------------------------------------------------------------------------------

test('enum values with the default first, filtered by version', () => {
  assert.deepEqual(labels(`${FLOW}    level: |\n`), ['INFO', 'TRACE', 'DEBUG', 'WARN', 'ERROR']);
  const exit13 = labels(`${HEAD}tasks:\n  - id: x\n    type: io.kestra.plugin.core.execution.Exit\n    state: |\n`, '1.3');
  const exit20 = labels(`${HEAD}tasks:\n  - id: x\n    type: io.kestra.plugin.core.execution.Exit\n    state: |\n`, '2.0');
  assert.ok(exit13.length > 0 && exit20.length > 0);
  assert.ok(!exit20.includes('CANCELED'));
});

test('booleans offer true and false, the default first', () => {
  const found = items(`${FLOW}    allowFailure: |\n`);
  assert.deepEqual(
    found.map((i) => i.label),
    ['false', 'true'],
  );
  assert.equal(found[0]!.kind, 'keyword');
});

test('Dag dependsOn offers task ids; input dependsOn.inputs offers input ids', () => {
  const dag = labels(
    `${HEAD}tasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: a\n          type: ${LOG}\n          message: a\n      - task:\n          id: b\n          type: ${LOG}\n          message: b\n        dependsOn:\n          - |\n`,
  );
  assert.ok(dag.includes('a') && dag.includes('b'));
  const inputs = labels(
    `${HEAD}inputs:\n  - id: country\n    type: STRING\n  - id: city\n    type: STRING\n    dependsOn:\n      inputs:\n        - |\ntasks: []\n`,
  );
  assert.ok(inputs.includes('country'));
});

test('scalar list items without a dash get one', () => {
  const found = items(
    `${HEAD}tasks:\n  - id: f\n    type: io.kestra.plugin.core.log.PurgeLogs\n    endDate: "2024-01-01T00:00:00Z"\n    logLevels:\n      |\n`,
  );
  const warn = found.find((i) => i.label === 'WARN')!;
  assert.equal(warn.insertText, '- WARN');
});

test('nothing inside a block scalar', () => {
  assert.deepEqual(
    items(`${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Script\n    script: |\n      ech‸\n`, '2.0', '‸'),
    [],
  );
});

// ---- new items -------------------------------------------------------------------------------------------

test('a new task snippet in a task list, with or without the dash', () => {
  const bare = items(`${FLOW}  |\n`)[0]!;
  assert.equal(bare.label, 'New task');
  assert.equal(bare.insertText, '- id: ${1:task_id}\n  type: ${2:io.kestra.plugin.core.log.Log}\n  message: ${3}');
  const dashed = items(`${FLOW}  - |\n`)[0]!;
  assert.equal(dashed.insertText, 'id: ${1:task_id}\n  type: ${2:io.kestra.plugin.core.log.Log}\n  message: ${3}');
  const noSpace = items(`${FLOW}  -|\n`)[0]!;
  assert.ok(noSpace.insertText.startsWith(' id: '));
});

test('new items of other lists: triggers, inputs, Dag tasks', () => {
  assert.equal(items(`${FLOW}triggers:\n  |\n`)[0]!.label, 'New trigger');
  const input = items(`${HEAD}inputs:\n  |\n`)[0]!;
  assert.equal(input.label, 'New input');
  assert.match(input.insertText, /type: \$\{2\|STRING,/);
  assert.equal(
    items(`${HEAD}tasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      |\n`)[0]!.label,
    'New Dag task',
  );
});

// ---- robustness and speed --------------------------------------------------------------------------------

test('completion still works in a file whose YAML does not parse', () => {
  const found = labels(
    `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands: [ls,\n  - id: b\n    type: ${LOG}\n    |\n`,
  );
  assert.equal(found[0], 'message');
});

test('completion never throws, whatever the text', () => {
  const texts = [
    '',
    '-',
    ':',
    '- - -',
    '{{',
    'tasks: [',
    '  \t  ',
    'a:\n\t- |\n',
    '---\n---\n',
    '"',
    "'",
    '? x',
    '&a',
    'tasks:\n  - id: x\n    type: |\n    |',
  ];
  for (const text of texts) {
    const file = FlowFile.fromText(text, '2.0');
    for (let offset = 0; offset <= text.length; offset++) {
      // complete() guards against exceptions; the cursor context underneath must not need that guard.
      cursorContext(file, offset);
      cursorContext(file, offset, { textOnly: true });
      complete(file, offset);
    }
  }
});

test('completion answers on a 1,000-task flow (speed: npm run bench)', () => {
  const tasks: string[] = [];
  for (let i = 0; i < 1000; i++) {
    tasks.push(`  - id: task_${i}\n    type: ${LOG}\n    message: "{{ outputs.task_${Math.max(0, i - 1)} }}"\n    level: INFO`);
  }
  const text = `${HEAD}tasks:\n${tasks.join('\n')}\n  - id: last\n    type: \n`;
  const file = FlowFile.fromText(text, '2.0');
  file.models(); // the model is built once per document version, not per keystroke
  const positions = [
    text.length - 1,
    text.indexOf('level: INFO', text.length / 2) + 7,
    text.indexOf('  - id: task_500'),
    text.lastIndexOf('    message'),
    text.indexOf('tasks:'),
  ];
  // Speed is measured by `npm run bench` (completion p95 on this size); here: the answers are right.
  for (const offset of positions) assert.ok(complete(file, offset).items.length > 0, `no completion at ${offset}`);
});

test('typing a flow character by character: never throws, and every `type: ` gets the right kind of types', () => {
  const flow = [
    'id: typed',
    'namespace: company.team',
    'inputs:',
    '  - id: name',
    '    type: STRING',
    'tasks:',
    '  - id: check',
    '    type: io.kestra.plugin.core.flow.If',
    '    condition: "{{ inputs.name }}"',
    '    then:',
    '      - id: sh',
    '        type: io.kestra.plugin.scripts.shell.Commands',
    '        commands:',
    '          - echo hi',
    '        taskRunner:',
    '          type: io.kestra.plugin.core.runner.Process',
    '    retry:',
    '      type: constant',
    '      interval: PT1M',
    'triggers:',
    '  - id: daily',
    '    type: io.kestra.plugin.core.trigger.Schedule',
    '    cron: "@daily"',
    '',
  ].join('\n');
  const expectations: Record<string, string> = {
    '    type: ': 'STRING',
    '    type: io.kestra.plugin.core.flow.If': LOG,
    '        type: ': LOG,
    '          type: ': 'io.kestra.plugin.core.runner.Process',
    '      type: ': 'constant',
  };
  const seen = new Set<number>();
  for (let cut = 0; cut <= flow.length; cut++) {
    const text = flow.slice(0, cut);
    const file = FlowFile.fromText(text, '2.0');
    const list = complete(file, cut);
    const line = text.slice(text.lastIndexOf('\n') + 1);
    if (line.endsWith('type: ') && !seen.has(text.lastIndexOf('\n'))) {
      seen.add(text.lastIndexOf('\n'));
      const lineNo = text.split('\n').length - 1;
      const full = flow.split('\n')[lineNo]!;
      const expected = expectations[full] ?? expectations[line];
      const labelsHere = list.items.map((i) => i.label);
      if (full.includes('trigger.Schedule')) assert.equal(labelsHere[0], 'io.kestra.plugin.core.trigger.Schedule', `line ${lineNo}`);
      else if (expected) assert.ok(labelsHere.includes(expected), `line ${lineNo} (${full}): ${labelsHere.slice(0, 5).join(', ')}`);
    }
  }
  assert.ok(seen.size >= 5, `${seen.size} type positions`);
});
