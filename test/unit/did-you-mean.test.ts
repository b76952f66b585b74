import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, closestTypeName, editDistance } from '../../server/src/core/util/did-you-mean';

test('editDistance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('task', 'task'), 0);
  assert.equal(editDistance('tsak', 'task'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('ca', 'abc'), 3); // optimal string alignment, not full Damerau
});

test('editDistance stops early past the limit', () => {
  assert.equal(editDistance('abcdefgh', 'zyxwvuts', 2), 3);
  assert.equal(editDistance('a', 'abcdefgh', 2), 3);
});

const keys = ['id', 'namespace', 'tasks', 'triggers', 'inputs', 'outputs', 'labels', 'description', 'errors', 'finally'];

const cases: [string, string | undefined][] = [
  ['taks', 'tasks'],
  ['namspace', 'namespace'],
  ['Namespace', 'namespace'],
  ['trigers', 'triggers'],
  ['inptus', 'inputs'],
  ['descripton', 'description'],
  ['lables', 'labels'],
  ['xyz', undefined],
  ['i', 'id'],
];

for (const [word, expected] of cases) {
  test(`closest(${JSON.stringify(word)}) → ${expected ?? 'nothing'}`, () => {
    assert.equal(closest(word, keys)[0], expected);
  });
}

test('closest options: max, maxDistance, case sensitivity', () => {
  assert.deepEqual(closest('cat', ['bat', 'hat', 'rat', 'cart'], { max: 2 }), ['bat', 'hat']);
  assert.deepEqual(closest('cat', ['dog'], { maxDistance: 3 }), ['dog']);
  assert.deepEqual(closest('TASKS', ['tasks'], { caseInsensitive: false }), []);
  assert.deepEqual(closest('Tasks', ['tasks', 'Tasks']), ['Tasks', 'tasks']);
  assert.deepEqual(closest('tasks', new Set(['tasks', 'task'])), ['tasks', 'task']);
});

const types = [
  'io.kestra.plugin.core.log.Log',
  'io.kestra.plugin.core.log.Fetch',
  'io.kestra.plugin.core.log.PurgeLogs',
  'io.kestra.plugin.core.debug.Return',
  'io.kestra.plugin.core.flow.Parallel',
  'io.kestra.plugin.core.flow.Sequential',
  'io.kestra.plugin.core.flow.If',
  'io.kestra.plugin.core.flow.Switch',
  'io.kestra.plugin.core.flow.ForEach',
  'io.kestra.plugin.core.flow.Subflow',
  'io.kestra.plugin.core.http.Request',
  'io.kestra.plugin.core.http.Download',
  'io.kestra.plugin.core.trigger.Schedule',
  'io.kestra.plugin.core.trigger.ScheduleOnDates',
  'io.kestra.plugin.core.trigger.Webhook',
  'io.kestra.plugin.core.trigger.Flow',
  'io.kestra.plugin.core.kv.Set',
  'io.kestra.plugin.core.kv.Get',
  'io.kestra.plugin.scripts.python.Script',
  'io.kestra.plugin.scripts.python.Commands',
  'io.kestra.plugin.scripts.shell.Script',
  'io.kestra.plugin.scripts.shell.Commands',
  'io.kestra.plugin.scripts.node.Script',
  'io.kestra.plugin.scripts.node.Commands',
  'io.kestra.plugin.jdbc.postgresql.Query',
  'io.kestra.plugin.jdbc.mysql.Query',
  'io.kestra.plugin.notifications.slack.SlackIncomingWebhook',
];

const typeCases: [string, (first: string | undefined) => boolean, string][] = [
  ['io.kestra.plugin.core.log.Logg', (t) => t === 'io.kestra.plugin.core.log.Log', 'log.Log'],
  ['schedule', (t) => t === 'io.kestra.plugin.core.trigger.Schedule', 'trigger.Schedule'],
  ['io.kestra.core.tasks.scripts.Python', (t) => t?.startsWith('io.kestra.plugin.scripts.python.') === true, 'a python script type'],
  ['io.kestra.plugin.scripts.pyton.Commands', (t) => t === 'io.kestra.plugin.scripts.python.Commands', 'python.Commands'],
  ['io.kestra.plugin.core.log.log', (t) => t === 'io.kestra.plugin.core.log.Log', 'case only'],
  ['io.kestra.core.tasks.log.Log', (t) => t === 'io.kestra.plugin.core.log.Log', 'old package'],
  ['Parralel', (t) => t === 'io.kestra.plugin.core.flow.Parallel', 'flow.Parallel'],
  ['io.kestra.plugin.core.flow.Subflw', (t) => t === 'io.kestra.plugin.core.flow.Subflow', 'flow.Subflow'],
  ['io.kestra.plugin.jdbc.postgres.Query', (t) => t === 'io.kestra.plugin.jdbc.postgresql.Query', 'postgresql.Query'],
  ['io.kestra.plugin.core.http.Requets', (t) => t === 'io.kestra.plugin.core.http.Request', 'http.Request'],
];

for (const [word, check, label] of typeCases) {
  test(`closestTypeName(${JSON.stringify(word)}) → ${label}`, () => {
    const got = closestTypeName(word, types);
    assert.ok(check(got[0]), JSON.stringify(got));
  });
}

test('closestTypeName returns nothing for an unrelated word', () => {
  assert.deepEqual(closestTypeName('com.example.Whatever', types), []);
  assert.deepEqual(closestTypeName('', types), []);
});

test('closestTypeName finds the right type among a few hundred candidates', () => {
  // Speed is measured in `npm run bench`; here only the answer on a large candidate set is checked.
  const many = [...types];
  for (let i = 0; many.length < 320; i++) many.push(`io.kestra.plugin.vendor${i}.service.Operation${i}`);
  assert.equal(closestTypeName('io.kestra.plugin.vendor7.service.Operaton7', many)[0], 'io.kestra.plugin.vendor7.service.Operation7');
});
