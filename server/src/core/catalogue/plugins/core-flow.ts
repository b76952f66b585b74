import type { PluginTypeDef, ValueType } from '../types';
import {
  BOOLEAN,
  DURATION,
  FLOWABLE_BRANCHES,
  FLOWABLE_BRANCH_LISTS,
  INPUT_FILES,
  NAMESPACE_FILES,
  STRING,
  STRING_LIST,
  TASKS,
  legacyAliases,
} from '../common';

/** Grouping and branching flowables: Sequential, Parallel, If, Switch, AllowFailure, Dag, WorkingDirectory. */

/** What Parallel and Dag do with running siblings when a child fails (version-2.md §6.2). */
export const ON_CHILD_FAILURE: ValueType = { kind: 'enum', values: ['FAIL', 'CANCEL', 'CONTINUE'] };

const CONCURRENT: ValueType = { kind: 'integer', minimum: 0 };

export const CORE_FLOW: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.flow.Sequential',
    category: 'task',
    description: 'Groups tasks and runs them one after the other, with their own `errors` and `finally` handlers.',
    properties: {
      tasks: { type: TASKS, description: 'Tasks run in order.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {},
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.Sequential'),
  },
  {
    type: 'io.kestra.plugin.core.flow.Parallel',
    category: 'task',
    description: 'Starts its child tasks at the same time, up to `concurrent` at once. Once a child fails, no further child is started.',
    properties: {
      tasks: { type: { kind: 'tasks', minItems: 1 }, required: true, description: 'Tasks started in parallel.' },
      concurrent: { type: CONCURRENT, default: 0, description: 'Maximum number of children running at once; `0` means no limit.' },
      onChildFailure: {
        type: ON_CHILD_FAILURE,
        default: 'FAIL',
        versions: { since: '2.0' },
        description:
          'When a child fails: `FAIL` interrupts the running siblings (they end FAILED), `CANCEL` interrupts them as CANCELLED, `CONTINUE` lets them finish.',
      },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {},
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.Parallel'),
  },
  {
    type: 'io.kestra.plugin.core.flow.If',
    category: 'task',
    description: 'Evaluates a condition once and runs the `then` branch when it is truthy, the `else` branch otherwise.',
    properties: {
      condition: {
        type: STRING,
        required: true,
        dynamic: true,
        description: 'Pebble expression; `false`, `0`, `-0` and an empty result are false, anything else is true.',
      },
      // An empty `then` is reported by the If rule (if-without-then), not as a generic empty list.
      then: { type: { kind: 'tasks' }, required: true, description: 'Tasks run when the condition is true.' },
      else: { type: TASKS, description: 'Tasks run when the condition is false. Without them the task simply succeeds.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      evaluationResult: { type: BOOLEAN, description: 'Result of the condition, kept so the same branch is used throughout.' },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { then: 'tasks', else: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.If'),
    example: 'condition: "{{ inputs.enabled }}"\nthen:\n  - id: yes\n    type: io.kestra.plugin.core.log.Log\n    message: enabled',
  },
  {
    type: 'io.kestra.plugin.core.flow.Switch',
    category: 'task',
    description: 'Renders `value` and runs the case whose key is equal to it (string comparison), or `defaults` when no key matches.',
    properties: {
      value: {
        type: { kind: 'string', minLength: 1 },
        required: true,
        dynamic: true,
        description: 'Expression whose result selects the case.',
      },
      cases: { type: { kind: 'map', values: TASKS }, description: 'Task lists keyed by the value that selects them.' },
      defaults: { type: TASKS, description: 'Tasks run when no case key matches.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      value: { type: STRING, description: 'The rendered `value`.' },
      defaults: { type: BOOLEAN, description: 'True when no case matched and `defaults` ran.' },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { cases: 'map-of-tasks', defaults: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.Switch'),
    notes: ['At least one of `cases` or `defaults` must contain a task.'],
  },
  {
    type: 'io.kestra.plugin.core.flow.AllowFailure',
    category: 'task',
    description: 'Runs its tasks in order; if one fails the remaining ones are skipped, this task ends in WARNING and the flow carries on.',
    properties: {
      tasks: { type: TASKS, description: 'Tasks run in order; a failure among them does not fail the flow.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {},
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.AllowFailure'),
  },
  {
    type: 'io.kestra.plugin.core.flow.Dag',
    category: 'task',
    description: 'Runs child tasks as a directed acyclic graph: each one starts when all the tasks listed in its `dependsOn` are done.',
    properties: {
      tasks: {
        type: { kind: 'dagTasks' },
        required: true,
        description: 'Non-empty list of `{task, dependsOn}`; `dependsOn` lists ids of sibling tasks. Cycles and unknown ids are rejected.',
      },
      concurrent: { type: CONCURRENT, default: 0, description: 'Maximum number of children running at once; `0` means no limit.' },
      onChildFailure: {
        type: ON_CHILD_FAILURE,
        versions: { since: '2.0' },
        description:
          'When a child fails: `FAIL` interrupts running siblings, `CANCEL` cancels them, `CONTINUE` lets them finish. The default is `CONTINUE` up to 2.0.7 and `FAIL` from 2.0.8.',
      },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {},
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'dag', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.Dag'),
  },
  {
    type: 'io.kestra.plugin.core.flow.WorkingDirectory',
    category: 'task',
    description:
      'Runs its child tasks on one worker, one after the other, sharing a single temporary directory so files written by one are seen by the next.',
    properties: {
      tasks: {
        type: { kind: 'tasks', minItems: 1 },
        required: true,
        description: 'Runnable tasks only (no flowables); they may not set `workerGroup`.',
      },
      namespaceFiles: { type: NAMESPACE_FILES, description: 'Copy namespace files into the shared directory before the tasks run.' },
      inputFiles: { type: INPUT_FILES, dynamic: true, description: 'Files to create in the directory: file name → content.' },
      outputFiles: {
        type: STRING_LIST,
        dynamic: true,
        description: 'Glob patterns of files to upload to internal storage when the tasks are done.',
      },
      cache: {
        type: {
          kind: 'object',
          name: 'cache',
          properties: {
            patterns: { type: STRING_LIST, required: true, description: 'Glob patterns of the files to keep between executions.' },
            ttl: { type: DURATION, description: 'How long the cached files stay valid.' },
          },
        },
        description: 'Keep some files of the directory from one execution to the next.',
      },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      outputFiles: {
        type: { kind: 'map', values: STRING },
        description: 'Uploaded files: relative path → `kestra://` URI (only with `outputFiles`).',
      },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.WorkingDirectory', 'io.kestra.core.tasks.flows.Worker'),
    notes: ['Unlike other flowables it is executed by a worker, so `timeout`, `workerGroup` and `logLevel` apply to it.'],
  },
];
