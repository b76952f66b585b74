import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowFile } from '../core/flow-file';
import type { KfsInitializationOptions, KfsSettings } from '../protocol/settings';
import { SEMANTIC_TOKEN_TYPES } from '../core/features/semantic-tokens';
import { codeActions } from './code-actions';
import { DiagnosticsPublisher } from './diagnostics';
import { FlowFileCache } from './documents';
import { registerEditorFeatures } from './editor-features';
import { SettingsStore } from './settings';

declare const KFS_VERSION: string | undefined;

/**
 * Wires the connection to the adapters. No feature logic lives here: each request is translated to a
 * core call in its own module.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new FlowFileCache();
  let supportsConfiguration = false;
  let redhatYamlPresent = false;
  const settings = new SettingsStore(connection, () => supportsConfiguration);

  const flowFileOf = async (document: TextDocument): Promise<{ file: FlowFile; settings: KfsSettings }> => {
    const s = await settings.get(document.uri);
    return { file: cache.get(document, s), settings: s };
  };
  let publisher: DiagnosticsPublisher | undefined;

  connection.onInitialize((params): InitializeResult => {
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as Partial<KfsInitializationOptions> | undefined;
    redhatYamlPresent = options?.redhatYamlPresent === true;
    publisher = new DiagnosticsPublisher(connection, documents, flowFileOf, redhatYamlPresent);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '.', '-', '|'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: true },
      },
      serverInfo: { name: 'Kestra Flow Studio', version: typeof KFS_VERSION === 'string' ? KFS_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (supportsConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kfs' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    cache.clear();
    for (const d of documents.all()) publisher?.schedule(d.uri, true);
  });

  documents.onDidOpen((e) => publisher?.schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => publisher?.schedule(e.document.uri));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    publisher?.clear(e.document.uri);
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !publisher) return [];
    const { file, diagnostics } = await publisher.diagnosticsOf(document);
    return codeActions(document, file, diagnostics, params);
  });

  registerEditorFeatures(connection, documents, flowFileOf);

  documents.listen(connection);
  connection.listen();
}
