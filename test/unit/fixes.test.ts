import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Fix, FlowDiagnostic } from '../../server/src/core/analysis/diagnostic';
import { validateText } from '../../server/src/core/analysis/validate';
import { fixtureVersion } from '../helpers/golden';
import { fixturesDir } from '../helpers/paths';

/** Applies a fix's edits (they never overlap) from the end of the text backwards. */
export function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

// Every preferred quick fix of every diagnostics fixture must make its diagnostic go away and must
// not introduce a YAML syntax error.
const dir = path.join(fixturesDir, 'diagnostics');
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  test(`preferred fixes repair their diagnostic: ${name}`, () => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const settings = { kestraVersion: fixtureVersion(text), rules: {} };
    const before = validateText(text, settings, { assumeFlow: true });
    const syntaxBefore = before.filter((d) => d.code === 'yaml-syntax').length;
    for (const d of before) {
      const fix = d.fixes?.find((f) => f.preferred);
      if (!fix) continue;
      const fixed = applyFix(text, fix);
      const after = validateText(fixed, settings, { assumeFlow: true });
      const lineOf = (t: string, o: number): number => t.slice(0, o).split('\n').length;
      const same = (x: FlowDiagnostic): boolean =>
        x.code === d.code && lineOf(fixed, x.start) === lineOf(text, d.start) && x.message === d.message;
      assert.ok(!after.some(same), `fix "${fix.title}" did not repair ${d.code} at line ${lineOf(text, d.start)}: ${d.message}`);
      assert.ok(after.filter((x) => x.code === 'yaml-syntax').length <= syntaxBefore, `fix "${fix.title}" broke the YAML`);
    }
  });
}
