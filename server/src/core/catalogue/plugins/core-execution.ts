import type { PluginTypeDef } from '../types';
import { ANY_MAP, BOOLEAN, DATE_TIME, FLOW_ID, LABELS, NAMESPACE, STATE_LIST, STRING, STRING_LIST, legacyAliases } from '../common';

const COUNT: { kind: 'integer' } = { kind: 'integer' };

export const CORE_EXECUTION: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.execution.Fail',
    category: 'task',
    description: 'Makes the task fail on purpose, either always or only when a condition renders truthy.',
    properties: {
      condition: {
        type: STRING,
        dynamic: true,
        description:
          'Pebble condition. When set, the task fails only if it renders truthy and succeeds otherwise; when absent it always fails.',
      },
      errorMessage: { type: STRING, dynamic: true, default: 'Task failure', description: 'Error message attached to the failure.' },
    },
    outputs: {},
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.executions.Fail'),
  },
  {
    type: 'io.kestra.plugin.core.execution.Exit',
    category: 'task',
    description: 'Ends the whole execution right away in the given state. `KILLED` also stops tasks that are still running.',
    properties: {
      state: {
        type: {
          kind: 'enum',
          values: [
            'SUCCESS',
            'WARNING',
            'KILLED',
            'FAILED',
            { value: 'CANCELED', versions: { removedIn: '2.0' }, replacement: 'CANCELLED' },
            // verify: 1.3 may only know the `CANCELED` spelling; kept open so valid 1.3 flows are not flagged.
            'CANCELLED',
          ],
        },
        default: 'SUCCESS',
        dynamic: true,
        description: 'Final state of the execution. Use `CANCELLED` (the 1.x spelling `CANCELED` is gone in 2.0).',
      },
    },
    outputs: {},
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.execution.Labels',
    category: 'task',
    description: 'Adds labels to the running execution, or overwrites labels that already exist. Keys starting with `system.` are refused.',
    properties: {
      labels: {
        type: { kind: 'union', types: [LABELS, STRING] },
        required: true,
        dynamic: true,
        description: 'Labels to set: a map, a list of `{key, value}`, or a JSON string of either.',
      },
    },
    outputs: {},
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.executions.Labels'),
  },
  {
    type: 'io.kestra.plugin.core.execution.Resume',
    category: 'task',
    description: 'Resumes a paused execution, by default the current one, optionally passing the Pause `onResume` inputs.',
    properties: {
      namespace: { type: NAMESPACE, dynamic: true, description: 'Namespace of the paused execution’s flow.' },
      flowId: { type: FLOW_ID, dynamic: true, description: 'Id of the paused execution’s flow.' },
      executionId: { type: STRING, dynamic: true, description: 'Execution to resume; the current one when omitted.' },
      inputs: { type: ANY_MAP, dynamic: true, description: 'Values for the `onResume` inputs of the Pause task.' },
    },
    outputs: {},
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    replacedBy: { message: 'Removed from core in Kestra 2.0; use `io.kestra.plugin.kestra.executions.Resume` from the Kestra plugin.' },
    notes: ['Removed from core in Kestra 2.0; use `io.kestra.plugin.kestra.executions.Resume` from the Kestra plugin.'],
  },
  {
    type: 'io.kestra.plugin.core.execution.Count',
    category: 'task',
    description:
      'Counts executions matching flows, namespaces, states and a date range, then keeps the results for which an expression is truthy.',
    properties: {
      flows: {
        type: {
          kind: 'list',
          items: {
            kind: 'object',
            name: 'flow',
            properties: {
              namespace: { type: NAMESPACE, required: true, description: 'Namespace of the flow.' },
              flowId: { type: FLOW_ID, required: true, description: 'Id of the flow.' },
            },
          },
        },
        description: 'Flows whose executions are counted.',
      },
      states: { type: STATE_LIST, description: 'Only count executions in these states.' },
      namespaces: { type: STRING_LIST, description: 'Only count executions of flows in these namespaces.' },
      startDate: { type: DATE_TIME, required: true, dynamic: true, description: 'Count executions started after this date.' },
      endDate: { type: DATE_TIME, dynamic: true, description: 'Count executions started before this date.' },
      expression: {
        type: STRING,
        required: true,
        dynamic: true,
        description: 'Pebble filter applied to each flow’s count (available as `count`), e.g. `{{ count >= 1 }}`.',
      },
    },
    outputs: {
      results: {
        type: {
          kind: 'list',
          items: {
            kind: 'object',
            name: 'countResult',
            properties: {
              namespace: { type: STRING, description: 'Namespace of the flow.' },
              flowId: { type: STRING, description: 'Id of the flow.' },
              count: { type: COUNT, description: 'Number of matching executions.' },
            },
          },
        },
        description: 'One entry per flow that passed the expression.',
      },
      total: { type: COUNT, description: 'Sum of the counts in `results`.' },
    },
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    aliases: legacyAliases('io.kestra.core.tasks.executions.Counts'),
    replacedBy: { message: 'Removed from core in Kestra 2.0; use `io.kestra.plugin.kestra.executions.Count` (needs API `auth`).' },
    notes: ['Removed from core in Kestra 2.0; use `io.kestra.plugin.kestra.executions.Count` (needs API `auth`).'],
  },
  {
    type: 'io.kestra.plugin.core.execution.PurgeExecutions',
    category: 'task',
    description: 'Administration task that deletes old executions together with their logs, metrics and stored files.',
    properties: {
      namespace: { type: NAMESPACE, dynamic: true, description: 'Only purge executions of this namespace.' },
      flowId: { type: FLOW_ID, dynamic: true, description: 'Only purge executions of this flow (needs `namespace`).' },
      startDate: { type: DATE_TIME, dynamic: true, description: 'Only purge executions created after this date.' },
      endDate: { type: DATE_TIME, required: true, dynamic: true, description: 'Only purge executions created before this date.' },
      states: { type: STATE_LIST, description: 'Only purge executions in these states.' },
      purgeExecution: { type: BOOLEAN, default: true, description: 'Delete the execution records.' },
      purgeLog: { type: BOOLEAN, default: true, description: 'Delete the logs of the purged executions.' },
      purgeMetric: { type: BOOLEAN, default: true, description: 'Delete the metrics of the purged executions.' },
      purgeStorage: { type: BOOLEAN, default: true, description: 'Delete the internal-storage files of the purged executions.' },
    },
    outputs: {
      executionsCount: { type: COUNT, description: 'Number of executions deleted.' },
      logsCount: { type: COUNT, description: 'Number of log entries deleted.' },
      storagesCount: { type: COUNT, description: 'Number of stored files deleted.' },
      metricsCount: { type: COUNT, description: 'Number of metrics deleted.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.Purge', 'io.kestra.plugin.core.storage.Purge'),
  },
  // The four tasks below are "1.x, release not pinned" in the sheets: 1.3 is our oldest line, so no range.
  {
    type: 'io.kestra.plugin.core.execution.Assert',
    category: 'task',
    description: 'Checks a list of Pebble assertions; if any renders falsy the task logs which ones and fails.',
    properties: {
      conditions: {
        type: STRING_LIST,
        required: true,
        dynamic: true,
        description: 'Expressions that must all render truthy (`false`, `0`, `-0` and empty count as false).',
      },
      errorMessage: { type: STRING, dynamic: true, description: 'Extra text appended to the failure message.' },
    },
    outputs: {},
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.execution.SetVariables',
    category: 'task',
    description: 'Merges rendered values into the execution variables, readable afterwards as `{{ vars.<key> }}`.',
    properties: {
      variables: { type: ANY_MAP, required: true, dynamic: true, description: 'Variables to add; nested maps are merged deeply.' },
      overwrite: {
        type: BOOLEAN,
        default: true,
        dynamic: true,
        description: 'When false, the task fails if one of the keys already exists.',
      },
    },
    outputs: {},
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.execution.UnsetVariables',
    category: 'task',
    description: 'Removes keys from the execution variables. Dotted keys reach into nested maps.',
    properties: {
      variables: { type: STRING_LIST, required: true, dynamic: true, description: 'Keys to remove, e.g. `secret` or `config.token`.' },
      ignoreMissing: { type: BOOLEAN, default: false, dynamic: true, description: 'Do not fail when a key does not exist.' },
    },
    outputs: {},
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.execution.Kill',
    category: 'task',
    description: 'Kills the current execution, optionally together with the child executions it started.',
    properties: {
      propagateKill: { type: BOOLEAN, default: false, dynamic: true, description: 'Also kill subflow executions started by this one.' },
    },
    outputs: {},
    outputsComplete: true,
  },
];
