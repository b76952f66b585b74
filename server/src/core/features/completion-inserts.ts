import type { PropertyDef, ValueType } from '../catalogue';
import type { KestraVersion } from '../versions';
import { enumValues } from './describe';
import type { SlotType } from './schema-walk';

/**
 * The text a completion inserts. Multi-line snippets are written relative to the line they start on:
 * editors re-indent continuation lines by the indentation of that line.
 */

export const DEFAULT_TASK_TYPE = 'io.kestra.plugin.core.log.Log';
export const NEW_TASK_SNIPPET = `id: \${1:task_id}\n  type: \${2:${DEFAULT_TASK_TYPE}}\n  message: \${3}`;

/** Escapes literal text for a snippet. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function choice(values: readonly string[]): string {
  return `\${1|${values.map((v) => v.replace(/[\\|,$}]/g, (c) => `\\${c}`)).join(',')}|}`;
}

/** Item snippets for a new list entry, without the leading `- ` (the caller adds it when needed). */
export function newItemSnippet(item: SlotType, inputTypes: readonly string[]): { label: string; body: string; detail: string } | undefined {
  switch (item.kind) {
    case 'task':
      return { label: 'New task', body: NEW_TASK_SNIPPET, detail: 'A task with an id and a type' };
    case 'dagEntry':
      return {
        label: 'New Dag task',
        body: `task:\n    id: \${1:task_id}\n    type: \${2:${DEFAULT_TASK_TYPE}}\n    message: \${3}\n  dependsOn:\n    - \${4}`,
        detail: 'A Dag child with its dependencies',
      };
    case 'input':
      return { label: 'New input', body: `id: \${1:input_id}\n  type: ${choiceAt(2, inputTypes)}`, detail: 'A flow input' };
    case 'output':
      return {
        label: 'New output',
        body: `id: \${1:output_id}\n  type: ${choiceAt(2, inputTypes)}\n  value: \${3}`,
        detail: 'A flow output',
      };
    case 'plugin':
      if (item.category === 'trigger') {
        return {
          label: 'New trigger',
          body: 'id: ${1:schedule}\n  type: io.kestra.plugin.core.trigger.Schedule\n  cron: ${2:0 9 * * *}',
          detail: 'A trigger (a daily schedule)',
        };
      }
      return { label: `New ${item.category}`, body: 'type: ${1}', detail: `A ${item.category}` };
    case 'object': {
      const required = Object.entries(item.properties).filter(([, p]) => p.required);
      if (required.length === 0) return undefined;
      const body = required.map(([name], i) => `${i === 0 ? '' : '  '}${name}: \${${i + 1}}`).join('\n');
      return { label: `New ${item.name ?? 'entry'}`, body, detail: required.map(([n]) => n).join(', ') };
    }
    default:
      return undefined;
  }
}

function choiceAt(index: number, values: readonly string[]): string {
  return values.length > 0 ? choice(values).replace('${1|', `\${${index}|`) : `\${${index}}`;
}

/** What to insert for a property key: `key: `, or a snippet that opens the block its type needs. */
export function keyInsert(
  name: string,
  def: PropertyDef | undefined,
  hasColon: boolean,
  version: KestraVersion,
): { text: string; snippet: boolean } {
  if (hasColon) return { text: name, snippet: false };
  const type = def ? mainType(def.type) : undefined;
  const block = type ? blockBody(type, version) : undefined;
  if (block !== undefined) return { text: `${name}:${block}`, snippet: true };
  return { text: `${name}: `, snippet: false };
}

/** The member of a union a new value most likely takes (the first one). */
function mainType(type: ValueType): ValueType {
  return type.kind === 'union' && type.types[0] ? mainType(type.types[0]) : type;
}

function blockBody(type: ValueType, version: KestraVersion): string | undefined {
  switch (type.kind) {
    case 'tasks':
      return `\n  - ${NEW_TASK_SNIPPET.replace(/\n {2}/g, '\n    ')}`;
    case 'task':
      return `\n  ${NEW_TASK_SNIPPET}`;
    case 'dagTasks':
      return `\n  - task:\n      id: \${1:task_id}\n      type: \${2:${DEFAULT_TASK_TYPE}}\n    dependsOn: []`;
    case 'plugin':
      return '\n  type: ${1}';
    case 'retry':
      return `\n  type: ${choice(['constant', 'exponential', 'random'])}\n  maxAttempts: \${2:3}`;
    case 'inputs':
      return '\n  - id: ${1:input_id}\n    type: ${2:STRING}';
    case 'outputs':
      return '\n  - id: ${1:output_id}\n    type: ${2:STRING}\n    value: ${3}';
    case 'object': {
      const required = Object.entries(type.properties).filter(([, p]) => p.required);
      return required.length > 0 ? required.map(([name], i) => `\n  ${name}: \${${i + 1}}`).join('') : '\n  $0';
    }
    case 'map':
      return '\n  $0';
    case 'list': {
      const item = mainType(type.items);
      if (item.kind === 'object') {
        const required = Object.entries(item.properties).filter(([, p]) => p.required);
        if (required.length > 0) return required.map(([name], i) => `${i === 0 ? '\n  - ' : '\n    '}${name}: \${${i + 1}}`).join('');
      }
      if (item.kind === 'plugin' && item.category === 'trigger') {
        return '\n  - id: ${1:trigger_id}\n    type: ${2:io.kestra.plugin.core.trigger.Schedule}';
      }
      if (item.kind === 'plugin') return '\n  - type: ${1}';
      return '\n  - $0';
    }
    case 'boolean':
      return ` ${choice(['true', 'false'])}`;
    case 'enum': {
      const values = enumValues(type.values, version);
      return values.length > 0 && values.length <= 8 ? ` ${choice(values)}` : undefined;
    }
    default:
      return undefined;
  }
}
