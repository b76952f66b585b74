import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';

/** Names of the entries of a zip file, read from its central directory (no unzip tool needed). */
function zipEntries(file: string): string[] {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

// Packages a production build of a copy of the project (dist/ of the checkout is left alone, so the
// other tests can use it meanwhile) and checks what the .vsix holds.
test('the .vsix holds only dist/, schemas/, media/ and the docs, and is under 3 MB', { timeout: 180_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'kfs-vsix-'));
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'ARCHITECTURE.md', '.vscodeignore', 'schemas', 'media']) {
    const from = path.join(repoRoot, entry);
    if (existsSync(from)) cpSync(from, path.join(work, entry), { recursive: true });
  }
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--production', '--outdir', path.join(work, 'dist')], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  const manifest = JSON.parse(readFileSync(path.join(work, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  delete manifest.scripts['vscode:prepublish']; // already built above
  writeFileSync(path.join(work, 'package.json'), JSON.stringify(manifest, null, 2));
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = path.join(work, 'kfs.vsix');
  execFileSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    { cwd: work, stdio: 'pipe', input: '' },
  );

  const entries = zipEntries(out).filter((e) => e.startsWith('extension/'));
  const allowed =
    /^extension\/(dist\/(client|server|cli|webview)\.js|dist\/webview\.css|schemas\/[^/]+\.json|media\/.+|package\.json|readme\.md|changelog\.md|LICENSE\.txt|architecture\.md)$/i;
  assert.deepEqual(
    entries.filter((e) => !allowed.test(e)),
    [],
    'unexpected files in the package',
  );
  for (const required of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/package.json']) {
    assert.ok(entries.includes(required), `${required} missing`);
  }
  assert.ok(
    !entries.some((e) => e.endsWith('.map') || e.includes('node_modules') || e.endsWith('.ts')),
    'sources, maps or node_modules shipped',
  );
  const size = statSync(out).size;
  assert.ok(size < 3 * 1024 * 1024, `package is ${size} bytes`);
});
