import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FlowFile } from '../../../server/src/core/flow-file';
import { complete } from '../../../server/src/core/features/completion';
import { isKestraVersion, type KestraVersion } from '../../../server/src/core/versions';
import { withCursor } from '../../helpers/cursor';

/**
 * Golden completion cases: test/fixtures/completion/<case>.yaml holds a flow with a cursor marker and
 * <case>.expected.json what must come back: `first` (the first labels, in order), `include`, `exclude`,
 * `exactly` (the whole label list), plus optional `version` (default 2.0) and `marker` (default `|`).
 */
interface Expected {
  readonly version?: string;
  readonly marker?: string;
  readonly first?: readonly string[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly exactly?: readonly string[];
}

// Compiled to out/test/unit/features: the fixtures stay in the source tree.
const FIXTURES = resolve(__dirname, '../../../../test/fixtures/completion');
const cases = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

test('there are enough golden completion cases', () => {
  assert.ok(cases.length >= 12, `${cases.length} cases`);
});

for (const name of cases) {
  const base = name.slice(0, -'.yaml'.length);
  test(`completion golden: ${base}`, () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${base}.expected.json`), 'utf8')) as Expected;
    const version: KestraVersion = expected.version && isKestraVersion(expected.version) ? expected.version : '2.0';
    const { text, offset } = withCursor(readFileSync(join(FIXTURES, name), 'utf8'), expected.marker ?? '|');
    const labels = complete(FlowFile.fromText(text, version), offset).items.map((i) => i.label);
    if (expected.first) assert.deepEqual(labels.slice(0, expected.first.length), expected.first, `first labels of ${labels.join(', ')}`);
    for (const label of expected.include ?? []) assert.ok(labels.includes(label), `${label} missing from ${labels.join(', ')}`);
    for (const label of expected.exclude ?? []) assert.ok(!labels.includes(label), `${label} should not be offered`);
    if (expected.exactly) assert.deepEqual(labels, expected.exactly);
  });
}
