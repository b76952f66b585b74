import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  YAMLMap,
  type Document,
  type EmptyStream,
  type Node,
  type YAMLSeq,
} from 'yaml';
import { MAX_ANALYSED_LENGTH, MAX_NESTING_DEPTH, nestingDepth, PARSE_OPTIONS, sectionOf, type ParsedFile, type YamlSection } from './parse';
import { moveInPlace, pairWith, shallowCopy, shiftedCopy, shiftedDocument } from './node-copy';
import { LineIndex } from './positions';

/*
 * Re-parsing after a small edit. Parsing is streaming: with the text before an item unchanged, the item's
 * new text parses in context exactly as it does alone, provided the item starts and ends where it did (its
 * dash line untouched, every later line of it indented deeper than the dash) and it is clean (no error, no
 * anchor, no alias). The nodes after it are the old ones, shifted. Anything else: undefined, and the caller
 * parses the whole file. The previous ParsedFile is never modified: shifted nodes are copies.
 */

type Range3 = [number, number, number];
type Collection = YAMLMap | YAMLSeq;

interface Change {
  /** First changed offset (same in both texts). */
  readonly start: number;
  /** End of the changed text in the previous text. */
  readonly oldEnd: number;
  /** Length difference: new minus old. */
  readonly delta: number;
}

/** One step down the tree: the child at `index` of `container` (the pair's value, for maps). */
interface Step {
  readonly container: Collection;
  readonly index: number;
}

/** The new ParsedFile for `text` built from `previous` by re-parsing one list item, or undefined. */
export function reparseEdited(previous: ParsedFile, text: string): ParsedFile | undefined {
  if (previous.text === text) return previous;
  if (previous.tooLarge || previous.tooDeep || text.length > MAX_ANALYSED_LENGTH) return undefined;
  const change = changeBetween(previous.text, text);
  const at = previous.sections.findIndex((s) => s.start < change.start && change.oldEnd < s.end);
  const section = previous.sections[at];
  // The old parse must be clean: an error may come from a construct left open that the item alone would
  // not see, and may be reported anywhere after it (an unclosed flow collection at the end of the file).
  if (previous.sections.some((s) => s.doc.errors.length > 0)) return undefined;
  if (!section?.root || section.doc.warnings.length > 0 || !hasDefaultDirectives(section.doc)) return undefined;
  const steps = pathTo(section.root, change);
  // Innermost item first: the least text to re-parse. An outer one may still fit when an inner one does not.
  for (let k = steps.length - 1; k >= 0; k--) {
    const step = steps[k]!;
    if (!isSeq(step.container) || step.container.flow || !isBlockMap(step.container.items[step.index])) continue;
    const rebuilt = replaceItem(previous.text, text, section, steps.slice(0, k + 1), change);
    if (!rebuilt) continue;
    if (nestingDepth(text).depth > MAX_NESTING_DEPTH) return undefined; // the full parse reports it
    const sections = previous.sections.map((s, i) =>
      i < at ? s : i === at ? sectionOf(rebuilt, text) : sectionOf(shiftedDocument(s.doc, change.delta), text),
    );
    return { text, lines: new LineIndex(text), sections, tooLarge: false };
  }
  return undefined;
}

/** The single changed span: longest common prefix, then longest common suffix of what remains. */
function changeBetween(before: string, after: string): Change {
  const shorter = Math.min(before.length, after.length);
  // Whole blocks first: comparing slices is much faster than a character loop on a large file.
  const block = 256;
  let start = 0;
  while (start + block <= shorter && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const same = (n: number): boolean =>
    before.slice(before.length - n, before.length - tail) === after.slice(after.length - n, after.length - tail);
  while (tail + block <= shorter - start && same(tail + block)) tail += block;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, delta: after.length - before.length };
}

/** `%YAML 1.1` or `%TAG` change how scalars and tags resolve; an item parsed alone would not see them. */
function hasDefaultDirectives(doc: Document.Parsed): boolean {
  const d = doc.directives;
  if (!d || d.yaml.explicit || d.yaml.version !== '1.2') return false;
  return Object.entries(d.tags).every(
    ([handle, prefix]) => (handle === '!!' && prefix === 'tag:yaml.org,2002:') || (handle === '!' && prefix === '!'),
  );
}

/** The chain of collections from the root down to the deepest node holding the whole change. */
function pathTo(root: Collection, change: Change): Step[] {
  const steps: Step[] = [];
  let node: unknown = root;
  while (isMap(node) || isSeq(node)) {
    const index = childHolding(node, change);
    if (index < 0) break;
    steps.push({ container: node, index });
    node = childAt(node, index);
  }
  return steps;
}

function childHolding(node: Collection, change: Change): number {
  for (let i = 0; i < node.items.length; i++) {
    const item = node.items[i];
    const first = startOf(item);
    const last = isPair(item) ? ((item.value as Node | null)?.range ?? (item.key as Node | null)?.range) : (item as Node | null)?.range;
    if (first !== undefined && last && first <= change.start && change.oldEnd <= last[2]) return i;
  }
  return -1;
}

function startOf(item: unknown): number | undefined {
  return isPair(item) ? ((item.key as Node | null)?.range ?? (item.value as Node | null)?.range)?.[0] : (item as Node | null)?.range?.[0];
}

function childAt(node: Collection, index: number): unknown {
  const item = node.items[index];
  return isPair(item) ? item.value : item;
}

function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow && Object.getPrototypeOf(node) === YAMLMap.prototype;
}

/** The section's document with the last step's item re-parsed from the new text, or undefined. */
function replaceItem(
  before: string,
  after: string,
  section: YamlSection,
  steps: readonly Step[],
  change: Change,
): Document.Parsed | undefined {
  const last = steps[steps.length - 1]!;
  const seq = last.container as YAMLSeq;
  const old = seq.items[last.index] as YAMLMap;
  const dash = dashOf(before, old.range![0]);
  if (dash < 0 || change.start <= dash) return undefined;
  const lineStart = lineStartOf(before, dash);
  const column = dash - lineStart;
  const end = itemEnd(before, dash, column);
  // The item's last line break must survive: without it the next line would join the item.
  if (change.oldEnd > (end === before.length ? end : end - 1) || hasAnchor(old)) return undefined;
  const newEnd = end === before.length ? after.length : end + change.delta;
  if (itemEnd(after, dash, column) !== newEnd) return undefined;
  // What follows decides where the item's last node ends (it may take in the next line's indentation) and
  // which node gets the blank lines and comments in between: the item is parsed with everything up to the
  // next item's dash line. After the last item of a nested list: the outer item is tried instead.
  const next = seq.items[last.index + 1] as Node | undefined;
  const follow = newEnd === after.length ? (endsWithComment(after, lineStart) ? undefined : newEnd) : siblingLineEnd(after, newEnd, column);
  if (follow === undefined || follow > newEnd !== (next !== undefined) || hasLoneCarriageReturn(after, lineStart, follow)) return undefined;
  const alone = parseItemAlone(after.slice(lineStart, follow), lineStart, follow > newEnd);
  if (!alone || hasAnchor(alone.item)) return undefined;
  // The first line of the next item must be where the old parse had it.
  if (next && (next.range![0] < end || next.range![0] + change.delta !== alone.next!.range![0])) return undefined;
  // Comments and blank lines before the dash line belong to the item; they did not change.
  copyLeadingTrivia(old, alone.item);
  return rebuildDocument(section.doc, steps, old, alone, { ...change, oldEnd: end });
}

/** End of the first line after `from` that is neither blank nor a comment, if it is an item of the same list. */
function siblingLineEnd(text: string, from: number, column: number): number | undefined {
  for (let start = from; start < text.length;) {
    let i = start;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const c = text.charCodeAt(i);
    const blankOrComment = i >= text.length || c === 10 || c === 35 /* # */ || (c === 13 && text.charCodeAt(i + 1) === 10);
    if (!blankOrComment) {
      // `- value` with no comment: a comment there, or a value on the next line, would mix with what precedes.
      const line = text.slice(i, lineEnd);
      return i - start === column && /^- +[^\s#]/.test(line) && !line.includes('#') ? lineEnd : undefined;
    }
    start = lineEnd;
  }
  return undefined;
}

/** At the end of the file a comment on the last line may belong to any of the collections ending there. */
function endsWithComment(text: string, from: number): boolean {
  const trimmed = text.trimEnd();
  return trimmed.slice(Math.max(from, trimmed.lastIndexOf('\n') + 1)).includes('#');
}

function copyLeadingTrivia(from: YAMLMap, to: YAMLMap): void {
  if (from.commentBefore !== undefined) to.commentBefore = from.commentBefore;
  if (from.spaceBefore !== undefined) to.spaceBefore = from.spaceBefore;
}

/** Offset of the `- ` that introduces an item starting at `start` on the same line, or -1. */
function dashOf(text: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0 || i === start - 1 || text.charCodeAt(i) !== 45 /* - */) return -1;
  for (let j = i - 1; j >= 0 && text.charCodeAt(j) !== 10; j--) if (text.charCodeAt(j) !== 32) return -1;
  return i;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Start of the first line after the dash line that is not blank and not indented deeper than the dash. */
function itemEnd(text: string, dash: number, column: number): number {
  let newline = text.indexOf('\n', dash);
  while (newline >= 0) {
    const start = newline + 1;
    let i = start;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    const blank = i >= text.length || c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10);
    if (!blank && i - start <= column) return start;
    newline = text.indexOf('\n', start);
  }
  return text.length;
}

/** A lone `\r` is a line break to YAML but not to the line scan above. */
function hasLoneCarriageReturn(text: string, start: number, end: number): boolean {
  for (let i = text.indexOf('\r', start); i >= 0 && i < end; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

interface Alone {
  readonly item: YAMLMap;
  /** The next item of the list, parsed from its first line only: for its leading blank lines and comments. */
  readonly next?: Node;
  /** Without a next item (at the end of the file): where the document ends, after trailing blank lines. */
  readonly docEnd?: number;
}

/** The item's text parsed alone (with the next item's first line): one clean block mapping, offsets made absolute. */
function parseItemAlone(source: string, offset: number, withNext: boolean): Alone | undefined {
  let docs: Document.Parsed[] | EmptyStream;
  try {
    docs = parseAllDocuments(source, PARSE_OPTIONS);
  } catch {
    return undefined; // a pasted block nested deep enough to overflow the parser: the full parse reports it
  }
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const doc = docs[0]!;
  const seq = doc.contents;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isSeq(seq) || seq.flow || seq.items.length !== (withNext ? 2 : 1)) {
    return undefined;
  }
  // A comment left over after the list would attach elsewhere in the whole file.
  if (doc.comment || seq.comment) return undefined;
  const item = seq.items[0];
  // A comment on the dash line would merge with the comments before it in the whole file.
  if (!isBlockMap(item) || item.commentBefore !== undefined || item.spaceBefore) return undefined;
  moveInPlace(item, offset);
  const next = seq.items[1] as Node | undefined;
  if (!next) return { item, docEnd: doc.range[2] + offset };
  moveInPlace(next, offset);
  return { item, next };
}

function hasAnchor(node: unknown): boolean {
  if (isPair(node)) return hasAnchor(node.key) || hasAnchor(node.value);
  if (!isScalar(node) && !isCollection(node)) return false;
  if (node.anchor) return true;
  return isCollection(node) && node.items.some(hasAnchor);
}

/**
 * Copies the spine from the root to the list holding the item, with the new item in it. Nodes before the
 * edit are shared (their offsets did not move); nodes after it are copied with shifted ranges.
 * `change.oldEnd` is the end of the old item: everything from there on moves by `change.delta`.
 */
function rebuildDocument(
  doc: Document.Parsed,
  steps: readonly Step[],
  oldItem: YAMLMap,
  alone: Alone,
  change: Change,
): Document.Parsed | undefined {
  const move = (offset: number): number | undefined => (offset >= change.oldEnd ? offset + change.delta : undefined);
  let oldChild: Node = oldItem;
  let child: Node = alone.item;
  for (let k = steps.length - 1; k >= 0; k--) {
    const { container, index } = steps[k]!;
    const following = container.items[index + 1];
    if (following !== undefined && !((startOf(following) ?? -1) >= change.oldEnd)) return undefined;
    const copy = shallowCopy(container);
    copy.items = container.items.map((item, i) => {
      if (i < index) return item;
      if (i > index) return shiftedCopy(item, change.delta);
      return isPair(item) ? pairWith(item, child) : child;
    }) as typeof copy.items;
    // A block collection ends where its last child ends, or at its trailing comment (composer's rule).
    const range = endAfter(container.range!, oldChild.range!, child.range!, index === container.items.length - 1, move);
    if (!range) return undefined;
    copy.range = range;
    if (k === steps.length - 1 && alone.next) setLeadingTrivia(copy.items[index + 1] as Node, alone.next);
    oldChild = container;
    child = copy;
  }
  const range = endAfter(doc.range, oldChild.range!, child.range!, true, move);
  if (!range) return undefined;
  if (alone.docEnd !== undefined) range[2] = alone.docEnd;
  const copy = shallowCopy(doc);
  copy.contents = child as typeof copy.contents;
  copy.range = range;
  copy.errors = []; // the old document had none (see reparseEdited), the new item none either
  copy.warnings = [];
  return copy;
}

/** [start, end of value, end with comments] of a container whose child on the spine was replaced. */
function endAfter(
  range: Range3,
  oldChild: Range3,
  newChild: Range3,
  childIsLast: boolean,
  move: (n: number) => number | undefined,
): Range3 | undefined {
  const valueEnd = childIsLast && range[1] === oldChild[2] ? newChild[2] : childIsLast ? undefined : move(range[1]);
  const end = range[2] === range[1] ? valueEnd : move(range[2]);
  return valueEnd === undefined || end === undefined ? undefined : [range[0], valueEnd, end];
}

/** The next item's blank lines and comments before it, as the parse with the edited item found them. */
function setLeadingTrivia(node: Node, from: Node): void {
  if (from.spaceBefore) node.spaceBefore = true;
  else delete node.spaceBefore;
  if (from.commentBefore !== undefined) node.commentBefore = from.commentBefore;
  else delete node.commentBefore;
}
