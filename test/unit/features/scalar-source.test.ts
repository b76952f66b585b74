import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { scalarSource } from '../../../server/src/core/document/scalar-source';

/** The string scalars of a document with their mappers. */
function scalars(text: string): { node: Scalar; value: string }[] {
  const doc = parseDocument(text, { keepSourceTokens: true });
  assert.deepEqual(doc.errors, []);
  const found: { node: Scalar; value: string }[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string') found.push({ node, value: node.value });
    },
  });
  return found;
}

function valueOf(text: string, key: string): Scalar {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const node = doc.get(key, true);
  assert.ok(isScalar(node), `${key} is a scalar`);
  return node;
}

/** Every mapped character is the same character in the source, and offsets only grow. */
function assertFaithful(text: string, node: Scalar): number {
  const source = scalarSource(text, node);
  assert.ok(source, `a mapper for ${JSON.stringify(node.value)}`);
  let mapped = 0;
  let last = -1;
  for (let i = 0; i < source.value.length; i++) {
    const at = source.offsetOf(i);
    if (at === undefined) continue;
    assert.equal(text[at], source.value[i], `value[${i}] of ${JSON.stringify(source.value)}`);
    assert.ok(at > last, 'offsets grow');
    last = at;
    mapped++;
  }
  return mapped;
}

const SAMPLES = [
  'a: plain value\n',
  'a: plain value\n  folded over\n\n  two lines\n',
  "a: 'single ''quoted'' text'\n",
  "a: 'single\n  folded'\n",
  'a: "double \\"escaped\\" \\u00e9 text"\n',
  'a: "double\n  folded\n\n  twice"\n',
  'a: "joined \\\n  line"\n',
  'a: |\n  literal one\n    indented two\n\n  three\n',
  'a: |-\n  strip\n  chomp\n',
  'a: |+\n  keep\n\n',
  'a: >\n  folded one\n  folded two\n\n  new paragraph\n    more indented\n  back\n',
  'a: >-\n  folded\n  strip\n',
  'list:\n  - |\n    in a list\n    item\n  - "quoted item"\n  - plain item\n',
  'a: |2\n    two extra\n  spaces\n',
  'a: "  spaces inside quotes  "\n',
  'a: |\n\n  leading blank line\n',
];

test('mapped characters are always the same characters in the source', () => {
  for (const text of SAMPLES) for (const { node } of scalars(text)) assertFaithful(text, node);
});

test('plain and unescaped quoted scalars map every character', () => {
  const text = 'a: "{{ outputs.x }}"\nb: hello {{ inputs.y }}\nc: \'it is\'\n';
  for (const { node, value } of scalars(text)) assert.equal(assertFaithful(text, node), value.length);
});

test('a literal block maps every character but the line breaks', () => {
  const text = 'script: |\n  echo one\n    echo two\n  echo {{ outputs.a.uri }}\n';
  const node = valueOf(text, 'script');
  const source = scalarSource(text, node)!;
  const at = source.value.indexOf('outputs');
  const span = source.spanOf(at, at + 'outputs.a.uri'.length);
  assert.ok(span);
  assert.equal(text.slice(span.start, span.end), 'outputs.a.uri');
  assert.equal(assertFaithful(text, node), source.value.replace(/\n/g, '').length);
  assert.equal(text.slice(source.spanOf(9, 17)!.start, source.spanOf(9, 17)!.end), '  echo t'.slice(0, 8));
});

test('folds and escapes have no source character, so ranges across them are not mapped', () => {
  const folded = 'a: one\n  two\n';
  const plain = scalarSource(folded, valueOf(folded, 'a'))!;
  assert.equal(plain.value, 'one two');
  assert.equal(plain.offsetOf(3), undefined);
  assert.equal(plain.spanOf(0, 7), undefined);
  assert.deepEqual(plain.spanOf(4, 7), { start: folded.indexOf('two'), end: folded.indexOf('two') + 3 });
  const escaped = 'a: "x\\ty"\n';
  const quoted = scalarSource(escaped, valueOf(escaped, 'a'))!;
  assert.equal(quoted.value, 'x\ty');
  assert.equal(quoted.offsetOf(1), undefined);
  assert.deepEqual(quoted.spanOf(2, 3), { start: escaped.indexOf('y'), end: escaped.indexOf('y') + 1 });
  const single = "a: 'it''s'\n";
  const apostrophe = scalarSource(single, valueOf(single, 'a'))!;
  assert.equal(apostrophe.value, "it's");
  assert.equal(apostrophe.offsetOf(2), undefined);
  assert.equal(single[apostrophe.offsetOf(3)!], 's');
});

test('indexAt goes from a source offset back to the value', () => {
  const text = 'a: |\n  first\n  second\n';
  const source = scalarSource(text, valueOf(text, 'a'))!;
  assert.equal(source.indexAt(text.indexOf('second')), source.value.indexOf('second'));
  assert.equal(source.indexAt(0), undefined);
});

test('empty ranges map to a position', () => {
  const text = 'a: abc\n';
  const source = scalarSource(text, valueOf(text, 'a'))!;
  assert.deepEqual(source.spanOf(3, 3), { start: 6, end: 6 });
  assert.deepEqual(source.spanOf(0, 0), { start: 3, end: 3 });
});

test('CRLF line endings', () => {
  const text = 'a: |\r\n  one\r\n  two {{ outputs.t }}\r\n';
  const node = valueOf(text, 'a');
  const source = scalarSource(text, node)!;
  const at = source.value.indexOf('outputs.t');
  const span = source.spanOf(at, at + 9)!;
  assert.equal(text.slice(span.start, span.end), 'outputs.t');
  assertFaithful(text, node);
});
