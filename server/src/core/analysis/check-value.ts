import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { EnumValue, PropertyDef, PropertyMap, ValueType } from '../catalogue';
import { DAG_ENTRY_PROPERTIES } from '../catalogue/common';
import { describeNode, isNullish, keyName, keySpan, pairs, span } from '../model/yaml-access';
import { closest } from '../util/did-you-mean';
import { compareVersions, existsIn } from '../versions';
import type { RuleContext, Span } from './context';
import { fixTitles, messages } from './messages';
import { checkFormat } from './check-format';
import { checkPlugin } from './rules/plugin-types';
import { checkRetry } from './rules/retry';
import { checkInputList, checkOutputList } from './rules/inputs';
import { checkTemplate } from './rules/templates';

/** Who owns the mapping being checked, for messages ("`io.kestra.plugin.core.log.Log`", "the flow"). */
export interface Owner {
  readonly label: string;
  /** Keys supplied by pluginDefaults for this owner: they satisfy `required`. */
  readonly defaultedKeys?: ReadonlySet<string>;
  /** Where to put "missing property" squiggles. */
  readonly anchor: Span;
  /** Keys another rule already reported. */
  readonly skip?: ReadonlySet<string>;
}

/** Has Pebble in it: such strings are accepted where the property is dynamic, whatever its type. */
export function hasExpression(node: unknown): boolean {
  return (
    isScalar(node) &&
    typeof node.value === 'string' &&
    (node.value.includes('{{') || node.value.includes('{%') || node.value.includes('{#'))
  );
}

/**
 * Checks a mapping against a property map: unknown keys (with did-you-mean and a rename fix), removed or
 * deprecated keys and aliases per the target version, required keys, and each value against its type.
 */
export function checkMap(ctx: RuleContext, map: YAMLMap, properties: PropertyMap, owner: Owner): void {
  const aliasOf = new Map<string, { canonical: string; removed: boolean }>();
  for (const [name, def] of Object.entries(properties)) {
    for (const alias of def.aliases ?? []) aliasOf.set(alias.name, { canonical: name, removed: !existsIn(alias.versions, ctx.version) });
  }
  const present = new Set<string>();
  for (const pair of pairs(map)) {
    const key = keyName(pair);
    const kspan = keySpan(pair);
    if (key === undefined || !kspan || owner.skip?.has(key)) continue;
    present.add(key);
    const alias = aliasOf.get(key);
    const def = properties[key];
    // A key that is both a property (of other versions) and an alias here is read as the alias.
    if (!def || (alias && !existsIn(def.versions, ctx.version))) {
      if (alias) {
        present.add(alias.canonical);
        const canonicalDef = properties[alias.canonical];
        if (canonicalDef && !existsIn(canonicalDef.versions, ctx.version)) {
          // The new name is gone too (taskDefaults → pluginDefaults on 2.0): explain the removal instead.
          reportVersionMismatch(ctx, kspan, key, canonicalDef, owner);
          continue;
        }
        const fix = renameFix(kspan, key, alias.canonical);
        if (alias.removed) {
          ctx.report('removed-property', kspan, messages.aliasRemoved(key, alias.canonical, ctx.version), { fixes: [fix] });
        } else {
          ctx.report('deprecated-property', kspan, messages.aliasDeprecated(key, alias.canonical), { fixes: [fix], tags: ['deprecated'] });
        }
        if (canonicalDef) checkValue(ctx, pair.value as Node | null, canonicalDef, alias.canonical, map);
        continue;
      }
      const candidates = Object.entries(properties)
        .filter(([, d]) => existsIn(d.versions, ctx.version))
        .map(([name]) => name);
      const suggestions = closest(key, candidates, { max: 3 });
      const fixes = suggestions.map((s) => renameFix(kspan, key, s));
      ctx.report('unknown-property', kspan, messages.unknownProperty(key, owner.label, suggestions), { fixes });
      continue;
    }
    if (!existsIn(def.versions, ctx.version)) {
      reportVersionMismatch(ctx, kspan, key, def, owner);
      continue;
    }
    if (def.deprecated) {
      const replacement = def.deprecated.replacement;
      const fixes = replacement && properties[replacement] && !present.has(replacement) ? [renameFix(kspan, key, replacement)] : [];
      ctx.report('deprecated-property', kspan, messages.propertyDeprecated(key, def.deprecated.message, replacement), {
        fixes,
        tags: ['deprecated'],
      });
    }
    checkValue(ctx, pair.value as Node | null, def, key, map);
  }
  for (const [name, def] of Object.entries(properties)) {
    if (!def.required || present.has(name) || owner.defaultedKeys?.has(name) || !existsIn(def.versions, ctx.version)) continue;
    ctx.report('missing-property', owner.anchor, messages.missingProperty(name, owner.label), { fixes: insertPropertyFix(ctx, map, name) });
  }
}

function reportVersionMismatch(ctx: RuleContext, kspan: Span, key: string, def: PropertyDef, owner: Owner): void {
  const since = def.versions?.since;
  if (since && compareVersions(ctx.version, since) < 0) {
    ctx.report('removed-property', kspan, messages.propertyNotYet(key, owner.label, ctx.version, since));
    return;
  }
  const note = def.replacedBy ?? def.deprecated;
  const replacement = note?.replacement;
  const fixes = replacement && def.replacedBy === undefined ? [renameFix(kspan, key, replacement)] : [];
  ctx.report('removed-property', kspan, messages.propertyRemoved(key, owner.label, ctx.version, replacement, note?.message), { fixes });
}

/** Checks one value against its property definition. `parent` is the mapping that holds it. */
export function checkValue(ctx: RuleContext, node: Node | null, def: PropertyDef, key: string, parent: YAMLMap): void {
  if (isNullish(node)) {
    if (def.required) {
      const where = span(node) ?? keySpanOf(parent, key);
      if (where) ctx.report('missing-property', where, messages.emptyRequired(key, 'this block'));
    }
    return;
  }
  checkType(ctx, node as Node, def.type, key, def.dynamic === true, parent);
}

function checkType(ctx: RuleContext, node: Node, type: ValueType, key: string, dynamic: boolean, parent: YAMLMap): void {
  if (isAlias(node)) return; // resolved values of aliases are not re-checked: the anchor was checked where it stands
  if (dynamic && hasExpression(node)) {
    checkTemplate(ctx, node as Scalar);
    return;
  }
  const where = span(node);
  if (!where) return;
  const wrong = (expected: string): void => ctx.report('invalid-value', where, messages.wrongValue(key, expected, describeNode(node)));
  switch (type.kind) {
    case 'any':
      return;
    case 'string':
      if (!isScalar(node)) return wrong('a string');
      checkFormat(ctx, node, type, key, parent);
      return;
    case 'integer':
    case 'number': {
      const n = numericValue(node);
      if (n === undefined || (type.kind === 'integer' && !Number.isInteger(n))) {
        return wrong(type.kind === 'integer' ? 'an integer' : 'a number');
      }
      if ((type.minimum !== undefined && n < type.minimum) || (type.maximum !== undefined && n > type.maximum)) {
        ctx.report('invalid-value', where, messages.outOfRange(key, n, type.minimum, type.maximum));
      }
      return;
    }
    case 'boolean':
      if (!(isScalar(node) && (typeof node.value === 'boolean' || /^(true|false)$/i.test(String(node.value))))) wrong('`true` or `false`');
      return;
    case 'enum':
      return checkEnum(ctx, node, type.values, key);
    case 'list':
      if (!isSeq(node)) return wrong('a list');
      if (type.minItems !== undefined && node.items.length < type.minItems) {
        ctx.report('invalid-value', where, messages.tooFewItems(key, type.minItems));
      }
      for (const item of node.items) if (!isNullish(item)) checkType(ctx, item as Node, type.items, key, dynamic, parent);
      return;
    case 'map':
      if (!isMap(node)) return wrong('a mapping');
      for (const pair of pairs(node)) {
        if (!isNullish(pair.value)) checkType(ctx, pair.value as Node, type.values, keyName(pair) ?? key, dynamic, node);
      }
      return;
    case 'object':
      if (!isMap(node)) return wrong('a mapping');
      checkMap(ctx, node, type.properties, { label: `\`${key}\``, anchor: keySpanOf(parent, key) ?? where });
      return;
    case 'union': {
      const match = type.types.find((t) => shallowAccepts(node, t, dynamic));
      if (match) checkType(ctx, node, match, key, dynamic, parent);
      else wrong(type.types.map(describeType).join(' or '));
      return;
    }
    case 'task':
      if (!isMap(node)) wrong('a task (a mapping with `id` and `type`)');
      return; // the task itself is checked through the flow model
    case 'tasks':
    case 'dagTasks':
      if (!isSeq(node)) return wrong('a list of tasks');
      if (type.kind === 'tasks' && type.minItems && node.items.length < type.minItems) {
        ctx.report('empty-tasks', keySpanOf(parent, key) ?? where, messages.emptyTasks(key));
      }
      for (const item of node.items) {
        if (!isMap(item)) {
          ctx.report(
            'invalid-value',
            span(item as Node) ?? where,
            messages.wrongValue(key, 'a task (a mapping with `id` and `type`)', describeNode(item)),
          );
        }
      }
      if (type.kind === 'dagTasks') checkDagEntries(ctx, node.items, key);
      return;
    case 'plugin':
      if (!isMap(node)) return wrong(`a ${type.category} (a mapping with \`type\`)`);
      // Tasks and triggers are checked once, through the flow model (with their pluginDefaults).
      if (type.category !== 'task' && type.category !== 'trigger') checkPlugin(ctx, node, type.category);
      return;
    case 'retry':
      if (!isMap(node)) return wrong('a retry policy (a mapping with `type`)');
      checkRetry(ctx, node);
      return;
    case 'inputs':
      if (!isSeq(node)) return wrong('a list of inputs');
      checkInputList(ctx, node);
      return;
    case 'outputs':
      if (!isSeq(node)) return wrong('a list of outputs');
      checkOutputList(ctx, node);
      return;
  }
}

function checkDagEntries(ctx: RuleContext, items: unknown[], key: string): void {
  for (const item of items) {
    if (!isMap(item)) continue;
    const where = span(item as Node);
    if (where) {
      checkMap(ctx, item, DAG_ENTRY_PROPERTIES, {
        label: `a \`${key}\` entry of a Dag`,
        anchor: { start: where.start, end: where.start + 1 },
      });
    }
  }
}

function checkEnum(ctx: RuleContext, node: Node, values: readonly EnumValue[], key: string): void {
  const where = span(node)!;
  if (!isScalar(node)) {
    ctx.report('invalid-value', where, messages.wrongValue(key, 'one value', describeNode(node)));
    return;
  }
  const text = String(node.value);
  const entries = values.map((v) => (typeof v === 'string' ? { value: v } : v));
  const hit = entries.find((e) => e.value === text);
  const allowed = entries.filter((e) => existsIn(e.versions, ctx.version)).map((e) => e.value);
  if (hit && existsIn(hit.versions, ctx.version)) return;
  if (hit) {
    const fixes = hit.replacement ? [replaceFix(where, hit.replacement)] : [];
    ctx.report('invalid-enum', where, messages.valueRemoved(key, text, ctx.version, hit.replacement), { fixes });
    return;
  }
  const caseInsensitive = allowed.filter((v) => v.toLowerCase() === text.toLowerCase());
  const suggestions = caseInsensitive.length > 0 ? caseInsensitive : closest(text, allowed, { max: 2, caseInsensitive: true });
  ctx.report('invalid-enum', where, messages.notInEnum(key, text, allowed, suggestions), {
    fixes: suggestions.map((s) => replaceFix(where, s)),
  });
}

function numericValue(node: Node): number | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value)) return Number(node.value);
  return undefined;
}

/** A quick structural test to pick the branch of a union. */
function shallowAccepts(node: Node, type: ValueType, dynamic: boolean): boolean {
  switch (type.kind) {
    case 'string':
    case 'enum':
      return isScalar(node);
    case 'integer':
    case 'number':
      return numericValue(node) !== undefined || (dynamic && hasExpression(node));
    case 'boolean':
      return isScalar(node) && (typeof node.value === 'boolean' || /^(true|false)$/i.test(String(node.value)));
    case 'list':
    case 'tasks':
    case 'dagTasks':
    case 'inputs':
    case 'outputs':
      return isSeq(node);
    case 'map':
    case 'object':
    case 'task':
    case 'plugin':
    case 'retry':
      return isMap(node);
    case 'union':
      return type.types.some((t) => shallowAccepts(node, t, dynamic));
    case 'any':
      return true;
  }
}

export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'string':
      return type.format === 'duration' ? 'a duration' : 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'enum':
      return 'one of the allowed values';
    case 'list':
      return `a list of ${describeType(type.items).replace(/^an? /, '')}s`;
    case 'map':
    case 'object':
      return 'a mapping';
    case 'union':
      return type.types.map(describeType).join(' or ');
    case 'task':
      return 'a task';
    case 'tasks':
    case 'dagTasks':
      return 'a list of tasks';
    case 'plugin':
      return `a ${type.category}`;
    case 'retry':
      return 'a retry policy';
    case 'inputs':
      return 'a list of inputs';
    case 'outputs':
      return 'a list of outputs';
    case 'any':
      return 'any value';
  }
}

export function keySpanOf(map: YAMLMap, key: string): Span | undefined {
  const pair = pairs(map).find((p: Pair) => keyName(p) === key);
  return pair ? keySpan(pair) : undefined;
}

export function renameFix(kspan: Span, from: string, to: string) {
  return { title: fixTitles.rename(from, to), edits: [{ start: kspan.start, end: kspan.end, newText: to }], preferred: true };
}

export function replaceFix(where: Span, to: string) {
  return { title: fixTitles.replaceValue(to), edits: [{ start: where.start, end: where.end, newText: to }], preferred: true };
}

/** Inserts `key: value` as a new line after the last entry of a block mapping, at the mapping's indentation. */
export function insertPropertyFix(ctx: RuleContext, map: YAMLMap, key: string, value = '', title = fixTitles.addProperty(key)) {
  const items = pairs(map);
  const first = items[0];
  const last = items[items.length - 1];
  if (map.flow || !first || !last) return [];
  const firstKey = keySpan(first);
  const lastEnd = span(last.value as Node)?.end ?? keySpan(last)?.end;
  if (!firstKey || lastEnd === undefined) return [];
  // Insert at the end of the last entry's line, so comments and block scalars stay intact.
  const lineEnd = ctx.file.lines.lineEndOffset(ctx.file.lines.positionAt(Math.max(lastEnd - 1, firstKey.start)).line);
  const indent = ' '.repeat(ctx.columnOf(firstKey.start));
  return [{ title, edits: [{ start: lineEnd, end: lineEnd, newText: `\n${indent}${key}: ${value}` }] }];
}
