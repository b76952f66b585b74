import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { validateFlowFile } from '../../server/src/core/analysis/validate';
import { FlowFile } from '../../server/src/core/flow-file';
import { assertGolden, fixtureVersion, renderDiagnostics } from '../helpers/golden';
import { fixturesDir } from '../helpers/paths';

// Each test/fixtures/diagnostics/<case>.yaml is validated and compared with <case>.expected.txt.
const dir = path.join(fixturesDir, 'diagnostics');
for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  test(`diagnostics: ${name}`, () => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const kestraVersion = fixtureVersion(text);
    const file = FlowFile.fromText(text, kestraVersion, true);
    const diagnostics = validateFlowFile(file, { kestraVersion, rules: {} });
    assertGolden(renderDiagnostics(file.parsed.lines, diagnostics), path.join(dir, name.replace(/\.yaml$/, '.expected.txt')));
  });
}
