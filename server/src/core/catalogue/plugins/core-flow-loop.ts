import type { PluginTypeDef, ValueType } from '../types';
import {
  ANY,
  ANY_MAP,
  BOOLEAN,
  DATE_TIME,
  DURATION,
  FLOWABLE_BRANCHES,
  FLOWABLE_BRANCH_LISTS,
  FLOW_ID,
  LABELS,
  NAMESPACE,
  STRING,
  TASKS,
  legacyAliases,
} from '../common';

/** Iterating flowables: ForEach, EachSequential, EachParallel, ForEachItem (all gone in 2.0), Loop (2.0+), LoopUntil. */

const ANY_LIST: ValueType = { kind: 'list', items: ANY };
const INT: ValueType = { kind: 'integer' };
const REMOVED_LOOP_NOTE = 'Removed in Kestra 2.0: rewrite it as `io.kestra.plugin.core.flow.Loop`.';

export const CORE_FLOW_LOOP: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.flow.ForEach',
    category: 'task',
    description:
      'Runs its group of tasks once per distinct value. Children read the current value as `{{ taskrun.value }}` and their outputs are keyed by it.',
    properties: {
      values: {
        type: { kind: 'union', types: [STRING, ANY_LIST] },
        required: true,
        dynamic: true,
        description: 'Values to iterate over: a list, or a JSON-array string. Maps become JSON strings; null elements are an error.',
      },
      concurrencyLimit: {
        type: { kind: 'integer', minimum: 0 },
        default: 1,
        description: 'How many value groups run at once: `1` one after the other, `0` all together, N at most N.',
      },
      tasks: { type: TASKS, description: 'Tasks run (in order) for each value.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {},
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    versions: { removedIn: '2.0' },
    replacedBy: {
      message: `${REMOVED_LOOP_NOTE} Loop runs all iterations at once by default: add \`concurrencyLimit: 1\` to keep the ForEach order, and read \`item.value\` instead of \`taskrun.value\`.`,
    },
    notes: [REMOVED_LOOP_NOTE, 'Loop runs all iterations at once by default; add `concurrencyLimit: 1` to keep the ForEach behaviour.'],
  },
  {
    type: 'io.kestra.plugin.core.flow.EachSequential',
    category: 'task',
    description: 'Runs its tasks once per value, one value after the other. Superseded by ForEach.',
    properties: {
      value: {
        type: { kind: 'union', types: [STRING, ANY_LIST] },
        required: true,
        dynamic: true,
        description: 'Values to iterate over: a list or a JSON-array string.',
      },
      tasks: { type: TASKS, description: 'Tasks run for each value.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {},
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    versions: { removedIn: '2.0' },
    deprecated: {
      message: 'EachSequential is deprecated: use ForEach with `concurrencyLimit: 1` (Loop from Kestra 2.0).',
      replacement: 'io.kestra.plugin.core.flow.ForEach',
    },
    aliases: legacyAliases('io.kestra.core.tasks.flows.EachSequential'),
  },
  {
    type: 'io.kestra.plugin.core.flow.EachParallel',
    category: 'task',
    description: 'Runs its tasks once per value, the values in parallel. Superseded by ForEach.',
    properties: {
      value: {
        type: { kind: 'union', types: [STRING, ANY_LIST] },
        required: true,
        dynamic: true,
        description: 'Values to iterate over: a list or a JSON-array string.',
      },
      concurrent: {
        type: { kind: 'integer', minimum: 0 },
        default: 0,
        description: 'Maximum number of values processed at once; `0` means no limit.',
      },
      tasks: { type: TASKS, description: 'Tasks run for each value.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {},
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    versions: { removedIn: '2.0' },
    deprecated: {
      message: 'EachParallel is deprecated: use ForEach with `concurrencyLimit: 0` (Loop from Kestra 2.0).',
      replacement: 'io.kestra.plugin.core.flow.ForEach',
    },
    aliases: legacyAliases('io.kestra.core.tasks.flows.EachParallel'),
  },
  {
    type: 'io.kestra.plugin.core.flow.ForEachItem',
    category: 'task',
    description:
      'Splits a file from internal storage into batches and starts one subflow execution per batch. The subflow reads its batch as `{{ taskrun.items }}`.',
    properties: {
      items: { type: STRING, required: true, dynamic: true, description: 'Internal-storage URI (`kestra://…`) of the file to split.' },
      batch: {
        type: {
          kind: 'object',
          name: 'batch',
          properties: {
            rows: { type: INT, default: 1, dynamic: true, description: 'Number of lines per batch.' },
            bytes: { type: STRING, dynamic: true, description: 'Size of each batch, e.g. `10MB`.' },
            partitions: { type: INT, dynamic: true, description: 'Number of batches to make.' },
            separator: { type: STRING, default: '\n', dynamic: true, description: 'Line separator of the file.' },
          },
        },
        description: 'How the file is cut into batches (by rows, bytes or number of partitions).',
      },
      namespace: { type: NAMESPACE, required: true, dynamic: true, description: 'Namespace of the subflow.' },
      flowId: { type: FLOW_ID, required: true, dynamic: true, description: 'Id of the subflow.' },
      revision: { type: { kind: 'integer', minimum: 1 }, description: 'Revision of the subflow; the latest when omitted.' },
      inputs: {
        type: ANY_MAP,
        dynamic: true,
        description: 'Inputs of each subflow execution; may use `{{ taskrun.items }}` and `{{ taskrun.iteration }}`.',
      },
      labels: { type: LABELS, description: 'Labels of the subflow executions (no `system.` keys).' },
      wait: { type: BOOLEAN, default: true, description: 'Wait for all subflow executions to finish.' },
      transmitFailed: { type: BOOLEAN, default: true, description: 'Fail this task when a subflow execution fails (needs `wait`).' },
      inheritLabels: { type: BOOLEAN, default: false, description: 'Copy the labels of this execution onto the subflow executions.' },
      scheduleDate: { type: DATE_TIME, dynamic: true, description: 'Start the subflow executions at this date instead of now.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      iterations: { type: { kind: 'map', values: INT }, description: 'Number of subflow executions per state, updated live.' },
      numberOfBatches: { type: INT, description: 'Number of batches (and subflow executions).' },
      uri: { type: STRING, description: 'URI of a file merging the outputs of all subflow executions.' },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { ...FLOWABLE_BRANCH_LISTS },
    versions: { removedIn: '2.0' },
    aliases: legacyAliases('io.kestra.core.tasks.flows.ForEachItem'),
    replacedBy: { message: 'Removed in Kestra 2.0: use Loop over the file, or storage.Split → Loop → Subflow.' },
    notes: [
      'Generates hidden children `<id>_split`, `<id>_items` and `<id>_merge`, which count for task-id uniqueness.',
      'Removed in Kestra 2.0: use Loop over the file, or storage.Split → Loop → Subflow.',
    ],
  },
  {
    type: 'io.kestra.plugin.core.flow.Loop',
    category: 'task',
    description:
      'Runs its tasks once per value, each iteration in an isolated sub-execution. The current value is `{{ item.value }}` (`item.index`, `item.key` for maps).',
    properties: {
      values: {
        type: { kind: 'union', types: [STRING, ANY_LIST, ANY_MAP] },
        required: true,
        dynamic: true,
        description: 'What to iterate over: a list, a map (entries), a JSON-array string, or a `kestra://` URI (one iteration per line).',
      },
      tasks: { type: { kind: 'tasks', minItems: 1 }, required: true, description: 'Tasks run in order inside every iteration.' },
      concurrencyLimit: {
        type: { kind: 'integer', minimum: 0 },
        default: 0,
        description: 'Iterations running at once: `0` all of them, `1` strictly in order, N at most N. (ForEach defaulted to 1.)',
      },
      transmitFailed: { type: BOOLEAN, default: true, description: 'Fail the Loop as soon as an iteration ends FAILED or KILLED.' },
      outputs: {
        type: { kind: 'outputs' },
        description:
          "Values computed at the end of each iteration; the only way to see iteration results after the loop (`loopOutputs(outputs.<id>.outputs, '<name>')`).",
      },
      fetchType: {
        type: { kind: 'enum', values: ['AUTO', 'FETCH', 'STORE'] },
        default: 'AUTO',
        description:
          'Keep iteration outputs in the execution (`FETCH`) or in internal storage (`STORE`); `AUTO` stores when `values` is a storage URI.',
      },
      // verify: `breakWhen` exists in develop sources only; not modelled until a release is confirmed.
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      iterationCount: { type: INT, description: 'Total number of iterations.' },
      runningIterations: { type: INT, description: 'Iterations currently running.' },
      terminatedIterations: { type: { kind: 'map', values: INT }, description: 'Finished iterations counted per final state.' },
      outputs: {
        type: { kind: 'list', items: ANY },
        // verify: with STORE each entry holds `{uri}` per the code; the docs describe a single `uri`.
        description: 'One entry per iteration: `{item: {value, iteration, key}, outputs: {…declared outputs}}`.',
      },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    versions: { since: '2.0' },
    // verify: `errors`/`finally` resolve inside each iteration per the source; one migration guide says once after all.
    notes: ['`taskrun.value` is not set inside a Loop; use `item.value`, `item.parent`, `item.parents[n]`.'],
    example: 'values: ["a", "b"]\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ item.value }}"',
  },
  {
    type: 'io.kestra.plugin.core.flow.LoopUntil',
    category: 'task',
    description:
      'Runs its tasks, then checks a condition; repeats after `checkFrequency.interval` until the condition is truthy or a limit is hit.',
    properties: {
      tasks: { type: { kind: 'tasks', minItems: 1 }, required: true, description: 'Tasks run on every iteration.' },
      condition: {
        type: STRING,
        required: true,
        dynamic: true,
        description:
          'Exit condition, rendered after each iteration; the loop stops when it is truthy. `outputs.<id>.iterationCount` is available.',
      },
      failOnMaxReached: {
        type: BOOLEAN,
        default: false,
        dynamic: true,
        description: 'End FAILED when `maxIterations` or `maxDuration` is reached.',
      },
      checkFrequency: {
        type: {
          kind: 'object',
          name: 'checkFrequency',
          properties: {
            maxIterations: { type: { kind: 'integer', minimum: 1 }, dynamic: true, description: 'Stop after this many iterations.' },
            maxDuration: { type: DURATION, dynamic: true, description: 'Stop once the loop has run this long.' },
            // verify: the newest LoopUntil uses PT1M; the older WaitFor documented PT1S (and 100 / PT1H limits).
            interval: { type: DURATION, default: 'PT1M', dynamic: true, description: 'Pause between two iterations.' },
          },
        },
        description: 'Limits and pacing of the loop.',
      },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      iterationCount: { type: INT, description: 'Number of iterations run so far (starts at 1).' },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    // verify: WaitFor is declared as an alias of LoopUntil; assumed removed in 2.0 like every core alias.
    aliases: legacyAliases('io.kestra.plugin.core.flow.WaitFor'),
  },
];
