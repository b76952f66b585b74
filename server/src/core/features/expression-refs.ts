/**
 * Finds references to task outputs and inputs in Pebble text: `outputs.<id>`, `outputs['<id>']`,
 * `tasks.<id>` and `inputs.<id>` inside `{{ … }}` and `{% … %}`. A small hand-written lexer, not a Pebble
 * parser: it skips string literals and comments, and ignores roots reached through a dot
 * (`trigger.outputs.x`, `outputs.sub.outputs.x`). Kept on its own so a real parser can replace it.
 */

export type RefRoot = 'outputs' | 'tasks' | 'inputs';

export interface ExpressionRef {
  readonly root: RefRoot;
  /** The name as written: for dotted access the whole chain after the root (`a.b` in `inputs.a.b`). */
  readonly name: string;
  /** Offsets of `name` in the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly syntax: 'dot' | 'bracket';
  /** Offsets of the accessor: `.name` or `['name']`. */
  readonly accessorStart: number;
  readonly accessorEnd: number;
}

export interface Region {
  readonly start: number;
  readonly end: number;
}

const ROOTS = new Set<string>(['outputs', 'tasks', 'inputs']);

/** The `{{ … }}` and `{% … %}` regions of a text, contents only; `{# … #}` comments and raw blocks skipped. */
export function expressionRegions(text: string): Region[] {
  const regions: Region[] = [];
  let i = text.indexOf('{');
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    if (next === '{' || next === '%') {
      const close = next === '{' ? '}}' : '%}';
      const end = findClose(text, i + 2, close);
      const contentEnd = end < 0 ? text.length : end;
      regions.push({ start: i + 2, end: contentEnd });
      if (next === '%' && /^\s*-?\s*raw\b/.test(text.slice(i + 2, contentEnd))) {
        const endRaw = text.slice(contentEnd).search(/\{%-?\s*endraw\b/);
        i = endRaw < 0 ? text.length : contentEnd + endRaw;
        continue;
      }
      i = end < 0 ? text.length : end + 2;
    } else if (next === '#') {
      const end = text.indexOf('#}', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      i++;
    }
    i = text.indexOf('{', i);
  }
  return regions;
}

/** The closing delimiter, skipping string literals (a `}}` inside quotes does not close). */
function findClose(text: string, from: number, close: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") i = skipString(text, i);
    else if (text.startsWith(close, i)) return i;
  }
  return -1;
}

/** Index of the closing quote of the string starting at `open` (or the end of the text). */
function skipString(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

export function findExpressionRefs(text: string): ExpressionRef[] {
  const refs: ExpressionRef[] = [];
  for (const region of expressionRegions(text)) scanRegion(text, region, refs);
  return refs;
}

function isIdentStart(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z_]/.test(ch);
}

function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}

function scanRegion(text: string, region: Region, out: ExpressionRef[]): void {
  let previous = ''; // last significant character before the current token
  for (let i = region.start; i < region.end;) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      i = skipString(text, i) + 1;
      previous = ch;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (isIdentStart(ch)) {
      let j = i + 1;
      while (j < region.end && isIdentChar(text[j])) j++;
      const word = text.slice(i, j);
      if (ROOTS.has(word) && previous !== '.') {
        const ref = accessorAt(text, j, region.end, word as RefRoot);
        if (ref) {
          out.push(ref);
          i = ref.accessorEnd;
          previous = ref.syntax === 'dot' ? 'a' : ']';
          continue;
        }
      }
      i = j;
      previous = 'a';
      continue;
    }
    previous = ch;
    i++;
  }
}

/** `.name…` or `['name']` right after a root word. */
function accessorAt(text: string, at: number, end: number, root: RefRoot): ExpressionRef | undefined {
  if (text[at] === '.') {
    const start = at + 1;
    // Task ids may contain `-`; input ids may contain `.` (nested maps). The caller matches declared ids.
    const chars = root === 'inputs' ? /[A-Za-z0-9_.-]/ : /[A-Za-z0-9_-]/;
    let j = start;
    while (j < end && chars.test(text[j]!)) j++;
    while (j > start && (text[j - 1] === '.' || text[j - 1] === '-')) j--;
    if (j === start || !/[A-Za-z0-9_]/.test(text[start]!)) return undefined;
    return { root, name: text.slice(start, j), start, end: j, syntax: 'dot', accessorStart: at, accessorEnd: j };
  }
  if (text[at] === '[') {
    let j = at + 1;
    while (j < end && text[j] === ' ') j++;
    const quote = text[j];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = text.indexOf(quote, j + 1);
    if (close < 0 || close >= end) return undefined;
    let k = close + 1;
    while (k < end && text[k] === ' ') k++;
    if (text[k] !== ']') return undefined;
    return { root, name: text.slice(j + 1, close), start: j + 1, end: close, syntax: 'bracket', accessorStart: at, accessorEnd: k + 1 };
  }
  return undefined;
}
