import type { LineIndex } from '../document/positions';

/**
 * Reads block-style YAML one line at a time, without a parser: what a line starts (list dashes, a key, a
 * value) and, from a cursor, which keys and list items enclose it. Half-typed and broken files are the
 * point: the yaml AST of such a file may have nothing at the cursor, the line structure always does.
 */

export interface KeyToken {
  readonly name: string;
  readonly col: number;
  /** Column just after the key text (before any closing quote's colon). */
  readonly end: number;
  readonly colon: number;
}

export interface LineShape {
  readonly indent: number;
  /** Empty, white space only, or only a comment. */
  readonly blank: boolean;
  readonly comment: boolean;
  /** Columns of the `- ` list markers, left to right. */
  readonly dashes: readonly number[];
  /** Column of the first character after the indentation and the dashes. */
  readonly contentCol: number;
  readonly key?: KeyToken;
  /** Column where the value starts: after `key: `, or the content column when there is no key. */
  readonly valueCol: number;
  /** Value text without a trailing comment or trailing white space. */
  readonly value: string;
  /** Column of a `#` comment after the content, or -1. */
  readonly commentCol: number;
  readonly blockHeader: boolean;
  readonly docMarker: boolean;
}

const NOT_A_PLAIN_KEY_START = new Set(['[', '{', '|', '>', '*', '!', '%', '@', '`', '#', ',', '?', '&']);

export function shapeOf(line: string): LineShape {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const indent = i;
  const docMarker = indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line);
  const empty: LineShape = { indent, blank: true, comment: false, dashes: [], contentCol: i, valueCol: -1, value: '', commentCol: -1, blockHeader: false, docMarker };
  if (i >= line.length || docMarker) return empty;
  if (line[i] === '#') return { ...empty, comment: true, commentCol: i };
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  const contentCol = i;
  const key = keyAt(line, i);
  const valueCol = key ? skipSpaces(line, key.colon + 1) : contentCol;
  const commentCol = commentStart(line, valueCol);
  const value = line.slice(valueCol, commentCol < 0 ? line.length : commentCol).trimEnd();
  const blank = contentCol >= line.length && dashes.length === 0;
  return {
    indent,
    blank,
    comment: commentCol === contentCol,
    dashes,
    contentCol,
    ...(key ? { key } : {}),
    valueCol,
    value,
    commentCol,
    blockHeader: key !== undefined && /^[|>][0-9+-]*$/.test(value),
    docMarker,
  };
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** A key at `at`: plain text or a quoted string followed by `:` and a space or the end of the line. */
function keyAt(line: string, at: number): KeyToken | undefined {
  const first = line[at];
  if (first === undefined) return undefined;
  if (first === '"' || first === "'") {
    const close = closingQuote(line, at);
    if (close < 0) return undefined;
    const colon = skipSpaces(line, close + 1);
    if (line[colon] !== ':' || !separatorAfter(line, colon)) return undefined;
    return { name: unquote(line.slice(at + 1, close), first), col: at, end: close + 1, colon };
  }
  if (NOT_A_PLAIN_KEY_START.has(first)) return undefined;
  for (let j = at; j < line.length; j++) {
    const ch = line[j];
    if (ch === '#' && j > at && (line[j - 1] === ' ' || line[j - 1] === '\t')) return undefined;
    if (ch === ':' && separatorAfter(line, j)) {
      const name = line.slice(at, j).trimEnd();
      return name.length > 0 ? { name, col: at, end: at + name.length, colon: j } : undefined;
    }
  }
  return undefined;
}

function separatorAfter(line: string, colon: number): boolean {
  const next = line[colon + 1];
  return next === undefined || next === ' ' || next === '\t';
}

export function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let j = open + 1; j < line.length; j++) {
    if (quote === '"' && line[j] === '\\') j++;
    else if (line[j] === quote) {
      if (quote === "'" && line[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}

function unquote(text: string, quote: string): string {
  return quote === "'" ? text.replace(/''/g, "'") : text.replace(/\\(.)/g, '$1');
}

/** Column of a comment starting at or after `from` (outside a leading quoted string), or -1. */
function commentStart(line: string, from: number): number {
  let j = from;
  if (line[j] === '"' || line[j] === "'") {
    const close = closingQuote(line, j);
    if (close < 0) return -1;
    j = close + 1;
  }
  for (; j < line.length; j++) {
    if (line[j] === '#' && (j === from || line[j - 1] === ' ' || line[j - 1] === '\t')) return j;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// The cursor scan

export interface ScanStep {
  readonly segment: string | number;
  readonly container: 'map' | 'seq';
  readonly line: number;
  readonly col: number;
}

export type ScanTarget =
  | { readonly kind: 'key'; readonly prefix: string; readonly start: number; readonly end: number; readonly hasColon: boolean }
  | {
      readonly kind: 'value';
      readonly prefix: string;
      readonly start: number;
      readonly end: number;
      readonly quote?: '"' | "'";
      readonly needsSpace: boolean;
      /** Inside a block scalar (`|`, `>`) or on a continuation line of a multi-line scalar. */
      readonly multiline?: boolean;
    }
  | { readonly kind: 'item'; readonly dash: boolean; readonly prefix: string; readonly start: number; readonly end: number; readonly needsSpace: boolean }
  /** Only white space before the cursor: a new key or a new list item, depending on what surrounds it. */
  | { readonly kind: 'bare'; readonly start: number }
  | { readonly kind: 'none' };

export interface TextScan {
  /** From the section root to the node the target belongs to: the owning mapping for keys, the value itself for values, the list for items. */
  readonly steps: readonly ScanStep[];
  readonly target: ScanTarget;
  /** What was found next to the cursor at its own column. */
  readonly siblings?: 'key' | 'item';
  /** Column and one line of the innermost container (for reading its keys from the text). */
  readonly col: number;
  readonly anchorLine: number;
}

interface Tok {
  readonly kind: 'key' | 'dash';
  readonly col: number;
  readonly name?: string;
  readonly inline?: string;
  readonly block?: boolean;
}

interface WalkNode {
  kind: 'key' | 'item' | 'bare';
  col: number;
  line: number;
  name?: string;
  siblings: number;
}

function tokensOf(shape: LineShape): Tok[] {
  const tokens: Tok[] = shape.dashes.map((col) => ({ kind: 'dash', col }));
  if (shape.key) tokens.push({ kind: 'key', col: shape.key.col, name: shape.key.name, inline: shape.value, block: shape.blockHeader });
  return tokens;
}

/** Anchors and tags alone on a key's line leave the value to the following lines. */
function inlineIsEmpty(inline: string | undefined): boolean {
  return !inline || /^((&|!)\S*)(\s+(&|!)\S*)*$/.test(inline);
}

/** Where the cursor is in the block structure, from the text lines only. `firstLine` bounds the section. */
export function scanCursor(text: string, lines: LineIndex, firstLine: number, offset: number): TextScan {
  const { line: cursorLine, character: col } = lines.positionAt(offset);
  const lineStart = lines.lineStartOffset(cursorLine);
  const lineText = lines.lineText(cursorLine);
  const before = lineText.slice(0, col);
  const s = shapeOf(before);
  const full = shapeOf(lineText);
  const none: TextScan = { steps: [], target: { kind: 'none' }, col, anchorLine: cursorLine };
  if (s.comment || s.commentCol >= 0 || s.docMarker) return none;

  let target: ScanTarget;
  let node: WalkNode;
  let pending: Tok[];
  if (s.blank) {
    if (full.key && full.key.col === col && full.dashes.length === 0) {
      target = { kind: 'key', prefix: '', start: offset, end: lineStart + full.key.end, hasColon: true };
      node = { kind: 'key', col, line: cursorLine, siblings: 0 };
    } else {
      target = { kind: 'bare', start: offset };
      node = { kind: 'bare', col, line: cursorLine, siblings: 0 };
    }
    pending = [];
  } else if (s.key) {
    const raw = before.slice(s.valueCol);
    if (s.blockHeader || /^[[{]/.test(raw)) return none;
    const quote = raw[0] === '"' || raw[0] === "'" ? (raw[0] as '"' | "'") : undefined;
    const valueStart = lineStart + s.valueCol + (quote ? 1 : 0);
    const fullValueEnd = full.key && full.key.col === s.key.col ? valueEnd(full, quote) : s.valueCol + raw.length;
    target = {
      kind: 'value',
      prefix: raw.slice(quote ? 1 : 0),
      start: valueStart,
      end: Math.max(offset, lineStart + fullValueEnd),
      ...(quote ? { quote } : {}),
      needsSpace: s.valueCol === before.length && !/[ \t]$/.test(before),
    };
    node = { kind: 'key', col: s.key.col, line: cursorLine, name: s.key.name, siblings: 0 };
    pending = s.dashes.map((c) => ({ kind: 'dash', col: c }));
  } else {
    const word = before.slice(s.contentCol);
    if (/\s/.test(word.trim()) || /^[[{|>]/.test(word)) return none;
    const editsKey = full.key !== undefined && full.key.col === s.contentCol;
    const wordEnd = editsKey ? lineStart + full.key!.end : lineStart + s.contentCol + wordLength(lineText, s.contentCol);
    const quote = word[0] === '"' || word[0] === "'" ? 1 : 0;
    if (s.dashes.length > 0 && !editsKey) {
      const dash = s.dashes[s.dashes.length - 1]!;
      target = {
        kind: 'item',
        dash: true,
        prefix: word.slice(quote),
        start: lineStart + s.contentCol + quote,
        end: Math.max(offset, wordEnd),
        needsSpace: s.contentCol === before.length && !/[ \t]$/.test(before),
      };
      node = { kind: 'item', col: dash, line: cursorLine, siblings: 0 };
      pending = s.dashes.slice(0, -1).map((c) => ({ kind: 'dash', col: c }));
    } else {
      target = { kind: 'key', prefix: word, start: lineStart + s.contentCol, end: Math.max(offset, wordEnd), hasColon: editsKey };
      node = { kind: 'key', col: s.contentCol, line: cursorLine, siblings: 0 };
      pending = s.dashes.map((c) => ({ kind: 'dash', col: c }));
    }
  }

  const walk = new Walk(node, s.blank ? col : s.indent);
  for (let i = pending.length - 1; i >= 0; i--) walk.consider(pending[i]!, cursorLine);
  for (let i = cursorLine - 1; i >= firstLine && !walk.done; i--) {
    const start = lines.lineStartOffset(i);
    const end = lines.lineEndOffset(i);
    let j = start;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j >= end || text.charCodeAt(j) === 35 /* # */) continue;
    const indent = j - start;
    if (indent > walk.cur.col) {
      walk.minIndent = Math.min(walk.minIndent, indent);
      continue;
    }
    const shape = shapeOf(text.slice(start, end));
    if (shape.docMarker) break;
    if (shape.key && shape.blockHeader && walk.minIndent > shape.key.col) {
      walk.restart(shape, i);
    } else {
      const tokens = tokensOf(shape);
      for (let t = tokens.length - 1; t >= 0; t--) walk.consider(tokens[t]!, i, shape);
    }
    walk.minIndent = Math.min(walk.minIndent, indent);
  }
  return walk.finish(target, offset);
}

function valueEnd(shape: LineShape, quote: string | undefined): number {
  const end = shape.valueCol + shape.value.length;
  return quote && shape.value.endsWith(quote) && shape.value.length > 1 ? end - 1 : end;
}

function wordLength(line: string, from: number): number {
  let j = from;
  while (j < line.length && !/[\s:]/.test(line[j]!)) j++;
  return j - from;
}

/** Upward walk from the cursor: each token at a smaller column than the current node is its parent. */
class Walk {
  readonly chain: WalkNode[] = [];
  cur: WalkNode;
  minIndent: number;
  siblings: 'key' | 'item' | undefined;
  /** Set when the cursor turned out to be inside a multi-line scalar of `cur`. */
  multiline = false;
  private cursorLevel = true;
  done = false;

  constructor(node: WalkNode, minIndent: number) {
    this.cur = node;
    this.minIndent = minIndent;
  }

  consider(tok: Tok, line: number, shape?: LineShape): void {
    const cur = this.cur;
    if (tok.col > cur.col) return;
    if (tok.col === cur.col) {
      if (tok.kind === 'key' && cur.kind !== 'item') {
        if (cur.kind === 'bare') cur.kind = 'key';
        if (this.cursorLevel) this.siblings ??= 'key';
        return;
      }
      if (tok.kind === 'dash' && cur.kind !== 'key') {
        cur.kind = 'item';
        cur.siblings++;
        if (this.cursorLevel) this.siblings ??= 'item';
        return;
      }
      // A dash at a key's column is a compact list under a sibling key.
      if (tok.kind === 'dash') return;
      // A key at an item's column is the key holding a compact list: the parent.
    }
    if (tok.kind === 'key' && !inlineIsEmpty(tok.inline)) {
      // Everything below a key with a value on its own line is that value's continuation.
      if (shape) this.restart(shape, line);
      return;
    }
    this.chain.push(cur);
    this.cursorLevel = false;
    this.cur = { kind: tok.kind === 'key' ? 'key' : 'item', col: tok.col, line, ...(tok.name !== undefined ? { name: tok.name } : {}), siblings: 0 };
  }

  /** The cursor is inside the value of the key on `shape`'s line: start over from that key. */
  restart(shape: LineShape, line: number): void {
    const key = shape.key!;
    this.chain.length = 0;
    this.multiline = true;
    this.siblings = undefined;
    this.cursorLevel = false;
    this.cur = { kind: 'key', col: key.col, line, name: key.name, siblings: 0 };
    for (let t = shape.dashes.length - 1; t >= 0; t--) this.consider({ kind: 'dash', col: shape.dashes[t]! }, line);
  }

  finish(target: ScanTarget, offset: number): TextScan {
    const nodes = [...this.chain, this.cur];
    const innermost = nodes[0]!;
    let finalTarget = target;
    let keepFirst = target.kind === 'value';
    if (this.multiline) {
      finalTarget = { kind: 'value', prefix: '', start: offset, end: offset, needsSpace: false, multiline: true };
      keepFirst = true;
    }
    const steps: ScanStep[] = [];
    for (let i = nodes.length - 1; i >= (keepFirst ? 0 : 1); i--) {
      const n = nodes[i]!;
      steps.push({ segment: n.kind === 'key' ? (n.name ?? '') : n.siblings, container: n.kind === 'key' ? 'map' : 'seq', line: n.line, col: n.col });
    }
    return { steps, target: finalTarget, ...(this.siblings ? { siblings: this.siblings } : {}), col: innermost.col, anchorLine: innermost.line };
  }
}

/** Keys written at `col` in the mapping that has a key (or its first entry's dash line) at `anchorLine`. */
export function textMapKeys(text: string, lines: LineIndex, firstLine: number, lastLine: number, anchorLine: number, col: number): Map<string, { line: number; value: string }> {
  const keys = new Map<string, { line: number; value: string }>();
  const take = (shape: LineShape, line: number): void => {
    if (shape.key && shape.key.col === col && !keys.has(shape.key.name)) keys.set(shape.key.name, { line, value: shape.value });
  };
  for (let i = anchorLine; i >= firstLine; i--) {
    const shape = shapeOf(lineAt(text, lines, i));
    if (shape.blank) continue;
    if (shape.docMarker) break;
    if (shape.indent > col) continue;
    if (shape.indent === col && shape.key) take(shape, i);
    else if (shape.indent < col) {
      // The first entry of a list item shares its line with the dash.
      if (shape.key?.col === col) take(shape, i);
      break;
    }
  }
  for (let i = anchorLine + 1; i <= lastLine; i++) {
    const shape = shapeOf(lineAt(text, lines, i));
    if (shape.blank) continue;
    if (shape.docMarker || shape.indent < col) break;
    if (shape.indent === col) take(shape, i);
  }
  return keys;
}

function lineAt(text: string, lines: LineIndex, line: number): string {
  return text.slice(lines.lineStartOffset(line), lines.lineEndOffset(line));
}
