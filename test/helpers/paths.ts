import * as path from 'node:path';

/** Tests run compiled from out/test/<dir>/; fixtures and the bundle are resolved from the repository root. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
/** ../shared beside the project: example flows and the seed document. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
/** Set UPDATE_GOLDEN=1 to rewrite expected files from the current output (then review the diff). */
export const updateGolden = process.env['UPDATE_GOLDEN'] === '1';
