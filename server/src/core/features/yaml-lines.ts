import type { LineIndex } from '../document/positions';

/**
 * Reads block-style YAML one line at a time, without a parser: what a line starts (list dashes, a key, a
 * value) and which keys a mapping has. Half-typed and broken files are the point: the yaml AST of such a
 * file may have nothing at the cursor, the line structure always does.
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
  /** The indentation contains a tab (not valid YAML indentation). */
  readonly tabIndent: boolean;
}

const NOT_A_PLAIN_KEY_START = new Set(['[', '{', '|', '>', '*', '!', '%', '@', '`', '#', ',', '?', '&']);

export function shapeOf(line: string): LineShape {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const indent = i;
  const docMarker = indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line);
  const tabIndent = line.slice(0, indent).includes('\t');
  const empty: LineShape = {
    indent,
    blank: true,
    comment: false,
    dashes: [],
    contentCol: i,
    valueCol: -1,
    value: '',
    commentCol: -1,
    blockHeader: false,
    docMarker,
    tabIndent,
  };
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
    tabIndent,
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

/** Keys written at `col` in the mapping that has a key (or its first entry's dash line) at `anchorLine`. */
export function textMapKeys(
  text: string,
  lines: LineIndex,
  firstLine: number,
  lastLine: number,
  anchorLine: number,
  col: number,
): Map<string, { line: number; value: string }> {
  const keys = new Map<string, { line: number; value: string }>();
  const take = (shape: LineShape, line: number): void => {
    if (shape.key && shape.key.col === col && !keys.has(shape.key.name)) keys.set(shape.key.name, { line, value: shape.value });
  };
  for (let i = anchorLine; i >= firstLine; i--) {
    if (quickIndent(text, lines, i) > col) continue;
    const shape = shapeOf(lineAt(text, lines, i));
    if (shape.blank || shape.tabIndent) continue;
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
    if (quickIndent(text, lines, i) > col) continue;
    const shape = shapeOf(lineAt(text, lines, i));
    if (shape.blank || shape.tabIndent) continue;
    if (shape.docMarker || shape.indent < col) break;
    if (shape.indent === col) take(shape, i);
  }
  return keys;
}

/** Spaces before the first character of a line; blank lines count as infinitely indented (skipped). */
function quickIndent(text: string, lines: LineIndex, line: number): number {
  const start = lines.lineStartOffset(line);
  const end = lines.lineEndOffset(line);
  let j = start;
  while (j < end && text.charCodeAt(j) === 32) j++;
  return j >= end ? Number.MAX_SAFE_INTEGER : j - start;
}

function lineAt(text: string, lines: LineIndex, line: number): string {
  return text.slice(lines.lineStartOffset(line), lines.lineEndOffset(line));
}
