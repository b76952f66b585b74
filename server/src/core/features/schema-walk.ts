import type {
  Catalogue,
  InputTypeDef,
  PluginCategory,
  PropertyDef,
  PropertyMap,
  RetryTypeDef,
  TypeResolution,
  ValueType,
} from '../catalogue';
import { COMMON_TASK_PROPERTIES, COMMON_TRIGGER_PROPERTIES, DAG_ENTRY_PROPERTIES, GUESSED_CHILD_LISTS, TASKS } from '../catalogue/common';
import { FLOW_OUTPUT_PROPERTIES, FLOW_PROPERTIES } from '../catalogue/flow';
import { COMMON_INPUT_PROPERTIES } from '../catalogue/inputs';
import { COMMON_RETRY_PROPERTIES } from '../catalogue/retry';
import type { KestraVersion } from '../versions';

/**
 * Walks a YAML path through the catalogue: which mapping (task of type T, trigger, input, retry, object
 * property…) or list each step lands in. The path comes from the cursor; the `type:` of each mapping on
 * the way comes from a callback, so the walk works the same on a parsed AST and on half-typed text.
 */

export type PathSegment = string | number;

/** What a position holds: a catalogue value type, or one of the shapes the flow model gives names to. */
export type SlotType =
  ValueType | { readonly kind: 'flow' } | { readonly kind: 'input' } | { readonly kind: 'output' } | { readonly kind: 'dagEntry' };

export type OwnerKind =
  'flow' | 'task' | 'trigger' | 'condition' | 'taskRunner' | 'input' | 'output' | 'retry' | 'dagEntry' | 'object' | 'map' | 'unknown';

/** A mapping on the cursor's path, as the catalogue sees it. */
export interface Owner {
  readonly kind: OwnerKind;
  /** The `type:` written in the mapping, when there is one. */
  readonly type?: string;
  /** Tasks, triggers, conditions and task runners whose type the catalogue knows (in the right category). */
  readonly resolution?: TypeResolution;
  readonly inputType?: InputTypeDef;
  readonly retryType?: RetryTypeDef;
  /** Keys the mapping accepts; undefined for free-form maps. */
  readonly properties?: PropertyMap;
  /** Name of an object type (`taskRunner` options, `concurrency`, `dependsOn`…). */
  readonly name?: string;
  /** For free-form maps: the type of every value. */
  readonly valuesType?: SlotType;
  /** The key that holds this mapping, or the list it is an item of (`tasks`, `then`, `retry`, `taskRunner`…). */
  readonly via?: string;
}

/** Keys and scalar values of one mapping on the path, read from the AST or from the text lines. */
export interface MapFacts {
  readonly keys: ReadonlyMap<string, string | undefined>;
}

const PLUGIN_KINDS: Readonly<Record<PluginCategory, OwnerKind>> = {
  task: 'task',
  trigger: 'trigger',
  condition: 'condition',
  taskRunner: 'taskRunner',
};

export interface PathLevel {
  readonly slot: SlotType;
  /** The key holding this level (for list items: the key holding the list). */
  readonly via?: string;
}

export class SchemaWalker {
  private readonly owners = new Map<number, Owner>();
  readonly levels: PathLevel[] = [];

  constructor(
    private readonly catalogue: Catalogue,
    private readonly version: KestraVersion,
    readonly path: readonly PathSegment[],
    private readonly factsAt: (depth: number) => MapFacts | undefined,
  ) {
    let level: PathLevel = { slot: { kind: 'flow' } };
    this.levels.push(level);
    path.forEach((segment, depth) => {
      if (typeof segment === 'number') level = { slot: itemSlot(level.slot), ...(level.via !== undefined ? { via: level.via } : {}) };
      else level = { slot: this.propertySlot(this.ownerAt(depth), segment), via: segment };
      this.levels.push(level);
    });
  }

  /** The mapping reached after `depth` segments (the innermost one with `path.length`). */
  ownerAt(depth: number): Owner {
    let owner = this.owners.get(depth);
    if (!owner) {
      const level = this.levels[depth];
      owner = level ? this.ownerFor(level.slot, () => this.factsAt(depth), level.via) : { kind: 'unknown' };
      this.owners.set(depth, owner);
    }
    return owner;
  }

  /** Definition of `key` in `owner`, following property aliases. */
  propertyDef(owner: Owner, key: string): PropertyDef | undefined {
    const properties = owner.properties;
    if (!properties) return undefined;
    const direct = properties[key];
    if (direct) return direct;
    for (const def of Object.values(properties)) if (def.aliases?.some((a) => a.name === key)) return def;
    if (owner.kind === 'task' && !owner.resolution && GUESSED_CHILD_LISTS[key] !== undefined) {
      return { type: TASKS, description: 'Child tasks.' };
    }
    return undefined;
  }

  private propertySlot(owner: Owner, key: string): SlotType {
    if (owner.kind === 'map') return owner.valuesType ?? { kind: 'any' };
    return this.propertyDef(owner, key)?.type ?? { kind: 'any' };
  }

  ownerFor(slot: SlotType, facts: MapFacts | (() => MapFacts | undefined) | undefined, via: string | undefined): Owner {
    // Facts are read only for mappings chosen by their `type`: reading them costs a scan on broken files.
    const type =
      TYPED_KINDS.has(slot.kind) || slot.kind === 'union' ? (typeof facts === 'function' ? facts() : facts)?.keys.get('type') : undefined;
    const base = { ...(type !== undefined ? { type } : {}), ...(via !== undefined ? { via } : {}) };
    switch (slot.kind) {
      case 'flow':
        return { kind: 'flow', properties: FLOW_PROPERTIES };
      case 'task':
        return this.pluginOwner('task', type, base);
      case 'plugin':
        return this.pluginOwner(slot.category, type, base);
      case 'retry': {
        const retryType = type !== undefined ? this.catalogue.retryType(type) : undefined;
        if (retryType) return { kind: 'retry', ...base, retryType, properties: this.catalogue.retryPropertiesOf(retryType) };
        return { kind: 'retry', ...base, properties: this.anyRetryProperties() };
      }
      case 'input': {
        const inputType = type !== undefined ? this.catalogue.inputType(type) : undefined;
        if (inputType) return { kind: 'input', ...base, inputType, properties: this.catalogue.inputPropertiesOf(inputType) };
        return { kind: 'input', ...base, properties: COMMON_INPUT_PROPERTIES };
      }
      case 'output':
        return { kind: 'output', ...base, properties: FLOW_OUTPUT_PROPERTIES };
      case 'dagEntry':
        return { kind: 'dagEntry', ...base, properties: DAG_ENTRY_PROPERTIES };
      case 'object':
        return { kind: 'object', ...base, properties: slot.properties, ...(slot.name !== undefined ? { name: slot.name } : {}) };
      case 'map':
        return { kind: 'map', ...base, valuesType: slot.values };
      case 'union': {
        const member = slot.types.find((t) => MAPPING_KINDS.has(t.kind));
        return member ? this.ownerFor(member, facts, via) : { kind: 'unknown', ...base };
      }
      default:
        return { kind: 'unknown', ...base };
    }
  }

  private pluginOwner(category: PluginCategory, type: string | undefined, base: { type?: string; via?: string }): Owner {
    const kind = PLUGIN_KINDS[category];
    const resolution = type ? this.catalogue.resolve(type, this.version) : undefined;
    if (resolution && resolution.def.category === category) {
      return { kind, ...base, resolution, properties: this.catalogue.propertiesOf(resolution.def) };
    }
    const properties =
      category === 'task'
        ? COMMON_TASK_PROPERTIES
        : category === 'trigger'
          ? COMMON_TRIGGER_PROPERTIES
          : { type: COMMON_TASK_PROPERTIES['type']! };
    return { kind, ...base, properties };
  }

  private anyRetryProperties(): PropertyMap {
    const all: Record<string, PropertyDef> = { ...COMMON_RETRY_PROPERTIES };
    for (const name of this.catalogue.retryTypeNames()) {
      for (const [key, def] of Object.entries(this.catalogue.retryType(name)!.properties)) {
        if (!all[key]) all[key] = { ...def, required: false };
      }
    }
    return all;
  }
}

const MAPPING_KINDS = new Set(['object', 'map', 'plugin', 'task', 'retry']);
const TYPED_KINDS = new Set(['plugin', 'task', 'retry', 'input']);
const LIST_KINDS = new Set(['list', 'tasks', 'dagTasks', 'inputs', 'outputs']);

/** The type of one item of a list-like slot. */
export function itemSlot(slot: SlotType): SlotType {
  switch (slot.kind) {
    case 'tasks':
      return { kind: 'task' };
    case 'dagTasks':
      return { kind: 'dagEntry' };
    case 'inputs':
      return { kind: 'input' };
    case 'outputs':
      return { kind: 'output' };
    case 'list':
      return slot.items;
    case 'union': {
      const member = slot.types.find((t) => LIST_KINDS.has(t.kind));
      return member ? itemSlot(member) : { kind: 'any' };
    }
    default:
      return { kind: 'any' };
  }
}

export function isListSlot(slot: SlotType): boolean {
  if (slot.kind === 'union') return slot.types.some((t) => LIST_KINDS.has(t.kind)) && !slot.types.some((t) => MAPPING_KINDS.has(t.kind));
  return LIST_KINDS.has(slot.kind);
}

/** Whether a slot holds a mapping (so typing at it means typing a key). */
export function isMappingSlot(slot: SlotType): boolean {
  if (slot.kind === 'union') return slot.types.some((t) => MAPPING_KINDS.has(t.kind));
  return (
    MAPPING_KINDS.has(slot.kind) || slot.kind === 'flow' || slot.kind === 'input' || slot.kind === 'output' || slot.kind === 'dagEntry'
  );
}
