import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';
import { sharedDir } from '../helpers/paths';

async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, version: 'test', out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await runCli(args, io);
  return { code, out, err };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kfs-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const BAD = 'id: bad\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    mesage: hi\n';
const GOOD = 'id: good\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n';
const OLD = 'id: old\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n';

test('text output: file:line:col severity code message, exit 1 on errors', async () => {
  const dir = workspace({ 'flows/bad.yml': BAD, 'flows/good.yml': GOOD });
  const r = await run(['validate', 'flows'], dir);
  assert.equal(r.code, 1);
  assert.match(r.out, /^flows\/bad\.yml:6:5 error unknown-property Unknown property `mesage`/m);
  assert.match(r.out, /^flows\/bad\.yml:5:11 error missing-property/m);
  assert.doesNotMatch(r.out, /good\.yml/);
  assert.match(r.err, /2 flow files checked for Kestra 2\.0: 2 error\(s\), 0 warning\(s\)/);
});

test('exit 0 when only warnings remain', async () => {
  const dir = workspace({ 'old.yml': OLD });
  const r = await run(['validate', '--kestra-version', '1.3', 'old.yml'], dir);
  assert.equal(r.code, 0);
  assert.match(r.out, /warning deprecated-type/);
});

test('JSON output is the documented contract with 0-based LSP positions', async () => {
  const dir = workspace({ 'bad.yml': BAD });
  const r = await run(['validate', '--format', 'json', 'bad.yml'], dir);
  assert.equal(r.code, 1);
  const list = JSON.parse(r.out) as unknown[];
  assert.deepEqual(list[1], {
    file: 'bad.yml',
    range: { start: { line: 5, character: 4 }, end: { line: 5, character: 10 } },
    severity: 'error',
    code: 'unknown-property',
    message: 'Unknown property `mesage` for `io.kestra.plugin.core.log.Log`. Did you mean `message`?',
  });
});

test('SARIF output names rules and 1-based regions', async () => {
  const dir = workspace({ 'bad.yml': BAD });
  const r = await run(['validate', '--format=sarif', 'bad.yml'], dir);
  const sarif = JSON.parse(r.out) as {
    version: string;
    runs: {
      tool: { driver: { rules: { id: string }[] } };
      results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[];
    }[];
  };
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0]!;
  assert.deepEqual(
    run0.tool.driver.rules.map((x) => x.id),
    ['missing-property', 'unknown-property'],
  );
  const unknown = run0.results.find((x) => x.ruleId === 'unknown-property')!;
  assert.deepEqual(unknown.locations[0]!.physicalLocation.region, { startLine: 6, startColumn: 5, endLine: 6, endColumn: 11 });
});

test('the target version comes from .vscode/settings.json (JSONC), the flag wins over it', async () => {
  const dir = workspace({ 'old.yml': OLD, '.vscode/settings.json': '{\n  // target\n  "kfs.kestraVersion": "1.3",\n}\n' });
  assert.equal((await run(['validate', 'old.yml'], dir)).code, 0);
  assert.equal((await run(['validate', '--kestra-version', '2.0', 'old.yml'], dir)).code, 1);
});

test('kfs.rules from the workspace settings switch rules off', async () => {
  const dir = workspace({
    'bad.yml': BAD,
    '.vscode/settings.json': '{"kfs.rules": {"unknown-property": "off", "missing-property": "warning"}}',
  });
  const r = await run(['validate', 'bad.yml'], dir);
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.out, /unknown-property/);
  assert.match(r.out, /warning missing-property/);
});

test('folders pick flows by content; explicit files are always checked; globs work', async () => {
  const dir = workspace({ 'a/flow.yml': BAD, 'a/other.yml': 'just: yaml\n', 'b/c/deep.yaml': BAD, 'node_modules/x.yml': BAD });
  const folder = await run(['validate', '--format', 'json', '.'], dir);
  const files = new Set((JSON.parse(folder.out) as { file: string }[]).map((d) => d.file));
  assert.deepEqual([...files].sort(), ['a/flow.yml', 'b/c/deep.yaml']);
  const glob = await run(['validate', '--format', 'json', 'b/**/*.yaml'], dir);
  assert.deepEqual([...new Set((JSON.parse(glob.out) as { file: string }[]).map((d) => d.file))], ['b/c/deep.yaml']);
  // A file named explicitly is checked as a flow even when it does not look like one.
  const explicit = await run(['validate', 'a/other.yml'], dir);
  assert.equal(explicit.code, 1);
  assert.match(explicit.out, /missing-property Missing required property `id` for a flow/);
});

test('bad usage exits 2 with a message; a missing path exits 1', async () => {
  assert.equal((await run(['validate'])).code, 2);
  const badFormat = await run(['validate', '--format', 'xml', 'x.yml']);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.err, /--format must be one of text, json, sarif/);
  assert.equal((await run(['validate', '--kestra-version', '3.0', 'x.yml'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  const missing = await run(['validate', 'does-not-exist.yml'], workspace({}));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no such file or folder: does-not-exist\.yml/);
});

test('the example flows validate without errors on 2.0 and 1.3', async () => {
  for (const version of ['2.0', '1.3']) {
    const r = await run(['validate', '--format', 'json', '--kestra-version', version, path.join(sharedDir, 'flows')]);
    const errors = (JSON.parse(r.out) as { severity: string; file: string; code: string }[]).filter(
      (d) => d.severity === 'error' && !d.file.includes('v1.3'),
    );
    assert.deepEqual(errors, [], `errors on ${version}`);
  }
});
