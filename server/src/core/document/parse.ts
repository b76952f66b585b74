import { isMap, isScalar, parseAllDocuments, type Document, type EmptyStream, type YAMLMap } from 'yaml';
import { LineIndex } from './positions';

/** Files above this size are not analysed: a clear notice beats a frozen editor. */
export const MAX_ANALYSED_LENGTH = 2 * 1024 * 1024;
/** Deeper nesting is refused before parsing: the YAML parser (and any recursive walk) would overflow its stack. */
export const MAX_NESTING_DEPTH = 200;

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
  /** Set when the file nests deeper than MAX_NESTING_DEPTH (or the parser gave up): not analysed. */
  readonly tooDeep?: { readonly depth: number; readonly offset: number };
}

/**
 * Options of every parse; incremental.ts re-parses single items with the same ones.
 * uniqueKeys: false — duplicate keys are reported by our own rule with a better message and range.
 * Source tokens are not kept: an incrementally re-parsed file could not keep their offsets right.
 */
export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false } as const;

export function parseFile(text: string): ParsedFile {
  const lines = new LineIndex(text);
  if (text.length > MAX_ANALYSED_LENGTH) return { text, lines, sections: [], tooLarge: true };
  const deep = nestingDepth(text);
  if (deep.depth > MAX_NESTING_DEPTH) return { text, lines, sections: [], tooLarge: false, tooDeep: deep };
  let docs: Document.Parsed[] | EmptyStream;
  try {
    docs = parseAllDocuments(text, PARSE_OPTIONS);
  } catch {
    // The estimate above is a heuristic; a parser stack overflow must still not escape.
    return { text, lines, sections: [], tooLarge: false, tooDeep: deep };
  }
  const list = Array.isArray(docs) ? docs : [];
  return { text, lines, sections: list.map((doc) => sectionOf(doc, text)), tooLarge: false };
}

/** The section of one parsed document of `text`. */
export function sectionOf(doc: Document.Parsed, text: string): YamlSection {
  const root = isMap(doc.contents) ? doc.contents : undefined;
  const [start, , end] = doc.range;
  const clamp = (n: number): number => Math.max(0, Math.min(n, text.length));
  const errors = doc.errors.map((e) => ({
    start: clamp(e.pos[0]),
    end: clamp(Math.max(e.pos[1], e.pos[0] + 1)),
    message: firstLine(e.message),
    code: e.code,
  }));
  return { doc, start, end, root, isFlow: looksLikeFlow(root), errors };
}

/** Kestra's own editors and the official extension detect flows this way; so do we. */
export function looksLikeFlow(root: YAMLMap | undefined): boolean {
  if (!root) return false;
  const keys = new Set<string>();
  for (const pair of root.items) if (isScalar(pair.key)) keys.add(String(pair.key.value));
  return keys.has('id') && keys.has('namespace') && (keys.has('tasks') || keys.has('triggers'));
}

export { textLooksLikeFlow } from '../../protocol/flow-detection';

/**
 * Upper bound of the nesting depth, without parsing: block indentation levels (a stack of indents, with
 * each leading `- ` counting as one more level) plus the deepest flow bracket nesting reached on the line.
 * Linear in the text; quotes and comments are skipped roughly, which can only over-estimate.
 */
export function nestingDepth(text: string): { depth: number; offset: number } {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let offset = 0;
  let at = 0;
  for (const line of text.split('\n')) {
    const content = line.trimStart();
    if (content.length > 0 && !content.startsWith('#')) {
      const indent = line.length - content.length;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      const dashes = content.charCodeAt(0) === 45 /* - */ ? /^(?:-\s+)*/.exec(content)![0].split('-').length - 1 : 0;
      let deepestFlow = flow;
      // By code unit: the characters looked for are ASCII, never halves of a surrogate pair.
      for (let i = 0; i < content.length; i++) {
        const ch = content.charCodeAt(i);
        if (ch === 35 /* # */) break;
        if (ch === 91 /* [ */ || ch === 123 /* { */) deepestFlow = Math.max(deepestFlow, ++flow);
        else if ((ch === 93 /* ] */ || ch === 125) /* } */ && flow > 0) flow--;
      }
      const depth = indents.length + dashes + deepestFlow;
      if (depth > max) {
        max = depth;
        offset = at + indent;
      }
    }
    at += line.length + 1;
  }
  return { depth: max, offset };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
