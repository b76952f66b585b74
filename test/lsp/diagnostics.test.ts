import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, DiagnosticSeverity, type CodeAction } from 'vscode-languageserver-protocol/node';
import { LspHarness } from '../helpers/lsp-client';

// The bundled server over stdio: open, change, close, settings, quick fixes.
let lsp: LspHarness;
before(async () => {
  lsp = await LspHarness.start();
});
after(async () => {
  await lsp.stop();
});

const BROKEN = [
  'id: hello',
  'namespace: company.team',
  'tasks:',
  '  - id: say',
  '    type: io.kestra.plugin.core.log.Log',
  '    mesage: hi',
  '',
].join('\n');

test('opening a broken flow publishes exact diagnostics with kfs codes', async () => {
  await lsp.open('file:///ws/broken.yml', BROKEN);
  const diagnostics = await lsp.waitForDiagnostics('file:///ws/broken.yml');
  const unknown = diagnostics.find((d) => d.code === 'unknown-property');
  assert.ok(unknown, JSON.stringify(diagnostics));
  assert.deepEqual(unknown.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 10 } });
  assert.equal(unknown.severity, DiagnosticSeverity.Error);
  assert.equal(unknown.source, 'kfs');
  assert.ok(diagnostics.some((d) => d.code === 'missing-property'));
});

test('an edit that fixes the flow clears its diagnostics', async () => {
  const uri = 'file:///ws/edit.yml';
  await lsp.open(uri, BROKEN);
  await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await lsp.change(uri, BROKEN.replace('mesage', 'message'));
  const diagnostics = await lsp.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(diagnostics, []);
});

test('quick fixes come back as code actions with workspace edits', async () => {
  const uri = 'file:///ws/fix.yml';
  await lsp.open(uri, BROKEN);
  const diagnostics = await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  const unknown = diagnostics.find((d) => d.code === 'unknown-property')!;
  const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: unknown.range,
    context: { diagnostics: [unknown] },
  })) as CodeAction[];
  const rename = actions.find((a) => a.title === 'Rename `mesage` to `message`');
  assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(rename.isPreferred, true);
  assert.deepEqual(rename.edit?.changes?.[uri], [{ range: unknown.range, newText: 'message' }]);
  const ignore = actions.find((a) => a.title === 'Ignore `unknown-property` on this line');
  assert.deepEqual(ignore?.edit?.changes?.[uri], [
    { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '    # kfs-ignore unknown-property\n' },
  ]);
});

test('YAML that is not a flow gets no diagnostics', async () => {
  const uri = 'file:///ws/docker-compose.yml';
  await lsp.open(uri, 'services:\n  web:\n    image: nginx\n    ports: [80\n');
  assert.deepEqual(await lsp.waitForDiagnostics(uri), []);
});

test('closing a document clears its diagnostics', async () => {
  const uri = 'file:///ws/close.yml';
  await lsp.open(uri, BROKEN);
  await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await lsp.close(uri);
  assert.deepEqual(await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0), []);
});

test('a file under a flow glob is checked before it looks like a flow', async () => {
  const uri = 'file:///ws/_flows/new.yml';
  await lsp.open(uri, 'id: new\n');
  const diagnostics = await lsp.waitForDiagnostics(uri);
  assert.deepEqual(diagnostics.map((d) => d.message).sort(), [
    'Missing required property `namespace` for a flow.',
    'Missing required property `tasks` for a flow.',
  ]);
});

test('settings: the target version and rule overrides come from workspace/configuration', async () => {
  const old = 'id: old\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n';
  const other = await LspHarness.start({ kestraVersion: '1.3', rules: { 'deprecated-type': 'hint' } });
  try {
    await other.open('file:///ws/old.yml', old);
    const diagnostics = await other.waitForDiagnostics('file:///ws/old.yml');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['deprecated-type', DiagnosticSeverity.Hint]],
    );
  } finally {
    await other.stop();
  }
  await lsp.open('file:///ws/old2.yml', old);
  const onDefault = await lsp.waitForDiagnostics('file:///ws/old2.yml');
  assert.deepEqual(
    onDefault.map((d) => [d.code, d.severity]),
    [['removed-type', DiagnosticSeverity.Error]],
  );
});

test('next to the Red Hat YAML extension, YAML syntax errors are left to it (auto)', async () => {
  const text = 'id: x\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: [oops\n';
  const withRedhat = await LspHarness.start({}, { redhatYamlPresent: true });
  try {
    await withRedhat.open('file:///ws/syntax.yml', text);
    const diagnostics = await withRedhat.waitForDiagnostics('file:///ws/syntax.yml');
    assert.ok(!diagnostics.some((d) => d.code === 'yaml-syntax'), JSON.stringify(diagnostics));
  } finally {
    await withRedhat.stop();
  }
  await lsp.open('file:///ws/syntax.yml', text);
  assert.ok((await lsp.waitForDiagnostics('file:///ws/syntax.yml')).some((d) => d.code === 'yaml-syntax'));
});
