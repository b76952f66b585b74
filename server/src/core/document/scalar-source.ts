import { Scalar } from 'yaml';

/**
 * Maps positions inside a scalar's parsed value back to the file. Every style is handled line by line:
 * plain and quoted scalars fold their lines, block scalars strip their indentation, quoted ones decode escapes.
 * A value character that the source does not spell one for one (a folded line break, an escape) has no
 * offset, so a range that crosses one cannot be mapped: callers then fall back to the whole scalar.
 */
export interface ScalarSource {
  /** The scalar's value as a string. */
  readonly value: string;
  /** Source offset of the value character at `index`; undefined when folding or an escape produced it. */
  offsetOf(index: number): number | undefined;
  /** Source span of `value[start, end)` when the source spells it contiguously, character for character. */
  spanOf(start: number, end: number): { start: number; end: number } | undefined;
  /** Index in the value of the character written at `offset` in the source, when there is one. */
  indexAt(offset: number): number | undefined;
}

/** One source line of a scalar after decoding: its characters and the source offset of each. */
interface DecodedLine {
  readonly chars: string;
  readonly offsets: readonly number[];
  /** Double-quoted line ending with `\`: the break is removed without a space. */
  readonly joinsNext?: boolean;
}

export function scalarSource(text: string, node: Scalar): ScalarSource | undefined {
  const range = node.range;
  if (!range || node.value === null || node.value === undefined || typeof node.value === 'object') return undefined;
  const value = String(node.value);
  const source = text.slice(range[0], range[1]);
  let map: Int32Array | undefined;
  switch (node.type) {
    case Scalar.PLAIN:
      map = source === value ? identity(value.length, range[0]) : foldedMap(value, splitLines(source, range[0], 0).map(trimLine));
      break;
    case Scalar.QUOTE_SINGLE:
    case Scalar.QUOTE_DOUBLE: {
      const quote = source.charAt(0);
      if (source.length < 2 || source.charAt(source.length - 1) !== quote) return undefined;
      const inner = source.slice(1, -1);
      if (inner === value) map = identity(value.length, range[0] + 1);
      else map = foldedMap(value, decodeQuoted(splitLines(inner, range[0] + 1, 0), quote === '"'));
      break;
    }
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      map = blockMap(value, source, range[0], node.type === Scalar.BLOCK_LITERAL);
      break;
    default:
      map = undefined;
  }
  return map ? new MappedSource(value, map) : undefined;
}

class MappedSource implements ScalarSource {
  constructor(
    readonly value: string,
    private readonly map: Int32Array,
  ) {}

  offsetOf(index: number): number | undefined {
    const at = this.map[index];
    return at === undefined || at < 0 ? undefined : at;
  }

  spanOf(start: number, end: number): { start: number; end: number } | undefined {
    if (start < 0 || end > this.value.length || start > end) return undefined;
    if (start === end) {
      if (start < this.value.length) {
        const at = this.offsetOf(start);
        return at === undefined ? undefined : { start: at, end: at };
      }
      const last = start > 0 ? this.offsetOf(start - 1) : undefined;
      return last === undefined ? undefined : { start: last + 1, end: last + 1 };
    }
    const first = this.offsetOf(start);
    if (first === undefined) return undefined;
    for (let i = start + 1; i < end; i++) if (this.map[i] !== first + (i - start)) return undefined;
    return { start: first, end: first + (end - start) };
  }

  indexAt(offset: number): number | undefined {
    for (let i = 0; i < this.map.length; i++) if (this.map[i] === offset) return i;
    return undefined;
  }
}

function identity(length: number, base: number): Int32Array {
  const map = new Int32Array(length);
  for (let i = 0; i < length; i++) map[i] = base + i;
  return map;
}

interface RawLine {
  readonly text: string;
  /** Source offset of `text[0]`. */
  readonly start: number;
}

function splitLines(source: string, base: number, from: number): RawLine[] {
  const lines: RawLine[] = [];
  let start = from;
  for (let i = from; i <= source.length; i++) {
    const ch = source.charCodeAt(i);
    if (i === source.length || ch === 10 || ch === 13) {
      lines.push({ text: source.slice(start, i), start: base + start });
      if (ch === 13 && source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/** A flow-scalar line without its surrounding white space (folding drops it). */
function trimLine(line: RawLine): RawLine {
  const lead = line.text.length - line.text.trimStart().length;
  return { text: line.text.trim(), start: line.start + lead };
}

/**
 * Lines of a plain or quoted scalar: one break between two lines folds to a space, each blank line in
 * between becomes a newline. Every line is checked against the value, so a mistaken guess maps nothing.
 */
function foldedMap(value: string, lines: readonly (RawLine | DecodedLine)[]): Int32Array | undefined {
  const decoded = lines.map(asDecoded);
  const map = new Int32Array(value.length).fill(-1);
  let pos = 0;
  let blank = 0;
  let first = true;
  let joins = false;
  for (const line of decoded) {
    if (line.chars.length === 0 && !first) {
      blank++;
      continue;
    }
    if (!first) pos += joins ? 0 : blank > 0 ? blank : 1;
    if (value.slice(pos, pos + line.chars.length) !== line.chars) return undefined;
    for (let i = 0; i < line.chars.length; i++) map[pos + i] = line.offsets[i]!;
    pos += line.chars.length;
    first = false;
    blank = 0;
    joins = line.joinsNext === true;
  }
  return pos === value.length ? map : undefined;
}

function asDecoded(line: RawLine | DecodedLine): DecodedLine {
  if ('chars' in line) return line;
  const offsets: number[] = [];
  for (let i = 0; i < line.text.length; i++) offsets.push(line.start + i);
  return { chars: line.text, offsets };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Decodes each line of a quoted scalar; an escape maps to no single source character (-1). */
function decodeQuoted(raw: readonly RawLine[], double: boolean): DecodedLine[] {
  return raw.map((line, index) => {
    // Folding drops the white space around inner line breaks, never the spaces next to the quotes.
    const last = index === raw.length - 1;
    const lead = index === 0 ? 0 : line.text.length - line.text.trimStart().length;
    const text = (last ? line.text : line.text.trimEnd()).slice(lead);
    const trimmed = { start: line.start + lead };
    let chars = '';
    const offsets: number[] = [];
    let joinsNext = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (!double && ch === "'" && text.charAt(i + 1) === "'") {
        chars += "'";
        offsets.push(-1);
        i++;
      } else if (double && ch === '\\') {
        const next = text.charAt(i + 1);
        if (i + 1 >= text.length) {
          joinsNext = true;
          break;
        }
        const hex = HEX_LENGTH[next];
        if (hex !== undefined) {
          chars += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + hex), 16) || 0);
          offsets.push(-1);
          i += 1 + hex;
        } else {
          chars += SIMPLE_ESCAPES[next] ?? next;
          offsets.push(-1);
          i++;
        }
      } else {
        chars += ch;
        offsets.push(trimmed.start + i);
      }
    }
    return { chars, offsets, joinsNext };
  });
}

/** Block scalars: the header line, then content lines indented by the first non-empty one. */
function blockMap(value: string, source: string, base: number, literal: boolean): Int32Array | undefined {
  const headerEnd = source.search(/\r?\n|\r/);
  if (headerEnd < 0) return value.length === 0 ? new Int32Array(0) : undefined;
  const breakLength = source.startsWith('\r\n', headerEnd) ? 2 : 1;
  const lines = splitLines(source, base, headerEnd + breakLength);
  const indent = Math.min(...lines.filter((l) => l.text.trim().length > 0).map((l) => l.text.length - l.text.trimStart().length));
  if (!Number.isFinite(indent)) return value.length === 0 ? new Int32Array(0) : undefined;
  const map = new Int32Array(value.length).fill(-1);
  let pos = 0;
  let pendingBreaks = 0;
  let started = false;
  for (const line of lines) {
    const content = line.text.length > indent ? line.text.slice(indent) : '';
    if (content.length === 0) {
      pendingBreaks++;
      continue;
    }
    if (started) {
      const found = literal
        ? matchAt(value, content, pos + pendingBreaks + 1)
        : findAfterSeparators(value, content, pos, pendingBreaks + 1);
      if (found === undefined) return undefined;
      pos = found;
    } else {
      // Leading blank lines of a block scalar are kept as newlines.
      pos = pendingBreaks;
      if (value.slice(pos, pos + content.length) !== content) return undefined;
    }
    for (let i = 0; i < content.length; i++) map[pos + i] = line.start + indent + i;
    pos += content.length;
    pendingBreaks = 0;
    started = true;
  }
  return map;
}

function matchAt(value: string, content: string, at: number): number | undefined {
  return value.slice(at, at + content.length) === content ? at : undefined;
}

/** Folded block scalars turn line breaks into a space or keep them; try each possible separator length. */
function findAfterSeparators(value: string, content: string, from: number, maxSkip: number): number | undefined {
  for (let skip = 1; skip <= maxSkip; skip++) {
    const sep = value.charAt(from + skip - 1);
    if (sep !== ' ' && sep !== '\n') return undefined;
    if (value.slice(from + skip, from + skip + content.length) === content) return from + skip;
  }
  return undefined;
}
