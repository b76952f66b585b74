import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  ResponseError,
  SymbolKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, type CompletionItem as CoreCompletionItem } from '../core/features/completion';
import { hover } from '../core/features/hover';
import { definition, prepareRename, references, rename } from '../core/features/navigation';
import { SEMANTIC_TOKEN_TYPES, semanticTokens } from '../core/features/semantic-tokens';
import { documentSymbols, type FlowSymbol, type FlowSymbolKind } from '../core/features/symbols';
import type { FlowFile } from '../core/flow-file';
import type { KfsSettings } from '../protocol/settings';
import { toRange } from './convert';

type FlowFileOf = (document: TextDocument) => Promise<{ file: FlowFile; settings: KfsSettings }>;

const COMPLETION_KIND: Readonly<Record<CoreCompletionItem['kind'], CompletionItemKind>> = {
  type: CompletionItemKind.Class,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  keyword: CompletionItemKind.Keyword,
  'input-type': CompletionItemKind.TypeParameter,
};

const SYMBOL_KIND: Readonly<Record<FlowSymbolKind, SymbolKind>> = {
  flow: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  task: SymbolKind.Function,
  trigger: SymbolKind.Event,
  input: SymbolKind.Variable,
  output: SymbolKind.Property,
  variable: SymbolKind.Constant,
  branch: SymbolKind.Array,
};

/** Completion, hover, outline and navigation: LSP params in, core calls, LSP results out. */
export function registerEditorFeatures(connection: Connection, documents: TextDocuments<TextDocument>, flowFileOf: FlowFileOf): void {
  const withFile = async <T>(uri: string, empty: T, run: (file: FlowFile, document: TextDocument) => T): Promise<T> => {
    const document = documents.get(uri);
    if (!document) return empty;
    const { file } = await flowFileOf(document);
    return run(file, document);
  };

  connection.onCompletion((params) =>
    withFile(params.textDocument.uri, null, (file) => {
      const lines = file.parsed.lines;
      const offset = lines.offsetAt(params.position);
      const list = complete(file, offset);
      return {
        isIncomplete: list.isIncomplete,
        items: list.items.map((item): CompletionItem => {
          const converted: CompletionItem = {
            label: item.label,
            kind: COMPLETION_KIND[item.kind],
            sortText: item.sortText,
            insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          };
          if (item.detail) converted.detail = item.detail;
          if (item.documentation) converted.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
          if (item.filterText) converted.filterText = item.filterText;
          if (item.deprecated) converted.tags = [CompletionItemTag.Deprecated];
          if (item.preselect) converted.preselect = true;
          // Without an explicit range the editor replaces the word at the cursor, as users expect.
          if (item.replaceStart !== undefined) {
            converted.textEdit = { range: toRange(lines, item.replaceStart, item.replaceEnd ?? offset), newText: item.insertText };
          } else converted.insertText = item.insertText;
          return converted;
        }),
      };
    }),
  );

  connection.onHover((params) =>
    withFile(params.textDocument.uri, null, (file) => {
      const result = hover(file, file.parsed.lines.offsetAt(params.position));
      return result
        ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(file.parsed.lines, result.start, result.end) }
        : null;
    }),
  );

  connection.onDocumentSymbol((params) =>
    withFile(params.textDocument.uri, [], (file) => {
      const convert = (s: FlowSymbol): DocumentSymbol => ({
        name: s.name || ' ',
        ...(s.detail ? { detail: s.detail } : {}),
        kind: SYMBOL_KIND[s.kind],
        range: toRange(file.parsed.lines, s.start, s.end),
        selectionRange: toRange(file.parsed.lines, s.selectionStart, s.selectionEnd),
        children: s.children.map(convert),
      });
      return documentSymbols(file).map(convert);
    }),
  );

  connection.onDefinition((params) =>
    withFile(params.textDocument.uri, [], (file, document) =>
      definition(file, file.parsed.lines.offsetAt(params.position)).map((s) => ({
        uri: document.uri,
        range: toRange(file.parsed.lines, s.start, s.end),
      })),
    ),
  );

  connection.onReferences((params) =>
    withFile(params.textDocument.uri, [], (file, document) =>
      references(file, file.parsed.lines.offsetAt(params.position), params.context.includeDeclaration).map((s) => ({
        uri: document.uri,
        range: toRange(file.parsed.lines, s.start, s.end),
      })),
    ),
  );

  connection.onPrepareRename((params) =>
    withFile(params.textDocument.uri, null, (file) => {
      const target = prepareRename(file, file.parsed.lines.offsetAt(params.position));
      return target ? { range: toRange(file.parsed.lines, target.start, target.end), placeholder: target.placeholder } : null;
    }),
  );

  connection.onRenameRequest(async (params) => {
    const result = await withFile(params.textDocument.uri, undefined, (file, document) => {
      const outcome = rename(file, file.parsed.lines.offsetAt(params.position), params.newName);
      if ('error' in outcome) return { error: outcome.error };
      return {
        changes: { [document.uri]: outcome.edits.map((e) => ({ range: toRange(file.parsed.lines, e.start, e.end), newText: e.newText })) },
      };
    });
    if (!result) return null;
    if ('error' in result) throw new ResponseError(-32602, result.error ?? 'cannot rename here');
    return result;
  });

  connection.languages.semanticTokens.on((params) =>
    withFile(params.textDocument.uri, { data: [] }, (file) => {
      // LSP encodes tokens as deltas: line, start character, length, type index, modifiers.
      const data: number[] = [];
      let line = 0;
      let character = 0;
      for (const token of semanticTokens(file)) {
        const position = file.parsed.lines.positionAt(token.start);
        const deltaLine = position.line - line;
        data.push(
          deltaLine,
          deltaLine === 0 ? position.character - character : position.character,
          token.end - token.start,
          SEMANTIC_TOKEN_TYPES.indexOf(token.type),
          0,
        );
        line = position.line;
        character = position.character;
      }
      return { data };
    }),
  );
}
