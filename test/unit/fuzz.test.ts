import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FlowDiagnostic } from '../../server/src/core/analysis/diagnostic';
import { validateFlowFile } from '../../server/src/core/analysis/validate';
import { MAX_ANALYSED_LENGTH } from '../../server/src/core/document/parse';
import { FlowFile } from '../../server/src/core/flow-file';
import { KESTRA_VERSIONS, type KestraVersion } from '../../server/src/core/versions';
import { sharedDir } from '../helpers/paths';
import { deriveSeed, Prng } from '../helpers/prng';

/*
 * Fuzzing of the language core: mutated example flows and hostile inputs must never throw, hang or
 * produce diagnostics outside the text. Cases run in worker threads so that a true infinite loop is
 * caught by a watchdog instead of freezing the test run.
 * Replay: KFS_FUZZ_SEED=<seed> KFS_FUZZ_ONLY=<case> node --test out/test/unit/fuzz.test.js
 */
const SEED = Number(process.env['KFS_FUZZ_SEED'] ?? 0x5eed_2024) >>> 0;
const MUTATED_CASES = Math.max(10_000, Number(process.env['KFS_FUZZ_CASES'] ?? 10_000));
const ONLY = process.env['KFS_FUZZ_ONLY'];
const SLOW_MS = 2_000; // a case slower than this fails as a hang: a guard, not a benchmark
const WATCHDOG_MS = 10_000; // one step running this long is stuck for good

type FuzzCase = { readonly name: string; readonly text: string; readonly version: KestraVersion; readonly assumeFlow: boolean };
type Failure = { readonly index: number; readonly name: string; readonly problem: string };
type Timing = { readonly i: number; readonly ms: number };
type SliceResult = { cases: number; slowest: Timing[]; features: string };
type WorkerMessage = { t: 'fail'; failure: Failure } | { t: 'done'; cases: number; slowest: Timing[]; features: string };

// ---------------------------------------------------------------------------------------------------
// Inputs

const MINI_FLOW =
  'id: mini\nnamespace: company.team\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ flow.id }}"\n';

function exampleFlows(): { name: string; text: string }[] {
  const dirs = [path.join(sharedDir, 'flows'), path.join(sharedDir, 'flows', 'v1.3')];
  const found = dirs
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
        .sort()
        .map((f) => ({ name: path.relative(sharedDir, path.join(d, f)), text: readFileSync(path.join(d, f), 'utf8') })),
    );
  return [...found, { name: 'mini', text: MINI_FLOW }];
}

const FLOW_HEAD = 'id: fuzz\nnamespace: company.team\n';
const SEQUENTIAL = 'io.kestra.plugin.core.flow.Sequential';

function aliasBomb(): string {
  // Billion laughs: 9 levels of 10 aliases each; expanded it would hold 10^9 strings.
  const lines = [FLOW_HEAD + 'tasks: []', 'variables:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghij';
  for (let level = 1; level < 10; level++) {
    const self = names[level] ?? 'z';
    const prev = names[level - 1] ?? 'z';
    lines.push(`  ${self}: &${self} [${Array.from({ length: 10 }, () => `*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

function sequentialBlock(depth: number): string {
  const out = [FLOW_HEAD + 'tasks:'];
  for (let level = 0; level < depth; level++) {
    const pad = ' '.repeat(2 + level * 2);
    out.push(`${pad}- id: s${level}`, `${pad}  type: ${SEQUENTIAL}`, `${pad}  tasks:`);
  }
  out.push(
    `${' '.repeat(2 + depth * 2)}- id: leaf`,
    `${' '.repeat(4 + depth * 2)}type: io.kestra.plugin.core.log.Log`,
    `${' '.repeat(4 + depth * 2)}message: deep`,
  );
  return out.join('\n') + '\n';
}

function sequentialFlow(depth: number): string {
  let inner = '{id: leaf, type: io.kestra.plugin.core.log.Log, message: "{{ flow.id }}"}';
  for (let level = depth - 1; level >= 0; level--) inner = `{id: s${level}, type: ${SEQUENTIAL}, tasks: [${inner}]}`;
  return `${FLOW_HEAD}tasks: [${inner}]\n`;
}

function junk(rng: Prng, length: number, utf8: boolean): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.int(256);
  return bytes.toString(utf8 ? 'utf8' : 'latin1');
}

function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/** Hostile inputs, each built on demand (some are megabytes). */
// prettier-ignore
const SPECIALS: ReadonlyArray<readonly [string, (rng: Prng) => string]> = [
  ['empty text', () => ''],
  ['only a BOM', () => '\uFEFF'],
  ['BOM then flow', () => '\uFEFF' + MINI_FLOW],
  ['only newlines', () => '\n\r\n\r\n'],
  ['lone document markers', () => '---\n...\n---\n'],
  ['binary junk (latin1)', (rng) => junk(rng, 8_192, false)],
  ['binary junk (utf8)', (rng) => junk(rng, 8_192, true)],
  ['binary junk after a flow head', (rng) => FLOW_HEAD + 'tasks:\n  - ' + junk(rng, 4_096, false)],
  ['NUL bytes', () => '\0'.repeat(1_000)],
  ['lone surrogates', () => FLOW_HEAD + 'tasks:\n  - id: "\uD800"\n    type: \uDC00\n    message: \uDBFF'],
  ['2,000 nested flow sequences', () => FLOW_HEAD + 'tasks: ' + '['.repeat(2_000) + ']'.repeat(2_000) + '\n'],
  ['2,000 unclosed flow sequences', () => FLOW_HEAD + 'tasks: ' + '['.repeat(2_000) + '\n'],
  ['2,000 nested flow mappings', () => FLOW_HEAD + 'tasks: [' + '{a: '.repeat(2_000) + '1' + '}'.repeat(2_000) + ']\n'],
  ['2,000 nested block sequences', () => FLOW_HEAD + 'tasks:\n  ' + '- '.repeat(2_000) + 'x\n'],
  // A dedent after deep block nesting makes the yaml parser unwind recursively: it overflowed a cold stack.
  ['5,000 nested block sequences, then a dedent', () => '- '.repeat(5_000) + 'x\nk: 1\n'],
  ['2,000 nested block mappings, then a dedent', () => Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' v\nx: 1\n'],
  ['150 nested flow sequences', () => FLOW_HEAD + 'tasks: [' + '['.repeat(150) + ']'.repeat(150) + ']\n'],
  ['2,000 nested block mappings', () => FLOW_HEAD + 'variables:\n' + Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' v\ntasks: []\n'],
  ['1,000 alternating flow mapping/sequence', () => FLOW_HEAD + 'tasks: ' + '[{a: '.repeat(1_000) + '1' + '}]'.repeat(1_000) + '\n'],
  ['2,000 nested task-like mappings', () => FLOW_HEAD + 'tasks: ' + '[{id: t, type: x, tasks: '.repeat(2_000) + '[]' + '}]'.repeat(2_000) + '\n'],
  ['500-deep Sequential (block)', () => sequentialBlock(500)],
  ['500-deep Sequential (flow style)', () => sequentialFlow(500)],
  ['50-deep Sequential (block)', () => sequentialBlock(50)],
  ['90-deep Sequential (flow style)', () => sequentialFlow(90)],
  ['alias bomb (billion laughs)', () => aliasBomb()],
  ['alias bomb without flow keys', () => aliasBomb().replace(FLOW_HEAD, '')],
  ['merge-key bomb', () => FLOW_HEAD + 'tasks: []\nv:\n  a: &a {x: 1}\n' + Array.from({ length: 200 }, (_, i) => `  m${i}: {<<: [*a, *a, *a]}`).join('\n') + '\n'],
  ['1,000 documents', () => (FLOW_HEAD + 'tasks: []\n---\n').repeat(1_000)],
  ['100,000-character line', () => FLOW_HEAD + 'tasks:\n  - id: long\n    type: io.kestra.plugin.core.log.Log\n    message: ' + 'x{{ a }}'.repeat(12_500) + '\n'],
  ['CR-only line ends', () => MINI_FLOW.replace(/\n/g, '\r')],
  ['tab indentation', () => MINI_FLOW.replace(/ {2}/g, '\t')],
  // Padded with one comment: the boundary is what is tested here; parsing 2 MB of real YAML costs ~1 s.
  ['exactly the size limit', () => MINI_FLOW + '#'.repeat(MAX_ANALYSED_LENGTH - MINI_FLOW.length)],
  ['one character above the size limit', () => repeatTo(MINI_FLOW, MAX_ANALYSED_LENGTH + 1)],
  ['5 MB file', () => repeatTo(MINI_FLOW, 5 * 1024 * 1024)],
];

// Characters that mean something to YAML or Pebble, control characters, and non-BMP/unpaired UTF-16.
const CHARS = [...':-{}[]"\'#&*|>\t\r\0 \n!%@`?,\\é中😀\u2028\uFEFF\u0085', '\uD800', '\uDC00', '\uDBFF'];
// prettier-ignore
const SNIPPETS = [
  '{{ ', ' }}', '{%', '%}', '*a', '&a ', '!!str ', '!!binary ', '---\n', '\n...\n', '<<: *a\n', ': ', '- ', '\r\n', '"\\u', "'''",
  '|-\n', '>+\n', '? ', 'tasks:\n', 'id: ', 'type: ', '{{ outputs.', '{{ inputs.', 'type: io.kestra.plugin.core.flow.Parallel\n',
  '  - id: x\n    type: ', '\n  - ', '[{', '}]',
];

/** One random edit; returns the new text and a short description for the failure report. */
function mutate(rng: Prng, text: string, donors: readonly string[]): [string, string] {
  const at = rng.int(text.length + 1);
  const lines = text.split('\n');
  const line = rng.int(lines.length);
  const insert = (piece: string, remove = 0, what = 'insert'): [string, string] => {
    const note = what === 'delete' ? `+${remove}` : ` ${JSON.stringify(piece)}`;
    return [text.slice(0, at) + piece + text.slice(at + remove), `${what}@${at}${note}`];
  };
  switch (rng.int(10)) {
    case 0:
      return [text.slice(0, at), `truncate@${at}`];
    case 1:
      return insert(rng.pick(CHARS));
    case 2:
      return insert(rng.pick(SNIPPETS));
    case 3:
      return insert('', rng.between(1, 8), 'delete');
    case 4:
      return insert(rng.pick(CHARS), 1, 'replace');
    case 5:
      lines.splice(line, 0, lines[line] ?? '');
      return [lines.join('\n'), `duplicate line ${line}`];
    case 6:
      lines.splice(line, rng.between(1, 3));
      return [lines.join('\n'), `delete lines from ${line}`];
    case 7: {
      const other = rng.int(lines.length);
      const a = lines[line] ?? '';
      lines[line] = lines[other] ?? '';
      lines[other] = a;
      return [lines.join('\n'), `swap lines ${line},${other}`];
    }
    case 8: {
      // Shift a block of lines: more or less indentation, or a tab.
      const count = rng.between(1, 6);
      const shift = rng.pick([-4, -2, -1, 1, 2, 4, 0]);
      for (let i = line; i < Math.min(lines.length, line + count); i++) {
        const l = lines[i] ?? '';
        lines[i] = shift === 0 ? '\t' + l : shift > 0 ? ' '.repeat(shift) + l : l.replace(new RegExp(`^ {0,${-shift}}`), '');
      }
      return [lines.join('\n'), `indent lines ${line}..${line + count - 1} by ${shift === 0 ? 'tab' : shift}`];
    }
    default: {
      const donor = rng.pick(donors);
      const from = rng.int(donor.length);
      const piece = donor.slice(from, from + rng.between(1, 200));
      return [text.slice(0, at) + piece + text.slice(at), `splice@${at} ${piece.length} chars`];
    }
  }
}

/** Case `index` of a run, rebuilt from the seed alone: specials first, then mutated examples. */
function caseAt(index: number, examples: readonly { name: string; text: string }[]): FuzzCase {
  const rng = new Prng(deriveSeed(SEED, index));
  const version = rng.pick(KESTRA_VERSIONS);
  const assumeFlow = rng.chance(0.5);
  const special = SPECIALS[index];
  if (special) return { name: special[0], text: special[1](rng), version, assumeFlow };
  const base = rng.pick(examples);
  const donors = examples.map((e) => e.text);
  let text = base.text;
  const steps: string[] = [];
  const edits = rng.chance(0.1) ? rng.between(5, 20) : rng.between(1, 4);
  for (let i = 0; i < edits; i++) {
    const [next, step] = mutate(rng, text, donors);
    text = next;
    steps.push(step);
  }
  return { name: `${base.name}: ${steps.join('; ')}`, text, version, assumeFlow };
}

const TOTAL_CASES = SPECIALS.length + MUTATED_CASES;

// ---------------------------------------------------------------------------------------------------
// Checks

interface Features {
  readonly names: string;
  readonly calls: ((file: FlowFile, offset: number) => unknown)[];
}

/** completion/hover are written elsewhere; they are exercised once their compiled modules exist. */
function loadFeatures(): Features {
  const dir = path.resolve(__dirname, '..', '..', 'server', 'src', 'core', 'features');
  const calls: ((file: FlowFile, offset: number) => unknown)[] = [];
  const names: string[] = [];
  for (const [fn, module] of Object.entries({ complete: 'completion', hover: 'hover' })) {
    const file = path.join(dir, `${module}.js`);
    if (!existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = (require(file) as Record<string, unknown>)[fn];
    if (typeof exported !== 'function') continue;
    calls.push(exported as (file: FlowFile, offset: number) => unknown);
    names.push(`${fn}()`);
  }
  return { names: names.join(', ') || 'none', calls };
}

function checkDiagnostics(diagnostics: readonly FlowDiagnostic[], length: number): string | undefined {
  for (const d of diagnostics) {
    const where = `${d.code} [${d.start}, ${d.end}] in a text of ${length}`;
    if (!(Number.isInteger(d.start) && Number.isInteger(d.end) && 0 <= d.start && d.start <= d.end && d.end <= length)) {
      return `diagnostic range out of bounds: ${where}`;
    }
    if (typeof d.code !== 'string' || d.code === '') return `diagnostic without a code: ${where}`;
    if (typeof d.message !== 'string' || d.message.trim() === '') return `diagnostic without a message: ${where}`;
    for (const edit of (d.fixes ?? []).flatMap((f) => f.edits)) {
      if (!(0 <= edit.start && edit.start <= edit.end && edit.end <= length)) {
        return `fix edit [${edit.start}, ${edit.end}] out of bounds: ${where}`;
      }
    }
  }
  return undefined;
}

/**
 * Where a worker is, in memory shared with the main thread (no message per step): case index, stage
 * (0 parse, 1 validate, 2+ feature calls), offset of the feature call, and a heartbeat counter.
 */
type Progress = Int32Array;

function mark(progress: Progress, index: number, stage: number, offset: number): void {
  [index, stage, offset].forEach((value, cell) => Atomics.store(progress, cell, value));
  Atomics.add(progress, 3, 1);
}

function stageName(stage: number, offset: number, features: readonly string[]): string {
  if (stage === 0) return 'FlowFile.fromText';
  if (stage === 1) return 'validateFlowFile';
  return `${features[stage - 2] ?? 'feature'} at offset ${offset}`;
}

/** A problem, if any, and the slowest step (where a slow case spends its time). */
type CaseResult = { readonly problem?: string; readonly slowest: { readonly stage: string; readonly ms: number } };

/** Runs one case through the core: parse, validate, then each feature at a few offsets. */
function runCase(index: number, c: FuzzCase, features: Features, rng: Prng, progress?: Progress): CaseResult {
  const names = features.names.split(', ');
  const slowest = { stage: '', ms: -1 };
  let stage = '';
  const step = <T>(n: number, offset: number, run: () => T): T => {
    stage = stageName(n, offset, names);
    if (progress) mark(progress, index, n, offset);
    const started = process.hrtime.bigint();
    const value = run();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (ms > slowest.ms) Object.assign(slowest, { stage: `${stage}, ${ms.toFixed(0)} ms`, ms });
    return value;
  };
  try {
    const file = step(0, 0, () => FlowFile.fromText(c.text, c.version, c.assumeFlow));
    const diagnostics = step(1, 0, () => validateFlowFile(file, { kestraVersion: c.version, rules: {} }));
    const problem = checkDiagnostics(diagnostics, c.text.length);
    if (problem) return { problem, slowest };
    const offsets = [0, c.text.length, rng.int(c.text.length + 1), rng.int(c.text.length + 1)];
    for (const [n, call] of features.calls.entries()) for (const offset of offsets) step(2 + n, offset, () => call(file, offset));
    return { slowest };
  } catch (error) {
    return { problem: `${stage} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, slowest };
  }
}

// ---------------------------------------------------------------------------------------------------
// Worker side: run a slice of the cases and report failures and the slowest cases.

function runSlice(from: number, to: number, progress: Progress, port: NonNullable<typeof parentPort>): void {
  const examples = exampleFlows();
  const features = loadFeatures();
  const slowest: Timing[] = [];
  // Warm the JIT on the intact examples first, so the hang guard does not time compilation.
  for (const e of examples) runCase(-1, { name: e.name, text: e.text, version: '2.0', assumeFlow: false }, features, new Prng(SEED));
  for (let i = from; i < to; i++) {
    const c = caseAt(i, examples);
    const timed = (): [CaseResult, number] => {
      const started = process.hrtime.bigint();
      const result = runCase(i, c, features, new Prng(deriveSeed(SEED ^ 0xfeed, i)), progress);
      return [result, Number(process.hrtime.bigint() - started) / 1e6];
    };
    let [result, ms] = timed();
    // Other processes share the CPU: a case just over the limit counts only if it is slow twice.
    if (ms > SLOW_MS && ms < 3 * SLOW_MS && !result.problem) [result, ms] = timed();
    if (slowest.length < 3 || ms > (slowest[2]?.ms ?? 0)) {
      slowest.push({ i, ms });
      slowest.sort((a, b) => b.ms - a.ms).splice(3);
    }
    const slow = `took ${ms.toFixed(0)} ms (hang guard: ${SLOW_MS} ms); slowest step: ${result.slowest.stage}`;
    for (const problem of [result.problem, ms > SLOW_MS ? slow : undefined]) {
      if (problem) port.postMessage({ t: 'fail', failure: { index: i, name: c.name, problem } } satisfies WorkerMessage);
    }
  }
  port.postMessage({ t: 'done', cases: to - from, slowest, features: features.names } satisfies WorkerMessage);
}

if (!isMainThread && parentPort && (workerData as { kind?: string } | undefined)?.kind === 'kfs-fuzz') {
  const { from, to, cells } = workerData as { from: number; to: number; cells: Int32Array };
  runSlice(from, to, cells, parentPort);
}

// ---------------------------------------------------------------------------------------------------
// Main thread: split the cases between workers, watch them, report.

/** Runs cases [from, to) in a worker; a stuck case is recorded, and the slice resumes after it. */
function runWorker(from: number, to: number, failures: Failure[]): Promise<SliceResult> {
  return new Promise((resolve, reject) => {
    const cells = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
    cells[0] = from;
    // A main-thread-sized stack (workers default to 4 MB): the server runs on a main thread, and the
    // depth at which the yaml parser gives up on deep nesting depends on it.
    const worker = new Worker(__filename, { workerData: { kind: 'kfs-fuzz', from, to, cells }, resourceLimits: { stackSizeMb: 1 } });
    let beat = -1;
    let lastBeat = Date.now();
    const watchdog = setInterval(() => {
      const now = Atomics.load(cells, 3);
      if (now !== beat) {
        beat = now;
        lastBeat = Date.now();
        return;
      }
      if (Date.now() - lastBeat < WATCHDOG_MS) return;
      clearInterval(watchdog);
      void worker.terminate();
      const index = Atomics.load(cells, 0);
      const stage = stageName(Atomics.load(cells, 1), Atomics.load(cells, 2), loadFeatures().names.split(', '));
      const problem = `no progress for ${WATCHDOG_MS / 1000} s in ${stage}: stuck`;
      failures.push({ index, name: caseAt(index, exampleFlows()).name, problem });
      const stuck: SliceResult = { cases: index - from + 1, slowest: [{ i: index, ms: WATCHDOG_MS }], features: loadFeatures().names };
      if (index + 1 >= to) resolve(stuck);
      else {
        runWorker(index + 1, to, failures).then(
          (rest) => resolve({ cases: stuck.cases + rest.cases, slowest: [...stuck.slowest, ...rest.slowest], features: rest.features }),
          reject,
        );
      }
    }, 250);
    worker.on('message', (m: WorkerMessage) => {
      if (m.t === 'fail') failures.push(m.failure);
      else {
        clearInterval(watchdog);
        resolve(m);
      }
    });
    worker.on('error', (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}

function describeFailures(failures: readonly Failure[]): string {
  const examples = exampleFlows();
  // One report per distinct problem (first line), so a single bug does not drown the others.
  const distinct = new Map<string, Failure>();
  for (const f of failures) {
    const key = f.problem.replace(/\d+/g, 'N').split('\n').slice(0, 2).join('\n');
    if (!distinct.has(key)) distinct.set(key, f);
  }
  const parts = [...distinct.values()].slice(0, 10).map((f) => {
    const text = caseAt(f.index, examples).text;
    const saved = path.join(os.tmpdir(), `kfs-fuzz-${SEED}-${f.index}.yaml`);
    writeFileSync(saved, text);
    const shown = text.length > 1_500 ? JSON.stringify(text.slice(0, 1_500)) + ` … (${text.length} chars)` : JSON.stringify(text);
    return `case #${f.index} (${f.name})\n  ${f.problem.split('\n').slice(0, 8).join('\n  ')}\n  input: ${shown}\n  saved to ${saved}`;
  });
  return `${failures.length} failing case(s), ${distinct.size} distinct, seed ${SEED} (replay one: KFS_FUZZ_SEED=${SEED} KFS_FUZZ_ONLY=<case>)\n\n${parts.join('\n\n')}`;
}

if (isMainThread) {
  test(`fuzz: ${TOTAL_CASES} mutated and hostile flows through the core (seed ${SEED})`, { timeout: 300_000 }, async (t) => {
    const failures: Failure[] = [];
    const only = ONLY === undefined ? undefined : Number(ONLY);
    const ranges: [number, number][] = [];
    if (only !== undefined) ranges.push([only, only + 1]);
    else {
      const workers = Math.max(1, Math.min(2, os.availableParallelism()));
      for (let w = 0; w < workers; w++) {
        ranges.push([Math.floor((TOTAL_CASES * w) / workers), Math.floor((TOTAL_CASES * (w + 1)) / workers)]);
      }
    }
    const results = await Promise.all(ranges.map(([from, to]) => runWorker(from, to, failures)));
    const examples = exampleFlows();
    t.diagnostic(`seed ${SEED}; ${results.reduce((n, r) => n + r.cases, 0)} cases; features exercised: ${results[0]?.features ?? 'none'}`);
    const slowest = results.flatMap((r) => r.slowest).sort((a, b) => b.ms - a.ms);
    const describe = (s: Timing): string => `slow: case #${s.i} (${caseAt(s.i, examples).name.slice(0, 100)}): ${s.ms.toFixed(1)} ms`;
    slowest.slice(0, 3).forEach((s) => t.diagnostic(describe(s)));
    assert.equal(failures.length, 0, failures.length > 0 ? describeFailures(failures) : '');
  });

  test('fuzz: the alias bomb is reported as too-many-aliases', () => {
    const file = FlowFile.fromText(aliasBomb(), '2.0');
    const codes = validateFlowFile(file, { kestraVersion: '2.0', rules: {} }).map((d) => d.code);
    assert.ok(codes.includes('too-many-aliases'), `codes: ${codes.join(', ')}`);
  });

  test('fuzz: a 5 MB file gets a single file-too-large diagnostic', () => {
    const file = FlowFile.fromText(repeatTo(MINI_FLOW, 5 * 1024 * 1024), '2.0');
    const diagnostics = validateFlowFile(file, { kestraVersion: '2.0', rules: {} });
    const codes = diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['file-too-large']);
  });
}
