import type { PluginTypeDef } from '../types';
import { DATE_TIME, FLOW_ID, LOG_LEVEL, NAMESPACE, STRING, STRING_LIST, legacyAliases } from '../common';

export const CORE_LOG: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.log.Log',
    category: 'task',
    description: 'Writes one or more messages to the execution logs at the chosen level.',
    properties: {
      message: {
        type: { kind: 'union', types: [STRING, STRING_LIST] },
        required: true,
        dynamic: true,
        description: 'The message, or a list of messages, to log. Each one is rendered with Pebble.',
      },
      level: { type: LOG_LEVEL, default: 'INFO', description: 'Log level of the messages.' },
    },
    outputs: {},
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.log.Log'),
    example: 'message: "Hello {{ inputs.name }}"',
  },
  {
    type: 'io.kestra.plugin.core.log.Fetch',
    category: 'task',
    description: 'Copies the logs of an execution (by default the current one) into a file in internal storage.',
    properties: {
      namespace: {
        type: NAMESPACE,
        dynamic: true,
        description: 'Namespace of the flow whose execution logs are read (defaults to the current one).',
      },
      flowId: { type: FLOW_ID, dynamic: true, description: 'Id of the flow whose execution logs are read (defaults to the current one).' },
      executionId: { type: STRING, dynamic: true, description: 'Execution to read the logs of; the current execution when omitted.' },
      tasksId: { type: STRING_LIST, dynamic: true, description: 'Keep only the logs of these task ids.' },
      level: { type: LOG_LEVEL, default: 'INFO', description: 'Lowest log level to keep.' },
    },
    outputs: {
      size: { type: { kind: 'integer' }, description: 'Number of log lines written.' },
      uri: { type: STRING, description: 'Internal-storage URI (`kestra://…`) of the ION file holding the log lines.' },
    },
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    aliases: legacyAliases('io.kestra.core.tasks.log.Fetch'),
    replacedBy: {
      message: 'Removed from core in Kestra 2.0; the `io.kestra.plugin.kestra.logs.Fetch` task of the Kestra plugin takes over.',
    },
    notes: ['Removed from core in Kestra 2.0; the `io.kestra.plugin.kestra.logs.Fetch` task of the Kestra plugin takes over.'],
  },
  {
    type: 'io.kestra.plugin.core.log.PurgeLogs',
    category: 'task',
    description: 'Administration task that deletes stored logs matching a namespace, flow, level and date range.',
    properties: {
      namespace: { type: NAMESPACE, dynamic: true, description: 'Only purge logs of this namespace.' },
      flowId: { type: FLOW_ID, dynamic: true, description: 'Only purge logs of this flow (needs `namespace`).' },
      logLevels: { type: { kind: 'list', items: LOG_LEVEL }, description: 'Only purge logs of these levels.' },
      startDate: { type: DATE_TIME, dynamic: true, description: 'Only purge logs written after this date (ISO-8601).' },
      endDate: { type: DATE_TIME, required: true, dynamic: true, description: 'Only purge logs written before this date (ISO-8601).' },
    },
    outputs: {
      count: { type: { kind: 'integer' }, description: 'Number of log entries deleted.' },
    },
    outputsComplete: true,
  },
];
