import { compareVersions, describeRange, existsIn, type KestraVersion, type VersionRange } from '../versions';
import type { Catalogue } from './index';
import { COMMON_TASK_PROPERTIES, DAG_ENTRY_PROPERTIES } from './common';
import { FLOW_OUTPUT_PROPERTIES, FLOW_PROPERTIES } from './flow';
import type { Deprecation, EnumValue, InputTypeDef, PluginCategory, PluginTypeDef, PropertyDef, PropertyMap, ValueType } from './types';

/**
 * JSON Schema (draft-07) of a flow for one Kestra version, generated from the catalogue, for editors that only
 * speak JSON Schema (the Red Hat YAML extension, IntelliJ) and for ajv.
 *
 * Maps that are polymorphic on `type` (tasks, triggers, conditions, task runners, inputs, retry policies) dispatch
 * with one `if {type: const X} then {$ref X}` per type, never with a oneOf/anyOf of the types: yaml-language-server
 * merges the properties of anyOf branches for completion and reports the errors of whichever branch it guesses.
 */

export type JsonSchema = { [key: string]: unknown };

/** File name of each version's schema under `schemas/`; 2.0, the default target, gets the plain name. */
export const SCHEMA_FILES: Readonly<Record<KestraVersion, string>> = {
  '1.3': 'flow-1.3.schema.json',
  '2.0': 'flow.schema.json',
  '2.1': 'flow-2.1.schema.json',
};

/** Pebble anywhere in the string: what Kestra accepts in place of a non-string dynamic value (flow-model.md §2.2). */
const EXPRESSION_PATTERN = '\\{\\{|\\{%';

/** `Duration.parse` (any letter case, a part required after P and after T) or a number of seconds, as util/duration.ts. */
const DURATION_PATTERN =
  '^[-+]?[Pp](?![Tt]?$)(?!.*[Tt]$)(?:[-+]?[0-9]+[Dd])?(?:[Tt](?:[-+]?[0-9]+[Hh])?(?:[-+]?[0-9]+[Mm])?(?:[-+]?[0-9]+(?:[.,][0-9]{0,9})?[Ss])?)?$' +
  '|^[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$';

/** A Java class name outside Kestra's core packages: a third-party plugin the catalogue does not know. */
const PLUGIN_CLASS_PATTERN = '^(?!io\\.kestra\\.(?:plugin\\.)?core\\.)[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+$';

const CATEGORIES: readonly PluginCategory[] = ['task', 'trigger', 'condition', 'taskRunner'];

/** Kinds that hold other definitions: Pebble never stands in for them. */
const STRUCTURAL = new Set<ValueType['kind']>(['task', 'tasks', 'dagTasks', 'plugin', 'retry', 'inputs', 'outputs']);

export function flowJsonSchema(catalogue: Catalogue, version: KestraVersion): JsonSchema {
  return new SchemaBuilder(catalogue, version).build();
}

/** The schema as written to `schemas/`: two-space indentation and a trailing newline. */
export function flowJsonSchemaText(catalogue: Catalogue, version: KestraVersion): string {
  return JSON.stringify(flowJsonSchema(catalogue, version), null, 2) + '\n';
}

/** What the type-level helpers read from a plugin, input or retry definition. */
type TypedDef = Pick<PluginTypeDef, 'type' | 'description' | 'notes' | 'versions' | 'deprecated' | 'replacedBy'>;

/** A member of a union keyed by `type`: the name written in `type`, its definition key, its completion note. */
interface Member {
  readonly name: string;
  readonly key: string;
  readonly doc: string;
  readonly build: () => JsonSchema;
}

const member = (name: string, key: string, doc: string, build: () => JsonSchema): Member => ({ name, key, doc, build });

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** One dispatch branch: `then` applies to mappings whose `type` is exactly `name`. */
function when(name: string, then: JsonSchema): JsonSchema {
  return { if: { type: 'object', properties: { type: { const: name } }, required: ['type'] }, then };
}

/** Drops undefined members, so optional catalogue fields leave no keys behind. */
function compact(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, v]) => v !== undefined));
}

function deprecation(d: Deprecation | undefined): JsonSchema {
  return d ? { deprecated: true, deprecationMessage: d.message } : {};
}

function paragraphs(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

function versionNote(range: VersionRange | undefined): string | undefined {
  if (!range || (!range.since && !range.removedIn)) return undefined;
  const text = describeRange(range);
  return `_${text.charAt(0).toUpperCase()}${text.slice(1)}._`;
}

const deprecatedNote = (d: Deprecation | undefined): string | undefined => d && `**Deprecated.** ${d.message}`;

function enumDoc(def: TypedDef): string {
  return deprecatedNote(def.deprecated) ?? /^.*?[.!?](?=\s|$)/s.exec(def.description)?.[0] ?? def.description;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class SchemaBuilder {
  private readonly defs = new Map<string, JsonSchema>();
  /** Named catalogue objects already hoisted, by identity, so a shared shape is written once. */
  private readonly objectKeys = new Map<ValueType, string>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly version: KestraVersion,
  ) {}

  build(): JsonSchema {
    for (const category of CATEGORIES) {
      if (this.catalogue.ofCategory(category, this.version).length > 0) this.define(category, () => this.dispatcher(category));
    }
    this.define('input', () => this.inputDispatcher());
    this.define('retry', () => this.retryDispatcher());
    const root = this.objectSchema(FLOW_PROPERTIES);
    return {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: 'Generated from the Kestra Flow Studio catalogue by `npm run schemas`; do not edit by hand.',
      // No `title`: yaml-language-server prints it as the heading of every hover.
      description: `A Kestra flow, as accepted by Kestra ${this.version}.`,
      ...root,
      definitions: Object.fromEntries([...this.defs.entries()].sort(([a], [b]) => compare(a, b))),
    };
  }

  private exists(range: VersionRange | undefined): boolean {
    return existsIn(range, this.version);
  }

  /** Registers a definition once (a placeholder first, so recursive references terminate) and returns a `$ref`. */
  private define(name: string, build: () => JsonSchema): JsonSchema {
    if (!this.defs.has(name)) {
      this.defs.set(name, {});
      this.defs.set(name, build());
    }
    return ref(name);
  }

  // ---- unions keyed by `type` ----------------------------------------------------------------------------

  /** One `if type = X then $ref X` branch per member, plus explanation-only branches for the names the target lacks. */
  private keyedUnion(members: readonly Member[], missing: readonly [string, string][], type: JsonSchema, id?: JsonSchema): JsonSchema {
    const branches = members.map((m) => when(m.name, this.define(m.key, m.build)));
    for (const [name, message] of missing) branches.push(when(name, { properties: { type: { deprecationMessage: message } } }));
    return { type: 'object', properties: compact({ id, type }), required: id ? ['id', 'type'] : ['type'], allOf: branches };
  }

  /** Catalogue types go through their definitions; any other class name outside the core packages is a third-party plugin. */
  private dispatcher(category: PluginCategory): JsonSchema {
    const defs = this.catalogue.ofCategory(category, this.version).sort((a, b) => compare(a.type, b.type));
    const members = defs.map((def) => member(def.type, def.type, enumDoc(def), () => this.pluginSchema(def)));
    const aliases = defs.flatMap((def) => this.aliasesOf(def).map((alias) => ({ def, alias }))).sort((a, b) => compare(a.alias, b.alias));
    for (const { def, alias } of aliases) {
      members.push(member(alias, alias, `**Deprecated** alias of \`${def.type}\`.`, () => this.aliasSchema(def, alias)));
    }
    const unknown =
      `Unknown ${category} type for Kestra ${this.version}: use a type that completion offers, ` +
      'or the fully-qualified class name of a third-party plugin (outside `io.kestra.plugin.core`).';
    // No description here or on `pluginType`: hover shows the first description it meets, and the type's own is better.
    const typeRef = this.define(`${category}Type`, () => ({
      type: 'string',
      anyOf: [
        { enum: members.map((m) => m.name), markdownEnumDescriptions: members.map((m) => m.doc), errorMessage: unknown },
        this.define('pluginType', () => this.pluginTypeSchema()),
      ],
    }));
    const idDef = COMMON_TASK_PROPERTIES['id'];
    const id = (category === 'task' || category === 'trigger') && idDef ? this.propertySchema(idDef) : undefined;
    return this.keyedUnion(members, this.unavailableNames(category), typeRef, id);
  }

  /**
   * Catalogue names of this category the target does not accept (removed types, types of a later line, old aliases),
   * each with why. The `type` enum already rejects them; the branch adds the reason as a `deprecationMessage`, which
   * yaml-language-server shows verbatim and other validators ignore.
   */
  private unavailableNames(category: PluginCategory): [string, string][] {
    const out = new Map<string, string>();
    for (const def of this.catalogue.plugins) {
      if (def.category !== category) continue;
      const live = this.exists(def.versions);
      const why = live ? `Kestra ${this.version} no longer accepts it: write \`${def.type}\`.` : this.absence(def);
      if (!live) out.set(def.type, why);
      for (const alias of def.aliases ?? []) {
        if (!live || !this.exists(alias.versions)) out.set(alias.name, `\`${alias.name}\` is an old name of \`${def.type}\`. ${why}`);
      }
    }
    return [...out.entries()].sort(([a], [b]) => compare(a, b));
  }

  private absence(def: TypedDef): string {
    const since = def.versions?.since;
    const head =
      since && compareVersions(this.version, since) < 0
        ? `\`${def.type}\` needs Kestra ${since} or later (the target is Kestra ${this.version}).`
        : `\`${def.type}\` does not exist in Kestra ${this.version}.`;
    const note = def.replacedBy ?? def.deprecated;
    return note ? `${head} ${note.message}` : head;
  }

  private aliasesOf(def: PluginTypeDef): string[] {
    return (def.aliases ?? []).filter((a) => this.exists(a.versions)).map((a) => a.name);
  }

  /** A class name outside the core packages that is no catalogue name of another line or category. */
  private pluginTypeSchema(): JsonSchema {
    const thirdParty = new RegExp(PLUGIN_CLASS_PATTERN, 'u');
    const names = this.catalogue.plugins.flatMap((d) => [d.type, ...(d.aliases ?? []).map((a) => a.name)]);
    const reserved = [...new Set(names.filter((n) => thirdParty.test(n)))].sort(compare);
    return {
      $comment: 'Type of a plugin outside this catalogue; its properties are not checked.',
      type: 'string',
      pattern: PLUGIN_CLASS_PATTERN,
      patternErrorMessage:
        'Unknown type: core types must be one of the known names; a third-party plugin type is a fully-qualified class name.',
      ...(reserved.length > 0 ? { not: { enum: reserved } } : {}),
    };
  }

  private pluginSchema(def: PluginTypeDef): JsonSchema {
    return this.typedSchema(def, this.catalogue.propertiesOf(def), [def.type, ...this.aliasesOf(def)]);
  }

  /** A closed mapping for one type; its `type` property also carries the type's documentation, for hover on the value. */
  private typedSchema(def: TypedDef, props: PropertyMap, names: readonly string[]): JsonSchema {
    const doc = paragraphs(def.description, ...(def.notes ?? []), versionNote(def.versions), deprecatedNote(def.deprecated));
    const typeProperty = {
      description: def.description,
      markdownDescription: doc,
      ...(names.length === 1 ? { const: names[0] } : { enum: names }),
    };
    return {
      description: def.description,
      markdownDescription: doc,
      ...(def.deprecated ? { deprecated: true } : {}),
      ...this.objectSchema(props, { type: { ...typeProperty, ...deprecation(def.deprecated) } }),
    };
  }

  /** An alias validates as its canonical type; its own `type` property carries the deprecation warning. */
  private aliasSchema(def: PluginTypeDef, alias: string): JsonSchema {
    const removedIn = def.aliases?.find((a) => a.name === alias)?.versions?.removedIn;
    const message = `\`${alias}\` is a deprecated alias of \`${def.type}\`${removedIn ? `; Kestra ${removedIn} no longer accepts it` : ''}.`;
    return {
      description: `Deprecated alias of ${def.type}.`,
      markdownDescription: message,
      deprecated: true,
      allOf: [ref(def.type)],
      properties: { type: { const: alias, deprecated: true, deprecationMessage: message } },
    };
  }

  private inputDefs(): InputTypeDef[] {
    return this.catalogue.inputTypeNames().flatMap((n) => this.catalogue.inputType(n) ?? []);
  }

  private inputDispatcher(): JsonSchema {
    const all = this.inputDefs();
    const members = all
      .filter((d) => this.exists(d.versions))
      .map((d) => member(d.type, `input.${d.type}`, enumDoc(d), () => this.typedSchema(d, this.catalogue.inputPropertiesOf(d), [d.type])));
    const missing = all.filter((d) => !this.exists(d.versions)).map((d): [string, string] => [d.type, this.absence(d)]);
    return this.keyedUnion(members, missing, namesSchema(members));
  }

  private outputSchema(): JsonSchema {
    const types = this.inputDefs()
      .filter((d) => this.exists(d.versions) && d.outputAllowed !== false && this.exists(d.outputAllowed))
      .map((d) => d.type);
    const typeDef = FLOW_OUTPUT_PROPERTIES['type'];
    return this.objectSchema(FLOW_OUTPUT_PROPERTIES, { type: { ...(typeDef ? this.propertySchema(typeDef) : {}), enum: types } });
  }

  private retryDispatcher(): JsonSchema {
    const members = this.catalogue
      .retryTypeNames()
      .flatMap((n) => this.catalogue.retryType(n) ?? [])
      .map((d) =>
        member(d.type, `retry.${d.type}`, d.description, () => this.typedSchema(d, this.catalogue.retryPropertiesOf(d), [d.type])),
      );
    return this.keyedUnion(members, [], namesSchema(members));
  }

  // ---- property maps and values ----------------------------------------------------------------------------

  /**
   * A closed mapping. Property aliases become deprecated properties of their own; a required property may also be
   * written under an alias, or under a deprecated property naming it as its replacement (input `name` → `id`).
   */
  private objectSchema(props: PropertyMap, overrides: Readonly<Record<string, JsonSchema>> = {}): JsonSchema {
    const live = Object.entries(props).filter(([, def]) => this.exists(def.versions));
    const properties: Record<string, JsonSchema> = {};
    for (const [name, def] of live) properties[name] = overrides[name] ?? this.propertySchema(def);
    const spellings = new Map<string, string[]>(live.map(([name]) => [name, [name]]));
    for (const [name, def] of live) {
      for (const alias of def.aliases ?? []) {
        if (Object.hasOwn(properties, alias.name) || !this.exists(alias.versions)) continue;
        properties[alias.name] = {
          ...this.propertySchema(def),
          ...deprecation({ message: `\`${alias.name}\` is the old name of \`${name}\`.` }),
        };
        spellings.get(name)?.push(alias.name);
      }
    }
    const required: string[] = [];
    const either: JsonSchema[] = [];
    for (const [name, def] of live) {
      if (!def.required) continue;
      const names = [
        ...(spellings.get(name) ?? [name]),
        ...live.filter(([, other]) => other.deprecated?.replacement === name).map(([n]) => n),
      ];
      if (names.length === 1) required.push(name);
      else either.push({ anyOf: names.map((n) => ({ required: [n] })) });
    }
    return {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      ...(either.length === 1 ? either[0] : either.length > 1 ? { allOf: either } : {}),
      additionalProperties: false,
    };
  }

  private propertySchema(def: PropertyDef): JsonSchema {
    const schema = this.valueSchema(def.type, def.dynamic === true);
    return {
      description: def.description,
      markdownDescription: paragraphs(def.description, versionNote(def.versions), deprecatedNote(def.deprecated)),
      // draft-07 ignores keywords beside `$ref`: a referenced shape is wrapped so the annotations count.
      ...('$ref' in schema ? { allOf: [schema] } : schema),
      ...(def.default !== undefined ? { default: def.default } : {}),
      ...deprecation(def.deprecated),
    };
  }

  /** A value; a dynamic one also accepts a Pebble string where its own shape would not. */
  private valueSchema(type: ValueType, dynamic: boolean): JsonSchema {
    const bare = this.bareSchema(type, dynamic);
    if (!dynamic || STRUCTURAL.has(type.kind) || acceptsAnyString(type)) return bare;
    const expression = this.define('expression', () => ({
      $comment: 'A Pebble expression, rendered at run time. No description: hover would show it instead of the property’s.',
      type: 'string',
      pattern: EXPRESSION_PATTERN,
    }));
    return { anyOf: [...(type.kind === 'union' ? (bare['anyOf'] as JsonSchema[]) : [bare]), expression] };
  }

  private bareSchema(type: ValueType, dynamic: boolean): JsonSchema {
    const task = (): JsonSchema => this.define('task', () => this.dispatcher('task'));
    switch (type.kind) {
      case 'string': {
        if (type.format === 'duration') return this.define('duration', durationSchema);
        const format = type.pattern === undefined && (type.format === 'date-time' || type.format === 'date') ? type.format : undefined;
        return compact({ type: 'string', pattern: type.pattern, format, minLength: type.minLength, maxLength: type.maxLength });
      }
      case 'integer':
      case 'number':
        return compact({ type: type.kind, minimum: type.minimum, maximum: type.maximum });
      case 'boolean':
        return { type: 'boolean' };
      case 'enum':
        return this.enumSchema(type.values);
      case 'list':
        return compact({ type: 'array', items: this.valueSchema(type.items, dynamic), minItems: type.minItems });
      case 'map':
        return { type: 'object', additionalProperties: this.valueSchema(type.values, dynamic) };
      case 'object':
        return type.name ? this.namedObject(type, type.name) : this.objectSchema(type.properties);
      case 'union':
        return { anyOf: type.types.map((t) => this.bareSchema(t, dynamic)) };
      case 'task':
        return task();
      case 'tasks':
        return compact({ type: 'array', items: task(), minItems: type.minItems });
      case 'dagTasks':
        return { type: 'array', items: this.define('dagTask', () => this.objectSchema(DAG_ENTRY_PROPERTIES)) };
      case 'plugin':
        return this.define(type.category, () => this.dispatcher(type.category));
      case 'retry':
        return this.define('retry', () => this.retryDispatcher());
      case 'inputs':
        return { type: 'array', items: this.define('input', () => this.inputDispatcher()) };
      case 'outputs':
        return { type: 'array', items: this.define('output', () => this.outputSchema()) };
      case 'any':
        return {};
    }
  }

  private enumSchema(values: readonly EnumValue[]): JsonSchema {
    const live = values.map((v) => (typeof v === 'string' ? { value: v } : v)).filter((v) => this.exists(v.versions));
    const docs = live.some((v) => v.replacement)
      ? live.map((v) => (v.replacement ? `**Deprecated**: use \`${v.replacement}\`.` : ''))
      : undefined;
    return compact({ type: 'string', enum: live.map((v) => v.value), markdownEnumDescriptions: docs });
  }

  /** Named shapes go to `definitions` as `object.<name>`; another shape with the same name gets a numbered key. */
  private namedObject(type: ValueType & { kind: 'object' }, name: string): JsonSchema {
    const known = this.objectKeys.get(type);
    if (known) return ref(known);
    const schema = this.objectSchema(type.properties);
    const text = JSON.stringify(schema);
    let key = `object.${name}`;
    for (let n = 2; this.defs.has(key) && JSON.stringify(this.defs.get(key)) !== text; n++) key = `object.${name}-${n}`;
    this.defs.set(key, schema);
    this.objectKeys.set(type, key);
    return ref(key);
  }
}

/** The `type` property of input and retry unions: a closed list, since no third party adds to them. */
function namesSchema(members: readonly Member[]): JsonSchema {
  return { type: 'string', enum: members.map((m) => m.name), markdownEnumDescriptions: members.map((m) => m.doc) };
}

function durationSchema(): JsonSchema {
  return {
    $comment: 'An ISO-8601 duration (days, hours, minutes, seconds) or a number of seconds. No description, as for `expression`.',
    type: ['string', 'number'],
    pattern: DURATION_PATTERN,
    patternErrorMessage: 'Not a duration: write an ISO-8601 duration such as PT30S, PT5M, PT1H or P1D, or a number of seconds.',
  };
}

/** True when every string is already valid, so Pebble needs no extra branch. */
function acceptsAnyString(type: ValueType): boolean {
  if (type.kind === 'any') return true;
  if (type.kind === 'union') return type.types.some(acceptsAnyString);
  return type.kind === 'string' && type.pattern === undefined && !['duration', 'date-time', 'date'].includes(type.format ?? '');
}
