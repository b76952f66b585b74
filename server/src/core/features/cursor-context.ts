import { isCollection, isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap } from 'yaml';
import type { PropertyDef } from '../catalogue';
import { MAX_NESTING_DEPTH, type YamlSection } from '../document/parse';
import type { FlowFile } from '../flow-file';
import { findPair, keyName, pairs } from '../model/yaml-access';
import {
  isListSlot,
  isMappingSlot,
  itemSlot,
  SchemaWalker,
  type MapFacts,
  type Owner,
  type PathSegment,
  type SlotType,
} from './schema-walk';
import { scanCursor, type ItemTarget, type KeyTarget, type ScanStep, type ScanTarget, type ValueTarget } from './cursor-scan';
import { textMapKeys } from './yaml-lines';

export type { Owner, OwnerKind, PathSegment, SlotType } from './schema-walk';

/**
 * Where the cursor is in a flow: the YAML path, what is being typed (a key, a value of key K, a new list
 * item) and which mapping encloses it (the flow, a task of type T, a trigger, an input, a retry block, an
 * object property…). Works on broken and half-typed files: the yaml AST is used when it has a scalar or a
 * flow collection at the cursor and no syntax error on the cursor's line; otherwise the text lines are read.
 */

/**
 * What the cursor is typing: a key of `owner`, the value of `property` (or of one item of its list,
 * `inList`), a new item of the list `property`, or nothing completable. The shapes are the text scan's.
 */
export type CursorTarget = KeyTarget | (ValueTarget & { readonly inList: boolean }) | ItemTarget | { readonly kind: 'none' };

export interface CursorContext {
  readonly offset: number;
  readonly section?: YamlSection;
  /** Whether the position came from the yaml AST or from the text lines. */
  readonly source: 'ast' | 'text';
  /** From the section root: to the owning mapping for keys, to the value for values, to the list for items. */
  readonly path: readonly PathSegment[];
  readonly target: CursorTarget;
  /** The mapping holding the key being typed, the key whose value is typed, or the list getting an item. */
  readonly owner: Owner;
  /** The property whose value, list item or list is under the cursor. */
  readonly property?: { readonly name: string; readonly def?: PropertyDef };
  /** What is expected at the cursor: the value's type, or the type of the new list's items. */
  readonly slot?: SlotType;
  /** For new items that are mappings (a task, an input…): the mapping they start. */
  readonly itemOwner?: Owner;
  /** Keys already in the owner mapping, except one being typed on the cursor's line. */
  readonly presentKeys: ReadonlySet<string>;
  /** Scalar values of the owner mapping (`type`, `timezone`, `withSeconds`…). */
  readonly ownerValues: ReadonlyMap<string, string | undefined>;
}

export interface CursorOptions {
  /** Ignore the AST and read the text lines only (tests compare both). */
  readonly textOnly?: boolean;
}

interface RawContext {
  readonly path: readonly PathSegment[];
  readonly target: ScanTarget;
  readonly siblings?: 'key' | 'item';
  readonly itemIndex?: number;
  readonly factsAt: (depth: number) => (MapFacts & { readonly cursorKeys: ReadonlySet<string> }) | undefined;
  readonly source: 'ast' | 'text';
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_VALUES: ReadonlyMap<string, string | undefined> = new Map();

function nothing(offset: number, source: 'ast' | 'text', path: readonly PathSegment[] = []): CursorContext {
  return { offset, source, path, target: { kind: 'none' }, owner: { kind: 'unknown' }, presentKeys: NO_KEYS, ownerValues: NO_VALUES };
}

export function cursorContext(file: FlowFile, offset: number, options: CursorOptions = {}): CursorContext {
  const section = file.sectionAt(offset);
  if (file.parsed.tooLarge || file.parsed.tooDeep) return nothing(offset, 'text');
  // In a multi-document file only flow sections get flow features.
  if (section && file.flowSections.length > 0 && !file.isFlowSection(section)) return nothing(offset, 'text');
  const raw = (!options.textOnly && section && astProbe(file, section, offset)) || textProbe(file, section, offset);
  return resolve(file, section, offset, raw);
}

function resolve(file: FlowFile, section: YamlSection | undefined, offset: number, raw: RawContext): CursorContext {
  if (raw.path.length > MAX_NESTING_DEPTH) return nothing(offset, raw.source);
  const walker = new SchemaWalker(file.catalogue, file.version, raw.path, raw.factsAt);
  const depth = raw.path.length;
  const base = { offset, source: raw.source, ...(section ? { section } : {}) };
  const ownerFacts = (d: number) => {
    const facts = raw.factsAt(d);
    const presentKeys = new Set<string>();
    for (const key of facts?.keys.keys() ?? []) if (!facts?.cursorKeys.has(key)) presentKeys.add(key);
    return { presentKeys, ownerValues: facts?.keys ?? NO_VALUES };
  };
  let target = raw.target;
  const slotHere = walker.levels[depth]?.slot ?? { kind: 'any' };

  // White space alone: a key when keys surround it or a mapping is expected, an item for lists.
  if (target.kind === 'bare') {
    const asItem = raw.siblings === 'item' || (raw.siblings === undefined && !isMappingSlot(slotHere) && isListSlot(slotHere));
    const asValue =
      raw.siblings === undefined &&
      !isMappingSlot(slotHere) &&
      !isListSlot(slotHere) &&
      depth > 0 &&
      typeof raw.path[depth - 1] === 'string';
    if (asItem) target = { kind: 'item', dash: false, prefix: '', start: target.start, end: target.start, needsSpace: false };
    else if (asValue) target = { kind: 'value', prefix: '', start: target.start, end: target.start, needsSpace: false };
    else target = { kind: 'key', prefix: '', start: target.start, end: target.start, hasColon: false };
  } else if (target.kind === 'key' && raw.siblings === undefined && !target.hasColon && !isMappingSlot(slotHere) && isListSlot(slotHere)) {
    // A word typed directly under a list key, without its dash.
    target = { kind: 'item', dash: false, prefix: target.prefix, start: target.start, end: target.end, needsSpace: false };
  }

  // `- word` in a list of scalars is a value being typed, like the AST sees it.
  const items = itemSlot(slotHere);
  const typedScalar = target.kind === 'item' && (target.prefix !== '' || target.end > offset) && acceptsScalar(items);
  if (target.kind === 'item' && target.dash && (!isMappingSlot(items) || typedScalar)) {
    const value = {
      kind: 'value' as const,
      prefix: target.prefix,
      start: target.start,
      end: target.end,
      needsSpace: target.needsSpace,
      ...(target.quote ? { quote: target.quote } : {}),
    };
    return resolve(file, section, offset, {
      ...raw,
      path: [...raw.path, raw.itemIndex ?? 0],
      target: value,
      siblings: undefined,
    } as RawContext);
  }

  switch (target.kind) {
    case 'key': {
      const owner = walker.ownerAt(depth);
      return { ...base, path: raw.path, target, owner, ...ownerFacts(depth) };
    }
    case 'value': {
      const last = raw.path[depth - 1];
      const inList = typeof last === 'number';
      const keyDepth = inList ? depth - 2 : depth - 1;
      const key = raw.path[keyDepth];
      if (keyDepth < 0 || typeof key !== 'string') return { ...nothing(offset, raw.source, raw.path), ...base };
      const owner = walker.ownerAt(keyDepth);
      const def = walker.propertyDef(owner, key);
      const value = { ...target, inList } as CursorTarget;
      return {
        ...base,
        path: raw.path,
        target: value,
        owner,
        property: { name: key, ...(def ? { def } : {}) },
        slot: slotHere,
        ...ownerFacts(keyDepth),
      };
    }
    case 'item': {
      const key = raw.path[depth - 1];
      const owner = typeof key === 'string' ? walker.ownerAt(depth - 1) : { kind: 'unknown' as const };
      const def = typeof key === 'string' ? walker.propertyDef(owner, key) : undefined;
      const itemOwner = isMappingSlot(items) ? walker.ownerFor(items, undefined, typeof key === 'string' ? key : undefined) : undefined;
      return {
        ...base,
        path: raw.path,
        target,
        owner,
        ...(typeof key === 'string' ? { property: { name: key, ...(def ? { def } : {}) } } : {}),
        slot: items,
        ...(itemOwner ? { itemOwner } : {}),
        ...ownerFacts(depth - 1),
      };
    }
    default:
      return { ...nothing(offset, raw.source, raw.path), ...base };
  }
}

function acceptsScalar(slot: SlotType): boolean {
  if (slot.kind === 'union') return slot.types.some(acceptsScalar);
  return ['string', 'integer', 'number', 'boolean', 'enum', 'any'].includes(slot.kind);
}

// ---------------------------------------------------------------------------------------------------------
// From the text lines

function textProbe(file: FlowFile, section: YamlSection | undefined, offset: number): RawContext {
  const { text, lines } = file.parsed;
  const firstLine = section ? lines.positionAt(section.start).line : 0;
  const lastLine = section ? lines.positionAt(section.end).line : lines.lineCount - 1;
  const scan = scanCursor(text, lines, firstLine, offset);
  const cursorLine = lines.positionAt(offset).line;
  // A file with syntax errors may have an AST shaped unlike its lines: read its keys from the text.
  const nodes = section?.root && section.errors.length === 0 ? attachNodes(file, section.root, scan.steps) : [];
  const cache = new Map<number, (MapFacts & { cursorKeys: ReadonlySet<string> }) | undefined>();
  const factsAt = (depth: number) => {
    if (!cache.has(depth)) {
      const node = nodes[depth];
      let facts: (MapFacts & { cursorKeys: ReadonlySet<string> }) | undefined;
      if (isMap(node)) facts = astFacts(file, node, cursorLine);
      else {
        const at = anchorOf(scan.steps, depth, scan.col, scan.anchorLine);
        if (at) {
          const found = textMapKeys(text, lines, firstLine, lastLine, at.line, at.col);
          const keys = new Map<string, string | undefined>();
          const cursorKeys = new Set<string>();
          for (const [key, info] of found) {
            keys.set(key, scalarText(info.value));
            if (info.line === cursorLine) cursorKeys.add(key);
          }
          facts = { keys, cursorKeys };
        }
      }
      cache.set(depth, facts);
    }
    return cache.get(depth);
  };
  return {
    path: scan.steps.map((s) => s.segment),
    target: scan.target,
    ...(scan.siblings ? { siblings: scan.siblings } : {}),
    ...(scan.itemIndex !== undefined ? { itemIndex: scan.itemIndex } : {}),
    factsAt,
    source: 'text',
  };
}

/** A line and column where the mapping reached after `depth` steps has a key. */
function anchorOf(steps: readonly ScanStep[], depth: number, col: number, anchorLine: number): { line: number; col: number } | undefined {
  if (depth === steps.length) return { line: anchorLine, col };
  const step = steps[depth];
  return step && step.container === 'map' ? { line: step.line, col: step.col } : undefined;
}

/** The AST containers along a text path, as long as the AST agrees with the lines (same key, same line). */
function attachNodes(file: FlowFile, root: YAMLMap, steps: readonly ScanStep[]): (Node | undefined)[] {
  const lines = file.parsed.lines;
  const nodes: (Node | undefined)[] = [root];
  let node: Node | undefined = root;
  for (const step of steps) {
    let next: Node | undefined;
    if (typeof step.segment === 'string' && isMap(node)) {
      const pair = findPair(node, step.segment);
      const keyStart = (pair?.key as Node | undefined)?.range?.[0];
      if (keyStart !== undefined && lines.positionAt(keyStart).line === step.line) next = (pair?.value ?? undefined) as Node | undefined;
    } else if (typeof step.segment === 'number' && isSeq(node)) {
      const item = node.items[step.segment] as Node | undefined;
      const start = item?.range?.[0];
      if (start !== undefined && lines.positionAt(start).line === step.line) next = item;
    }
    if (!next) break;
    nodes.push(next);
    node = next;
  }
  return nodes;
}

function astFacts(file: FlowFile, map: YAMLMap, cursorLine: number): MapFacts & { cursorKeys: ReadonlySet<string> } {
  const keys = new Map<string, string | undefined>();
  const cursorKeys = new Set<string>();
  for (const pair of pairs(map)) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const value = pair.value;
    keys.set(key, isScalar(value) && value.value !== null && typeof value.value !== 'object' ? String(value.value) : undefined);
    const start = (pair.key as Node).range?.[0];
    if (start !== undefined && file.parsed.lines.positionAt(start).line === cursorLine) cursorKeys.add(key);
  }
  return { keys, cursorKeys };
}

/** A value as written on a line: quotes removed, empty when nothing is there. */
function scalarText(value: string): string | undefined {
  if (value.length === 0) return undefined;
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length > 1 && value.endsWith(quote)) return value.slice(1, -1);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// From the AST

function astProbe(file: FlowFile, section: YamlSection, offset: number): RawContext | undefined {
  const contents = section.doc.contents as Node | null;
  if (!contents || !isCollection(contents)) return undefined;
  const lines = file.parsed.lines;
  const cursorLine = lines.positionAt(offset).line;
  const lineEnd = lines.lineEndOffset(cursorLine);
  // An error up to the cursor's line may have thrown the AST off; past it, only one-line hits are trusted.
  if (section.errors.some((e) => e.start <= lineEnd)) return undefined;
  const nodes: Node[] = [];
  const hit = descend(file.text, contents, offset, [], nodes);
  if (!hit || (section.errors.length > 0 && hit.target.kind === 'value' && hit.target.multiline)) return undefined;
  const factsAt = (depth: number) => {
    const node = nodes[depth];
    return isMap(node) ? astFacts(file, node, cursorLine) : undefined;
  };
  return { path: hit.path, target: hit.target, factsAt, source: 'ast' };
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const range = node?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

function descend(
  text: string,
  node: Node,
  offset: number,
  path: PathSegment[],
  nodes: Node[],
): { path: PathSegment[]; target: ScanTarget } | undefined {
  nodes[path.length] = node;
  if (isMap(node)) {
    for (const pair of pairs(node)) {
      const key = pair.key as Node | null;
      if (isScalar(key) && contains(key, offset) && key.value !== null) {
        const [start, end] = key.range!;
        return { path, target: { kind: 'key', prefix: text.slice(start, offset), start, end, hasColon: true } };
      }
      const value = pair.value as Node | null;
      const name = keyName(pair);
      if (name === undefined || !contains(value, offset)) continue;
      const keyEnd = isScalar(key) ? key.range?.[1] : undefined;
      if (keyEnd !== undefined && isScalar(value) && value.type === Scalar.PLAIN && text.slice(keyEnd, value.range![0]).includes('\n')) {
        return undefined;
      }
      return visitValue(text, value!, offset, [...path, name], nodes);
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (contains(item, offset)) return visitValue(text, item!, offset, [...path, i], nodes);
    }
  }
  return undefined;
}

function visitValue(
  text: string,
  node: Node,
  offset: number,
  path: PathSegment[],
  nodes: Node[],
): { path: PathSegment[]; target: ScanTarget } | undefined {
  if (isCollection(node)) return descend(text, node, offset, path, nodes);
  if (!isScalar(node) || node.value === null || node.value === '') return undefined;
  const [start, end] = node.range!;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  const source = text.slice(start, end);
  const innerStart = quoted ? start + 1 : start;
  const innerEnd = quoted && source.length > 1 && source.endsWith(source[0]!) ? end - 1 : end;
  const multiline = block || source.includes('\n');
  if (multiline) return { path, target: { kind: 'value', prefix: '', start: offset, end: offset, needsSpace: false, multiline: true } };
  if (offset < innerStart) return undefined;
  return {
    path,
    target: {
      kind: 'value',
      prefix: text.slice(innerStart, Math.min(offset, innerEnd)),
      start: innerStart,
      end: innerEnd,
      ...(quoted ? { quote: source[0] as '"' | "'" } : {}),
      needsSpace: false,
    },
  };
}
