import * as vscode from 'vscode';
import { textLooksLikeFlow } from '../../server/src/protocol/flow-detection';
import { FlowServer } from './flow-server';

/**
 * Activation does almost nothing: it watches YAML documents and starts the language server the first
 * time one of them is a Kestra flow (by content or by the `kfs.flowGlobs` setting). Other YAML is left
 * alone and costs nothing.
 */
export function activate(context: vscode.ExtensionContext): void {
  const server = new FlowServer(context);
  context.subscriptions.push(server);

  const consider = (document: vscode.TextDocument): void => {
    if (server.started || document.languageId !== 'yaml') return;
    if (textLooksLikeFlow(document.getText()) || matchesFlowGlobs(document)) void server.start();
  };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidChangeTextDocument((e) => consider(e.document)),
    vscode.commands.registerCommand('kfs.restartServer', () => server.restart()),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return undefined; // FlowServer is disposed through context.subscriptions
}

function matchesFlowGlobs(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('kfs', document.uri).get<string[]>('flowGlobs') ?? [];
  return globs.some((glob) => vscode.languages.match({ language: 'yaml', pattern: glob }, document) > 0);
}
