import type { VersionRange } from '../versions';

/**
 * The catalogue describes Kestra plugin types declaratively: data, no behaviour. Validation, completion,
 * hover, the JSON Schema generator and (later) the runner all read these definitions, so a fact about a
 * type is written once, here.
 */

/** What a value may look like. A small type language that maps both to our validator and to JSON Schema. */
export type ValueType =
  | {
      readonly kind: 'string';
      readonly format?: StringFormat;
      readonly pattern?: string;
      readonly minLength?: number;
      readonly maxLength?: number;
    }
  | { readonly kind: 'integer'; readonly minimum?: number; readonly maximum?: number }
  | { readonly kind: 'number'; readonly minimum?: number; readonly maximum?: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly EnumValue[] }
  | { readonly kind: 'list'; readonly items: ValueType; readonly minItems?: number }
  | { readonly kind: 'map'; readonly values: ValueType }
  | { readonly kind: 'object'; readonly properties: PropertyMap; readonly name?: string }
  /** Several accepted shapes (e.g. a string or a list of strings). */
  | { readonly kind: 'union'; readonly types: readonly ValueType[] }
  /** One task definition (a map with `id` and `type`). */
  | { readonly kind: 'task' }
  /** A list of tasks. */
  | { readonly kind: 'tasks'; readonly minItems?: number }
  /** A plugin of another category, chosen by its `type` key (task runner, condition…). */
  | { readonly kind: 'plugin'; readonly category: PluginCategory }
  /** A retry policy (`type: constant|exponential|random`). */
  | { readonly kind: 'retry' }
  /** A list of flow inputs (Pause onResume, Loop outputs reuse the flow shapes). */
  | { readonly kind: 'inputs' }
  /** A list of flow outputs (`id`, `type`, `value`). */
  | { readonly kind: 'outputs' }
  /** Dag children: a list of `{task, dependsOn}`. */
  | { readonly kind: 'dagTasks' }
  /** Anything YAML can hold. */
  | { readonly kind: 'any' };

export type StringFormat =
  | 'duration' // ISO-8601 duration, or a number of seconds
  | 'cron'
  | 'timezone'
  | 'uri'
  | 'regex'
  | 'date-time'
  | 'date'
  | 'time'
  | 'task-id' // a reference to a task id of the same flow
  | 'namespace'
  | 'flow-id';

/** An enum value, possibly limited to some Kestra versions (CANCELED → CANCELLED in 2.0). */
export type EnumValue = string | { readonly value: string; readonly versions?: VersionRange; readonly replacement?: string };

export type PropertyMap = Readonly<Record<string, PropertyDef>>;

export interface PropertyDef {
  readonly type: ValueType;
  readonly description: string;
  /** Required unless pluginDefaults supply it. */
  readonly required?: boolean;
  readonly default?: unknown;
  /** Rendered with Pebble at run time (`Property<T>` or `@PluginProperty(dynamic = true)`). */
  readonly dynamic?: boolean;
  readonly versions?: VersionRange;
  /** Deprecated but still accepted; `replacement` names the property to use instead. */
  readonly deprecated?: Deprecation;
  /** Where it no longer exists: what to write instead (not a deprecation where it still exists). */
  readonly replacedBy?: Deprecation;
  /** Other spellings accepted for this property (e.g. `maxAttempt` for `maxAttempts` before 2.0). */
  readonly aliases?: readonly PropertyAlias[];
}

export interface PropertyAlias {
  readonly name: string;
  /** Where the alias is still accepted (as a deprecation warning). Outside this range it is an error. */
  readonly versions?: VersionRange;
}

export interface Deprecation {
  readonly message: string;
  /** Canonical replacement (a type name for types, a property name for properties). */
  readonly replacement?: string;
  /** For a type replacement: properties that change name on the way (Echo `format` → Log `message`). */
  readonly renames?: Readonly<Record<string, string>>;
}

export interface OutputDef {
  readonly type: ValueType;
  readonly description: string;
  readonly versions?: VersionRange;
}

export type PluginCategory = 'task' | 'trigger' | 'condition' | 'taskRunner';

/** Where a flowable keeps its children, so the model, graph and runner can walk them. */
export type ChildListKind = 'tasks' | 'map-of-tasks' | 'dag' | 'task';

export interface PluginTypeDef {
  /** Canonical fully-qualified type, e.g. `io.kestra.plugin.core.log.Log`. */
  readonly type: string;
  readonly category: PluginCategory;
  /** One-paragraph Markdown description (our own words). */
  readonly description: string;
  /** Type-specific properties. Common task/trigger properties are added by the catalogue, not repeated here. */
  readonly properties: PropertyMap;
  readonly outputs?: Readonly<Record<string, OutputDef>>;
  /** True when the outputs list above is complete (false for script `vars`, dynamic outputs…). */
  readonly outputsComplete?: boolean;
  /** Orchestrates child tasks (Sequential, If, Loop…). */
  readonly flowable?: boolean;
  /** Properties that hold child tasks, with their shape. */
  readonly childLists?: Readonly<Record<string, ChildListKind>>;
  /** Old names that resolve to this type. */
  readonly aliases?: readonly TypeAlias[];
  readonly versions?: VersionRange;
  readonly deprecated?: Deprecation;
  /** Where it no longer exists: what to use instead (not a deprecation where it still exists). */
  readonly replacedBy?: Deprecation;
  /** Extra facts shown in hover (e.g. "Docker is the default runner"). */
  readonly notes?: readonly string[];
  /** Example YAML (our own), used by completion snippets and docs. */
  readonly example?: string;
}

export interface TypeAlias {
  readonly name: string;
  /** Where the alias resolves. Aliases are removed in 2.0 (Kestra PR #15370). */
  readonly versions?: VersionRange;
}

/** A flow input type (`STRING`, `INT`, `SELECT`…) with its type-specific properties. */
export interface InputTypeDef {
  readonly type: string;
  readonly description: string;
  /** Type-specific properties; the common input properties are added by the catalogue. */
  readonly properties: PropertyMap;
  readonly versions?: VersionRange;
  readonly deprecated?: Deprecation;
  /** Where it no longer exists: what to use instead. */
  readonly replacedBy?: Deprecation;
  /** May be used as a flow output type (2.1 rejects input-only types such as SELECT). */
  readonly outputAllowed?: VersionRange | false;
}

/** A retry policy type (`constant`, `exponential`, `random`) with its specific properties. */
export interface RetryTypeDef {
  readonly type: string;
  readonly description: string;
  readonly properties: PropertyMap;
}
