import type { PluginTypeDef } from '../types';
import { ANY, BOOLEAN, DURATION, INTEGER, NAMESPACE, STRING, STRING_LIST } from '../common';

const KV_NAMESPACE = {
  type: NAMESPACE,
  dynamic: true,
  description: 'Namespace of the KV store; the flow’s own namespace by default.',
} as const;

export const CORE_KV: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.kv.Set',
    category: 'task',
    description: 'Stores a value under a key in the namespace key-value store.',
    properties: {
      key: { type: STRING, required: true, dynamic: true, description: 'Key to write.' },
      value: { type: ANY, required: true, dynamic: true, description: 'Value to store (rendered).' },
      namespace: KV_NAMESPACE,
      overwrite: { type: BOOLEAN, default: true, dynamic: true, description: 'When false, the task fails if the key already exists.' },
      ttl: { type: DURATION, dynamic: true, description: 'Time after which the key expires.' },
      kvType: {
        type: { kind: 'enum', values: ['STRING', 'NUMBER', 'BOOLEAN', 'DATETIME', 'DATE', 'DURATION', 'JSON'] },
        dynamic: true,
        description: 'Type the value is stored as.',
      },
    },
    outputs: {},
    outputsComplete: true,
    example: 'key: last_run\nvalue: "{{ execution.startDate }}"',
  },
  {
    type: 'io.kestra.plugin.core.kv.Get',
    category: 'task',
    description: 'Reads the value of a key from the namespace key-value store.',
    properties: {
      key: { type: STRING, required: true, dynamic: true, description: 'Key to read.' },
      namespace: KV_NAMESPACE,
      errorOnMissing: {
        type: BOOLEAN,
        default: false,
        dynamic: true,
        description: 'Fail when the key does not exist (otherwise the value is null).',
      },
    },
    outputs: {
      value: { type: ANY, description: 'The stored value, or null when the key is missing.' },
    },
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.kv.Delete',
    category: 'task',
    description: 'Removes a key from the namespace key-value store.',
    properties: {
      key: { type: STRING, required: true, dynamic: true, description: 'Key to delete.' },
      namespace: KV_NAMESPACE,
      errorOnMissing: { type: BOOLEAN, default: false, dynamic: true, description: 'Fail when the key does not exist.' },
    },
    outputs: {
      deleted: { type: BOOLEAN, description: 'Whether a key was actually removed.' },
    },
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.kv.GetKeys',
    category: 'task',
    description: 'Lists the keys of a namespace key-value store, optionally only those with a given prefix.',
    properties: {
      prefix: { type: STRING, dynamic: true, description: 'Only list keys starting with this text.' },
      namespace: KV_NAMESPACE,
    },
    outputs: {
      keys: { type: STRING_LIST, description: 'The matching keys.' },
    },
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.kv.PurgeKV',
    category: 'task',
    description: 'Administration task that deletes keys (by default only expired ones) across one or more namespaces.',
    properties: {
      keyPattern: { type: STRING, dynamic: true, description: 'Glob pattern of the keys to delete, e.g. `tmp_*`.' },
      namespaces: {
        type: STRING_LIST,
        dynamic: true,
        description: 'Namespaces to purge; all when omitted. Not together with `namespacePattern`.',
      },
      namespacePattern: {
        type: STRING,
        dynamic: true,
        description: 'Glob pattern of the namespaces to purge. Not together with `namespaces`.',
      },
      includeChildNamespaces: {
        type: BOOLEAN,
        default: true,
        dynamic: true,
        description: 'Also purge the child namespaces of the selected ones.',
      },
      behavior: {
        type: {
          kind: 'object',
          name: 'kvPurgeBehavior',
          properties: {
            type: {
              type: { kind: 'enum', values: ['key', 'version'] },
              required: true,
              description: 'Purge whole keys, or old versions of keys.',
            },
            expiredOnly: { type: BOOLEAN, description: 'With `type: key`, only delete keys whose TTL has passed.' },
            before: { type: STRING, description: 'With `type: version`, delete versions written before this date.' },
            keepAmount: { type: INTEGER, description: 'With `type: version`, keep this many most recent versions per key.' },
          },
        },
        default: { type: 'key', expiredOnly: true },
        dynamic: true,
        description: 'What to delete.',
      },
      expiredOnly: {
        type: BOOLEAN,
        dynamic: true,
        deprecated: {
          message: 'Use `behavior: {type: key, expiredOnly: …}`; when set it still overrides `behavior`.',
          replacement: 'behavior',
        },
        description: 'Old switch to delete only expired keys.',
      },
    },
    outputs: {
      size: { type: INTEGER, description: 'Number of keys (or versions) deleted.' },
    },
    outputsComplete: true,
  },
];
