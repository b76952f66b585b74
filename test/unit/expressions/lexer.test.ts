import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenize, type Token } from '../../../server/src/core/expressions/lexer';

/** `TYPE value` for every token but EOF. */
function tokens(text: string): string[] {
  return tokenize(text)
    .tokens.filter((t) => t.type !== 'EOF')
    .map((t) => `${t.type} ${t.value}`);
}

/** The tokens between the delimiters of `{{ src }}`, as `TYPE value`. */
function inner(src: string): string[] {
  const all = tokens(`{{ ${src} }}`);
  return all.slice(1, -1);
}

function find(text: string, type: Token['type']): Token {
  const t = tokenize(text).tokens.find((x) => x.type === type);
  assert.ok(t, `no ${type} in ${text}`);
  return t;
}

describe('lexer', () => {
  test('a print tag with ranges', () => {
    const { tokens: all, errors } = tokenize("{{ a.b | f(1, x='y') }}");
    assert.deepEqual(errors, []);
    assert.deepEqual(
      all.map((t) => [t.type, t.value, t.start, t.end]),
      [
        ['PRINT_START', '{{', 0, 2],
        ['NAME', 'a', 3, 4],
        ['PUNCTUATION', '.', 4, 5],
        ['NAME', 'b', 5, 6],
        ['OPERATOR', '|', 7, 8],
        ['NAME', 'f', 9, 10],
        ['PUNCTUATION', '(', 10, 11],
        ['NUMBER', '1', 11, 12],
        ['PUNCTUATION', ',', 12, 13],
        ['NAME', 'x', 14, 15],
        ['PUNCTUATION', '=', 15, 16],
        ['STRING', 'y', 16, 19],
        ['PUNCTUATION', ')', 19, 20],
        ['PRINT_END', '}}', 21, 23],
        ['EOF', '', 23, 23],
      ],
    );
  });

  test('operators: longest first, words need a non-word character after them', () => {
    assert.deepEqual(inner('a is not b'), ['NAME a', 'OPERATOR is not', 'NAME b']);
    assert.deepEqual(inner('a is  not b'), ['NAME a', 'OPERATOR is', 'OPERATOR not', 'NAME b']);
    assert.deepEqual(inner('a isIn b'), ['NAME a', 'OPERATOR isIn', 'NAME b']);
    assert.deepEqual(inner('isInternal is_x notes android organization'), [
      'NAME isInternal',
      'NAME is_x',
      'NAME notes',
      'NAME android',
      'NAME organization',
    ]);
    assert.deepEqual(inner('a ??? b ?? c'), ['NAME a', 'OPERATOR ???', 'NAME b', 'OPERATOR ??', 'NAME c']);
    assert.deepEqual(inner('a<=b!=c>=d<e'), [
      'NAME a',
      'OPERATOR <=',
      'NAME b',
      'OPERATOR !=',
      'NAME c',
      'OPERATOR >=',
      'NAME d',
      'OPERATOR <',
      'NAME e',
    ]);
    assert.deepEqual(inner('a~b|c'), ['NAME a', 'OPERATOR ~', 'NAME b', 'OPERATOR |', 'NAME c']);
    assert.deepEqual(inner('x contains y equals z'), ['NAME x', 'OPERATOR contains', 'NAME y', 'OPERATOR equals', 'NAME z']);
    // Pebble's lookahead is ASCII only: a non-ASCII letter after a word operator splits it off.
    assert.deepEqual(inner('oré'), ['OPERATOR or', 'NAME é']);
  });

  test('numbers', () => {
    assert.deepEqual(inner('1..3'), ['NUMBER 1', 'OPERATOR ..', 'NUMBER 3']);
    assert.deepEqual(inner('12L 1.5 007'), ['NUMBER 12L', 'NUMBER 1.5', 'NUMBER 007']);
    assert.deepEqual(inner('1.'), ['NUMBER 1', 'PUNCTUATION .']);
    assert.deepEqual(inner('12l'), ['NUMBER 12', 'NAME l']);
    assert.deepEqual(inner('1.2.3'), ['NUMBER 1.2', 'PUNCTUATION .', 'NUMBER 3']);
    assert.deepEqual(inner('-1'), ['OPERATOR -', 'NUMBER 1']);
  });

  test('names: Unicode letters and digits, no $ or -', () => {
    assert.deepEqual(inner('ñame_2 日本'), ['NAME ñame_2', 'NAME 日本']);
    assert.deepEqual(inner('my-task'), ['NAME my', 'OPERATOR -', 'NAME task']);
  });

  test('plain strings unescape only their own quote', () => {
    assert.deepEqual(inner("'it\\'s'"), ["STRING it's"]);
    assert.deepEqual(inner('"say \\"hi\\""'), ['STRING say "hi"']);
    assert.deepEqual(inner("'a\\nb\\\\'"), ['STRING a\\nb\\\\']);
    assert.deepEqual(inner(`'a"b' "a'b"`), [`STRING a"b`, `STRING a'b`]);
    assert.deepEqual(inner("'#{x}'"), ['STRING #{x}']);
    assert.deepEqual(inner("'multi\nline'"), ['STRING multi\nline']);
  });

  test('double-quoted strings with # are lexed in parts', () => {
    const { tokens: all, errors } = tokenize('{{ "a#b#{x ~ "y"}\\"c" }}');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      all.slice(1, -2).map((t) => [t.type, t.value, t.start, t.end]),
      [
        ['STRING_START', '"', 3, 4],
        ['STRING_PART', 'a#b', 4, 7],
        ['INTERPOLATION_START', '#{', 7, 9],
        ['NAME', 'x', 9, 10],
        ['OPERATOR', '~', 11, 12],
        ['STRING', 'y', 13, 16],
        ['INTERPOLATION_END', '}', 16, 17],
        ['STRING_PART', '\\"c', 17, 20],
        ['STRING_END', '"', 20, 21],
      ],
    );
    assert.deepEqual(inner('"#{ {\'a\': 1} }"'), [
      'STRING_START "',
      'INTERPOLATION_START #{',
      'PUNCTUATION {',
      'STRING a',
      'PUNCTUATION :',
      'NUMBER 1',
      'PUNCTUATION }',
      'INTERPOLATION_END }',
      'STRING_END "',
    ]);
  });

  test('closing delimiters only count outside brackets', () => {
    assert.deepEqual(inner("{'a':{'b':1}}"), [
      'PUNCTUATION {',
      'STRING a',
      'PUNCTUATION :',
      'PUNCTUATION {',
      'STRING b',
      'PUNCTUATION :',
      'NUMBER 1',
      'PUNCTUATION }',
      'PUNCTUATION }',
    ]);
    assert.deepEqual(tokens("{{ '}}' }}"), ['PRINT_START {{', 'STRING }}', 'PRINT_END }}']);
    assert.deepEqual(tokens('{% if "%}" %}'), ['EXECUTE_START {%', 'NAME if', 'STRING %}', 'EXECUTE_END %}']);
  });

  test('whitespace control', () => {
    assert.deepEqual(tokens('a \n {{- x -}} \n b'), ['TEXT a', 'PRINT_START {{-', 'NAME x', 'PRINT_END -}}', 'TEXT b']);
    assert.deepEqual(tokens(' {{-x}} '), ['TEXT  ', 'PRINT_START {{', 'OPERATOR -', 'NAME x', 'PRINT_END }}', 'TEXT  ']);
    assert.deepEqual(tokens('a {%- if b -%}\t c'), ['TEXT a', 'EXECUTE_START {%-', 'NAME if', 'NAME b', 'EXECUTE_END -%}', 'TEXT c']);
    const start = find('x {{- y }}', 'PRINT_START');
    assert.deepEqual([start.start, start.end, start.trim], [2, 5, true]);
    const end = find('{{ y -}}', 'PRINT_END');
    assert.deepEqual([end.start, end.end, end.trim], [5, 8, true]);
    // Java whitespace is trimmed, a no-break space is not.
    assert.deepEqual(tokens('a\u2003{{- x }}'), ['TEXT a', 'PRINT_START {{-', 'NAME x', 'PRINT_END }}']);
    assert.deepEqual(tokens('a\u00a0{{- x }}'), ['TEXT a\u00a0', 'PRINT_START {{-', 'NAME x', 'PRINT_END }}']);
  });

  test('comments', () => {
    assert.deepEqual(tokens('a {# c #} b'), ['TEXT a ', 'COMMENT  c ', 'TEXT  b']);
    assert.deepEqual(tokens('a {#- c -#} b'), ['TEXT a', 'COMMENT c -', 'TEXT b']);
    assert.deepEqual(tokens('{# c-#} b'), ['COMMENT  c-', 'TEXT  b']);
    assert.deepEqual(tokens('{# {{ x }} %} #}'), ['COMMENT  {{ x }} %} ']);
    const c = find('x{# c #}', 'COMMENT');
    assert.deepEqual([c.start, c.end], [1, 8]);
  });

  test('verbatim: always left-trimmed, right-trimmed with {%- endverbatim', () => {
    assert.deepEqual(tokens('{% verbatim %}  {{ x }}  {% endverbatim %}'), ['VERBATIM {{ x }}  ']);
    assert.deepEqual(tokens('{% verbatim %} {{ x }} {%- endverbatim -%}  y'), ['VERBATIM {{ x }}', 'TEXT y']);
    const v = find('a{%- verbatim %}x{% endverbatim %}', 'VERBATIM');
    assert.deepEqual([v.start, v.end, v.contentStart, v.contentEnd], [1, 34, 16, 17]);
    assert.deepEqual(tokens('a {%- verbatim %}x{% endverbatim %}'), ['TEXT a', 'VERBATIM x']);
  });

  test('raw: one line, tags trim nothing', () => {
    assert.deepEqual(tokens('a {%- raw -%} {{ x }} {% endraw %} b'), ['TEXT a ', 'RAW  {{ x }} ', 'TEXT  b']);
    assert.deepEqual(tokens('{% raw %}a{% endraw %}{% raw %}b{% endraw %}'), ['RAW a', 'RAW b']);
    const multi = tokenize('{% raw %}\n{{ x }}\n{% endraw %}');
    assert.deepEqual(
      multi.tokens.map((t) => t.type),
      ['RAW', 'EOF'],
    );
    assert.equal(multi.errors.length, 1);
  });

  test('lexical errors become ERROR tokens, one reported error per tag', () => {
    const { tokens: all, errors } = tokenize('{{ a & b & c }}{{ @ }}');
    assert.deepEqual(
      all.filter((t) => t.type === 'ERROR').map((t) => [t.value, t.start]),
      [
        ['&', 5],
        ['&', 9],
        ['@', 18],
      ],
    );
    assert.deepEqual(
      errors.map((e) => [e.start, e.end]),
      [
        [5, 6],
        [18, 19],
      ],
    );
    assert.equal(all[0]?.flawed, true);
  });

  test('an unclosed string is reported at its quote and lexing resumes after it', () => {
    assert.deepEqual(tokens('{{ "abc }} x'), ['PRINT_START {{', 'ERROR "', 'NAME abc', 'PRINT_END }}', 'TEXT  x']);
    assert.deepEqual(tokens("{{ 'abc }}"), ['PRINT_START {{', "ERROR '", 'NAME abc', 'PRINT_END }}']);
    assert.deepEqual(
      tokenize('{{ "a\\').errors.map((e) => [e.message, e.start]),
      [['Unclosed string: the closing " is missing', 3]],
    );
  });

  test('wrong closing delimiter closes the tag with an error', () => {
    const { tokens: all, errors } = tokenize('{% if a }}x');
    assert.deepEqual(
      all.map((t) => `${t.type} ${t.value}`),
      ['EXECUTE_START {%', 'NAME if', 'NAME a', 'EXECUTE_END }}', 'TEXT x', 'EOF '],
    );
    assert.equal(errors.length, 1);
  });

  test('a closing delimiter met inside ( or [ closes the tag', () => {
    assert.deepEqual(tokens('{{ f(a }} b'), ['PRINT_START {{', 'NAME f', 'PUNCTUATION (', 'NAME a', 'PRINT_END }}', 'TEXT  b']);
  });

  test('Java whitespace between tokens', () => {
    assert.deepEqual(inner('a\u3000\u2028+\u001fb'), ['NAME a', 'OPERATOR +', 'NAME b']);
    assert.deepEqual(inner('a\u00a0b').length, 3);
  });

  test('tokens are ordered, inside the text, and never throw', () => {
    const texts = [
      '',
      '{',
      '{{',
      '{%',
      '{#',
      '}}',
      '{{ "',
      '{{ "#{',
      '{{ "#{ "#{',
      "{{ '",
      '{% raw',
      '{% verbatim',
      '\\',
      '{{ \\',
      '{{ ( [ { "#{ ) ] }',
    ];
    for (const text of texts) {
      const { tokens: all } = tokenize(text);
      let last = 0;
      for (const t of all) {
        assert.ok(t.start >= last && t.end >= t.start && t.end <= text.length, `${JSON.stringify(text)}: ${JSON.stringify(t)}`);
        last = t.end;
      }
      assert.equal(all[all.length - 1]?.type, 'EOF');
    }
  });
});
