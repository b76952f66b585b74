import { readFile } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type CompletionList, type Diagnostic, type Hover, type LanguageService } from 'yaml-language-server';

/**
 * The Red Hat YAML language server (the engine of the VS Code YAML extension) driven in-process with one of our
 * JSON Schemas, to see a flow the way users of that extension see it. Shared by unit tests and the benchmark.
 */
export interface YamlLs {
  readonly service: LanguageService;
  /** Every diagnostic the YAML server reports for `text` (syntax and schema). */
  validate(text: string, fileName?: string): Promise<Diagnostic[]>;
  /** Completion at the first `|` in `text` (the marker is removed). */
  complete(textWithCursor: string, fileName?: string): Promise<CompletionList>;
  /** Hover at the first `|` in `text` (the marker is removed). */
  hover(textWithCursor: string, fileName?: string): Promise<Hover | null>;
}

let documents = 0;

/** A YAML language service that applies `schemaFile` to every `*.yml` / `*.yaml` document. */
export function createYamlLs(schemaFile: string): YamlLs {
  const schemaUri = pathToFileURL(schemaFile).href;
  const service = getLanguageService({
    // The server asks for schemas by URI; only ours is served, from disk.
    schemaRequestService: async (uri) => {
      if (uri !== schemaUri) throw new Error(`unexpected schema request: ${uri}`);
      return readFile(fileURLToPath(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  service.configure({
    validate: true,
    hover: true,
    completion: true,
    schemas: [{ uri: schemaUri, fileMatch: ['*.yml', '*.yaml'] }],
  });

  // Each call gets a fresh URI (and version), so the server's document cache never serves stale text.
  const open = (text: string, fileName: string): TextDocument =>
    TextDocument.create(`file:///kfs-yaml-ls/${++documents}/${fileName}`, 'yaml', 1, text);

  const withCursor = (textWithCursor: string, fileName: string): { doc: TextDocument; offset: number } => {
    const offset = textWithCursor.indexOf('|');
    if (offset < 0) throw new Error('no `|` cursor marker in the text');
    return { doc: open(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), fileName), offset };
  };

  return {
    service,
    validate: (text, fileName = 'flow.yml') => service.doValidation(open(text, fileName), false),
    complete: (textWithCursor, fileName = 'flow.yml') => {
      const { doc, offset } = withCursor(textWithCursor, fileName);
      return service.doComplete(doc, doc.positionAt(offset), false);
    },
    hover: (textWithCursor, fileName = 'flow.yml') => {
      const { doc, offset } = withCursor(textWithCursor, fileName);
      return service.doHover(doc, doc.positionAt(offset));
    },
  };
}
