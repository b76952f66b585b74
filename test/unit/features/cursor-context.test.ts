import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowFile } from '../../../server/src/core/flow-file';
import { cursorContext, type CursorContext } from '../../../server/src/core/features/cursor-context';
import type { KestraVersion } from '../../../server/src/core/versions';
import { withCursor } from '../../helpers/cursor';

function at(source: string, options: { version?: KestraVersion; marker?: string; textOnly?: boolean } = {}): CursorContext {
  const { text, offset } = withCursor(source, options.marker);
  return cursorContext(FlowFile.fromText(text, options.version ?? '2.0'), offset, { textOnly: options.textOnly ?? false });
}

const HEAD = 'id: hello\nnamespace: company.team\n';
const LOG_TASK = '  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n';
const FLOW = `${HEAD}tasks:\n${LOG_TASK}`;

// ---- keys ------------------------------------------------------------------------------------------------

test('an indentation-only line inside a task is a key of that task', () => {
  const ctx = at(`${FLOW}    |\n`);
  assert.equal(ctx.target.kind, 'key');
  assert.deepEqual(ctx.path, ['tasks', 0]);
  assert.equal(ctx.owner.kind, 'task');
  assert.equal(ctx.owner.resolution?.def.type, 'io.kestra.plugin.core.log.Log');
  assert.deepEqual([...ctx.presentKeys].sort(), ['id', 'message', 'type']);
});

test('an indentation-only line between two tasks is a key of the first task', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    |\n  - id: b\n    type: io.kestra.plugin.core.debug.Return\n`,
  );
  assert.equal(ctx.target.kind, 'key');
  assert.deepEqual(ctx.path, ['tasks', 0]);
  assert.equal(ctx.owner.type, 'io.kestra.plugin.core.log.Log');
});

test('the cursor at the end of a file without a final newline is a root key', () => {
  const ctx = at(`${FLOW}|`);
  assert.equal(ctx.target.kind, 'key');
  assert.deepEqual(ctx.path, []);
  assert.equal(ctx.owner.kind, 'flow');
  assert.ok(ctx.presentKeys.has('tasks'));
});

test('an empty file is the root of a new flow', () => {
  const ctx = at('|');
  assert.equal(ctx.target.kind, 'key');
  assert.equal(ctx.owner.kind, 'flow');
  assert.equal(ctx.presentKeys.size, 0);
});

test('a key being typed without its colon', () => {
  const ctx = at(`${FLOW}    mess|\n`);
  assert.equal(ctx.target.kind, 'key');
  assert.equal(ctx.target.kind === 'key' && ctx.target.prefix, 'mess');
  assert.equal(ctx.owner.resolution?.def.type, 'io.kestra.plugin.core.log.Log');
});

test('the cursor in the middle of an existing key replaces the whole key and does not count it as present', () => {
  const { text, offset } = withCursor(FLOW.replace('message: hi', 'mes|sage: hi'));
  const ctx = cursorContext(FlowFile.fromText(text, '2.0'), offset);
  assert.equal(ctx.target.kind, 'key');
  if (ctx.target.kind !== 'key') return;
  assert.equal(ctx.target.prefix, 'mes');
  assert.equal(text.slice(ctx.target.start, ctx.target.end), 'message');
  assert.equal(ctx.target.hasColon, true);
  assert.equal(ctx.presentKeys.has('message'), false);
});

test('a root key typed at column 0 after the tasks', () => {
  const ctx = at(`${FLOW}trig|\n`);
  assert.equal(ctx.owner.kind, 'flow');
  assert.equal(ctx.target.kind === 'key' && ctx.target.prefix, 'trig');
});

test('keys of a compact list item (dash at the parent key column)', () => {
  const ctx = at(`${HEAD}tasks:\n- id: a\n  type: io.kestra.plugin.core.log.Log\n  |\n`);
  assert.equal(ctx.target.kind, 'key');
  assert.deepEqual(ctx.path, ['tasks', 0]);
  assert.equal(ctx.owner.type, 'io.kestra.plugin.core.log.Log');
});

test('a key right under a dash line that only has a dash', () => {
  const ctx = at(`${HEAD}tasks:\n  -\n    |\n`);
  assert.equal(ctx.target.kind, 'key');
  assert.deepEqual(ctx.path, ['tasks', 0]);
  assert.equal(ctx.owner.kind, 'task');
});

// ---- values ----------------------------------------------------------------------------------------------

test('`type: ` with nothing after it in a new task', () => {
  const ctx = at(`${FLOW}  - id: b\n    type: |\n`);
  assert.equal(ctx.target.kind, 'value');
  assert.deepEqual(ctx.path, ['tasks', 1, 'type']);
  assert.equal(ctx.property?.name, 'type');
  assert.equal(ctx.owner.kind, 'task');
  assert.equal(ctx.target.kind === 'value' && ctx.target.needsSpace, false);
});

test('`type:` with no space yet asks for a space before the value', () => {
  const ctx = at(`${FLOW}  - id: b\n    type:|\n`);
  assert.equal(ctx.target.kind, 'value');
  assert.equal(ctx.target.kind === 'value' && ctx.target.needsSpace, true);
});

test('a half-typed type value', () => {
  const ctx = at(`${FLOW}  - id: b\n    type: io.kestra.plugin.core.lo|\n`);
  assert.equal(ctx.target.kind === 'value' && ctx.target.prefix, 'io.kestra.plugin.core.lo');
  assert.equal(ctx.owner.kind, 'task');
});

test('a quoted value: the prefix and range are inside the quotes', () => {
  const { text, offset } = withCursor(`${FLOW}  - id: b\n    type: "io.kestra.plugin.core.log.L|og"\n`);
  const ctx = cursorContext(FlowFile.fromText(text, '2.0'), offset);
  assert.equal(ctx.target.kind, 'value');
  if (ctx.target.kind !== 'value') return;
  assert.equal(ctx.target.quote, '"');
  assert.equal(ctx.target.prefix, 'io.kestra.plugin.core.log.L');
  assert.equal(text.slice(ctx.target.start, ctx.target.end), 'io.kestra.plugin.core.log.Log');
});

test('the value of an enum property', () => {
  const ctx = at(`${FLOW}    level: |\n`);
  assert.equal(ctx.target.kind, 'value');
  assert.equal(ctx.property?.name, 'level');
  assert.equal(ctx.slot?.kind, 'enum');
});

test('the id value on a new dash line', () => {
  const ctx = at(`${FLOW}  - id: |\n`);
  assert.deepEqual(ctx.path, ['tasks', 1, 'id']);
  assert.equal(ctx.target.kind, 'value');
});

test('inside a block scalar the cursor is in a multi-line value', () => {
  const source = `${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Script\n    script: |\n      echo one\n      foo: bar‸\n`;
  for (const textOnly of [false, true]) {
    const ctx = at(source, { marker: '‸', textOnly });
    assert.equal(ctx.target.kind, 'value', `textOnly=${textOnly}`);
    assert.equal(ctx.target.kind === 'value' && ctx.target.multiline, true);
    assert.equal(ctx.property?.name, 'script');
    assert.deepEqual(ctx.path, ['tasks', 0, 'script']);
  }
});

test('a blank line inside a block scalar, deeper than the keys, stays in the scalar', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Script\n    script: ‹\n      echo one\n      ‸\n      echo two\n`.replace(
      '‹',
      '|',
    ),
    { marker: '‸' },
  );
  assert.equal(ctx.target.kind === 'value' && ctx.target.multiline, true);
});

test('a blank line after a block scalar at the key column is a new key', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Script\n    script: ‹\n      echo one\n    ‸\n`.replace('‹', '|'),
    { marker: '‸' },
  );
  assert.equal(ctx.target.kind, 'key');
  assert.ok(ctx.presentKeys.has('script'));
});

test('a continuation line of a plain multi-line value', () => {
  const ctx = at(`${HEAD}tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hello\n      wor|\n`);
  assert.equal(ctx.target.kind === 'value' && ctx.target.multiline, true);
  assert.equal(ctx.property?.name, 'message');
});

// ---- list items ------------------------------------------------------------------------------------------

test('`- ` starting a new task', () => {
  const ctx = at(`${FLOW}  - |\n`);
  assert.equal(ctx.target.kind, 'item');
  assert.equal(ctx.target.kind === 'item' && ctx.target.dash, true);
  assert.deepEqual(ctx.path, ['tasks']);
  assert.equal(ctx.slot?.kind, 'task');
  assert.equal(ctx.itemOwner?.kind, 'task');
});

test('an indentation-only line under `tasks:` is a new item without its dash', () => {
  const ctx = at(`${HEAD}tasks:\n  |\n`);
  assert.equal(ctx.target.kind, 'item');
  assert.equal(ctx.target.kind === 'item' && ctx.target.dash, false);
  assert.equal(ctx.slot?.kind, 'task');
});

test('an indentation-only line at the dash column between tasks is a new item', () => {
  const ctx = at(`${FLOW}  |\n  - id: other\n    type: io.kestra.plugin.core.log.Log\n`);
  assert.equal(ctx.target.kind, 'item');
  assert.deepEqual(ctx.path, ['tasks']);
});

test('a word under `tasks:` without a dash is a new item being typed', () => {
  const ctx = at(`${HEAD}tasks:\n  Lo|\n`);
  assert.equal(ctx.target.kind, 'item');
  assert.equal(ctx.target.kind === 'item' && ctx.target.prefix, 'Lo');
});

test('a scalar list item after its dash is a value of the list (`dependsOn.inputs` of an input)', () => {
  const ctx = at(
    `${HEAD}inputs:\n  - id: a\n    type: STRING\n  - id: b\n    type: STRING\n    dependsOn:\n      inputs:\n        - x\n        - |\n`,
  );
  assert.equal(ctx.target.kind, 'value');
  assert.equal(ctx.target.kind === 'value' && ctx.target.inList, true);
  assert.equal(ctx.property?.name, 'inputs');
  assert.equal(ctx.owner.kind, 'object');
  assert.equal(ctx.owner.name, 'dependsOn');
  assert.deepEqual(ctx.path, ['inputs', 1, 'dependsOn', 'inputs', 1]);
});

test('a scalar list item without its dash is a new item', () => {
  const ctx = at(`${HEAD}tasks:\n  - id: f\n    type: io.kestra.plugin.core.log.PurgeLogs\n    logLevels:\n      |\n`);
  assert.equal(ctx.target.kind, 'item');
  assert.equal(ctx.slot?.kind, 'enum');
});

// ---- enclosing mappings ----------------------------------------------------------------------------------

test('the `then` branch of an If task', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: check\n    type: io.kestra.plugin.core.flow.If\n    condition: "{{ true }}"\n    then:\n      - id: yes\n        type: |\n`,
  );
  assert.deepEqual(ctx.path, ['tasks', 0, 'then', 0, 'type']);
  assert.equal(ctx.owner.kind, 'task');
  assert.equal(ctx.owner.via, 'then');
});

test('keys of the If task itself, below its branch', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: check\n    type: io.kestra.plugin.core.flow.If\n    then:\n      - id: yes\n        type: io.kestra.plugin.core.log.Log\n        message: y\n    |\n`,
  );
  assert.equal(ctx.owner.resolution?.def.type, 'io.kestra.plugin.core.flow.If');
  assert.ok(ctx.presentKeys.has('then'));
});

test('a Switch case list', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: sw\n    type: io.kestra.plugin.core.flow.Switch\n    value: a\n    cases:\n      A:\n        - id: x\n          type: |\n`,
  );
  assert.deepEqual(ctx.path, ['tasks', 0, 'cases', 'A', 0, 'type']);
  assert.equal(ctx.owner.kind, 'task');
});

test('a Dag child: the task under `task:`', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: a\n          type: |\n`,
  );
  assert.deepEqual(ctx.path, ['tasks', 0, 'tasks', 0, 'task', 'type']);
  assert.equal(ctx.owner.kind, 'task');
});

test('a Dag entry itself offers `task` and `dependsOn`', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: a\n          type: io.kestra.plugin.core.log.Log\n        |\n`,
  );
  assert.equal(ctx.owner.kind, 'dagEntry');
  assert.ok(ctx.presentKeys.has('task'));
});

test('a task runner under a script task', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands: [ls]\n    taskRunner:\n      type: |\n`,
  );
  assert.equal(ctx.owner.kind, 'taskRunner');
  assert.deepEqual(ctx.path, ['tasks', 0, 'taskRunner', 'type']);
});

test('keys of a Docker task runner', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Commands\n    taskRunner:\n      type: io.kestra.plugin.scripts.runner.docker.Docker\n      |\n`,
  );
  assert.equal(ctx.owner.kind, 'taskRunner');
  assert.equal(ctx.owner.resolution?.def.type, 'io.kestra.plugin.scripts.runner.docker.Docker');
  assert.equal(ctx.owner.via, 'taskRunner');
});

test('an object property (`memory` of the Docker runner)', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: sh\n    type: io.kestra.plugin.scripts.shell.Commands\n    taskRunner:\n      type: io.kestra.plugin.scripts.runner.docker.Docker\n      memory:\n        |\n`,
  );
  assert.equal(ctx.owner.kind, 'object');
  assert.equal(ctx.owner.name, 'memory');
});

test('a retry block, before and after its type', () => {
  const before = at(`${FLOW}    retry:\n      type: |\n`);
  assert.equal(before.owner.kind, 'retry');
  const after = at(`${FLOW}    retry:\n      type: exponential\n      |\n`);
  assert.equal(after.owner.kind, 'retry');
  assert.equal(after.owner.retryType?.type, 'exponential');
});

test('a trigger', () => {
  const ctx = at(`${FLOW}triggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    |\n`);
  assert.equal(ctx.owner.kind, 'trigger');
  assert.equal(ctx.owner.resolution?.def.type, 'io.kestra.plugin.core.trigger.Schedule');
});

test('an input and an output', () => {
  assert.equal(at(`${HEAD}inputs:\n  - id: a\n    type: |\n${'tasks:\n' + LOG_TASK}`).owner.kind, 'input');
  const input = at(`${HEAD}inputs:\n  - id: a\n    type: INT\n    |\n`);
  assert.equal(input.owner.inputType?.type, 'INT');
  assert.equal(at(`${FLOW}outputs:\n  - id: o\n    type: |\n`).owner.kind, 'output');
});

test('a condition of a 1.3 trigger', () => {
  const ctx = at(`${FLOW}triggers:\n  - id: t\n    type: io.kestra.plugin.core.trigger.Flow\n    conditions:\n      - type: |\n`, {
    version: '1.3',
  });
  assert.equal(ctx.owner.kind, 'condition');
});

test('a flow object property (`concurrency`)', () => {
  const ctx = at(`${FLOW}concurrency:\n  |\n`);
  assert.equal(ctx.owner.kind, 'object');
  assert.equal(ctx.owner.name, 'concurrency');
});

test('a task with an unknown type still resolves as a task, and its nested tasks too', () => {
  const ctx = at(`${HEAD}tasks:\n  - id: x\n    type: com.example.Group\n    tasks:\n      - id: y\n        type: |\n`);
  assert.equal(ctx.owner.kind, 'task');
  assert.deepEqual(ctx.path, ['tasks', 0, 'tasks', 0, 'type']);
});

// ---- broken files ----------------------------------------------------------------------------------------

test('a file whose YAML does not parse: an unclosed flow sequence earlier', () => {
  const ctx = at(
    `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands: [ls, \n  - id: b\n    type: io.kestra.plugin.core.log.Log\n    |\n`,
  );
  assert.equal(ctx.target.kind, 'key');
  assert.deepEqual(ctx.path, ['tasks', 1]);
  assert.equal(ctx.owner.type, 'io.kestra.plugin.core.log.Log');
});

test('a file with a tab and a duplicate colon still gives keys by indentation', () => {
  const ctx = at(`${HEAD}tasks:\n  - id: a: b\n\ttype: x\n  - id: c\n    type: io.kestra.plugin.core.log.Log\n    |\n`);
  assert.equal(ctx.owner.type, 'io.kestra.plugin.core.log.Log');
});

test('an unterminated quoted string before the cursor', () => {
  const ctx = at(`${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: "oops\n  - id: b\n    type: |\n`);
  // The string swallows the following lines in YAML; the text scan still sees the task being typed.
  assert.equal(ctx.target.kind, 'value');
  assert.deepEqual(ctx.path, ['tasks', 1, 'type']);
});

test('CRLF line endings', () => {
  const ctx = at(`${FLOW}    |\n`.replace(/\n/g, '\r\n'));
  assert.equal(ctx.owner.type, 'io.kestra.plugin.core.log.Log');
  assert.deepEqual(ctx.path, ['tasks', 0]);
});

test('a comment line gives no target', () => {
  assert.equal(at(`${FLOW}    # a comm|ent\n`).target.kind, 'none');
  assert.equal(at(`${FLOW}    message2: x # note|\n`).target.kind, 'none');
});

test('the second document of a multi-document file', () => {
  const ctx = at(`${FLOW}---\n${FLOW}    |\n`);
  assert.deepEqual(ctx.path, ['tasks', 0]);
  assert.equal(ctx.owner.kind, 'task');
  assert.ok(ctx.section && ctx.section.start > 0);
});

test('a non-flow document of a multi-document file gives no target', () => {
  const ctx = at(`${FLOW}---\nsome: other\n|\n`);
  assert.equal(ctx.target.kind, 'none');
});

test('deeply nested flowables', () => {
  let text = `${HEAD}tasks:\n`;
  let indent = '  ';
  for (let i = 0; i < 6; i++) {
    text += `${indent}- id: s${i}\n${indent}  type: io.kestra.plugin.core.flow.Sequential\n${indent}  tasks:\n`;
    indent += '    ';
  }
  text += `${indent}- id: leaf\n${indent}  type: |\n`;
  const ctx = at(text);
  assert.equal(ctx.path.length, 3 + 6 * 2);
  assert.equal(ctx.owner.kind, 'task');
});
