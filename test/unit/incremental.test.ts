import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { AnalysisSettings } from '../../server/src/core/analysis/settings';
import { validateFlowFile } from '../../server/src/core/analysis/validate';
import { complete } from '../../server/src/core/features/completion';
import { hover } from '../../server/src/core/features/hover';
import { FlowFile } from '../../server/src/core/flow-file';
import type { KestraVersion } from '../../server/src/core/versions';
import { generateFlow } from '../bench/generate-flow';
import { modelOf, parsedFileOf } from '../helpers/flow-snapshot';
import { fixtureVersion } from '../helpers/golden';
import { fixturesDir, sharedDir } from '../helpers/paths';
import { deriveSeed, Prng } from '../helpers/prng';

/*
 * Differential test of FlowFile.edited (incremental re-parse + validation memo): random small edits are
 * applied in sequence, each FlowFile built from the previous one, and after every edit everything the core
 * derives from the text must be deep-equal to what a fresh full parse of the same text gives.
 * Longer runs: KFS_INCREMENTAL_EDITS=<edits per file> (KFS_INCREMENTAL_SEED=<seed> to vary them);
 * KFS_INCREMENTAL_ONLY=<part of a file name> replays one file.
 */
const SEED = Number(process.env['KFS_INCREMENTAL_SEED'] ?? 0x1c3e) >>> 0;
const EDITS_PER_FILE = Number(process.env['KFS_INCREMENTAL_EDITS'] ?? 60);
const EDITS_ON_GENERATED = Number(process.env['KFS_INCREMENTAL_EDITS'] ?? 120);
const ONLY = process.env['KFS_INCREMENTAL_ONLY'];
const NOW = (): Date => new Date('2026-03-02T10:00:00Z');
/** What random edits insert besides plain characters: YAML punctuation, indentation, quotes, expressions. */
// prettier-ignore
const PIECES = [':', '-', ' ', '  ', '\n', '\n\n', '\n  ', '\n- ', '"', "'", '{{', '}}', '#', ' #c', '[', ']', '{', '}', ',', '|', '|+', ': ', '- '];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz_0123456789 ';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly version: KestraVersion;
  readonly assumeFlow: boolean;
  readonly edits: number;
}

function corpus(): Case[] {
  const cases: Case[] = [];
  const add = (dir: string, pattern: RegExp, make: (name: string, text: string) => Omit<Case, 'edits'>): void => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)
      .filter((n) => pattern.test(n))
      .sort()) {
      cases.push({ ...make(f, readFileSync(path.join(dir, f), 'utf8')), edits: EDITS_PER_FILE });
    }
  };
  add(path.join(sharedDir, 'flows'), /\.ya?ml$/, (f, text) => ({ name: `flows/${f}`, text, version: '2.0', assumeFlow: false }));
  add(path.join(sharedDir, 'flows', 'v1.3'), /\.ya?ml$/, (f, text) => ({
    name: `flows/v1.3/${f}`,
    text,
    version: '1.3',
    assumeFlow: false,
  }));
  add(path.join(fixturesDir, 'diagnostics'), /\.yaml$/, (f, text) => ({
    name: `fixtures/${f}`,
    text,
    version: fixtureVersion(text),
    assumeFlow: true,
  }));
  cases.push({ name: 'generated 1,000 tasks', text: generateFlow(1000), version: '2.0', assumeFlow: false, edits: EDITS_ON_GENERATED });
  return cases;
}

/** Insert, delete or replace 1–3 characters, often near the previous edit as typing does. */
function mutate(rng: Prng, text: string, near: number): { text: string; at: number } {
  const anywhere = rng.int(text.length + 1);
  // Line ends are where items end: trailing comments, empty values and blank lines matter there.
  const lineEnd = text.indexOf('\n', anywhere);
  const at = rng.chance(0.5)
    ? Math.max(0, Math.min(text.length, near + rng.between(-20, 20)))
    : rng.chance(0.3) && lineEnd >= 0
      ? lineEnd
      : anywhere;
  const n = rng.between(1, 3);
  const letters = (): string => Array.from({ length: n }, () => LETTERS.charAt(rng.int(LETTERS.length))).join('');
  const piece = rng.chance(0.5) ? letters() : rng.chance(0.8) ? rng.pick(PIECES) : text.slice(rng.int(text.length)).slice(0, n);
  const kind = rng.int(3);
  const removed = kind === 0 ? 0 : rng.between(1, 3);
  return { text: text.slice(0, at) + (kind === 1 ? '' : piece) + text.slice(at + removed), at };
}

/** Everything compared: the parse, the models, the diagnostics, completion and hover around the edit. */
function snapshot(file: FlowFile, settings: AnalysisSettings, offsets: readonly number[]): unknown {
  return {
    parsed: parsedFileOf(file.parsed),
    flowSections: file.flowSections.map((s) => file.parsed.sections.indexOf(s)),
    models: file.parsed.sections.map((s) => {
      const model = file.model(s);
      return model ? modelOf(model) : undefined;
    }),
    diagnostics: validateFlowFile(file, settings),
    features: offsets.map((offset) => ({ offset, completion: complete(file, offset), hover: hover(file, offset, { now: NOW }) })),
  };
}

function hasYamlErrors(file: FlowFile): boolean {
  return file.parsed.sections.some((s) => s.errors.length > 0);
}

const totals = { steps: 0, edits: 0, incremental: 0 };

for (const [index, c] of corpus().entries()) {
  if (ONLY !== undefined && !c.name.includes(ONLY)) continue;
  test(`incremental = full parse after random edits: ${c.name}`, (t) => {
    const rng = new Prng(deriveSeed(SEED, index));
    const settings: AnalysisSettings = { kestraVersion: c.version, rules: {} };
    let text = c.text;
    let file = FlowFile.fromText(text, c.version, c.assumeFlow);
    validateFlowFile(file, settings);
    let lastClean = hasYamlErrors(file) ? undefined : text;
    let at = 0;
    let incremental = 0;
    for (let step = 0; step < c.edits; step++) {
      // Broken YAML is mostly repaired next (back to the last clean text), so the walk stays near valid flows.
      const repair = lastClean !== undefined && hasYamlErrors(file) && rng.chance(0.6);
      const edit = repair ? { text: lastClean!, at } : mutate(rng, text, at);
      const next = FlowFile.edited(file, edit.text);
      const fresh = FlowFile.fromText(edit.text, c.version, c.assumeFlow);
      const offsets = [edit.at, edit.at + 1, edit.at - 2, rng.int(edit.text.length + 1)].map((o) =>
        Math.max(0, Math.min(edit.text.length, o)),
      );
      assert.deepStrictEqual(
        snapshot(next, settings, offsets),
        snapshot(fresh, settings, offsets),
        `${c.name}, seed ${SEED}, step ${step}: edit at ${edit.at} (${next.incremental ? 'incremental' : 'full'}): ${JSON.stringify(text.slice(edit.at - 30, edit.at + 30))} -> ${JSON.stringify(edit.text.slice(edit.at - 30, edit.at + 30))}`,
      );
      if (!repair) totals.edits++;
      if (next.incremental) incremental++;
      if (!hasYamlErrors(fresh)) lastClean = edit.text;
      text = edit.text;
      at = edit.at;
      file = next;
    }
    totals.steps += c.edits;
    totals.incremental += incremental;
    t.diagnostic(`${incremental}/${c.edits} steps re-parsed incrementally`);
  });
}

// A guard against the incremental path silently never applying; random edits break YAML far more often
// than typing does, so the share is lower than in an editor.
test('the incremental path is taken often enough to matter', (t) => {
  t.diagnostic(`${totals.incremental}/${totals.steps} steps re-parsed incrementally (${totals.edits} random edits, the rest repairs)`);
  if (ONLY !== undefined) return;
  assert.ok(totals.edits >= 2000, `only ${totals.edits} random edits`);
  assert.ok(totals.incremental >= totals.steps / 10, `only ${totals.incremental} of ${totals.steps} steps were incremental`);
});

test('a one-character edit inside a task is re-parsed incrementally and replays the other tasks', () => {
  const settings: AnalysisSettings = { kestraVersion: '2.0', rules: {} };
  const text = generateFlow(1000);
  const previous = FlowFile.fromText(text, '2.0');
  validateFlowFile(previous, settings);
  const at = text.indexOf('message: "', text.length / 2) + 'message: "'.length;
  const next = FlowFile.edited(previous, text.slice(0, at) + 'x' + text.slice(at));
  assert.equal(next.incremental, true);
  const diagnostics = validateFlowFile(next, settings);
  assert.ok(next.memo.hits >= 990, `only ${next.memo.hits} tasks replayed`);
  assert.deepStrictEqual(diagnostics, validateFlowFile(FlowFile.fromText(next.text, '2.0'), settings));
});

test('typing a task keystroke by keystroke gives what full parses give', () => {
  const settings: AnalysisSettings = { kestraVersion: '2.0', rules: {} };
  const text = generateFlow(100);
  const at = text.indexOf('\n  - id: ', text.length / 2);
  const typed = '\n  - id: new_task\n    type: io.kestra.plugin.core.log.Log\n    message: "Hello {{ inputs.rows }}"';
  const versions = [
    ...Array.from({ length: typed.length }, (_, i) => typed.slice(0, i + 1)),
    ...Array.from({ length: typed.length }, (_, i) => typed.slice(0, typed.length - 1 - i)),
  ];
  let file = FlowFile.fromText(text, '2.0');
  let incremental = 0;
  for (const version of versions) {
    const next = FlowFile.edited(file, text.slice(0, at) + version + text.slice(at));
    const offsets = [at + version.length, at + version.length - 3];
    assert.deepStrictEqual(
      snapshot(next, settings, offsets),
      snapshot(FlowFile.fromText(next.text, '2.0'), settings, offsets),
      JSON.stringify(version),
    );
    if (next.incremental) incremental++;
    file = next;
  }
  // Half the keystrokes leave broken YAML (a key before its colon, an open quote): those parse in full.
  assert.ok(incremental >= versions.length / 3, `${incremental}/${versions.length}`);
});

test('building the next FlowFile leaves the previous one intact', () => {
  const settings: AnalysisSettings = { kestraVersion: '2.0', rules: {} };
  const text = generateFlow(100);
  const previous = FlowFile.fromText(text, '2.0');
  const offsets = [10, text.length / 2, text.length - 5].map(Math.floor);
  const before = snapshot(previous, settings, offsets);
  const at = text.indexOf('message: "', 200) + 'message: "'.length;
  const next = FlowFile.edited(previous, text.slice(0, at) + 'abc' + text.slice(at));
  assert.equal(next.incremental, true);
  snapshot(next, settings, offsets);
  assert.deepStrictEqual(snapshot(previous, settings, offsets), before);
});

test('edits the item cannot absorb fall back to a full parse', () => {
  const text =
    'id: f\nnamespace: n\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n  - id: b\n    type: io.kestra.plugin.core.log.Log\n    message: ho\n';
  const previous = FlowFile.fromText(text, '2.0');
  const edit = (from: string, to: string): FlowFile => FlowFile.edited(previous, text.replace(from, to));
  assert.equal(edit('message: hi', 'message: hi!').incremental, true);
  assert.equal(edit('\n  - id: b', '\n    id: b').incremental, false, 'the next item joins this one');
  assert.equal(edit('  - id: a', '  - id: a\n  x: 1').incremental, false, 'a line at the dash column ends the item');
  assert.equal(edit('message: hi', 'message: "hi').incremental, false, 'an unclosed quote is an error');
  assert.equal(edit('message: hi', 'message: &m hi').incremental, false, 'anchors reach beyond the item');
  assert.equal(edit('namespace: n', 'namespace: m').incremental, false, 'not inside a list item');
});
