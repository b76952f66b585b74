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
  /** Completion at `offset` in `text` (helpers/cursor.ts `withCursor` turns a marked text into both). */
  complete(text: string, offset: number, fileName?: string): Promise<CompletionList>;
  /** Hover at `offset` in `text`. */
  hover(text: string, offset: number, fileName?: string): Promise<Hover | null>;
}

/** Version of the next document; the server's parse cache is keyed by URI and version, so each call reparses. */
let nextVersion = 1;

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

  // One URI per file name (the cache keeps one entry per URI) and a new version per call (so it never serves stale text).
  const open = (text: string, fileName: string): TextDocument =>
    TextDocument.create(`file:///kfs-yaml-ls/${fileName}`, 'yaml', nextVersion++, text);

  return {
    service,
    validate: (text, fileName = 'flow.yml') => service.doValidation(open(text, fileName), false),
    complete: (text, offset, fileName = 'flow.yml') => {
      const doc = open(text, fileName);
      return service.doComplete(doc, doc.positionAt(offset), false);
    },
    hover: (text, offset, fileName = 'flow.yml') => {
      const doc = open(text, fileName);
      return service.doHover(doc, doc.positionAt(offset));
    },
  };
}
