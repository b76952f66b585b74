import { describeRange, existsIn, type KestraVersion, type VersionRange } from '../versions';
import type { Catalogue } from './index';
import { COMMON_TASK_PROPERTIES } from './common';
import { FLOW_OUTPUT_PROPERTIES, FLOW_PROPERTIES } from './flow';
import type { Deprecation, EnumValue, InputTypeDef, PluginCategory, PluginTypeDef, PropertyDef, PropertyMap, RetryTypeDef, ValueType } from './types';

/**
 * JSON Schema (draft-07) of a flow for one Kestra version, generated from the catalogue. It serves editors that
 * only speak JSON Schema (the Red Hat YAML extension, IntelliJ) and ajv.
 *
 * Polymorphic maps (tasks, triggers, conditions, task runners, inputs, retry policies) dispatch on `type` with one
 * `if {type: const X} then {$ref X}` per type, never with a `oneOf`/`anyOf` of the types: yaml-language-server
 * merges the properties of anyOf branches for completion and reports the errors of whichever branch it guesses.
 */

export type JsonSchema = { [key: string]: unknown };

/** File name of the schema of each version under `schemas/`; 2.0, the default target, gets the plain name. */
export const SCHEMA_FILES: Readonly<Record<KestraVersion, string>> = {
  '1.3': 'flow-1.3.schema.json',
  '2.0': 'flow.schema.json',
  '2.1': 'flow-2.1.schema.json',
};

/** Pebble anywhere in a string: what Kestra accepts in place of a non-string dynamic value (flow-model.md §2.2). */
const EXPRESSION_PATTERN = '\\{\\{|\\{%';

/** `Duration.parse` (letters in any case, a part required after P and after T) or a number of seconds, as util/duration.ts. */
const DURATION_PATTERN =
  '^[-+]?[Pp](?![Tt]?$)(?!.*[Tt]$)(?:[-+]?[0-9]+[Dd])?(?:[Tt](?:[-+]?[0-9]+[Hh])?(?:[-+]?[0-9]+[Mm])?(?:[-+]?[0-9]+(?:[.,][0-9]{0,9})?[Ss])?)?$' +
  '|^[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$';

/** A Java class name outside Kestra's core packages: the type of a third-party plugin this catalogue does not know. */
const PLUGIN_CLASS_PATTERN = '^(?!io\\.kestra\\.(?:plugin\\.)?core\\.)[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+$';

const CATEGORIES: readonly PluginCategory[] = ['task', 'trigger', 'condition', 'taskRunner'];

/** Kinds that hold other definitions: Pebble never replaces them. */
const STRUCTURAL = new Set<ValueType['kind']>(['task', 'tasks', 'dagTasks', 'plugin', 'retry', 'inputs', 'outputs']);

/** Shape of a Dag entry (check-value.ts reads the same keys). */
const DAG_ENTRY: PropertyMap = {
  task: { type: { kind: 'task' }, required: true, description: 'The task.' },
  dependsOn: { type: { kind: 'list', items: { kind: 'string', format: 'task-id' } }, description: 'Ids of the Dag tasks that must end first.' },
};

export function flowJsonSchema(catalogue: Catalogue, version: KestraVersion): JsonSchema {
  return new SchemaBuilder(catalogue, version).build();
}

/** The schema as written to `schemas/`: two-space indentation and a trailing newline. */
export function flowJsonSchemaText(catalogue: Catalogue, version: KestraVersion): string {
  return JSON.stringify(flowJsonSchema(catalogue, version), null, 2) + '\n';
}

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** One dispatch branch: applies `then` to mappings whose `type` is exactly `name`. */
function when(name: string, then: JsonSchema): JsonSchema {
  return { if: { type: 'object', properties: { type: { const: name } }, required: ['type'] }, then };
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

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text);
  return m ? m[0] : text;
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
    const definitions = Object.fromEntries([...this.defs.entries()].sort(([a], [b]) => compare(a, b)));
    return {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: 'Generated from the Kestra Flow Studio catalogue by `npm run schemas`; do not edit by hand.',
      title: `Kestra flow (Kestra ${this.version})`,
      description: `A Kestra flow, as accepted by Kestra ${this.version}.`,
      ...root,
      definitions,
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

  // ---- polymorphic plugins -------------------------------------------------------------------------------

  private dispatcher(category: PluginCategory): JsonSchema {
    const defs = this.catalogue.ofCategory(category, this.version).sort((a, b) => compare(a.type, b.type));
    const names: string[] = [];
    const docs: string[] = [];
    const branches: JsonSchema[] = [];
    for (const def of defs) {
      names.push(def.type);
      docs.push(def.deprecated ? `**Deprecated.** ${def.deprecated.message}` : firstSentence(def.description));
      branches.push(when(def.type, this.define(def.type, () => this.pluginSchema(def))));
    }
    const aliases = defs.flatMap((def) => this.aliasesOf(def).map((alias) => ({ def, alias }))).sort((a, b) => compare(a.alias, b.alias));
    for (const { def, alias } of aliases) {
      names.push(alias);
      docs.push(`**Deprecated** alias of \`${def.type}\`.`);
      branches.push(when(alias, this.define(alias, () => this.aliasSchema(def, alias))));
    }
    const typeKey = `${category}Type`;
    this.define(typeKey, () => ({
      description: `Type of the ${category}: a type known to Kestra ${this.version}, or the class name of a third-party plugin.`,
      type: 'string',
      anyOf: [{ enum: names, markdownEnumDescriptions: docs }, this.define('pluginType', () => this.pluginTypeSchema())],
    }));
    const withId = category === 'task' || category === 'trigger';
    const idDef = COMMON_TASK_PROPERTIES['id'];
    return {
      type: 'object',
      properties: { ...(withId && idDef ? { id: this.propertySchema(idDef) } : {}), type: ref(typeKey) },
      required: withId ? ['id', 'type'] : ['type'],
      allOf: branches,
    };
  }

  private aliasesOf(def: PluginTypeDef): string[] {
    return (def.aliases ?? []).filter((a) => this.exists(a.versions)).map((a) => a.name);
  }

  /** Third-party plugins: any class name outside the core packages that is not a catalogue type of another line or category. */
  private pluginTypeSchema(): JsonSchema {
    const thirdParty = new RegExp(PLUGIN_CLASS_PATTERN, 'u');
    const reserved = this.catalogue.plugins.flatMap((d) => [d.type, ...(d.aliases ?? []).map((a) => a.name)]).filter((n) => thirdParty.test(n));
    return {
      description: 'Type of a plugin outside this catalogue (not checked beyond its name).',
      type: 'string',
      pattern: PLUGIN_CLASS_PATTERN,
      patternErrorMessage:
        'Unknown type. Core types (`io.kestra.plugin.core.…`) must be one of the known names; a third-party plugin type is a fully-qualified class name.',
      ...(reserved.length > 0 ? { not: { enum: [...new Set(reserved)].sort(compare) } } : {}),
    };
  }

  private pluginSchema(def: PluginTypeDef): JsonSchema {
    const names = [def.type, ...this.aliasesOf(def)];
    const doc = paragraphs(
      def.description,
      ...(def.notes ?? []),
      versionNote(def.versions),
      def.deprecated && `**Deprecated.** ${def.deprecated.message}`,
    );
    const typeProperty: JsonSchema = {
      description: def.description,
      markdownDescription: doc,
      ...(names.length === 1 ? { const: def.type } : { enum: names }),
      ...deprecation(def.deprecated),
    };
    return {
      description: def.description,
      markdownDescription: doc,
      ...(def.deprecated ? { deprecated: true } : {}),
      ...this.objectSchema(this.catalogue.propertiesOf(def), { type: typeProperty }),
    };
  }

  /** An alias validates as its canonical type; its own `type` property carries the deprecation warning. */
  private aliasSchema(def: PluginTypeDef, alias: string): JsonSchema {
    const message = `\`${alias}\` is a deprecated alias of \`${def.type}\`; Kestra 2.0 no longer accepts it.`;
    return {
      description: `Deprecated alias of ${def.type}.`,
      markdownDescription: message,
      deprecated: true,
      allOf: [ref(def.type)],
      properties: { type: { const: alias, deprecated: true, deprecationMessage: message } },
    };
  }

  private inputDispatcher(): JsonSchema {
    const defs = this.catalogue
      .inputTypeNames()
      .map((n) => this.catalogue.inputType(n))
      .filter((d): d is InputTypeDef => d !== undefined && this.exists(d.versions));
    return {
      type: 'object',
      properties: {
        type: {
          description: 'Input type, in upper case.',
          type: 'string',
          enum: defs.map((d) => d.type),
          markdownEnumDescriptions: defs.map((d) => (d.deprecated ? `**Deprecated.** ${d.deprecated.message}` : firstSentence(d.description))),
        },
      },
      required: ['type'],
      allOf: defs.map((d) => when(d.type, this.define(`input.${d.type}`, () => this.inputSchema(d)))),
    };
  }

  private inputSchema(def: InputTypeDef): JsonSchema {
    const doc = paragraphs(def.description, versionNote(def.versions), def.deprecated && `**Deprecated.** ${def.deprecated.message}`);
    const typeProperty = { description: def.description, markdownDescription: doc, const: def.type, ...deprecation(def.deprecated) };
    return {
      description: def.description,
      markdownDescription: doc,
      ...(def.deprecated ? { deprecated: true } : {}),
      ...this.objectSchema(this.catalogue.inputPropertiesOf(def), { type: typeProperty }),
    };
  }

  private outputSchema(): JsonSchema {
    const types = this.catalogue
      .inputTypeNames()
      .map((n) => this.catalogue.inputType(n))
      .filter((d): d is InputTypeDef => d !== undefined && this.exists(d.versions) && d.outputAllowed !== false && this.exists(d.outputAllowed))
      .map((d) => d.type);
    const typeDef = FLOW_OUTPUT_PROPERTIES['type'];
    const typeProperty = typeDef ? { ...this.propertySchema(typeDef), enum: types } : { enum: types };
    return this.objectSchema(FLOW_OUTPUT_PROPERTIES, { type: typeProperty });
  }

  private retryDispatcher(): JsonSchema {
    const defs = this.catalogue
      .retryTypeNames()
      .map((n) => this.catalogue.retryType(n))
      .filter((d): d is RetryTypeDef => d !== undefined);
    return {
      type: 'object',
      properties: {
        type: {
          description: 'Retry policy.',
          type: 'string',
          enum: defs.map((d) => d.type),
          markdownEnumDescriptions: defs.map((d) => d.description),
        },
      },
      required: ['type'],
      allOf: defs.map((d) =>
        when(
          d.type,
          this.define(`retry.${d.type}`, () => ({
            description: d.description,
            markdownDescription: d.description,
            ...this.objectSchema(this.catalogue.retryPropertiesOf(d), { type: { description: d.description, const: d.type } }),
          })),
        ),
      ),
    };
  }

  // ---- property maps and values ----------------------------------------------------------------------------

  /**
   * A closed mapping. Property aliases become deprecated properties of their own; a required property may be
   * written under an alias or under a deprecated property that names it as its replacement (input `name` → `id`).
   */
  private objectSchema(props: PropertyMap, overrides: Readonly<Record<string, JsonSchema>> = {}): JsonSchema {
    const live = Object.entries(props).filter(([, def]) => this.exists(def.versions));
    const properties: Record<string, JsonSchema> = {};
    for (const [name, def] of live) properties[name] = overrides[name] ?? this.propertySchema(def);
    const aliasesOf = new Map<string, string[]>();
    for (const [name, def] of live) {
      for (const alias of def.aliases ?? []) {
        if (Object.hasOwn(properties, alias.name) || !this.exists(alias.versions)) continue;
        const message = `\`${alias.name}\` is the old name of \`${name}\`.`;
        properties[alias.name] = { ...this.propertySchema(def), ...deprecation({ message, replacement: name }) };
        aliasesOf.set(name, [...(aliasesOf.get(name) ?? []), alias.name]);
      }
    }
    const required: string[] = [];
    const alternatives: string[][] = [];
    for (const [name, def] of live) {
      if (!def.required) continue;
      const replaced = live.filter(([, other]) => other.deprecated?.replacement === name).map(([other]) => other);
      const names = [name, ...(aliasesOf.get(name) ?? []), ...replaced];
      if (names.length === 1) required.push(name);
      else alternatives.push(names);
    }
    const either = alternatives.map((names) => ({ anyOf: names.map((n) => ({ required: [n] })) }));
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
    const annotations: JsonSchema = {
      description: def.description,
      markdownDescription: paragraphs(def.description, versionNote(def.versions), def.deprecated && `**Deprecated.** ${def.deprecated.message}`),
    };
    const extras: JsonSchema = { ...(def.default !== undefined ? { default: def.default } : {}), ...deprecation(def.deprecated) };
    // draft-07 ignores keywords beside `$ref`, so a referenced shape is wrapped to keep its annotations.
    const body = '$ref' in schema ? { allOf: [schema] } : schema;
    return { ...annotations, ...body, ...extras };
  }

  /** A value; a dynamic one also accepts a Pebble string where its own shape would not. */
  private valueSchema(type: ValueType, dynamic: boolean): JsonSchema {
    const bare = this.bareSchema(type, dynamic);
    if (!dynamic || STRUCTURAL.has(type.kind) || acceptsAnyString(type)) return bare;
    const expression = this.define('expression', () => ({
      description: 'A Pebble expression, rendered at run time.',
      type: 'string',
      pattern: EXPRESSION_PATTERN,
    }));
    const branches = type.kind === 'union' ? (bare['anyOf'] as JsonSchema[]) : [bare];
    return { anyOf: [...branches, expression] };
  }

  private bareSchema(type: ValueType, dynamic: boolean): JsonSchema {
    switch (type.kind) {
      case 'string': {
        if (type.format === 'duration') return this.define('duration', durationSchema);
        const s: JsonSchema = { type: 'string' };
        if (type.pattern !== undefined) s['pattern'] = type.pattern;
        else if (type.format === 'date-time' || type.format === 'date') s['format'] = type.format;
        if (type.minLength !== undefined) s['minLength'] = type.minLength;
        if (type.maxLength !== undefined) s['maxLength'] = type.maxLength;
        return s;
      }
      case 'integer':
      case 'number':
        return {
          type: type.kind,
          ...(type.minimum !== undefined ? { minimum: type.minimum } : {}),
          ...(type.maximum !== undefined ? { maximum: type.maximum } : {}),
        };
      case 'boolean':
        return { type: 'boolean' };
      case 'enum':
        return this.enumSchema(type.values);
      case 'list':
        return { type: 'array', items: this.valueSchema(type.items, dynamic), ...(type.minItems !== undefined ? { minItems: type.minItems } : {}) };
      case 'map':
        return { type: 'object', additionalProperties: this.valueSchema(type.values, dynamic) };
      case 'object':
        return type.name ? this.namedObject(type, type.name) : this.objectSchema(type.properties);
      case 'union':
        return { anyOf: type.types.map((t) => this.bareSchema(t, dynamic)) };
      case 'task':
        return this.define('task', () => this.dispatcher('task'));
      case 'tasks':
        return { type: 'array', items: this.define('task', () => this.dispatcher('task')), ...(type.minItems !== undefined ? { minItems: type.minItems } : {}) };
      case 'dagTasks':
        return { type: 'array', items: this.define('dagTask', () => this.objectSchema(DAG_ENTRY)) };
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
    const schema: JsonSchema = { type: 'string', enum: live.map((v) => v.value) };
    if (live.some((v) => v.replacement)) {
      schema['markdownEnumDescriptions'] = live.map((v) => (v.replacement ? `**Deprecated**: use \`${v.replacement}\`.` : ''));
    }
    return schema;
  }

  /** Named shapes go to `definitions` as `object.<name>`; a different shape with the same name gets a numbered key. */
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

function durationSchema(): JsonSchema {
  return {
    description: 'An ISO-8601 duration such as `PT5M` (days, hours, minutes, seconds), or a number of seconds.',
    type: ['string', 'number'],
    pattern: DURATION_PATTERN,
    patternErrorMessage: 'Not a duration: write an ISO-8601 duration such as PT30S, PT5M, PT1H or P1D, or a number of seconds.',
  };
}

/** True when every string is already valid, so Pebble needs no extra branch. */
function acceptsAnyString(type: ValueType): boolean {
  switch (type.kind) {
    case 'any':
      return true;
    case 'string':
      return type.pattern === undefined && type.format !== 'duration' && type.format !== 'date-time' && type.format !== 'date';
    case 'union':
      return type.types.some(acceptsAnyString);
    default:
      return false;
  }
}
