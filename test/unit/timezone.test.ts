import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidTimeZone, suggestTimeZones } from '../../server/src/core/util/timezone';

const accepted = [
  'Europe/Paris',
  'America/New_York',
  'America/Argentina/Buenos_Aires',
  'Asia/Kolkata',
  'US/Eastern', // a tz database link
  'Etc/GMT+5',
  'EST', // one of the few three-letter ids that are real tz ids
  'UTC',
  'GMT',
  'UT',
  'Z',
  '+02:00',
  '-0530',
  '+2',
  '+05:30:15',
  'UTC+01:00',
  'GMT-5',
  '+18:00',
];

for (const id of accepted) {
  test(`time zone ${JSON.stringify(id)} is accepted`, () => {
    assert.equal(isValidTimeZone(id), true);
  });
}

const refused = [
  '',
  'europe/paris', // Java is case-sensitive, Intl is not
  'Europe/PARIS',
  'utc',
  'z',
  'PST', // an old Java alias that ZoneId.of refuses
  'IST',
  'SystemV/EST5',
  'US/Pacific-New',
  '+19:00',
  '+2:00',
  'UTC+25',
  'Mars/Olympus',
  ' Europe/Paris',
  'Paris',
];

for (const id of refused) {
  test(`time zone ${JSON.stringify(id)} is refused`, () => {
    assert.equal(isValidTimeZone(id), false);
  });
}

const suggestions: [string, string][] = [
  ['europe/paris', 'Europe/Paris'],
  ['paris', 'Europe/Paris'],
  ['new york', 'America/New_York'],
  ['Tokyo', 'Asia/Tokyo'],
  ['buenos aires', 'America/Argentina/Buenos_Aires'],
  ['Europe/Pari', 'Europe/Paris'],
  ['Amerika/New_York', 'America/New_York'],
  ['utc', 'UTC'],
  ['PST', 'America/Los_Angeles'],
  ['IST', 'Asia/Kolkata'],
  ['+2:00', '+02:00'],
  ['utc+1', 'UTC+01:00'],
  [' Europe/Paris', 'Europe/Paris'],
];

for (const [id, first] of suggestions) {
  test(`suggestTimeZones(${JSON.stringify(id)}) starts with ${first}`, () => {
    const got = suggestTimeZones(id);
    assert.equal(got[0], first, JSON.stringify(got));
    assert.ok(got.length <= 5);
    for (const s of got) assert.equal(isValidTimeZone(s), true, s);
  });
}

test('no suggestion for a valid id or for nonsense', () => {
  assert.deepEqual(suggestTimeZones('Europe/Paris'), []);
  assert.deepEqual(suggestTimeZones('qqqqqqqqqqqq'), []);
  assert.deepEqual(suggestTimeZones(''), []);
});
