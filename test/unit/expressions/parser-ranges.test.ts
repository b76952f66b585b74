import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Expression } from '../../../server/src/core/expressions/ast';
import { parseTemplate } from '../../../server/src/core/expressions/parser';

function exprOf(text: string): Expression {
  const { ast, errors } = parseTemplate(text);
  assert.deepEqual(errors, []);
  assert.equal(ast.body.length, 1);
  const node = ast.body[0];
  assert.equal(node?.kind, 'print');
  return (node as { expression: Expression }).expression;
}

describe('exact ranges', () => {
  test('binary operands and operator', () => {
    const e = exprOf('{{ a + b }}');
    assert.deepEqual(e, {
      kind: 'binary',
      operator: '+',
      operatorStart: 5,
      operatorEnd: 6,
      left: { kind: 'name', name: 'a', start: 3, end: 4 },
      right: { kind: 'name', name: 'b', start: 7, end: 8 },
      start: 3,
      end: 8,
    });
  });

  test('print node spans its delimiters', () => {
    const node = parseTemplate('{{- a -}}').ast.body[0];
    assert.deepEqual([node?.start, node?.end], [0, 9]);
  });

  test('filter with named argument', () => {
    const e = exprOf("{{ x | date('y', timeZone=tz) }}");
    assert.equal(e.kind, 'filter');
    if (e.kind !== 'filter') return;
    assert.deepEqual([e.start, e.end], [3, 29]);
    assert.deepEqual(e.filter, { name: 'date', start: 7, end: 11 });
    assert.deepEqual([e.args?.start, e.args?.end], [11, 29]);
    const named = e.args?.items[1];
    assert.deepEqual(named?.name, { name: 'timeZone', start: 17, end: 25 });
    assert.deepEqual([named?.start, named?.end], [17, 28]);
  });

  test('group, attribute and subscript', () => {
    const e = exprOf("{{ (a).b['c'] }}");
    assert.equal(e.kind, 'subscript');
    if (e.kind !== 'subscript') return;
    assert.deepEqual([e.start, e.end], [3, 13]);
    assert.equal(e.object.kind, 'attribute');
    if (e.object.kind !== 'attribute') return;
    assert.deepEqual([e.object.start, e.object.end], [3, 8]);
    assert.deepEqual(e.object.attribute, { name: 'b', start: 7, end: 8 });
    assert.deepEqual([e.object.object.kind, e.object.object.start, e.object.object.end], ['group', 3, 6]);
    assert.deepEqual([e.index.start, e.index.end], [9, 12]);
  });

  test('test, unary, ternary and call', () => {
    const e = exprOf('{{ not f(x) is defined ? 1 : -2 }}');
    assert.equal(e.kind, 'ternary');
    if (e.kind !== 'ternary') return;
    assert.deepEqual([e.start, e.end], [3, 31]);
    assert.equal(e.condition.kind, 'test');
    if (e.condition.kind !== 'test') return;
    assert.deepEqual([e.condition.start, e.condition.end], [3, 22]);
    assert.deepEqual(e.condition.test, { name: 'defined', start: 15, end: 22 });
    assert.deepEqual([e.condition.input.kind, e.condition.input.start, e.condition.input.end], ['unary', 3, 11]);
    assert.deepEqual([e.otherwise.kind, e.otherwise.start, e.otherwise.end], ['unary', 29, 31]);
  });

  test('string literal and interpolation parts', () => {
    const e = exprOf('{{ "a#{x}b" }}');
    assert.equal(e.kind, 'interpolation');
    if (e.kind !== 'interpolation') return;
    assert.deepEqual([e.start, e.end], [3, 11]);
    assert.deepEqual(e.parts, [
      { kind: 'string', value: 'a', start: 4, end: 5 },
      { kind: 'interpolated', expression: { kind: 'name', name: 'x', start: 7, end: 8 }, start: 5, end: 9 },
      { kind: 'string', value: 'b', start: 9, end: 10 },
    ]);
    assert.deepEqual(exprOf("{{ 'it\\'s' }}"), { kind: 'string', value: "it's", start: 3, end: 10 });
  });

  test('number literals keep type and digits', () => {
    assert.deepEqual(exprOf('{{ 9007199254740993L }}'), {
      kind: 'number',
      raw: '9007199254740993L',
      value: 9007199254740992,
      type: 'long',
      start: 3,
      end: 20,
    });
    assert.deepEqual(exprOf('{{ 2.50 }}'), { kind: 'number', raw: '2.50', value: 2.5, type: 'double', start: 3, end: 7 });
  });

  test('range and list', () => {
    const e = exprOf('{{ [1, 2]..3 }}');
    assert.equal(e.kind, 'range');
    if (e.kind !== 'range') return;
    assert.deepEqual([e.start, e.end, e.from.start, e.from.end, e.to.start], [3, 12, 3, 9, 11]);
  });

  test('map entries', () => {
    const e = exprOf("{{ {'k': v} }}");
    assert.equal(e.kind === 'map' && JSON.stringify(e.entries.map((x) => [x.start, x.end])), '[[4,10]]');
  });

  test('partial tree for an unfinished attribute', () => {
    const { ast, errors } = parseTemplate('{{ outputs. }}');
    assert.equal(errors.length, 1);
    const node = ast.body[0];
    assert.equal(node?.kind, 'print');
    const e = node?.kind === 'print' ? node.expression : undefined;
    assert.equal(e?.kind, 'attribute');
    assert.deepEqual(e?.kind === 'attribute' && [e.object.kind, e.attribute.name, e.attribute.start, e.start, e.end], [
      'name',
      '',
      11,
      3,
      11,
    ]);
  });
});
