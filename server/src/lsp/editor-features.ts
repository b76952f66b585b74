import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowFile } from '../core/flow-file';
import type { KfsSettings } from '../protocol/settings';

/** Completion, hover, symbols and navigation adapters (wired once the core features land). */
export function registerEditorFeatures(
  _connection: Connection,
  _documents: TextDocuments<TextDocument>,
  _flowFileOf: (document: TextDocument) => Promise<{ file: FlowFile; settings: KfsSettings }>,
): void {}
