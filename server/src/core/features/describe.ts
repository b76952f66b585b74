import type { Catalogue, EnumValue, InputTypeDef, PluginCategory, PluginTypeDef, PropertyDef, RetryTypeDef } from '../catalogue';
import { describeRange, existsIn, type KestraVersion } from '../versions';
import type { SlotType } from './schema-walk';

/** Words and Markdown for catalogue entries, shared by completion documentation and hover. */

export const CATEGORY_LABEL: Readonly<Record<PluginCategory, string>> = {
  task: 'Task',
  trigger: 'Trigger',
  condition: 'Condition',
  taskRunner: 'Task runner',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  duration: 'a duration (ISO-8601 such as `PT30S`, or a number of seconds)',
  cron: 'a cron expression',
  timezone: 'a time-zone id such as `Europe/Paris`',
  uri: 'a URI',
  regex: 'a regular expression',
  'date-time': 'a date and time (ISO-8601)',
  date: 'a date (`yyyy-MM-dd`)',
  time: 'a time of day (`HH:mm:ss`)',
  'task-id': 'the id of a task of this flow',
  namespace: 'a namespace',
  'flow-id': 'a flow id',
};

export function enumValues(values: readonly EnumValue[], version?: KestraVersion): string[] {
  return values
    .map((v) => (typeof v === 'string' ? { value: v } : v))
    .filter((v) => !version || existsIn(v.versions, version))
    .map((v) => v.value);
}

/** The type in words: "a string", "a list of strings", "one of `A`, `B`". */
export function describeType(type: SlotType, version?: KestraVersion): string {
  switch (type.kind) {
    case 'string':
      return (type.format && FORMAT_WORDS[type.format]) || 'a string';
    case 'integer':
    case 'number': {
      const noun = type.kind === 'integer' ? 'an integer' : 'a number';
      if (type.minimum !== undefined && type.maximum !== undefined) return `${noun} from ${type.minimum} to ${type.maximum}`;
      if (type.minimum !== undefined) return `${noun} (at least ${type.minimum})`;
      if (type.maximum !== undefined) return `${noun} (at most ${type.maximum})`;
      return noun;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return `one of ${enumValues(type.values, version)
        .map((v) => `\`${v}\``)
        .join(', ')}`;
    case 'list':
      return `a list of ${plural(type.items, version)}`;
    case 'map':
      return type.values.kind === 'any' ? 'a mapping' : `a mapping of names to ${plural(type.values, version)}`;
    case 'object':
      return `a mapping (${Object.keys(type.properties)
        .map((k) => `\`${k}\``)
        .join(', ')})`;
    case 'union':
      return type.types.map((t) => describeType(t, version)).join(' or ');
    case 'task':
      return 'a task (a mapping with `id` and `type`)';
    case 'tasks':
      return 'a list of tasks';
    case 'dagTasks':
      return 'a list of `{task, dependsOn}` entries';
    case 'plugin':
      return `a ${CATEGORY_LABEL[type.category].toLowerCase()} (a mapping with \`type\`)`;
    case 'retry':
      return 'a retry policy (`type: constant`, `exponential` or `random`)';
    case 'inputs':
      return 'a list of inputs';
    case 'outputs':
      return 'a list of outputs (`id`, `type`, `value`)';
    case 'any':
      return 'any value';
    case 'flow':
      return 'a flow';
    case 'input':
      return 'an input';
    case 'output':
      return 'an output';
    case 'dagEntry':
      return 'a Dag entry (`task`, `dependsOn`)';
  }
}

function plural(type: SlotType, version?: KestraVersion): string {
  switch (type.kind) {
    case 'string':
      return type.format ? `values, each ${describeType(type, version)}` : 'strings';
    case 'integer':
      return 'integers';
    case 'number':
      return 'numbers';
    case 'boolean':
      return 'booleans';
    default:
      return `items, each ${describeType(type, version)}`;
  }
}

/** A short type for completion details: "string", "list", "duration"… */
export function shortType(type: SlotType): string {
  switch (type.kind) {
    case 'string':
      return type.format ?? 'string';
    case 'union':
      return type.types.map(shortType).join(' | ');
    case 'plugin':
      return type.category;
    case 'tasks':
    case 'dagTasks':
      return 'tasks';
    default:
      return type.kind;
  }
}

export function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return '`' + (text ?? '').replace(/\n/g, '\\n').replace(/`/g, "'") + '`';
}

export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Hover and completion documentation of one property. */
export function propertyMarkdown(name: string, def: PropertyDef, version: KestraVersion): string {
  const lines = [`**\`${name}\`** · ${def.required ? 'required' : 'optional'}`, '', def.description, ''];
  lines.push(`- **Type:** ${describeType(def.type, version)}`);
  if (def.default !== undefined) lines.push(`- **Default:** ${formatValue(def.default)}`);
  lines.push(
    def.dynamic
      ? '- **Expressions:** rendered with Pebble, so `{{ … }}` is allowed'
      : '- **Expressions:** not rendered; the value is used as written',
  );
  if (def.versions) lines.push(`- **Available in:** ${describeRange(def.versions)}`);
  if (!existsIn(def.versions, version)) lines.push(`- ⚠️ **Not available in Kestra ${version}.**`);
  if (def.deprecated) {
    lines.push(
      `- ⚠️ **Deprecated:** ${def.deprecated.message}${def.deprecated.replacement ? ` Use \`${def.deprecated.replacement}\`.` : ''}`,
    );
  }
  const aliases = def.aliases ?? [];
  if (aliases.length > 0) {
    lines.push(
      `- **Also accepted as:** ${aliases.map((a) => `\`${a.name}\`${a.versions ? ` (${describeRange(a.versions)})` : ''}`).join(', ')}`,
    );
  }
  return lines.join('\n');
}

const markdownCache = new WeakMap<object, Map<string, string>>();

function cached(key: object, variant: string, build: () => string): string {
  let byVariant = markdownCache.get(key);
  if (!byVariant) markdownCache.set(key, (byVariant = new Map()));
  let text = byVariant.get(variant);
  if (text === undefined) byVariant.set(variant, (text = build()));
  return text;
}

/** Documentation of a plugin type: what it does, where it exists, its required properties and outputs. */
export function pluginMarkdown(def: PluginTypeDef, version: KestraVersion, alias?: string): string {
  return cached(def, `${version}|${alias ?? ''}`, () => {
    const lines = [`**${lastSegment(def.type)}** — \`${def.type}\``, '', def.description, ''];
    lines.push(`*${CATEGORY_LABEL[def.category]}* · ${describeRange(def.versions)}`);
    if (!existsIn(def.versions, version)) lines.push('', `⚠️ Not available in Kestra ${version}.`);
    if (def.deprecated) {
      lines.push(
        '',
        `⚠️ Deprecated: ${def.deprecated.message}${def.deprecated.replacement ? ` Use \`${def.deprecated.replacement}\`.` : ''}`,
      );
    }
    if (alias) {
      const aliasDef = def.aliases?.find((a) => a.name.toLowerCase() === alias.toLowerCase());
      lines.push(
        '',
        `\`${alias}\` is an old name of this type${aliasDef?.versions ? ` (accepted in ${describeRange(aliasDef.versions)})` : ''}.`,
      );
    }
    for (const note of def.notes ?? []) lines.push('', `> ${note}`);
    const required = Object.entries(def.properties).filter(([, p]) => p.required && existsIn(p.versions, version));
    lines.push('');
    if (required.length > 0) {
      lines.push('**Required properties**', '', '| Property | Type | Description |', '|---|---|---|');
      for (const [name, p] of required) {
        lines.push(`| \`${name}\` | ${tableCell(describeType(p.type, version))} | ${tableCell(p.description)} |`);
      }
    } else {
      lines.push('No required properties besides `id` and `type`.');
    }
    const outputs = Object.entries(def.outputs ?? {}).filter(([, o]) => existsIn(o.versions, version));
    if (outputs.length > 0) {
      lines.push(
        '',
        `**Outputs**${def.outputsComplete === false ? ' (the script may add more)' : ''}`,
        '',
        '| Output | Type | Description |',
        '|---|---|---|',
      );
      for (const [name, o] of outputs) {
        lines.push(`| \`${name}\` | ${tableCell(describeType(o.type, version))} | ${tableCell(o.description)} |`);
      }
    } else if (def.outputs && def.outputsComplete) {
      lines.push('', 'No outputs.');
    }
    if (def.example) lines.push('', '```yaml', def.example, '```');
    return lines.join('\n');
  });
}

export function inputTypeMarkdown(def: InputTypeDef, version: KestraVersion, catalogue: Catalogue): string {
  return cached(def, version, () => {
    const lines = [`**\`${def.type}\`** input`, '', def.description, '', `*Input type* · ${describeRange(def.versions)}`];
    if (!existsIn(def.versions, version)) lines.push('', `⚠️ Not available in Kestra ${version}.`);
    if (def.deprecated) {
      lines.push(
        '',
        `⚠️ Deprecated: ${def.deprecated.message}${def.deprecated.replacement ? ` Use \`${def.deprecated.replacement}\`.` : ''}`,
      );
    }
    if (def.outputAllowed === false || (def.outputAllowed && !existsIn(def.outputAllowed, version))) {
      lines.push('', `Not accepted as a flow output type in Kestra ${version}.`);
    }
    const specific = Object.entries(catalogue.inputPropertiesOf(def)).filter(
      ([name, p]) => def.properties[name] && existsIn(p.versions, version),
    );
    if (specific.length > 0) {
      lines.push('', '**Properties of this type**', '', '| Property | Type | Description |', '|---|---|---|');
      for (const [name, p] of specific) {
        lines.push(
          `| \`${name}\`${p.required ? ' (required)' : ''} | ${tableCell(describeType(p.type, version))} | ${tableCell(p.description)} |`,
        );
      }
    }
    return lines.join('\n');
  });
}

export function retryTypeMarkdown(def: RetryTypeDef, version: KestraVersion): string {
  return cached(def, version, () => {
    const lines = [`**\`${def.type}\`** retry`, '', def.description, ''];
    const entries = Object.entries(def.properties);
    if (entries.length > 0) {
      lines.push('| Property | Type | Description |', '|---|---|---|');
      for (const [name, p] of entries) {
        lines.push(
          `| \`${name}\`${p.required ? ' (required)' : ''} | ${tableCell(describeType(p.type, version))} | ${tableCell(p.description)} |`,
        );
      }
    }
    return lines.join('\n');
  });
}

export function lastSegment(type: string): string {
  const dot = type.lastIndexOf('.');
  return dot < 0 ? type : type.slice(dot + 1);
}
