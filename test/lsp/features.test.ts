import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspHarness } from '../helpers/lsp-client';

// Completion, hover, outline and navigation through the bundled server over stdio.
let lsp: LspHarness;
after(async () => {
  await lsp.stop();
});

const FLOW = [
  'id: nav', // 0
  'namespace: company.team', // 1
  'inputs:', // 2
  '  - id: user', // 3
  '    type: STRING', // 4
  'tasks:', // 5
  '  - id: first', // 6
  '    type: io.kestra.plugin.core.debug.Return', // 7
  '    format: "{{ inputs.user }}"', // 8
  '  - id: second', // 9
  '    type: io.kestra.plugin.core.log.Log', // 10
  '    message: "{{ outputs.first.value }}"', // 11
  '  - id: third', // 12
  '    type: ', // 13
  '',
].join('\n');
const URI = 'file:///ws/nav.yml';

before(async () => {
  lsp = await LspHarness.start();
  await lsp.open(URI, FLOW);
  await lsp.waitForDiagnostics(URI);
});

test('completion after `type: ` offers task types, Log among them', async () => {
  const result = (await lsp.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri: URI },
    position: { line: 13, character: 10 },
  })) as CompletionList;
  const labels = result.items.map((i) => i.label);
  assert.ok(labels.includes('io.kestra.plugin.core.log.Log'), labels.slice(0, 10).join(', '));
  assert.ok(!labels.includes('io.kestra.plugin.core.trigger.Schedule'), 'triggers are not tasks');
});

test('hover over a task type shows its documentation', async () => {
  const result = (await lsp.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: URI },
    position: { line: 10, character: 20 },
  })) as Hover;
  const value = (result.contents as MarkupContent).value;
  assert.match(value, /io\.kestra\.plugin\.core\.log\.Log/);
  assert.match(value, /message/);
});

test('document symbols outline inputs and tasks', async () => {
  const symbols = (await lsp.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
  const names = JSON.stringify(symbols);
  for (const name of ['nav', 'user', 'first', 'second', 'third']) {
    assert.ok(names.includes(`"name":"${name}"`), `${name} missing in ${names}`);
  }
});

test('go to definition from outputs.first to the task id', async () => {
  const result = (await lsp.connection.sendRequest(DefinitionRequest.type, {
    textDocument: { uri: URI },
    position: { line: 11, character: 27 },
  })) as Location[];
  assert.deepEqual(
    result.map((l) => l.range),
    [{ start: { line: 6, character: 8 }, end: { line: 6, character: 13 } }],
  );
});

test('references of an input include its uses in expressions', async () => {
  const result = (await lsp.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: URI },
    position: { line: 3, character: 10 },
    context: { includeDeclaration: true },
  })) as Location[];
  const ranges = result.map((l) => l.range).sort((a, b) => a.start.line - b.start.line);
  assert.deepEqual(ranges, [
    { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } },
    { start: { line: 8, character: 23 }, end: { line: 8, character: 27 } },
  ]);
});

test('rename a task id updates its declaration and its uses; a bad name is refused', async () => {
  const prepared = await lsp.connection.sendRequest(PrepareRenameRequest.type, {
    textDocument: { uri: URI },
    position: { line: 6, character: 10 },
  });
  assert.ok(prepared);
  const edit = (await lsp.connection.sendRequest(RenameRequest.type, {
    textDocument: { uri: URI },
    position: { line: 6, character: 10 },
    newName: 'start',
  })) as WorkspaceEdit;
  const edits = edit.changes?.[URI] ?? [];
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.newText]).sort(),
    [
      [11, 'start'],
      [6, 'start'],
    ].sort(),
  );
  await assert.rejects(
    lsp.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: URI },
      position: { line: 6, character: 10 },
      newName: 'no.dots',
    }),
  );
});

test('semantic tokens colour the Pebble inside YAML strings', async () => {
  const result = await lsp.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: URI } });
  const data = result?.data ?? [];
  assert.equal(data.length % 5, 0);
  // First token: `{{` on line 8, column 13 (`    format: "{{`), two characters, type 0 (macro).
  assert.deepEqual(data.slice(0, 5), [8, 13, 2, 0, 0]);
  // Then `inputs` on the same line, two characters after the delimiter's start + 1 space: variable (1).
  assert.deepEqual(data.slice(5, 10), [0, 3, 6, 1, 0]);
});
