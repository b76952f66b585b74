import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowFile } from '../../../server/src/core/flow-file';
import { hover, formatInZone, type HoverResult } from '../../../server/src/core/features/hover';
import type { KestraVersion } from '../../../server/src/core/versions';
import { withCursor } from '../../helpers/cursor';

const NOW = new Date('2025-01-06T07:00:00Z'); // a Monday
const clock = { now: () => NOW };

function hoverAt(source: string, version: KestraVersion = '2.0', marker = '|'): { result: HoverResult | undefined; text: string } {
  const { text, offset } = withCursor(source, marker);
  return { result: hover(FlowFile.fromText(text, version), offset, clock), text };
}

function markdown(source: string, version: KestraVersion = '2.0'): string {
  const { result } = hoverAt(source, version);
  assert.ok(result, 'expected a hover');
  return result.markdown;
}

const HEAD = 'id: hello\nnamespace: company.team\n';
const LOG = 'io.kestra.plugin.core.log.Log';
const FLOW = `${HEAD}tasks:\n  - id: log\n    type: ${LOG}\n    message: hi\n`;

// ---- types -----------------------------------------------------------------------------------------------

test('over a task type: description, versions, required properties and outputs', () => {
  const { result, text } = hoverAt(`${HEAD}tasks:\n  - id: log\n    type: io.kestra.plugin.core.lo|g.Log\n    message: hi\n`);
  assert.ok(result);
  assert.equal(text.slice(result.start, result.end), LOG);
  assert.match(result.markdown, /Writes one or more messages/);
  assert.match(result.markdown, /every supported Kestra version/);
  assert.match(result.markdown, /\| `message` \|/);
  const fetch = markdown(`${HEAD}tasks:\n  - id: f\n    type: io.kestra.plugin.core.log.Fe|tch\n`, '1.3');
  assert.match(fetch, /\*\*Outputs\*\*/);
  assert.match(fetch, /`uri`/);
  assert.match(fetch, /Kestra 1\.3 only/);
});

test('over a deprecated type: the deprecation and its replacement', () => {
  const text = markdown(`${HEAD}tasks:\n  - id: e\n    type: io.kestra.plugin.core.flow.EachSeq|uential\n`, '1.3');
  assert.match(text, /Deprecated/);
  assert.match(text, /io\.kestra\.plugin\.core\.flow\.ForEach/);
});

test('over a type removed in the target version', () => {
  assert.match(
    markdown(`${HEAD}tasks:\n  - id: e\n    type: io.kestra.plugin.core.flow.ForE|ach\n`, '2.0'),
    /Not available in Kestra 2\.0/,
  );
});

test('over an old alias of a type', () => {
  assert.match(markdown(`${HEAD}tasks:\n  - id: l\n    type: io.kestra.core.tasks.log.L|og\n`, '1.3'), /old name of this type/);
});

test('over a type outside the offline catalogue', () => {
  const text = markdown(`${HEAD}tasks:\n  - id: q\n    type: io.kestra.plugin.jdbc.postgresql.Qu|ery\n`);
  assert.match(text, /not in the offline catalogue/);
  assert.match(text, /properties are not checked/);
  assert.match(markdown(`${HEAD}tasks:\n  - id: q\n    type: io.kestra.plugin.jdbc.Qu|ery\n`), /one Query type per database/);
});

test('over a trigger type used as a task', () => {
  assert.match(markdown(`${HEAD}tasks:\n  - id: q\n    type: io.kestra.plugin.core.trigger.Sched|ule\n`), /trigger type, not a task type/);
});

test('over a task runner type and a retry type', () => {
  assert.match(
    markdown(
      `${HEAD}tasks:\n  - id: s\n    type: io.kestra.plugin.scripts.shell.Commands\n    taskRunner:\n      type: io.kestra.plugin.core.runner.Pro|cess\n`,
    ),
    /worker host/,
  );
  assert.match(markdown(`${FLOW}    retry:\n      type: expon|ential\n`), /delayFactor/);
});

test('over an input type, and a lower-case one', () => {
  const int = markdown(`${HEAD}inputs:\n  - id: n\n    type: IN|T\ntasks: []\n`);
  assert.match(int, /\*\*`INT`\*\* input/);
  assert.match(markdown(`${HEAD}inputs:\n  - id: n\n    type: in|t\ntasks: []\n`), /upper case: `INT`/);
});

// ---- property keys ---------------------------------------------------------------------------------------

test('over a property key: type in words, default, required and Pebble', () => {
  const level = markdown(`${FLOW}    lev|el: WARN\n`);
  assert.match(level, /optional/);
  assert.match(level, /one of `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`/);
  assert.match(level, /\*\*Default:\*\* `INFO`/);
  assert.match(level, /not rendered/);
  const message = markdown(FLOW.replace('message: hi', 'mess|age: hi'));
  assert.match(message, /required/);
  assert.match(message, /rendered with Pebble/);
  assert.match(message, /a string or a list of strings/);
});

test('the hover range is the key', () => {
  const { result, text } = hoverAt(`${FLOW}    time|out: PT1M\n`);
  assert.ok(result);
  assert.equal(text.slice(result.start, result.end), 'timeout');
  assert.match(result.markdown, /duration/);
});

test('over a key with versions and over a deprecated one', () => {
  assert.match(markdown(`${FLOW}    workerSel|ector:\n      tags: [gpu]\n`), /since Kestra 2\.0/);
  const docker = markdown(
    `${HEAD}tasks:\n  - id: s\n    type: io.kestra.plugin.scripts.shell.Commands\n    dock|er:\n      image: ubuntu\n`,
    '1.3',
  );
  assert.match(docker, /Deprecated/);
  assert.match(docker, /`taskRunner`/);
  assert.match(
    markdown(`${HEAD}tasks:\n  - id: s\n    type: io.kestra.plugin.scripts.shell.Commands\n    dock|er:\n      image: ubuntu\n`, '2.0'),
    /Not available in Kestra 2\.0/,
  );
});

test('over an alias key', () => {
  assert.match(
    markdown(`${FLOW}    retry:\n      type: constant\n      interval: PT1M\n      maxAtt|empt: 3\n`, '1.3'),
    /another name of `maxAttempts`/,
  );
});

test('over flow keys and object property keys', () => {
  assert.match(markdown(`${FLOW}concurr|ency:\n  limit: 1\n`), /simultaneous executions/);
  assert.match(markdown(`${FLOW}concurrency:\n  beha|vior: QUEUE\n`), /`QUEUE`, `CANCEL`, `FAIL`/);
});

test('over a key in a file whose YAML does not parse', () => {
  assert.match(markdown(`${HEAD}tasks:\n  - id: a\n    commands: [ls,\n  - id: b\n    type: ${LOG}\n    lev|el\n`), /one of `TRACE`/);
});

test('no hover over white space or unknown keys', () => {
  assert.equal(hoverAt(`${FLOW}  |\n`).result, undefined);
  assert.equal(hoverAt(`${FLOW}    unkn|own: 1\n`).result, undefined);
});

// ---- cron ------------------------------------------------------------------------------------------------

const SCHEDULE = (cron: string, extra = '') =>
  `${FLOW}triggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: ${cron}\n${extra}`;

test('over a Schedule cron: in words and the next five runs in the trigger time zone', () => {
  const text = markdown(SCHEDULE('"0 9 * * 1|-5"', '    timezone: Europe/Paris\n'));
  assert.match(text, /\*\*Cron:\*\* At 09:00, Monday through Friday/);
  assert.match(text, /in `Europe\/Paris`/);
  const runs = text.split('\n').filter((l) => l.startsWith('- '));
  assert.deepEqual(runs, [
    '- Mon 2025-01-06 09:00',
    '- Tue 2025-01-07 09:00',
    '- Wed 2025-01-08 09:00',
    '- Thu 2025-01-09 09:00',
    '- Fri 2025-01-10 09:00',
  ]);
});

test('a cron without time zone runs in UTC in the preview', () => {
  const text = markdown(SCHEDULE("'@dai|ly'"));
  assert.match(text, /UTC/);
  assert.ok(text.includes('- Tue 2025-01-07 00:00'));
});

test('the timezone may come before the cron, and a fixed offset works', () => {
  const src = `${FLOW}triggers:\n  - id: t\n    type: io.kestra.plugin.core.trigger.Schedule\n    timezone: "+05:30"\n    cron: 30 1|0 * * *\n`;
  const text = markdown(src);
  // 07:00Z is 12:30 at +05:30: today's 10:30 has passed.
  assert.ok(text.includes('- Tue 2025-01-07 10:30') && !text.includes('2025-01-06'), text);
});

test('withSeconds reads six fields', () => {
  const text = markdown(SCHEDULE('"*/30 * * * * |*"', '    withSeconds: true\n'));
  assert.ok(text.includes('- Mon 2025-01-06 07:00:30'), text);
});

test('an invalid cron explains the problem', () => {
  assert.match(markdown(SCHEDULE('"0 9 * *|"')), /has 4 fields/);
});

test('formatInZone handles IANA zones, offsets and UTC', () => {
  const date = new Date('2025-06-01T12:00:00Z');
  assert.equal(formatInZone(date, 'Europe/Paris'), 'Sun 2025-06-01 14:00');
  assert.equal(formatInZone(date, '-03:00'), 'Sun 2025-06-01 09:00');
  assert.equal(formatInZone(date, undefined), 'Sun 2025-06-01 12:00');
});

// ---- ids -------------------------------------------------------------------------------------------------

test('over a task id: its type and description; also from a reference', () => {
  const src = `${HEAD}tasks:\n  - id: fe|tch\n    type: io.kestra.plugin.core.http.Request\n    uri: https://example.com\n    description: Gets the page\n  - id: show\n    type: ${LOG}\n    message: "{{ outputs.fetch.body }}"\n`;
  const text = markdown(src);
  assert.match(text, /\*\*Task `fetch`\*\* · `io\.kestra\.plugin\.core\.http\.Request`/);
  assert.match(text, /Gets the page/);
  assert.match(text, /`outputs\.fetch\.body`/);
  const { result, text: plain } = hoverAt(src.replace('fe|tch', 'fetch').replace('outputs.fetch.body', 'outputs.fet|ch.body'));
  assert.ok(result);
  assert.equal(plain.slice(result.start, result.end), 'fetch');
  assert.match(result.markdown, /Task `fetch`/);
});

test('over an input reference', () => {
  const text = markdown(
    `${HEAD}inputs:\n  - id: name\n    type: STRING\n    defaults: world\n    description: Who to greet\ntasks:\n  - id: log\n    type: ${LOG}\n    message: "Hello {{ inputs.na|me }}"\n`,
  );
  assert.match(text, /\*\*Input `name`\*\* · `STRING`/);
  assert.match(text, /Who to greet/);
  assert.match(text, /\*\*Default:\*\* `world`/);
});

test('over a task with an unknown type', () => {
  assert.match(markdown(`${HEAD}tasks:\n  - id: cu|stom\n    type: com.example.Custom\n`), /not in the offline catalogue/);
});
