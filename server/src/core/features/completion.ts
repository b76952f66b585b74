import type { InputTypeDef, PluginCategory, PropertyDef } from '../catalogue';
import type { FlowFile } from '../flow-file';
import { existsIn } from '../versions';
import { keyInsert, newItemSnippet, snippetText } from './completion-inserts';
import { cursorContext, type CursorContext } from './cursor-context';
import { expressionCompletion } from './expression-completion';
import {
  CATEGORY_LABEL,
  enumValues,
  inputTypeMarkdown,
  lastSegment,
  pluginMarkdown,
  propertyMarkdown,
  retryTypeMarkdown,
  shortType,
} from './describe';
import { isMappingSlot, type Owner, type SlotType } from './schema-walk';
import { rankTypes } from './type-ranking';

/**
 * Completion: plugin types after `type:`, property keys of the mapping under the cursor, enum and boolean
 * values, new list items (a task, an input…) and the flow's top-level keys. Pure over a parsed FlowFile;
 * items come sorted (by `sortText`) and the LSP adapter converts them.
 */

export type CompletionKind = 'type' | 'property' | 'value' | 'snippet' | 'keyword' | 'input-type';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** `insertText` uses snippet syntax (`${1:placeholder}`). */
  readonly isSnippet?: boolean;
  readonly sortText: string;
  readonly filterText?: string;
  /** Offsets of the text the item replaces; the cursor position when absent. */
  readonly replaceStart?: number;
  readonly replaceEnd?: number;
  readonly deprecated?: boolean;
  readonly preselect?: boolean;
}

export interface CompletionList {
  /** True when typing more may bring other items (the editor should ask again). */
  readonly isIncomplete: boolean;
  readonly items: readonly CompletionItem[];
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Keys that are valid but never typed by hand. */
const RARELY_TYPED = new Set(['revision', 'deleted']);

const FLOW_SKELETON = [
  'id: ${1:hello_world}',
  'namespace: ${2:company.team}',
  '',
  'tasks:',
  '  - id: ${3:hello}',
  '    type: io.kestra.plugin.core.log.Log',
  '    message: ${4:Hello World!}',
].join('\n');

export function complete(file: FlowFile, offset: number): CompletionList {
  let ctx: CursorContext;
  try {
    // Inside `{{ }}` / `{% %}` the YAML structure does not matter: the expression does.
    const inExpression = expressionCompletion(file, offset);
    if (inExpression) {
      return { isIncomplete: false, items: inExpression.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)) };
    }
    ctx = cursorContext(file, offset);
  } catch {
    return EMPTY; // completion must never take the editor down
  }
  const items = itemsFor(file, ctx);
  return { isIncomplete: false, items: items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)) };
}

function itemsFor(file: FlowFile, ctx: CursorContext): CompletionItem[] {
  const target = ctx.target;
  switch (target.kind) {
    case 'key': {
      const items = keyItems(file, ctx, ctx.owner, target.hasColon, target.start, target.end);
      if (ctx.owner.kind === 'flow' && ctx.presentKeys.size === 0) {
        items.push({
          label: 'New flow',
          kind: 'snippet',
          detail: 'id, namespace and a first task',
          insertText: FLOW_SKELETON,
          isSnippet: true,
          sortText: '!',
          replaceStart: target.start,
          replaceEnd: target.end,
          preselect: true,
        });
      }
      return items;
    }
    case 'value':
      return target.multiline ? [] : valueItems(file, ctx, target.prefix, target.start, target.end, target.needsSpace ? ' ' : '');
    case 'item':
      return itemItems(file, ctx, target.dash, target.start, target.end, target.needsSpace);
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Keys

function keyItems(file: FlowFile, ctx: CursorContext, owner: Owner, hasColon: boolean, start: number, end: number): CompletionItem[] {
  const properties = owner.properties;
  if (!properties) return [];
  const specific = specificKeys(owner);
  const items: CompletionItem[] = [];
  let index = 0;
  for (const [name, def] of Object.entries(properties)) {
    index++;
    if (!existsIn(def.versions, file.version) || isPresent(ctx.presentKeys, name, def)) continue;
    const rank = def.deprecated || RARELY_TYPED.has(name) ? 3 : def.required ? 0 : specific.has(name) ? 1 : 2;
    const insert = keyInsert(name, def, hasColon, file.version);
    items.push({
      label: name,
      kind: 'property',
      detail: `${shortType(def.type)}${def.required ? ' · required' : ''}`,
      documentation: propertyMarkdown(name, def, file.version),
      insertText: insert.text,
      ...(insert.snippet ? { isSnippet: true } : {}),
      sortText: `${rank}${String(index).padStart(3, '0')}${name}`,
      replaceStart: start,
      replaceEnd: end,
      ...(def.deprecated ? { deprecated: true } : {}),
    });
  }
  return items;
}

function isPresent(present: ReadonlySet<string>, name: string, def: PropertyDef): boolean {
  return present.has(name) || (def.aliases ?? []).some((a) => present.has(a.name));
}

/** Keys a type adds to the common ones: they come before the common keys. */
function specificKeys(owner: Owner): ReadonlySet<string> {
  const own = owner.resolution?.def.properties ?? owner.inputType?.properties ?? owner.retryType?.properties;
  return new Set(own ? Object.keys(own) : []);
}

// ---------------------------------------------------------------------------------------------------------
// Values

function valueItems(file: FlowFile, ctx: CursorContext, prefix: string, start: number, end: number, lead: string): CompletionItem[] {
  const key = ctx.property?.name;
  const inList = ctx.target.kind === 'value' && ctx.target.inList;
  if (key === 'type' && !inList) {
    const typed = typeItems(file, ctx.owner, prefix, start, end, lead);
    // Keys are added below plain values only: inside quotes a new line would end up in the string.
    const addKeys = (ctx.owner.kind === 'task' || ctx.owner.kind === 'trigger') && ctx.target.kind === 'value' && !ctx.target.quote;
    if (typed) return addKeys ? typed.map((item) => withRequiredKeys(file, ctx, item, start)) : typed;
  }
  const range = { replaceStart: start, replaceEnd: end };
  const slot = ctx.slot ?? { kind: 'any' };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: CompletionKind, detail: string, rank: number): void => {
    if (seen.has(label)) return;
    seen.add(label);
    items.push({ label, kind, detail, insertText: lead + label, sortText: `${rank}${String(items.length).padStart(3, '0')}`, ...range });
  };
  const defaultValue = ctx.property?.def?.default;
  const offer = (value: string, kind: CompletionKind, detail: string): void => {
    const isDefault = String(defaultValue) === value;
    add(value, kind, isDefault ? 'default' : detail, isDefault ? 0 : 1);
  };
  for (const member of members(slot)) {
    if (member.kind === 'enum') enumValues(member.values, file.version).forEach((v) => offer(v, 'value', 'value'));
    else if (member.kind === 'boolean') ['true', 'false'].forEach((v) => offer(v, 'keyword', 'boolean'));
    else if (member.kind === 'string' && member.format === 'task-id') taskIds(file, ctx).forEach((id) => add(id, 'value', 'task id', 2));
  }
  if (key === 'inputs' && ctx.owner.name === 'dependsOn') inputIds(file, ctx).forEach((id) => add(id, 'value', 'input id', 2));
  return items;
}

/**
 * Choosing a task or trigger type also writes the keys that type requires and the mapping lacks, as
 * snippet stops below the `type:` line, so a new task is complete in one step.
 */
function withRequiredKeys(file: FlowFile, ctx: CursorContext, item: CompletionItem, typeValueStart: number): CompletionItem {
  const def = file.catalogue.resolve(item.label, file.version)?.def;
  if (!def) return item;
  const missing = Object.entries(file.catalogue.propertiesOf(def))
    .filter(
      ([name, d]) =>
        d.required && name !== 'id' && name !== 'type' && existsIn(d.versions, file.version) && !isPresent(ctx.presentKeys, name, d),
    )
    .map(([name]) => name);
  if (missing.length === 0) return item;
  const lines = file.parsed.lines;
  const line = lines.positionAt(typeValueStart).line;
  const column = lines.lineText(line).search(/type\s*:/);
  if (column < 0) return item;
  const indent = ' '.repeat(column);
  const keys = missing.map((name, i) => `\n${indent}${name}: \${${i + 1}}`).join('');
  return { ...item, insertText: `${item.insertText}${keys}`, isSnippet: true, detail: `${item.detail ?? ''} · adds ${missing.join(', ')}` };
}

function members(slot: SlotType): SlotType[] {
  return slot.kind === 'union' ? slot.types.flatMap(members) : [slot];
}

function taskIds(file: FlowFile, ctx: CursorContext): string[] {
  const model = ctx.section ? file.model(ctx.section) : undefined;
  return (model?.allTasks ?? []).map((t) => t.id?.value).filter((id): id is string => id !== undefined);
}

function inputIds(file: FlowFile, ctx: CursorContext): string[] {
  const model = ctx.section ? file.model(ctx.section) : undefined;
  return (model?.inputs ?? []).map((i) => i.id?.value).filter((id): id is string => id !== undefined);
}

/** Values of `type:`, by the kind of mapping it is in. Undefined when `type` is not a type chooser there. */
function typeItems(file: FlowFile, owner: Owner, prefix: string, start: number, end: number, lead: string): CompletionItem[] | undefined {
  const range = { replaceStart: start, replaceEnd: end };
  switch (owner.kind) {
    case 'task':
    case 'trigger':
    case 'condition':
    case 'taskRunner':
      return pluginTypeItems(file, [owner.kind], prefix, lead, range);
    case 'retry':
      return file.catalogue.retryTypeNames().map((name, i) => ({
        label: name,
        kind: 'type',
        detail: 'retry policy',
        documentation: retryTypeMarkdown(file.catalogue.retryType(name)!, file.version),
        insertText: lead + name,
        sortText: String(i).padStart(3, '0'),
        ...range,
      }));
    case 'input':
    case 'output':
      return inputTypes(file, owner.kind === 'output').map((def, i) => ({
        label: def.type,
        kind: 'input-type',
        detail: owner.kind === 'output' ? 'output type' : 'input type',
        documentation: inputTypeMarkdown(def, file.version, file.catalogue),
        insertText: lead + def.type,
        sortText: String(i).padStart(3, '0'),
        ...range,
      }));
    case 'object':
      return owner.name === 'pluginDefault'
        ? pluginTypeItems(file, ['task', 'trigger', 'condition', 'taskRunner'], prefix, lead, range)
        : undefined;
    default:
      return undefined;
  }
}

function pluginTypeItems(
  file: FlowFile,
  categories: readonly PluginCategory[],
  prefix: string,
  lead: string,
  range: { replaceStart: number; replaceEnd: number },
): CompletionItem[] {
  const defs = categories.flatMap((c) => file.catalogue.ofCategory(c, file.version)).filter((d) => !d.deprecated);
  const dotted = prefix.includes('.');
  return rankTypes(defs, prefix).map((def, i) => ({
    label: def.type,
    kind: 'type',
    detail: `${CATEGORY_LABEL[def.category]} · ${lastSegment(def.type)}`,
    documentation: pluginMarkdown(def, file.version),
    insertText: lead + def.type,
    sortText: String(i).padStart(4, '0'),
    filterText: dotted ? def.type : `${lastSegment(def.type)} ${def.type}`,
    ...range,
  }));
}

/** Input types offered in the target version (not deprecated); for outputs, only those allowed there. */
export function inputTypes(file: FlowFile, forOutput: boolean): InputTypeDef[] {
  return file.catalogue
    .inputTypeNames()
    .map((name) => file.catalogue.inputType(name)!)
    .filter((def) => existsIn(def.versions, file.version) && !def.deprecated)
    .filter((def) => !forOutput || (def.outputAllowed !== false && existsIn(def.outputAllowed, file.version)));
}

// ---------------------------------------------------------------------------------------------------------
// New list items

function itemItems(file: FlowFile, ctx: CursorContext, dash: boolean, start: number, end: number, needsSpace: boolean): CompletionItem[] {
  const slot = ctx.slot ?? { kind: 'any' };
  const lead = dash ? (needsSpace ? ' ' : '') : '- ';
  if (!isMappingSlot(slot)) {
    const values = valueItems(file, ctx, ctx.target.kind === 'item' ? ctx.target.prefix : '', start, end, lead);
    return values;
  }
  const items: CompletionItem[] = [];
  const inputTypeNames = inputTypes(file, slot.kind === 'output').map((d) => d.type);
  const snippet = newItemSnippet(slot, inputTypeNames);
  if (snippet) {
    items.push({
      label: snippet.label,
      kind: 'snippet',
      detail: snippet.detail,
      insertText: snippetText(lead) + snippet.body,
      isSnippet: true,
      sortText: '!',
      filterText: ctx.target.kind === 'item' && ctx.target.prefix ? ctx.target.prefix : snippet.label,
      replaceStart: start,
      replaceEnd: end,
      preselect: true,
    });
  }
  // After `- `, the first key of the new mapping can also be typed directly.
  if (dash && ctx.itemOwner) {
    for (const item of keyItems(file, { ...ctx, presentKeys: new Set() }, ctx.itemOwner, false, start, end)) {
      items.push(needsSpace ? { ...item, insertText: ' ' + item.insertText } : item);
    }
  }
  return items;
}
