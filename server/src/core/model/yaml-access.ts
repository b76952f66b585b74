import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

/** Small typed helpers over the yaml AST, so the rest of the core never pokes at `items` by hand. */

export interface Located<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
}

export function pairs(map: YAMLMap): Pair[] {
  return map.items as Pair[];
}

export function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && typeof pair.key.value !== 'object' ? String(pair.key.value) : undefined;
}

export function findPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  for (const pair of pairs(map)) if (keyName(pair) === key) return pair;
  return undefined;
}

export function valueOf(map: YAMLMap | undefined, key: string): Node | undefined {
  const v = findPair(map, key)?.value;
  return v === null || v === undefined ? undefined : (v as Node);
}

/**
 * Every node under `node`, depth-first in source order (a pair's key before its value), as yaml's visit()
 * does but without its per-node path bookkeeping: rules walk every node of large files on each keystroke.
 * `onPair` returning false skips the pair's key and value.
 */
export function walk(node: unknown, onNode: (node: Node) => void, onPair?: (pair: Pair) => boolean | void): void {
  if (isPair(node)) {
    if (onPair?.(node) === false) return;
    walk(node.key, onNode, onPair);
    walk(node.value, onNode, onPair);
  } else if (isNode(node)) {
    onNode(node);
    if (isCollection(node)) for (const item of node.items) walk(item, onNode, onPair);
  }
}

/** Start and end offsets of a node (`range[1]` is the end of the value, without trailing comments). */
export function span(node: Node | null | undefined): { start: number; end: number } | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** The scalar as a string, with its source range. Numbers and booleans are stringified. */
export function locatedString(node: Node | null | undefined): Located<string> | undefined {
  if (!node || !isScalar(node) || !node.range) return undefined;
  const v = node.value;
  if (v === null || v === undefined || typeof v === 'object') return undefined;
  return { value: String(v), start: node.range[0], end: node.range[1] };
}

export function stringAt(map: YAMLMap | undefined, key: string): Located<string> | undefined {
  return locatedString(valueOf(map, key));
}

/** Range of a key scalar of a map (for "unknown property" squiggles). */
export function keySpan(pair: Pair): { start: number; end: number } | undefined {
  return span(pair.key as Node);
}

export function isStringScalar(node: unknown): node is Scalar<string> {
  return isScalar(node) && typeof node.value === 'string';
}

export function isNullish(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** Kind of a YAML node as a user would name it, for messages. */
export function describeNode(node: unknown): string {
  if (isNullish(node)) return 'nothing';
  if (isAlias(node)) return 'an alias';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'boolean') return 'a boolean';
    if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
    return 'a string';
  }
  return 'a value';
}
