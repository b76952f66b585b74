import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/analysis/rule-codes';
import { validateFlowFile } from '../../server/src/core/analysis/validate';
import { FlowFile } from '../../server/src/core/flow-file';
import { assertGolden, fixtureVersion, renderDiagnostics } from '../helpers/golden';
import { fixturesDir } from '../helpers/paths';

// Each test/fixtures/diagnostics/<case>.yaml is validated and compared with <case>.expected.txt.
const dir = path.join(fixturesDir, 'diagnostics');
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  test(`diagnostics: ${name}`, () => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const kestraVersion = fixtureVersion(text);
    const file = FlowFile.fromText(text, kestraVersion, true);
    const diagnostics = validateFlowFile(file, { kestraVersion, rules: {} });
    assertGolden(renderDiagnostics(file.parsed.lines, diagnostics), path.join(dir, name.replace(/\.yaml$/, '.expected.txt')));
  });
}

// Every rule is shown by at least one fixture, so a rule cannot silently stop firing.
// (file-too-large, too-deep and too-many-aliases need inputs too big for a fixture: the fuzz test covers them;
// internal-error fires only on a bug.)
const COVERED_ELSEWHERE = new Set(['file-too-large', 'too-deep', 'too-many-aliases', 'internal-error']);
test('every rule code is exercised by a diagnostics fixture', () => {
  const expected = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.txt'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  const missing = Object.keys(RULES).filter((code) => !COVERED_ELSEWHERE.has(code) && !expected.includes(` ${code} `));
  assert.deepEqual(missing, []);
});
