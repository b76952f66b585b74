import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Expression, TemplateChild } from '../../../server/src/core/expressions/ast';
import { formatExpression } from '../../../server/src/core/expressions/format';
import { parseTemplate } from '../../../server/src/core/expressions/parser';

/** Parses `{{ src }}` and prints its expression fully parenthesised; fails on any error. */
function grouped(src: string): string {
  const { ast, errors } = parseTemplate(`{{ ${src} }}`);
  assert.deepEqual(errors, [], `errors for ${src}`);
  const node = ast.body[0];
  assert.equal(node?.kind, 'print');
  return formatExpression((node as { expression: Expression }).expression);
}

function onlyNode(text: string): TemplateChild {
  const { ast, errors } = parseTemplate(text);
  assert.deepEqual(errors, []);
  assert.equal(ast.body.length, 1);
  return ast.body[0] as TemplateChild;
}

// Each expected tree was derived by hand from Pebble's ExpressionParser algorithm and the precedences
// in CoreExtension.java / Kestra's Extension.java (see operators.ts), not from this parser's output.
const PRECEDENCE: [string, string][] = [
  // arithmetic
  ['a + b * c', '(a + (b * c))'],
  ['a * b + c', '((a * b) + c)'],
  ['a - b - c', '((a - b) - c)'],
  ['a / b / c', '((a / b) / c)'],
  ['a % b * c', '((a % b) * c)'],
  ['a + b - c', '((a + b) - c)'],
  ['1 + 2 * 3 - 4 / 2 % 3', '((1 + (2 * 3)) - ((4 / 2) % 3))'],
  ['a-b', '(a - b)'],
  ['1.5 + 2', '(1.5 + 2)'],
  ['12L * 2', '(12L * 2)'],
  ['outputs.my-task.value', '(outputs.my - task.value)'],
  // concatenation binds tighter than filters, filters tighter than arithmetic
  ['a ~ b ~ c', '((a ~ b) ~ c)'],
  ['a ~ b | upper', '((a ~ b) | upper)'],
  ['a | upper ~ b', '((a | upper) ~ b)'],
  ["'x' ~ a | upper", "(('x' ~ a) | upper)"],
  ['a + b | abs', '(a + (b | abs))'],
  ['a | abs + b', '((a | abs) + b)'],
  ['2 * a | f', '(2 * (a | f))'],
  ['a | f * 2', '((a | f) * 2)'],
  ['a ~ b + c', '((a ~ b) + c)'],
  ['a + b ~ c', '(a + (b ~ c))'],
  ['a * b ~ c', '(a * (b ~ c))'],
  ['a ~ b * c', '((a ~ b) * c)'],
  ['a | upper | lower', '((a | upper) | lower)'],
  ['a|upper', '(a | upper)'],
  ["a.b|default('')|length>0", "(((a.b | default('')) | length) > 0)"],
  ['a.b.c | length > 0', '((a.b.c | length) > 0)'],
  ["a.b | default('x') ~ '!'", "((a.b | default('x')) ~ '!')"],
  // ?? and ??? (Kestra, 120) bind tighter than ~
  ['a ?? b ~ c', '((a ?? b) ~ c)'],
  ['a ~ b ?? c', '(a ~ (b ?? c))'],
  ['a ~ b ?? c ~ d', '((a ~ (b ?? c)) ~ d)'],
  ["a ?? b | date('yyyy')", "((a ?? b) | date('yyyy'))"],
  ['a | default(b) ?? c', '((a | default(b)) ?? c)'],
  ['1 + 2 ?? 3', '(1 + (2 ?? 3))'],
  ['a ?? b == c', '((a ?? b) == c)'],
  ['a ?? b ?? c', '((a ?? b) ?? c)'],
  ['a ??? b ?? c', '((a ??? b) ?? c)'],
  ['a ?? b ??? c', '((a ?? b) ??? c)'],
  ["x ?? y ?? 'd' | upper", "(((x ?? y) ?? 'd') | upper)"],
  ["trigger.date ?? execution.startDate | date('yyyy-MM-dd')", "((trigger.date ?? execution.startDate) | date('yyyy-MM-dd'))"],
  ['a ?? b..c', '((a ?? b) .. c)'],
  // not: unary at 500 takes only a primary with its postfix chain
  ['not a and b', '((not a) and b)'],
  ['not a == b', '((not a) == b)'],
  ['not a is defined', '((not a) is defined)'],
  ['not a is defined and b', '(((not a) is defined) and b)'],
  ['not (a and b)', '(not (a and b))'],
  ['not not a', '(not (not a))'],
  ['not a or not b', '((not a) or (not b))'],
  ['a and not b', '(a and (not b))'],
  ['not a.b', '(not a.b)'],
  ['not a..b', '((not a) .. b)'],
  // unary minus and plus
  ['-1 | abs', '((-1) | abs)'],
  ['-a.b', '(-a.b)'],
  ['-(a + b)', '(-(a + b))'],
  ['+a', '(+a)'],
  ['- - a', '(-(-a))'],
  ['a - -b', '(a - (-b))'],
  ['1 - - 1', '(1 - (-1))'],
  ['a * -b', '(a * (-b))'],
  ['-a * b', '((-a) * b)'],
  ['-a..b', '((-a) .. b)'],
  ['-1..3', '((-1) .. 3)'],
  ['a == -1', '(a == (-1))'],
  ["now() | dateAdd(-1, 'DAYS')", "(now() | dateAdd((-1), 'DAYS'))"],
  // tests
  ['a is not defined or b', '((a is not defined) or b)'],
  ['a is defined and b is null', '((a is defined) and (b is null))'],
  ['a is empty', '(a is empty)'],
  ['a is not null', '(a is not null)'],
  ['x is foo(1, 2)', '(x is foo(1, 2))'],
  ['a is even == b', '((a is even) == b)'],
  ['a == b is odd', '((a == b) is odd)'],
  ['a is defined ? a : b', '((a is defined) ? a : b)'],
  // logic
  ['a and b or c', '((a and b) or c)'],
  ['a or b and c', '(a or (b and c))'],
  ['a or b or c', '((a or b) or c)'],
  ['a and b and c', '((a and b) and c)'],
  ['a == b and c != d', '((a == b) and (c != d))'],
  ['a > 1 and a < 10', '((a > 1) and (a < 10))'],
  ['a >= 1 or a <= 0', '((a >= 1) or (a <= 0))'],
  ['a != null', '(a != null)'],
  ['organization or android', '(organization or android)'],
  // comparisons and contains
  ['a < b == c', '((a < b) == c)'],
  ['a < b < c', '((a < b) < c)'],
  ['a contains b == c', '(a contains (b == c))'],
  ['a == b contains c', '((a == b) contains c)'],
  ['a contains b and c', '((a contains b) and c)'],
  ["x contains 'a' and x contains 'b'", "((x contains 'a') and (x contains 'b'))"],
  ['a equals b', '(a equals b)'],
  ['a equals b or c', '((a equals b) or c)'],
  // isIn (Kestra, 120)
  ['a isIn b', '(a isIn b)'],
  ['a isIn [1, 2]', '(a isIn [1, 2])'],
  ['a isIn b ~ c', '((a isIn b) ~ c)'],
  ['a + b isIn c', '(a + (b isIn c))'],
  ['a isIn b and c', '((a isIn b) and c)'],
  // ranges
  ['1..3 | join', '((1 .. 3) | join)'],
  ['1..n + 1', '((1 .. n) + 1)'],
  ['a + 1..3', '(a + (1 .. 3))'],
  ['1..3..5', '((1 .. 3) .. 5)'],
  ['a..b ~ c', '((a .. b) ~ c)'],
  ['a ~ b..c', '(a ~ (b .. c))'],
  ['a | f..b', '((a | f) .. b)'],
  ['a..b | f', '((a .. b) | f)'],
  ['1.5..3', '(1.5 .. 3)'],
  // ternary: outermost level only, nests to the right
  ['a ? b : c', '(a ? b : c)'],
  ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
  ['a ? b ? c : d : e', '(a ? (b ? c : d) : e)'],
  ['a or b ? c : d', '((a or b) ? c : d)'],
  ['a or b ? c : d ? e : f', '((a or b) ? c : (d ? e : f))'],
  ['a ? b | upper : c ~ d', '(a ? (b | upper) : (c ~ d))'],
  ['a ? b : c | upper', '(a ? b : (c | upper))'],
  ['not a ? b : c', '((not a) ? b : c)'],
  ['a ?? b ? c : d', '((a ?? b) ? c : d)'],
  ['a + b ? c : d', '((a + b) ? c : d)'],
  ['(a ? b : c) | upper', '((a ? b : c) | upper)'],
  ['a ? (b ? c : d) : e', '(a ? (b ? c : d) : e)'],
  ['f(a ? b : c)', 'f((a ? b : c))'],
  ['[a ? b : c]', '[(a ? b : c)]'],
  ["{'k': a ? 1 : 2}", "{'k': (a ? 1 : 2)}"],
  ['f(x=a ? 1 : 2)', 'f(x=(a ? 1 : 2))'],
  ['"#{a ? b : c}"', '"#{(a ? b : c)}"'],
  // filters with arguments, calls, named arguments
  ['x | f(1, 2) | g', '((x | f(1, 2)) | g)'],
  ["x | date('yyyy-MM-dd', timeZone='UTC')", "(x | date('yyyy-MM-dd', timeZone='UTC'))"],
  ["x | jq('.[2]') | first == 3", "(((x | jq('.[2]')) | first) == 3)"],
  ['a | default(b | upper)', '(a | default((b | upper)))'],
  ["range(1, 5) | join(', ')", "(range(1, 5) | join(', '))"],
  ['f(a, b=c)', 'f(a, b=c)'],
  ['f(b = c)', 'f(b=c)'],
  ['f(a, b=c, d=e)', 'f(a, b=c, d=e)'],
  ['f()', 'f()'],
  ["secret('KEY')", "secret('KEY')"],
  ["kv('k', flow.namespace, false)", "kv('k', flow.namespace, false)"],
  ["http(uri = 'https://x', method='GET')", "http(uri='https://x', method='GET')"],
  ['f(TRUE=1)', 'f(TRUE=1)'],
  // attribute and subscript access
  ['a.b.c', 'a.b.c'],
  ["a['b'].c", "a['b'].c"],
  ["a['b']['c']", "a['b']['c']"],
  ['a[b + 1]', 'a[(b + 1)]'],
  ['a.b(1, 2)', 'a.b(1, 2)'],
  ['a.b()', 'a.b()'],
  ['(a + b).c', '(a + b).c'],
  ['a.b[0].c(1)', 'a.b[0].c(1)'],
  ["outputs['my-task'].value", "outputs['my-task'].value"],
  ['outputs.t[taskrun.value].vars.x', 'outputs.t[taskrun.value].vars.x'],
  ['a.b(c.d)', 'a.b(c.d)'],
  ['loop.index + 1', '(loop.index + 1)'],
  ['([1, 2])[0]', '[1, 2][0]'],
  ['café.größe', 'café.größe'],
  ['isInternal and is_x', '(isInternal and is_x)'],
  ['notes', 'notes'],
  ['a\n+\nb', '(a + b)'],
  // literals
  ['[1, 2, 3]', '[1, 2, 3]'],
  ['[]', '[]'],
  ["{'a': 1, 'b': [2]}", "{'a': 1, 'b': [2]}"],
  ['{}', '{}'],
  ['{a: 1}', '{a: 1}'],
  ["{'a': {'b': 1}}", "{'a': {'b': 1}}"],
  ['[1, 2] | length', '([1, 2] | length)'],
  ['42', '42'],
  ['42L', '42L'],
  ['4.2', '4.2'],
  ['TRUE', 'true'],
  ['false', 'false'],
  ['none', 'null'],
  ['NULL', 'null'],
  ["'it\\'s'", "'it\\'s'"],
  ['"say \\"hi\\""', `'say "hi"'`],
  ["'a\\nb'", "'a\\nb'"],
  ['"a#b"', "'a#b'"],
  // interpolation: only in double quotes
  ['"a #{x} b"', '"a #{x} b"'],
  ['"#{x}"', '"#{x}"'],
  ['"#{a ~ b}c"', '"#{(a ~ b)}c"'],
  ['"#{ "x#{y}" }"', '"#{"x#{y}"}"'],
  [`"#{a}" 'b'`, '"#{a}b"'],
  [`'a' "#{b}"`, '"a#{b}"'],
  ['"#{a}" "#{b}"', '"#{a}#{b}"'],
  [`"x" ~ 'y'`, "('x' ~ 'y')"],
  ['a ~ "#{b}" | upper', '((a ~ "#{b}") | upper)'],
  ["'#{x}'", "'#{x}'"],
];

describe('expression precedence and associativity', () => {
  for (const [src, want] of PRECEDENCE) {
    test(src, () => assert.equal(grouped(src), want));
  }
});

describe('template structure', () => {
  test('if / elseif / else / endif', () => {
    const node = onlyNode('{% if a %}x{% elseif b or c %}y{% else %}z{% endif %}');
    assert.equal(node.kind, 'if');
    if (node.kind !== 'if') return;
    assert.deepEqual(
      node.branches.map((b) => formatExpression(b.condition)),
      ['a', '(b or c)'],
    );
    assert.deepEqual(
      node.branches.map((b) => b.body.map((n) => n.kind === 'text' && n.value)),
      [['x'], ['y']],
    );
    assert.deepEqual(
      node.otherwise?.body.map((n) => n.kind === 'text' && n.value),
      ['z'],
    );
    assert.deepEqual(node.branches[1]?.tag, { start: 11, end: 30 });
    assert.deepEqual(node.otherwise?.tag, { start: 31, end: 41 });
    assert.deepEqual(node.endTag, { start: 42, end: 53 });
    assert.deepEqual([node.start, node.end], [0, 53]);
  });

  test('nested blocks', () => {
    const node = onlyNode('{% for x in items %}{% if x is even %}{{ x }}{% endif %}{% else %}none{% endfor %}');
    assert.equal(node.kind, 'for');
    if (node.kind !== 'for') return;
    assert.equal(node.variable.name, 'x');
    assert.equal(formatExpression(node.iterable), 'items');
    assert.equal(node.body[0]?.kind, 'if');
    assert.deepEqual(
      node.otherwise?.body.map((n) => n.kind),
      ['text'],
    );
    assert.deepEqual(node.endTag, { start: 70, end: 82 });
  });

  test('for over a range and a filtered list', () => {
    const node = onlyNode("{% for i in 1..3 | join(',') %}{% endfor %}");
    assert.equal(node.kind === 'for' && formatExpression(node.iterable), "((1 .. 3) | join(','))");
  });

  test('set', () => {
    const node = onlyNode('{% set total = a | length + 1 %}');
    assert.equal(node.kind, 'set');
    if (node.kind !== 'set') return;
    assert.deepEqual(node.name, { name: 'total', start: 7, end: 12 });
    assert.equal(formatExpression(node.value), '((a | length) + 1)');
  });

  test('macro with defaults', () => {
    const node = onlyNode("{% macro greet(name, greeting='Hi') %}{{ greeting ~ name }}{% endmacro %}");
    assert.equal(node.kind, 'macro');
    if (node.kind !== 'macro') return;
    assert.equal(node.name.name, 'greet');
    assert.deepEqual(
      node.params.map((p) => [p.name.name, p.defaultValue && formatExpression(p.defaultValue)]),
      [
        ['name', null],
        ['greeting', "'Hi'"],
      ],
    );
    assert.equal(node.body.length, 1);
  });

  test('filter block', () => {
    const node = onlyNode("{% filter upper | replace({'A': 'B'}) %}a{% endfilter %}");
    assert.equal(node.kind, 'filterBlock');
    if (node.kind !== 'filterBlock') return;
    assert.deepEqual(
      node.filters.map((f) => f.filter.name),
      ['upper', 'replace'],
    );
    assert.equal(node.filters[1]?.args?.items.length, 1);
  });

  test('block with a repeated name, as name or string', () => {
    for (const text of [
      '{% block body %}x{% endblock body %}',
      "{% block 'body' %}x{% endblock 'body' %}",
      '{% block body %}x{% endblock %}',
    ]) {
      const node = onlyNode(text);
      assert.equal(node.kind === 'block' && node.name.name, 'body', text);
    }
  });

  test('whitespace control trims the neighbouring text', () => {
    const { ast, errors } = parseTemplate('a \n {{- x -}} \n b {%- if y -%}  c  {%- endif %}');
    assert.deepEqual(errors, []);
    const [first, print, second, ifNode] = ast.body;
    assert.equal(first?.kind === 'text' && first.value, 'a');
    assert.equal(print?.kind === 'print' && print.trimBefore && print.trimAfter, true);
    assert.equal(second?.kind === 'text' && second.value, 'b');
    const inner = ifNode?.kind === 'if' ? ifNode.branches[0]?.body[0] : undefined;
    assert.equal(inner?.kind === 'text' && inner.value, 'c');
  });

  test('{{-x}} is unary minus, not whitespace control', () => {
    const { ast, errors } = parseTemplate(' {{-x}}');
    assert.deepEqual(errors, []);
    const [text, print] = ast.body;
    assert.equal(text?.kind === 'text' && text.value, ' ');
    assert.equal(print?.kind === 'print' && !print.trimBefore && formatExpression(print.expression), '(-x)');
  });

  test('newlines after tags are kept (Kestra disables newLineTrimming)', () => {
    const { ast } = parseTemplate('{{ a }}\nb');
    assert.equal(ast.body[1]?.kind === 'text' && ast.body[1].value, '\nb');
  });

  test('comments', () => {
    const { ast, errors } = parseTemplate('a {# note {{ x }} #} b {#- c -#}  d');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      ast.body.map((n) => [n.kind, 'value' in n ? n.value : '']),
      [
        ['text', 'a '],
        ['comment', ' note {{ x }} '],
        ['text', ' b'],
        ['comment', 'c -'],
        ['text', 'd'],
      ],
    );
  });

  test('verbatim keeps tags as text', () => {
    const node = onlyNode('{% verbatim %}  {{ x }} {% if %}{% endverbatim %}');
    assert.equal(node.kind, 'verbatim');
    assert.equal(node.kind === 'verbatim' && node.value, '{{ x }} {% if %}');
    assert.deepEqual(node.kind === 'verbatim' && [node.contentStart, node.contentEnd], [14, 32]);
  });

  test('one-line raw keeps tags as text', () => {
    const node = onlyNode('{% raw %}{{ not templated }}{%- endraw %}');
    assert.equal(node.kind === 'raw' && node.value, '{{ not templated }}');
    assert.deepEqual(node.kind === 'raw' && [node.start, node.end, node.contentStart, node.contentEnd], [0, 41, 9, 28]);
  });

  test('a stray }} in data text is text, as in Pebble', () => {
    const { ast, errors } = parseTemplate('{{ a }} }} b');
    assert.deepEqual(errors, []);
    assert.equal(ast.body[1]?.kind === 'text' && ast.body[1].value, ' }} b');
  });

  test('closing delimiters inside brackets close the brackets', () => {
    assert.equal(grouped("{'a':{'b':1}}"), "{'a': {'b': 1}}");
  });

  test('a realistic Kestra template', () => {
    const text =
      "{% set d = trigger.date ?? execution.startDate | date('yyyy-MM-dd') %}" +
      "{% for item in outputs.fetch.body | jq('.items[]') %}{{ loop.index }}: {{ item.name | upper }}{% endfor %}" +
      "{{ inputs.enabled ? 'on' : 'off' }} {{ outputs['my-task'].vars.count is defined }}";
    const { ast, errors } = parseTemplate(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      ast.body.map((n) => n.kind),
      ['set', 'for', 'print', 'text', 'print'],
    );
  });
});
