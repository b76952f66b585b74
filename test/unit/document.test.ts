import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateText } from '../../server/src/core/analysis/validate';
import { MAX_NESTING_DEPTH, nestingDepth, parseFile } from '../../server/src/core/document/parse';
import { LineIndex } from '../../server/src/core/document/positions';
import { FlowFile } from '../../server/src/core/flow-file';

test('LineIndex converts offsets and positions for LF, CRLF and lone CR', () => {
  const lines = new LineIndex('a\r\nbc\nd\re');
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(5), { line: 1, character: 2 });
  assert.deepEqual(lines.positionAt(8), { line: 3, character: 0 });
  assert.equal(lines.offsetAt({ line: 1, character: 99 }), 5, 'a character past the line end clamps to the line end');
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), 9);
  assert.equal(lines.lineText(0), 'a');
  assert.deepEqual(lines.positionAt(-4), { line: 0, character: 0 });
});

test('positions count UTF-16 code units, as LSP does', () => {
  const text = 'x: "🚀"\ny: 1';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.positionAt(text.indexOf('y')), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('"', 4)), { line: 0, character: 6 });
});

test('sections: every document of a multi-document file, flows recognised by content', () => {
  const file = parseFile('id: a\nnamespace: n\ntasks: []\n---\nfoo: bar\n---\nid: b\nnamespace: n\ntriggers: []\n');
  assert.deepEqual(
    file.sections.map((s) => s.isFlow),
    [true, false, true],
  );
  assert.ok(file.sections[1]!.start > file.sections[0]!.start);
});

test('a BOM is kept in the offsets', () => {
  const text = '\uFEFFid: x\nnamespace: n\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    mesage: m\n';
  const d = validateText(text).find((x) => x.code === 'unknown-property')!;
  assert.equal(text.slice(d.start, d.end), 'mesage');
});

test('nesting depth is estimated without parsing and deep files are refused with a notice', () => {
  assert.equal(nestingDepth('a:\n  b:\n    c: [1, [2]]\n').depth, 5);
  assert.equal(nestingDepth('- - - x\n').depth, 4);
  let deep = 'id: x\nnamespace: n\ntasks:\n';
  for (let i = 1; i <= MAX_NESTING_DEPTH + 5; i++) deep += `${' '.repeat(i)}k:\n`;
  const diagnostics = validateText(deep);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['too-deep'],
  );
  const brackets = `id: x\nnamespace: n\ntasks: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  assert.deepEqual(
    validateText(brackets).map((d) => d.code),
    ['too-deep'],
  );
});

test('YAML error ranges never run past the end of the text', () => {
  const text = 'id: x\nnamespace: n\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: "x {{ a[';
  for (const d of validateText(text)) {
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${d.code} ${d.start}-${d.end} of ${text.length}`);
  }
});

test('the flow model carries labels in both forms, concurrency and retries with their ranges', () => {
  const text = [
    'id: m',
    'namespace: n',
    'labels:',
    '  team: data',
    'concurrency:',
    '  limit: 2',
    '  behavior: QUEUE',
    'retry:',
    '  type: constant',
    '  interval: PT1S',
    'tasks:',
    '  - id: a',
    '    type: io.kestra.plugin.core.log.Log',
    '    message: hi',
    '    retry:',
    '      type: exponential',
    '---',
    'id: m2',
    'namespace: n',
    'labels:',
    '  - key: env',
    '    value: prod',
    'tasks: []',
    '',
  ].join('\n');
  const [first, second] = FlowFile.fromText(text, '2.0').models();
  assert.deepEqual(
    first!.labels.map((l) => [l.key.value, l.value?.value]),
    [['team', 'data']],
  );
  assert.equal(text.slice(first!.labels[0]!.key.start, first!.labels[0]!.key.end), 'team');
  assert.equal(first!.concurrency?.limit?.value, '2');
  assert.equal(first!.concurrency?.behavior?.value, 'QUEUE');
  assert.equal(first!.retry?.type?.value, 'constant');
  assert.equal(first!.allTasks[0]!.retry?.type?.value, 'exponential');
  assert.deepEqual(
    second!.labels.map((l) => [l.key.value, l.value?.value]),
    [['env', 'prod']],
  );
  assert.equal(second!.concurrency, undefined);
});
