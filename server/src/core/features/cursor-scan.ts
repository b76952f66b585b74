import type { LineIndex } from '../document/positions';
import { closingQuote, shapeOf, type LineShape } from './yaml-lines';

/**
 * Where the cursor sits in the block structure, read from the text lines: from the cursor's line, walk up;
 * each line that starts at a smaller column than the current node holds its parent (a key or a list
 * dash). Sibling dashes on the way give list indices; a block-scalar header whose every following line is
 * more indented than its key means the cursor is inside that scalar.
 */

export interface ScanStep {
  readonly segment: string | number;
  readonly container: 'map' | 'seq';
  readonly line: number;
  readonly col: number;
}

/** Typing a key; `hasColon` when the line already has the `:` after it. */
export interface KeyTarget {
  readonly kind: 'key';
  readonly prefix: string;
  readonly start: number;
  readonly end: number;
  readonly hasColon: boolean;
}

/** Typing a value. */
export interface ValueTarget {
  readonly kind: 'value';
  readonly prefix: string;
  readonly start: number;
  readonly end: number;
  readonly quote?: '"' | "'";
  /** The cursor sits right after `key:` with no space yet. */
  readonly needsSpace: boolean;
  /** Inside a block scalar (`|`, `>`) or on a continuation line of a multi-line scalar. */
  readonly multiline?: boolean;
}

/** Starting a new list item (`dash` when `- ` is already typed). */
export interface ItemTarget {
  readonly kind: 'item';
  readonly dash: boolean;
  readonly prefix: string;
  readonly start: number;
  readonly end: number;
  readonly needsSpace: boolean;
  readonly quote?: '"' | "'";
}

export type ScanTarget =
  | KeyTarget
  | ValueTarget
  | ItemTarget
  /** Only white space before the cursor: a new key or a new list item, depending on what surrounds it. */
  | { readonly kind: 'bare'; readonly start: number }
  | { readonly kind: 'none' };

export interface TextScan {
  /** From the section root to the node the target belongs to: the owning mapping for keys, the value itself for values, the list for items. */
  readonly steps: readonly ScanStep[];
  readonly target: ScanTarget;
  /** What was found next to the cursor at its own column. */
  readonly siblings?: 'key' | 'item';
  /** For a list item at the cursor: its index (the number of items above it). */
  readonly itemIndex?: number;
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
    const close = quote ? closingQuote(raw, 0) : -1;
    const valueStart = lineStart + s.valueCol + (quote ? 1 : 0);
    const fullValueEnd = full.key && full.key.col === s.key.col ? valueEnd(full, quote) : s.valueCol + raw.length;
    target = {
      kind: 'value',
      prefix: close > 0 ? raw.slice(1, close) : raw.slice(quote ? 1 : 0),
      start: valueStart,
      end: close > 0 ? lineStart + fullValueEnd : Math.max(offset, lineStart + fullValueEnd),
      ...(quote ? { quote } : {}),
      needsSpace: s.valueCol === before.length && !/[ \t]$/.test(before),
    };
    node = { kind: 'key', col: s.key.col, line: cursorLine, name: s.key.name, siblings: 0 };
    pending = s.dashes.map((c) => ({ kind: 'dash', col: c }));
  } else {
    const word = before.slice(s.contentCol);
    const quote = word[0] === '"' || word[0] === "'" ? (word[0] as '"' | "'") : undefined;
    const editsKey = full.key !== undefined && full.key.col === s.contentCol;
    if ((!quote || !s.dashes.length || editsKey) && (/\s/.test(word.trim()) || /^[[{|>]/.test(word))) return none;
    const wordEnd = editsKey ? lineStart + full.key!.end : lineStart + s.contentCol + wordLength(lineText, s.contentCol);
    if (s.dashes.length > 0 && !editsKey) {
      const dash = s.dashes[s.dashes.length - 1]!;
      const close = quote ? closingQuote(lineText, s.contentCol) : -1;
      target = {
        kind: 'item',
        dash: true,
        prefix: close >= 0 && close < col ? lineText.slice(s.contentCol + 1, close) : word.slice(quote ? 1 : 0),
        start: lineStart + s.contentCol + (quote ? 1 : 0),
        end: close >= 0 ? lineStart + close : Math.max(offset, wordEnd),
        needsSpace: s.contentCol === before.length && !/[ \t]$/.test(before),
        ...(quote ? { quote } : {}),
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
    let tab = false;
    for (let ch = text.charCodeAt(j); j < end && (ch === 32 || ch === 9); ch = text.charCodeAt(++j)) tab ||= ch === 9;
    // Tabs are not YAML indentation: such a line cannot be placed, so it is left out.
    if (j >= end || text.charCodeAt(j) === 35 /* # */ || tab) continue;
    const indent = j - start;
    if (indent > walk.cur.col) {
      walk.minIndent = Math.min(walk.minIndent, indent);
      continue;
    }
    // Fast path for long lists: a sibling dash needs no tokenizing.
    if (indent === walk.cur.col && text.charCodeAt(j) === 45 /* - */ && (j + 1 >= end || text.charCodeAt(j + 1) === 32)) {
      walk.consider({ kind: 'dash', col: indent }, i);
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
    this.cur = {
      kind: tok.kind === 'key' ? 'key' : 'item',
      col: tok.col,
      line,
      ...(tok.name !== undefined ? { name: tok.name } : {}),
      siblings: 0,
    };
    // A key at column 0 has no parent: the lines above it cannot change the path.
    this.done = this.cur.kind === 'key' && this.cur.col === 0;
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
      steps.push({
        segment: n.kind === 'key' ? (n.name ?? '') : n.siblings,
        container: n.kind === 'key' ? 'map' : 'seq',
        line: n.line,
        col: n.col,
      });
    }
    return {
      steps,
      target: finalTarget,
      ...(this.siblings ? { siblings: this.siblings } : {}),
      ...(innermost.kind === 'item' ? { itemIndex: innermost.siblings } : {}),
      col: innermost.col,
      anchorLine: innermost.line,
    };
  }
}
