import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration, formatDuration, toIsoDuration } from '../../server/src/core/util/duration';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

const valid: [string, number][] = [
  ['PT30S', 30 * S],
  ['P1D', D],
  ['PT1H30M', H + 30 * MIN],
  ['PT0.5S', 500],
  ['-PT5M', -5 * MIN],
  ['+PT1M', MIN],
  ['30', 30 * S],
  ['1.5', 1500],
  ['-10', -10 * S],
  ['pt15m', 15 * MIN], // Java's pattern ignores case
  ['P2DT3H4M5.678S', 2 * D + 3 * H + 4 * MIN + 5678],
  ['PT-6H3M', -6 * H + 3 * MIN], // each part may carry its own sign
  ['PT-0.5S', -500], // the fraction follows the sign of its seconds
  ['PT1,5S', 1500], // Java also takes a comma
  ['PT1.S', S], // an empty fraction is allowed by Java
  ['PT48H', 48 * H],
  ['PT0S', 0],
  ['  PT1M ', MIN],
  ['P1DT12H', D + 12 * H],
];

for (const [text, ms] of valid) {
  test(`duration ${JSON.stringify(text)} = ${ms} ms`, () => {
    assert.deepEqual(parseDuration(text), { ms });
  });
}

const invalid: [string, RegExp][] = [
  ['P1W', /Weeks are not supported.*P7D/],
  ['P1Y', /Years are not supported/],
  ['P2M', /Months are not supported.*PT2M/],
  ['PT', /no time part after T/],
  ['P', /has no part/],
  ['P1DT', /ends with T/],
  ['1h', /write PT1H\./],
  ['1h30m', /write PT1H30M\./],
  ['30s', /write PT30S\./],
  ['2 days', /write P2D\./],
  ['500ms', /write PT0\.5S\./],
  ['1.5h', /write PT1H30M\./],
  ['PT1.5H', /Only seconds may have a fraction.*write PT1H30M\./],
  ['P1.5D', /Only seconds may have a fraction.*write P1DT12H\./],
  ['P1H', /need a T after P.*PT1H/],
  ['PT.5S', /not a valid ISO-8601 duration/],
  ['', /empty/],
  ['soon', /not a duration/],
  ['PT5M30', /not a valid ISO-8601 duration/],
];

for (const [text, message] of invalid) {
  test(`bad duration ${JSON.stringify(text)}`, () => {
    const result = parseDuration(text);
    assert.ok('error' in result, JSON.stringify(result));
    assert.match(result.error, message);
  });
}

test('formatDuration is compact and keeps every unit', () => {
  assert.equal(formatDuration(H + 30 * MIN), '1 h 30 min');
  assert.equal(formatDuration(30 * S), '30 s');
  assert.equal(formatDuration(2 * D + 4 * H), '2 d 4 h');
  assert.equal(formatDuration(1500), '1 s 500 ms');
  assert.equal(formatDuration(0), '0 s');
  assert.equal(formatDuration(-5 * MIN), '-5 min');
});

test('toIsoDuration writes the canonical form', () => {
  assert.equal(toIsoDuration(H + 30 * MIN), 'PT1H30M');
  assert.equal(toIsoDuration(D), 'P1D');
  assert.equal(toIsoDuration(500), 'PT0.5S');
  assert.equal(toIsoDuration(0), 'PT0S');
  assert.equal(toIsoDuration(-5 * MIN), '-PT5M');
});

test('toIsoDuration output parses back to the same value', () => {
  for (const ms of [1, 999, 61 * S, 25 * H + 1, 3 * D + 7 * MIN]) {
    assert.deepEqual(parseDuration(toIsoDuration(ms)), { ms });
  }
});
