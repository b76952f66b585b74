import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCron, describeCron, nextRuns } from '../../server/src/core/util/cron';

// [expression, withSeconds]
const valid: [string, boolean][] = [
  ['* * * * *', false],
  ['*/15 * * * *', false],
  ['0 9 * * 1-5', false],
  ['30 6 * * *', false],
  ['0 0 1 1 *', false],
  ['0 0 1,15 * *', false],
  ['0 8-18/2 * * MON-FRI', false],
  ['0 0 * JAN,jul *', false],
  ['0 0 * * 0', false],
  ['0 0 * * 7', false],
  ['0 0 * * 0-7', false],
  ['0 0 * * SUN-SAT', false],
  ['0 0 * * MON-SUN', false],
  ['5/15 * * * *', false],
  ['/10 * * * *', false],
  ['59 23 31 12 6', false],
  ['0  0   * * *', false],
  ['30 0 9 * * 1-5', true],
  ['*/30 * * * * *', true],
  ['@daily', false],
  ['@hourly', false],
  ['@yearly', true],
  ['@midnight', false],
];

for (const [expr, withSeconds] of valid) {
  test(`valid cron ${JSON.stringify(expr)}${withSeconds ? ' (withSeconds)' : ''}`, () => {
    assert.deepEqual(validateCron(expr, withSeconds), []);
  });
}

// [expression, withSeconds, expected start, expected end, message fragment]
const invalid: [string, boolean, number, number, RegExp][] = [
  ['', false, 0, 0, /empty/],
  ['0 24 * * *', false, 2, 4, /Hour 24 is out of range 0–23/],
  ['60 * * * *', false, 0, 2, /Minute 60 is out of range 0–59/],
  ['0 0 0 * *', false, 4, 5, /Day-of-month 0 is out of range 1–31/],
  ['0 0 1,32 * *', false, 6, 8, /Day-of-month 32/],
  ['0 0 * 13 *', false, 6, 8, /Month 13 is out of range 1–12/],
  ['0 0 * * 8', false, 8, 9, /Day-of-week 8 is out of range 0–7/],
  ['60 0 0 * * *', true, 0, 2, /Second 60/],
  ['0 0 * * * *', false, 0, 11, /withSeconds: true/],
  ['0 0 * * *', true, 0, 9, /6 fields/],
  ['0 0 * *', false, 0, 7, /4 fields/],
  ['0 0 * * * * *', false, 0, 13, /7 fields/],
  ['0 22-2 * * *', false, 2, 6, /runs backwards.*22-23,0-2/],
  ['*/0 * * * *', false, 2, 3, /step 0 is out of range 1–59/],
  ['*/60 * * * *', false, 2, 4, /step 60/],
  ['0 */24 * * *', false, 4, 6, /Hour step 24/],
  ['*/ * * * *', false, 1, 2, /Missing step/],
  ['*/x * * * *', false, 2, 3, /whole number/],
  ['1/2/3 * * * *', false, 0, 5, /one step/],
  ['0 0 L * *', false, 4, 5, /L \(last day\)/],
  ['0 0 15W * *', false, 4, 7, /W \(nearest weekday\)/],
  ['0 0 ? * MON', false, 4, 5, /\?/],
  ['0 0 * * FRI#2', false, 8, 13, /nth weekday/],
  ['0 0 * * 5L', false, 8, 10, /L \(last day\)/],
  ['0 0 * JANUARY *', false, 6, 13, /three-letter month name JAN/],
  ['0 0 * * MONDAY', false, 8, 14, /three-letter day name MON/],
  ['0 0 * FOO *', false, 6, 9, /not a valid month/],
  ['0 0 * MON *', false, 6, 9, /day name/],
  ['0 x * * *', false, 2, 3, /must be a number/],
  ['1, * * * *', false, 1, 2, /extra comma/],
  [',1 * * * *', false, 0, 1, /extra comma/],
  ['5- * * * *', false, 0, 2, /Incomplete minute range/],
  ['0 0 1-2-3 * *', false, 4, 9, /Incomplete/],
  ['*-5 * * * *', false, 0, 1, /\* cannot be part/],
  ['0 0 * * FRI-MON', false, 8, 15, /runs backwards/],
  ['0 0 * * 7-1', false, 8, 11, /runs backwards/],
  ['@DAILY', false, 0, 6, /lower-case: write @daily/],
  ['@reboot', false, 0, 7, /not supported/],
  ['@dayly', false, 0, 6, /Did you mean @daily/],
  [' @daily', false, 1, 7, /spaces/],
  ['  0 9 * * 1-5 *', false, 2, 15, /withSeconds: true/],
];

for (const [expr, withSeconds, start, end, message] of invalid) {
  test(`invalid cron ${JSON.stringify(expr)}${withSeconds ? ' (withSeconds)' : ''}`, () => {
    const problems = validateCron(expr, withSeconds);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    const [p] = problems;
    assert.ok(p);
    assert.match(p.message, message);
    assert.deepEqual([p.start, p.end], [start, end]);
  });
}

test('every bad field is reported, each at its own place', () => {
  const problems = validateCron('61 25 * * *', false);
  assert.deepEqual(
    problems.map((p) => [p.start, p.end]),
    [
      [0, 2],
      [3, 5],
    ],
  );
});

test('describeCron speaks English and expands nicknames', () => {
  assert.equal(describeCron('0 9 * * 1-5', false), 'At 09:00, Monday through Friday');
  assert.equal(describeCron('@daily', false), 'At 00:00');
  assert.equal(describeCron('30 0 9 * * *', true), 'At 09:00:30');
  assert.equal(describeCron('0 9 * * 7', false), 'At 09:00, only on Sunday');
  assert.equal(describeCron('0 0 * * 0-7', false), 'At 00:00');
  assert.equal(describeCron('0 24 * * *', false), undefined);
});

test('describeCron makes the day-of-month / day-of-week OR explicit', () => {
  assert.equal(describeCron('0 0 13 * 5', false), 'At 00:00, on day 13 of the month, or on Friday');
});

const from = new Date('2024-01-01T00:00:00Z'); // a Monday

function iso(dates: Date[]): string[] {
  return dates.map((d) => d.toISOString());
}

test('nextRuns is strictly after the start and in UTC by default', () => {
  assert.deepEqual(iso(nextRuns('0 0 * * *', false, undefined, from, 2)), ['2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z']);
});

test('nextRuns uses OR when both day fields are restricted (Unix / cron-utils)', () => {
  // the 13th of the month, or any Friday
  assert.deepEqual(iso(nextRuns('0 0 13 * 5', false, undefined, from, 4)), [
    '2024-01-05T00:00:00.000Z',
    '2024-01-12T00:00:00.000Z',
    '2024-01-13T00:00:00.000Z',
    '2024-01-19T00:00:00.000Z',
  ]);
});

test('nextRuns treats day-of-week 7 and SUN as Sunday', () => {
  const sundays = ['2024-01-07T00:00:00.000Z', '2024-01-14T00:00:00.000Z'];
  assert.deepEqual(iso(nextRuns('0 0 * * 7', false, undefined, from, 2)), sundays);
  assert.deepEqual(iso(nextRuns('0 0 * * SUN', false, undefined, from, 2)), sundays);
  assert.deepEqual(iso(nextRuns('@weekly', false, undefined, from, 2)), sundays);
  assert.equal(nextRuns('0 0 * * MON-SUN', false, undefined, from, 7).length, 7);
});

test('nextRuns honours the time zone, fixed offsets and seconds', () => {
  assert.deepEqual(iso(nextRuns('0 9 * * *', false, 'Europe/Paris', from, 1)), ['2024-01-01T08:00:00.000Z']);
  assert.deepEqual(iso(nextRuns('0 9 * * *', false, '+05:30', from, 1)), ['2024-01-01T03:30:00.000Z']);
  assert.deepEqual(iso(nextRuns('30 0 9 * * MON-FRI', true, 'America/New_York', from, 1)), ['2024-01-01T14:00:30.000Z']);
  assert.deepEqual(iso(nextRuns('@hourly', true, 'UTC', from, 1)), ['2024-01-01T01:00:00.000Z']);
});

test('nextRuns follows a/n steps as cron-utils does', () => {
  assert.deepEqual(iso(nextRuns('5/20 * * * *', false, undefined, from, 3)), [
    '2024-01-01T00:05:00.000Z',
    '2024-01-01T00:25:00.000Z',
    '2024-01-01T00:45:00.000Z',
  ]);
});

test('nextRuns is empty for an invalid cron or zone', () => {
  assert.deepEqual(nextRuns('0 24 * * *', false, undefined, from), []);
  assert.deepEqual(nextRuns('0 0 * * *', false, 'Mars/Olympus', from), []);
  assert.deepEqual(nextRuns('0 0 * * *', false, undefined, from, 0), []);
});
