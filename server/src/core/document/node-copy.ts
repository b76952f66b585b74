import {
  Alias,
  isAlias,
  isCollection,
  isPair,
  isScalar,
  Pair,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';

/*
 * Copies of yaml nodes with their offsets moved, for document/incremental.ts: the nodes after an edit get new
 * ranges without touching the ones the previous parse still holds.
 */

/** Shifts the ranges of a freshly parsed subtree that nothing else holds. */
export function moveInPlace(node: unknown, delta: number): void {
  if (isPair(node)) {
    moveInPlace(node.key, delta);
    moveInPlace(node.value, delta);
    return;
  }
  const range = (node as Node | null)?.range as [number, number, number] | undefined;
  if (!range) return;
  range[0] += delta;
  range[1] += delta;
  range[2] += delta;
  if (isCollection(node)) for (const item of node.items) moveInPlace(item, delta);
}

/** The pair with another value (its key shared). */
export function pairWith(pair: Pair, value: Node): Pair {
  const copy = new Pair(pair.key, value);
  Object.assign(copy, pair, { value });
  return copy;
}

/** A copy of every node of a subtree, ranges shifted by `delta`. */
export function shiftedCopy<T>(node: T, delta: number): T {
  if (isPair(node)) {
    const copy = new Pair(shiftedCopy(node.key, delta), shiftedCopy(node.value, delta));
    return Object.assign(copy, node, { key: copy.key, value: copy.value }) as T;
  }
  if (!isScalar(node) && !isAlias(node) && !isCollection(node)) return node;
  const copy = shallowCopy(node);
  const range = node.range;
  if (range) copy.range = [range[0] + delta, range[1] + delta, range[2] + delta];
  if (isCollection(node)) (copy as YAMLMap | YAMLSeq).items = node.items.map((item) => shiftedCopy(item, delta)) as never;
  return copy as T;
}

/** A whole document after the edit, every offset shifted. */
export function shiftedDocument(doc: Document.Parsed, delta: number): Document.Parsed {
  const copy = shallowCopy(doc);
  copy.contents = shiftedCopy(doc.contents, delta);
  copy.range = [doc.range[0] + delta, doc.range[1] + delta, doc.range[2] + delta];
  copy.errors = doc.errors.map((e) => shiftedError(e, delta));
  copy.warnings = doc.warnings.map((w) => shiftedError(w, delta));
  return copy;
}

function shiftedError<T extends YAMLError>(error: T, delta: number): T {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as T, error);
  copy.message = error.message; // not always an own enumerable property of an Error
  copy.pos = [error.pos[0] + delta, error.pos[1] + delta];
  return copy;
}

/**
 * A shallow copy of a node or document. The common classes are rebuilt through their constructors (fast);
 * anything else (`!!set`, `!!omap`, documents) copies every own property, hidden ones included.
 */
export function shallowCopy<T extends object>(node: T): T {
  const proto = Object.getPrototypeOf(node) as object;
  let copy: object;
  if (proto === Scalar.prototype) copy = new Scalar((node as unknown as Scalar).value);
  else if (proto === YAMLMap.prototype) copy = new YAMLMap((node as unknown as YAMLMap).schema);
  else if (proto === YAMLSeq.prototype) copy = new YAMLSeq((node as unknown as YAMLSeq).schema);
  else if (proto === Alias.prototype) copy = new Alias((node as unknown as Alias).source);
  else return Object.create(proto, Object.getOwnPropertyDescriptors(node)) as T;
  return Object.assign(copy, node) as T;
}
