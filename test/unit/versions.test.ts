import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsIn, describeRange } from '../../server/src/core/versions';

test('a range without bounds covers every version', () => {
  assert.equal(existsIn(undefined, '1.3'), true);
  assert.equal(existsIn({}, '2.1'), true);
});

test('removedIn excludes that version and later ones', () => {
  assert.equal(existsIn({ removedIn: '2.0' }, '1.3'), true);
  assert.equal(existsIn({ removedIn: '2.0' }, '2.0'), false);
  assert.equal(existsIn({ removedIn: '2.0' }, '2.1'), false);
  assert.equal(describeRange({ removedIn: '2.0' }), 'Kestra 1.3 only');
});

test('since excludes earlier versions', () => {
  assert.equal(existsIn({ since: '2.0' }, '1.3'), false);
  assert.equal(existsIn({ since: '2.0' }, '2.1'), true);
  assert.equal(describeRange({ since: '2.0' }), 'since Kestra 2.0');
});
