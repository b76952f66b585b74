import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import type { FlowDiagnostic } from '../../server/src/core/analysis/diagnostic';
import type { LineIndex } from '../../server/src/core/document/positions';
import { updateGolden } from './paths';

/** Diagnostics as reviewable text: `line:col-line:col severity code message`, fixes indented below (1-based). */
export function renderDiagnostics(lines: LineIndex, diagnostics: readonly FlowDiagnostic[]): string {
  const out: string[] = [];
  for (const d of diagnostics) {
    const r = lines.rangeOf(d.start, d.end);
    out.push(`${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.code} ${d.message}`);
    for (const fix of d.fixes ?? []) out.push(`    fix: ${fix.title} ${fix.edits.map((e) => JSON.stringify(e.newText)).join(' ')}`);
  }
  return out.join('\n') + '\n';
}

/** Compares with the expected file. UPDATE_GOLDEN=1 writes it instead; a missing file fails. */
export function assertGolden(actual: string, expectedFile: string): void {
  if (updateGolden) {
    writeFileSync(expectedFile, actual);
    return;
  }
  assert.ok(existsSync(expectedFile), `missing golden file ${expectedFile}: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(
    actual,
    readFileSync(expectedFile, 'utf8'),
    `golden mismatch: ${expectedFile} (UPDATE_GOLDEN=1 rewrites it; review the diff)`,
  );
}

/** A `# kestra-version: 1.3` comment in a fixture picks the target version. */
export function fixtureVersion(text: string): '1.3' | '2.0' | '2.1' {
  const m = /#\s*kestra-version:\s*(1\.3|2\.0|2\.1)/.exec(text);
  return (m?.[1] as '1.3' | '2.0' | '2.1' | undefined) ?? '2.0';
}
