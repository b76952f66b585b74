import type { KestraVersion } from '../versions';
import { existsIn } from '../versions';
import type { InputTypeDef, PluginCategory, PluginTypeDef, PropertyMap, RetryTypeDef } from './types';
import { ALL_PLUGIN_DEFINITIONS } from './plugins';
import { COMMON_TASK_PROPERTIES, COMMON_TRIGGER_PROPERTIES } from './common';
import { INPUT_TYPES, COMMON_INPUT_PROPERTIES } from './inputs';
import { RETRY_TYPES, COMMON_RETRY_PROPERTIES } from './retry';

export * from './types';

/** How a written `type:` value resolved. */
export interface TypeResolution {
  readonly def: PluginTypeDef;
  /** The name as written when it is an alias of `def.type`. */
  readonly alias?: string;
  /** The alias (or type) exists in the catalogue but not in the target version. */
  readonly existsInTarget: boolean;
}

/**
 * Read-only index over every definition. Built once per process; lookups are O(1).
 * Type names resolve case-insensitively, as Kestra's plugin registry does for aliases.
 */
export class Catalogue {
  private readonly byName = new Map<string, { def: PluginTypeDef; alias?: string }>();
  private readonly inputTypes = new Map<string, InputTypeDef>();
  private readonly retryTypes = new Map<string, RetryTypeDef>();

  constructor(
    readonly plugins: readonly PluginTypeDef[],
    inputs: readonly InputTypeDef[],
    retries: readonly RetryTypeDef[],
  ) {
    for (const def of plugins) {
      this.byName.set(def.type.toLowerCase(), { def });
      for (const alias of def.aliases ?? []) this.byName.set(alias.name.toLowerCase(), { def, alias: alias.name });
    }
    for (const input of inputs) this.inputTypes.set(input.type, input);
    for (const retry of retries) this.retryTypes.set(retry.type, retry);
  }

  /** Resolve a `type:` value. Undefined when the catalogue has never heard of it. */
  resolve(typeName: string, version: KestraVersion): TypeResolution | undefined {
    const hit = this.byName.get(typeName.toLowerCase());
    if (!hit) return undefined;
    const { def, alias } = hit;
    const aliasDef = alias ? def.aliases?.find((a) => a.name === alias) : undefined;
    const existsInTarget = existsIn(def.versions, version) && (!aliasDef || existsIn(aliasDef.versions, version));
    return alias ? { def, alias, existsInTarget } : { def, existsInTarget };
  }

  /** Canonical definitions of one category that exist in `version`. */
  ofCategory(category: PluginCategory, version: KestraVersion): PluginTypeDef[] {
    return this.plugins.filter((d) => d.category === category && existsIn(d.versions, version));
  }

  /** Every property a plugin accepts: its own plus the common ones of its category. */
  propertiesOf(def: PluginTypeDef): PropertyMap {
    if (def.category === 'task') return { ...COMMON_TASK_PROPERTIES, ...def.properties };
    if (def.category === 'trigger') return { ...COMMON_TRIGGER_PROPERTIES, ...def.properties };
    return { type: COMMON_TASK_PROPERTIES['type']!, ...def.properties };
  }

  inputType(name: string): InputTypeDef | undefined {
    return this.inputTypes.get(name);
  }

  inputTypeNames(): string[] {
    return [...this.inputTypes.keys()];
  }

  /** Every property an input of this type accepts. */
  inputPropertiesOf(def: InputTypeDef): PropertyMap {
    return { ...COMMON_INPUT_PROPERTIES, ...def.properties };
  }

  retryType(name: string): RetryTypeDef | undefined {
    return this.retryTypes.get(name);
  }

  retryTypeNames(): string[] {
    return [...this.retryTypes.keys()];
  }

  retryPropertiesOf(def: RetryTypeDef): PropertyMap {
    return { ...COMMON_RETRY_PROPERTIES, ...def.properties };
  }

  /** All names a type can be written with (canonical and aliases), for did-you-mean. */
  allTypeNames(): string[] {
    return [...this.byName.values()].map((v) => v.alias ?? v.def.type);
  }
}

let shared: Catalogue | undefined;

/** The built-in catalogue (core plugins + scripts plugin). */
export function builtinCatalogue(): Catalogue {
  shared ??= new Catalogue(ALL_PLUGIN_DEFINITIONS, INPUT_TYPES, RETRY_TYPES);
  return shared;
}
