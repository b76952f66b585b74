import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTemplate } from '../../../server/src/core/expressions/parser';

/** [template, expected errors as [phrase the message contains, start, end]] */
type Case = [string, [string, number, number][]];

const CASES: Case[] = [
  // unclosed delimiters
  ['{{ }}', [['Unexpected "}}": expected an expression', 3, 5]]],
  ['{{-}}', [['Unexpected "-}}": expected an expression', 2, 5]]],
  ['{{ a', [['Unclosed "{{": "}}" is missing', 0, 2]]],
  ['x {{ outputs.', [['Unclosed "{{"', 2, 4]]],
  ['{{ a + b } }}', [['Unexpected "}": expected "}}"', 9, 10]]],
  ['{{ [ }}', [['Unclosed "[": expected "]" before "}}"', 3, 4]]],
  [
    '{% if a',
    [
      ['Unclosed "{%": "%}" is missing', 0, 2],
      ['Unclosed "if": "{% endif %}" is missing', 0, 7],
    ],
  ],
  ['{# a', [['Unclosed comment', 0, 2]]],
  ['a {#- b {{ x }}', [['Unclosed comment', 2, 5]]],
  ['{% verbatim %}x', [['Unclosed verbatim tag', 0, 14]]],
  ['{{ "abc }}', [['Unclosed string: the closing " is missing', 3, 4]]],
  ["{{ 'abc }}", [["Unclosed string: the closing ' is missing", 3, 4]]],
  ['{{ "a#{b}c }} {{ d }}', [['Unclosed string', 3, 4]]],
  ['{{ "#{ a b }" }}', [['Unexpected "b": expected "}"', 9, 10]]],
  ['{{ "#{}" }}', [['Unexpected "}": expected an expression', 6, 7]]],
  // wrong or stray closing delimiters
  ['{% if a }}x{% endif %}', [['"{%" must be closed by "%}", not "}}"', 8, 10]]],
  ['{{ a %}', [['"{{" must be closed by "}}", not "%}"', 5, 7]]],
  ['{{ a ) }}', [['Unexpected ")": expected "}}"', 5, 6]]],
  ['{{ a } }}', [['Unexpected "}": expected "}}"', 5, 6]]],
  // brackets
  ['{{ (a }}', [['Unclosed "(": expected ")" before "}}"', 3, 4]]],
  ['{{ [1, 2 }}', [['Unclosed "["', 3, 4]]],
  ['{{ f(a }}', [['Unclosed "(": expected ")" before "}}"', 4, 5]]],
  ['{{ (a] }}', [['Unclosed "(": expected ")" before "]"', 3, 4]]],
  ["{{ {'a': 1 }}", [['Unclosed "{{"', 0, 2]]],
  ['{{ f(a b) }}', [['Unexpected "b": expected "," or ")"', 7, 8]]],
  ['{{ [a b] }}', [['Unexpected "b": expected "," or "]"', 6, 7]]],
  ["{{ {'a' 1} }}", [['Unexpected "1": expected ":"', 8, 9]]],
  ['{{ a.b( }}', [['Unclosed "("', 6, 7]]],
  // missing operands and unknown operators
  ['{{ a + }}', [['Unexpected "}}": expected an expression', 7, 9]]],
  ['{{ not }}', [['Unexpected "}}": expected an expression', 7, 9]]],
  ['{{ a b }}', [['Unexpected "b": expected "}}"', 5, 6]]],
  ['{{ a ? b }}', [['Unexpected "}}": expected ":"', 9, 11]]],
  ['{{ a | }}', [['Unexpected "}}": expected a filter name after "|"', 7, 9]]],
  ['{{ a is }}', [['expected a test name after "is"', 8, 10]]],
  ['{{ a is  not null }}', [['Unexpected "not": expected a test name', 9, 12]]],
  ['{{ a && b }}', [['Unexpected character "&&": use "and"', 5, 7]]],
  ['{{ !a }}', [['Unexpected character "!": use "not"', 3, 4]]],
  ['{{ a || b }}', [['expected a filter name after "|" (use "or")', 6, 7]]],
  ['{{ a === b }}', [['(use "==")', 7, 8]]],
  ['{{ a !== b }}', [['(use "!=")', 7, 8]]],
  ['{{ 2 ** 3 }}', [['Pebble has no power operator', 6, 7]]],
  ['{{ 7 // 2 }}', [['Pebble has no "//" operator', 6, 7]]],
  ['{{ a = b }}', [['Unexpected "=": expected "}}" (use "==" to compare)', 5, 6]]],
  ['{{ a @ b }}', [['Unexpected character "@"', 5, 6]]],
  ['{{ a in b }}', [['Unexpected "in": expected "}}" (Pebble has no "in" operator: use "isIn" or "contains")', 5, 7]]],
  ['{{ a <> b }}', [['(use "!=")', 6, 7]]],
  ['{{ constructor toString }}', [['Unexpected "toString": expected "}}"', 15, 23]]],
  ['{{ 10l }}', [['Unexpected "l": expected "}}"', 5, 6]]],
  ['{{ 99999999999999999999 }}', [['too large for a Java long', 3, 23]]],
  ["{{ 'a' 'b' }}", [[`Unexpected "'b'": expected "}}"`, 7, 10]]],
  // postfix rules
  ['{{ a.1 }}', [['a number cannot follow "."; write [1]', 5, 6]]],
  ['{{ a.and }}', [[`"and" is an operator and cannot follow "."; write ['and']`, 5, 8]]],
  ['{{ a.b.c. }}', [['expected an attribute name after "."', 10, 12]]],
  ['{{ [1, 2][0] }}', [['directly after a list or map literal', 9, 10]]],
  ['{{ f(1)(2) }}', [['Only a function or macro name can be called', 7, 8]]],
  ['{{ a.b(x=1) }}', [['Named arguments cannot be used when calling a method', 7, 10]]],
  // arguments
  ['{{ f(a, ) }}', [['Unexpected ")": expected an expression', 8, 9]]],
  ['{{ f(a=1, b) }}', [['Positional arguments must come before named arguments', 10, 11]]],
  ['{{ x | default(b=1, 2) }}', [['Positional arguments must come before named arguments', 20, 21]]],
  ['{{ x | f(a=) }}', [['Unexpected ")": expected an expression', 11, 12]]],
  ['{{ f(true=1) }}', [['Cannot assign a value to "true"', 5, 9]]],
  // tags
  ['{% endif %}', [['"endif" without a matching "if"', 3, 8]]],
  ['{% else %}', [['"else" without a matching "if" or "for"', 3, 7]]],
  ['{% elseif a %}', [['"elseif" without a matching "if"', 3, 9]]],
  ['{% endfor %}', [['"endfor" without a matching "for"', 3, 9]]],
  ['{% endverbatim %}', [['"endverbatim" without a matching "verbatim"', 3, 14]]],
  ['{% if a %}x', [['Unclosed "if": "{% endif %}" is missing', 0, 10]]],
  ['{% for x in y %}x', [['Unclosed "for": "{% endfor %}" is missing', 0, 16]]],
  ['{% macro m() %}x', [['Unclosed "macro"', 0, 15]]],
  ['{% filter upper %}x', [['Unclosed "filter"', 0, 18]]],
  [
    '{% if a %}{% endfor %}',
    [
      ['Unclosed "if"', 0, 10],
      ['"endfor" without a matching "for"', 13, 19],
    ],
  ],
  ['{% for x in y %}{% if a %}{% endfor %}', [['Unclosed "if"', 16, 26]]],
  ['{% if a %}{% else %}{% else %}{% endif %}', [['"else" after the "else" of this "if"', 23, 27]]],
  ['{% if a %}{% else %}{% elseif b %}{% endif %}', [['"elseif" after the "else" of this "if"', 23, 29]]],
  ['{% for x in y %}{% else %}{% else %}{% endfor %}', [['"else" after the "else" of this "for"', 29, 33]]],
  ['{% foo %}', [['Unknown tag "foo" (Pebble: Unexpected tag name "foo")', 3, 6]]],
  ["{% include 'x' %}", [['The "include" tag is not available in Kestra', 3, 10]]],
  ["{% extends 'base' %}", [['The "extends" tag is not available in Kestra', 3, 10]]],
  ['{% %}', [['A tag must start with its name', 0, 5]]],
  ['{% 1 %}', [['A tag must start with its name', 0, 4]]],
  ['{% if %}{% endif %}', [['Unexpected "%}": expected an expression', 6, 8]]],
  ['{% if a b %}{% endif %}', [['Unexpected "b": expected "%}"', 8, 9]]],
  ['{% if a %}{% endif x %}', [['Unexpected "x": expected "%}"', 19, 20]]],
  ['{% set true = 1 %}', [['Cannot assign a value to "true"', 7, 11]]],
  ['{% set none = 1 %}', [['Cannot assign a value to "none"', 7, 11]]],
  ['{% set x 1 %}', [['Unexpected "1": expected "="', 9, 10]]],
  ['{% set x == 1 %}', [['Unexpected "==": expected "="', 9, 11]]],
  ['{% for k, v in map %}{% endfor %}', [['A Pebble for loop takes one variable', 7, 11]]],
  ['{% for x of y %}{% endfor %}', [['Unexpected "of": expected "in"', 9, 11]]],
  ['{% for in y %}{% endfor %}', [['Unexpected "y": expected "in"', 10, 11]]],
  ['{% macro m %}{% endmacro %}', [['Unexpected "%}": expected "("', 11, 13]]],
  ['{% macro m(a b) %}{% endmacro %}', [['Unexpected "b": expected "," or ")"', 13, 14]]],
  ['{% filter %}x{% endfilter %}', [['expected a filter name after "|"', 10, 12]]],
  ['{% block %}x{% endblock %}', [['Unexpected "%}": expected a block name', 9, 11]]],
  ['{% block a %}x{% endblock b %}', [['"endblock" names "b" but the block is "a"', 26, 27]]],
  // Kestra's raw handling
  ['{% raw %}\n{{ x }}\n{% endraw %}', [['Kestra only recognises "{% raw %}…{% endraw %}" on a single line', 0, 9]]],
  ['{% raw %}x', [['Unclosed raw block', 0, 9]]],
  [
    '{% raw 2 %}x{% endraw %}',
    [
      ['Unknown tag "raw"', 3, 6],
      ['"endraw" without a matching "raw"', 15, 21],
    ],
  ],
  // one error per tag, every tag checked
  [
    '{{ a + }} ok {{ b b }} {% endif %} {{ c }}',
    [
      ['Unexpected "}}": expected an expression', 7, 9],
      ['Unexpected "b": expected "}}"', 18, 19],
      ['"endif" without a matching "if"', 26, 31],
    ],
  ],
  ['{{ a & b & c }}', [['Unexpected character "&"', 5, 6]]],
];

describe('parse errors', () => {
  for (const [text, expected] of CASES) {
    test(JSON.stringify(text), () => {
      const { errors } = parseTemplate(text);
      const got = errors.map((e) => [e.message, e.start, e.end] as const);
      assert.equal(got.length, expected.length, `errors: ${JSON.stringify(got)}`);
      expected.forEach(([phrase, start, end], i) => {
        const [message, s, e] = got[i] ?? ['', -1, -1];
        assert.ok(message.includes(phrase), `message ${JSON.stringify(message)} should contain ${JSON.stringify(phrase)}`);
        assert.deepEqual([s, e], [start, end], `range of ${JSON.stringify(message)}`);
      });
    });
  }
});

describe('accepted by Pebble, so no error', () => {
  const OK = [
    'plain text with } and }} and %} and #}',
    '{{ a }} }}',
    'bash ${arr[@]} and { single brace',
    '{{ {} }}',
    '{{ [] }}',
    "{{ '' }}",
    '{{ "" }}',
    '{{ "#" }}',
    '{{ "a#b#{c}#" }}',
    '{{ "#{a}" \'b\' }}',
    '{{ a.b.c.d[0][1] }}',
    '{{ organization.android_isInternal }}',
    '{% set TRUE = 1 %}',
    '{{ f(none_=1) }}',
    '{% if a %}{% elseif b %}{% elseif c %}{% endif %}',
    '{% for x in [] %}{% else %}{% endfor %}',
    '{%- if a -%} x {%- endif -%}',
    '{#- comment -#}',
    '{% verbatim -%} x {%- endverbatim %}',
    '{% raw %}{% endraw %}',
    '{%- raw -%}{{ {%- endraw -%}',
    "{{ 'multi\nline' }}",
    '{{\n a\n +\n b\n}}',
    '{{ a\u3000+ b }}',
  ];
  for (const text of OK) test(JSON.stringify(text), () => assert.deepEqual(parseTemplate(text).errors, []));
});
