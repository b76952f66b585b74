import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ParseResult } from '../../../server/src/core/expressions/ast';
import { tokenize } from '../../../server/src/core/expressions/lexer';
import { parseTemplate } from '../../../server/src/core/expressions/parser';
import { deriveSeed, Prng } from '../../helpers/prng';

/*
 * Random and hostile templates: the lexer and parser must never throw, every error and every node must
 * lie inside the text, and every node inside its parent. Replay one case with KFS_TEMPLATE_FUZZ_SEED.
 */
const SEED = Number(process.env['KFS_TEMPLATE_FUZZ_SEED'] ?? 0x7e3a_2024) >>> 0;
const CASES = 4000;

const FRAGMENTS = [
  '{{',
  '}}',
  '{%',
  '%}',
  '{#',
  '#}',
  '{{-',
  '-}}',
  '{%-',
  '-%}',
  '-',
  ' ',
  '  ',
  '\n',
  '\t',
  'a',
  'b.c',
  'x[0]',
  "['k']",
  'if',
  'elseif',
  'else',
  'endif',
  'for',
  'in',
  'endfor',
  'set',
  '=',
  'macro',
  'endmacro',
  'filter',
  'endfilter',
  'block',
  'endblock',
  'raw',
  'endraw',
  'verbatim',
  'endverbatim',
  'include',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#{',
  '#',
  '\\',
  '|',
  'upper',
  'is',
  'not',
  'is not',
  'defined',
  'and',
  'or',
  'contains',
  'isIn',
  '..',
  '??',
  '???',
  '?',
  ':',
  ',',
  '~',
  '+',
  '*',
  '/',
  '%',
  '==',
  '!=',
  '<',
  '>=',
  '1',
  '2.5',
  '3L',
  'true',
  'null',
  'f(',
  'g(x=1)',
  '&&',
  '!',
  '@',
  'é',
  '日本',
  '\u3000',
  '\u2028',
  '{% raw %}',
  '{% endraw %}',
  '{% verbatim %}',
  '{% endverbatim %}',
  '{% if a %}',
  '{% endif %}',
  '{{ outputs.t.value }}',
  '"a#{b}c"',
  "'it\\'s'",
  '{# c #}',
];

const SAMPLES = [
  "{% set d = trigger.date ?? execution.startDate | date('yyyy-MM-dd') %}{{ d }}",
  "{% for item in outputs.fetch.body | jq('.items[]') %}{{ loop.index }}: {{ item.name | upper }}{% else %}none{% endfor %}",
  "{{ inputs.enabled ? 'on' : 'off' }} {{ outputs['my-task'].vars.count is defined }}",
  '{% if a %}x{% elseif b %}y{% else %}z{% endif %}',
  '{% macro m(a, b="d#{e}") %}{{ a ~ b }}{% endmacro %}{{ m(1, b=2) }}',
  "{% filter upper | replace({'A': 'B'}) %}x{% endfilter %}{% raw %}{{ x }}{% endraw %}{% verbatim %}{{ y }}{% endverbatim %}",
];

function randomTemplate(rng: Prng): string {
  if (rng.chance(0.3)) {
    // mutate a realistic template
    let text = rng.pick(SAMPLES);
    for (let k = rng.between(1, 4); k > 0; k--) {
      const at = rng.int(text.length + 1);
      text = rng.chance(0.5)
        ? text.slice(0, at) + rng.pick(FRAGMENTS) + text.slice(at)
        : text.slice(0, at) + text.slice(at + rng.between(1, 5));
    }
    return text;
  }
  let text = '';
  for (let k = rng.int(40); k > 0; k--) text += rng.pick(FRAGMENTS);
  return text;
}

type SpanLike = { start: number; end: number };

/** Every object with numeric start/end lies inside the nearest enclosing one. */
function checkSpans(value: unknown, parent: SpanLike, where: string): void {
  if (Array.isArray(value)) {
    for (const item of value) checkSpans(item, parent, where);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  let here = parent;
  if (typeof node['start'] === 'number' && typeof node['end'] === 'number') {
    here = { start: node['start'], end: node['end'] };
    assert.ok(
      here.start <= here.end && here.start >= parent.start && here.end <= parent.end,
      `${where}: ${JSON.stringify(here)} (${String(node['kind'] ?? 'span')}) outside ${JSON.stringify(parent)}`,
    );
  }
  for (const child of Object.values(node)) checkSpans(child, here, where);
}

function checkResult(text: string, result: ParseResult, where: string): void {
  for (const e of result.errors) {
    assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${where}: error outside the text ${JSON.stringify(e)}`);
    assert.ok(!e.message.startsWith('Internal'), `${where}: ${e.message}`);
    assert.ok(e.message.length > 0);
  }
  checkSpans(result.ast, { start: 0, end: text.length }, where);
  let last = 0;
  for (const t of tokenize(text).tokens) {
    assert.ok(t.start >= last && t.end >= t.start && t.end <= text.length, `${where}: token ${JSON.stringify(t)}`);
    last = t.end;
  }
}

function run(text: string, where: string): ParseResult {
  let result: ParseResult | undefined;
  assert.doesNotThrow(() => {
    result = parseTemplate(text);
  }, where);
  assert.ok(result);
  checkResult(text, result, where);
  return result;
}

describe('template fuzz', () => {
  test(`${CASES} random templates (seed ${SEED})`, () => {
    for (let i = 0; i < CASES; i++) {
      const text = randomTemplate(new Prng(deriveSeed(SEED, i)));
      run(text, `case ${i} ${JSON.stringify(text)}`);
    }
  });

  test('every prefix of the samples (typing in progress)', () => {
    for (const sample of SAMPLES) {
      for (let n = 0; n <= sample.length; n++) run(sample.slice(0, n), JSON.stringify(sample.slice(0, n)));
    }
  });
});

describe('large and hostile templates parse without throwing', () => {
  const repeat = (s: string, bytes: number) => s.repeat(Math.ceil(bytes / s.length));

  test('a 100 KB realistic template', () => {
    const text = repeat(SAMPLES.join('\n') + '\n', 100_000);
    const { ast, errors } = run(text, '100 KB');
    assert.deepEqual(errors, []);
    assert.ok(ast.body.length > 1000);
  });

  test('a 100 KB single expression', () => {
    const { errors } = run(`{{ ${repeat('a.b | f(1) + ', 100_000)}1 }}`, 'long chain');
    assert.deepEqual(errors, []);
  });

  const HOSTILE: [string, string][] = [
    ['deep parentheses', '{{ ' + '('.repeat(50_000) + 'a' + ')'.repeat(50_000) + ' }}'],
    ['deep unary chain', '{{ ' + 'not '.repeat(30_000) + 'a }}'],
    ['deep ternary chain', '{{ ' + 'a ? b : '.repeat(20_000) + 'c }}'],
    ['deep brackets unclosed', '{{ ' + '[{('.repeat(30_000)],
    ['nested ifs', '{% if a %}'.repeat(20_000) + '{% endif %}'.repeat(20_000)],
    ['unclosed ifs', '{% if a %}x'.repeat(20_000)],
    ['stray end tags', '{% endif %}'.repeat(20_000)],
    ['unclosed double quotes', '{{ ' + '"\\'.repeat(50_000)],
    ['unclosed interpolations', '{{ ' + '"#{'.repeat(30_000)],
    ['unclosed single quotes', "{{ \\'".repeat(30_000)],
    ['unclosed comments', '{#'.repeat(50_000)],
    ['unclosed verbatim', '{% verbatim %}'.repeat(10_000)],
    ['unclosed raw on one line', '{% raw %}x'.repeat(10_000)],
    ['unclosed raw on many lines', '{% raw %}x\n'.repeat(10_000)],
    ['many print starts', '{{'.repeat(50_000)],
    ['many closers', '}}%}#}'.repeat(30_000)],
    ['bad characters', '{{ ' + '&@$`;'.repeat(20_000) + ' }}'],
    ['many tags with errors', '{{ a + }}'.repeat(10_000)],
  ];
  for (const [name, text] of HOSTILE) test(name, () => void run(text, name));
});
