import { Document, isMap, isScalar, LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';
import { LineIndex } from './positions';

/** Files above this size are not analysed: a clear notice beats a frozen editor. */
export const MAX_ANALYSED_LENGTH = 2 * 1024 * 1024;

export interface YamlProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly code: string;
}

/** One `---`-separated document of a file. */
export interface YamlSection {
  readonly doc: Document.Parsed;
  /** Offsets of the section in the file. */
  readonly start: number;
  readonly end: number;
  /** The root mapping, when the document is one. */
  readonly root: YAMLMap | undefined;
  /** Looks like a Kestra flow: top-level `id`, `namespace` and `tasks` or `triggers`. */
  readonly isFlow: boolean;
  readonly errors: readonly YamlProblem[];
}

/** A parsed file: its text, line index and YAML sections. Built once per (uri, version). */
export interface ParsedFile {
  readonly text: string;
  readonly lines: LineIndex;
  readonly sections: readonly YamlSection[];
  /** Set when the file was too large to analyse. */
  readonly tooLarge: boolean;
}

export function parseFile(text: string): ParsedFile {
  const lines = new LineIndex(text);
  if (text.length > MAX_ANALYSED_LENGTH) return { text, lines, sections: [], tooLarge: true };
  // uniqueKeys: false — duplicate keys are reported by our own rule with a better message and range.
  const docs = parseAllDocuments(text, { lineCounter: new LineCounter(), keepSourceTokens: true, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const sections = list.map((doc): YamlSection => {
    const root = isMap(doc.contents) ? doc.contents : undefined;
    const [start, , end] = doc.range;
    const errors = doc.errors.map((e) => ({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1), message: firstLine(e.message), code: e.code }));
    return { doc, start, end, root, isFlow: looksLikeFlow(root), errors };
  });
  return { text, lines, sections, tooLarge: false };
}

/** Kestra's own editors and the official extension detect flows this way; so do we. */
export function looksLikeFlow(root: YAMLMap | undefined): boolean {
  if (!root) return false;
  const keys = new Set<string>();
  for (const pair of root.items) if (isScalar(pair.key)) keys.add(String(pair.key.value));
  return keys.has('id') && keys.has('namespace') && (keys.has('tasks') || keys.has('triggers'));
}

export { textLooksLikeFlow } from '../../protocol/flow-detection';

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
