import type { ChildListKind, EnumValue, PropertyMap, TypeAlias, ValueType } from './types';

/** Kestra task and trigger ids: no dots (flow-model.md §0 fact 2). */
export const TASK_ID_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9_-]*$';
/** Input and output ids allow dots; dotted ids become nested maps. */
export const INPUT_ID_PATTERN = '^[a-zA-Z0-9][.a-zA-Z0-9_-]*$';
export const FLOW_ID_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9._-]*$';
export const NAMESPACE_PATTERN = '^[a-z0-9][a-z0-9._-]*$';

export const STRING: ValueType = { kind: 'string' };
export const BOOLEAN: ValueType = { kind: 'boolean' };
export const INTEGER: ValueType = { kind: 'integer' };
export const NUMBER: ValueType = { kind: 'number' };
export const DURATION: ValueType = { kind: 'string', format: 'duration' };
export const ANY: ValueType = { kind: 'any' };
export const STRING_LIST: ValueType = { kind: 'list', items: STRING };
export const STRING_MAP: ValueType = { kind: 'map', values: STRING };
export const TASKS: ValueType = { kind: 'tasks' };
export const DATE_TIME: ValueType = { kind: 'string', format: 'date-time' };
export const HTTP_URI: ValueType = { kind: 'string', format: 'uri' };
export const NAMESPACE: ValueType = { kind: 'string', format: 'namespace' };
export const FLOW_ID: ValueType = { kind: 'string', format: 'flow-id' };
export const ANY_MAP: ValueType = { kind: 'map', values: ANY };
export const LOG_LEVEL: ValueType = { kind: 'enum', values: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] };
/** Labels: a map of strings or a list of `{key, value}`. */
export const LABELS: ValueType = {
  kind: 'union',
  types: [
    STRING_MAP,
    {
      kind: 'list',
      items: {
        kind: 'object',
        name: 'label',
        properties: {
          key: { type: STRING, required: true, description: 'Label key.' },
          value: { type: STRING, required: true, description: 'Label value.' },
        },
      },
    },
  ],
};

export const WORKER_GROUP: ValueType = {
  kind: 'object',
  name: 'workerGroup',
  properties: {
    key: { type: { kind: 'string', pattern: TASK_ID_PATTERN }, description: 'Worker group key (Enterprise Edition).', dynamic: true },
    fallback: {
      type: { kind: 'enum', values: ['FAIL', 'WAIT', 'CANCEL'] },
      description: 'What to do when no worker of the group is available.',
    },
  },
};

/** `namespaceFiles` of script tasks and WorkingDirectory (flow-model.md §5.3, §6.2). */
// verify: newer lines add more keys (e.g. `namespaces`, `ifExists`); only the three documented ones are listed.
export const NAMESPACE_FILES: ValueType = {
  kind: 'object',
  name: 'namespaceFiles',
  properties: {
    enabled: { type: BOOLEAN, default: true, description: 'Copy the namespace files into the working directory.' },
    include: { type: STRING_LIST, description: 'Glob patterns of the files to copy; everything when omitted.' },
    exclude: { type: STRING_LIST, description: 'Glob patterns of the files to leave out.' },
  },
};

/** `inputFiles`: a map file name → content (rendered; may be a `kestra://` URI), or a JSON string of that map. */
export const INPUT_FILES: ValueType = { kind: 'union', types: [STRING_MAP, STRING] };

/** Properties every task accepts (flow-model.md §2). */
export const COMMON_TASK_PROPERTIES: PropertyMap = {
  id: {
    type: { kind: 'string', pattern: TASK_ID_PATTERN },
    required: true,
    description: 'Unique id of the task in the flow. Letters, digits, `_` and `-`; no dots.',
  },
  type: { type: STRING, required: true, description: 'Fully-qualified plugin type, e.g. `io.kestra.plugin.core.log.Log`.' },
  description: { type: STRING, description: 'Markdown documentation of the task.' },
  retry: { type: { kind: 'retry' }, description: 'Retry policy for failed attempts of this task.' },
  timeout: {
    type: DURATION,
    dynamic: true,
    description: 'Maximum duration of one attempt (ISO-8601, e.g. `PT10M`). The task is stopped and the attempt fails when it is exceeded.',
  },
  disabled: { type: BOOLEAN, default: false, description: 'When true the task is left out of the execution entirely.' },
  workerGroup: { type: WORKER_GROUP, description: 'Enterprise Edition worker group.', versions: { removedIn: '2.0' } },
  workerSelector: {
    type: {
      kind: 'object',
      name: 'workerSelector',
      properties: {
        tags: { type: STRING_LIST, description: 'Worker tags to match.' },
        match: {
          type: { kind: 'enum', values: ['ALL', 'ANY'] },
          default: 'ALL',
          description: 'Whether all or any of the tags must match.',
        },
        fallback: {
          type: { kind: 'enum', values: ['FAIL', 'WAIT', 'CANCEL', 'IGNORE'] },
          default: 'FAIL',
          description: 'What to do when no worker matches.',
        },
      },
    },
    versions: { since: '2.0' },
    description: 'Enterprise Edition worker selection by tags (replaces `workerGroup` in 2.0).',
  },
  logLevel: { type: LOG_LEVEL, description: 'Minimum level of the logs kept for this task.' },
  allowFailure: { type: BOOLEAN, default: false, description: 'A final failure becomes WARNING and the flow goes on.' },
  allowWarning: { type: BOOLEAN, default: false, description: 'A WARNING becomes SUCCESS.' },
  logToFile: { type: BOOLEAN, default: false, description: 'Store the logs as a file in internal storage instead of the log backend.' },
  runIf: {
    type: STRING,
    default: 'true',
    dynamic: true,
    description: 'Pebble condition rendered before the task runs; a falsy result (`false`, `0`, `-0`, empty) skips the task (SKIPPED).',
  },
  version: { type: STRING, description: 'Plugin version to use for this task.' },
  taskCache: {
    type: {
      kind: 'object',
      name: 'taskCache',
      properties: {
        enabled: { type: BOOLEAN, default: false, description: 'Reuse the outputs of a previous successful run.' },
        ttl: { type: DURATION, description: 'How long cached outputs stay valid.' },
      },
    },
    description: 'Cache the outputs of this task.',
  },
  policyRefs: { type: STRING_LIST, versions: { since: '2.0' }, description: 'Enterprise Edition policies applied to this task.' },
};

/** Properties every trigger accepts (flow-model.md §5.8, version-2.md §1.4 and §3). */
export const COMMON_TRIGGER_PROPERTIES: PropertyMap = {
  id: COMMON_TASK_PROPERTIES['id']!,
  type: COMMON_TASK_PROPERTIES['type']!,
  description: { type: STRING, description: 'Markdown documentation of the trigger.' },
  conditions: {
    type: { kind: 'list', items: { kind: 'plugin', category: 'condition' } },
    versions: { removedIn: '2.0' },
    replacedBy: {
      message: 'Kestra 2.0 replaces trigger conditions with one `when` expression (Flow triggers: `dependsOn`).',
      replacement: 'when',
    },
    description: 'Conditions that must all hold for the trigger to fire.',
  },
  when: {
    type: STRING,
    dynamic: true,
    versions: { since: '2.0' },
    description: 'Pebble condition; the trigger fires only when it renders truthy.',
  },
  disabled: { type: BOOLEAN, default: false, description: 'A disabled trigger never fires.' },
  workerGroup: COMMON_TASK_PROPERTIES['workerGroup']!,
  workerSelector: COMMON_TASK_PROPERTIES['workerSelector']!,
  logLevel: COMMON_TASK_PROPERTIES['logLevel']!,
  minLogLevel: {
    type: LOG_LEVEL,
    versions: { removedIn: '2.0' },
    deprecated: { message: '`minLogLevel` is the old name of `logLevel`.', replacement: 'logLevel' },
    description: 'Old name of `logLevel`.',
  },
  labels: { type: LABELS, description: 'Labels added to the executions this trigger creates.' },
  stopAfter: { type: { kind: 'list', items: STRING }, description: 'States after which the trigger disables itself.' },
  logToFile: COMMON_TASK_PROPERTIES['logToFile']!,
  policyRefs: COMMON_TASK_PROPERTIES['policyRefs']!,
};

/**
 * Execution and task-run states (flow-model.md §8.1, version-2.md §5.3). `CANCELED` was the old spelling accepted
 * in `states` lists and by `Exit`; 2.0 only knows `CANCELLED`.
 */
// verify: SUBMITTED, BREAKPOINT and RESUBMITTED are "newer 1.x" in the sheets; assumed present in 1.3.
export const EXECUTION_STATE_VALUES: readonly EnumValue[] = [
  'CREATED',
  'SUBMITTED',
  'RUNNING',
  'PAUSED',
  'BREAKPOINT',
  'RESTARTED',
  'KILLING',
  'SUCCESS',
  'WARNING',
  'FAILED',
  'KILLED',
  'CANCELLED',
  { value: 'CANCELED', versions: { removedIn: '2.0' }, replacement: 'CANCELLED' },
  'QUEUED',
  'RETRYING',
  'RETRIED',
  'SKIPPED',
  'RESUBMITTED',
];
export const EXECUTION_STATE: ValueType = { kind: 'enum', values: EXECUTION_STATE_VALUES };
export const STATE_LIST: ValueType = { kind: 'list', items: EXECUTION_STATE };

/** `errors` and `finally`: every flowable task has both (flow-model.md §2.1, §5.3). */
export const FLOWABLE_BRANCHES: PropertyMap = {
  errors: {
    type: TASKS,
    description: 'Tasks started when a child task fails for good (no retry left). They never turn the failure into a success.',
  },
  finally: {
    type: TASKS,
    description: 'Tasks that always run at the end of this block, after `tasks` (and `errors`), whatever the outcome.',
  },
};

/** Child-list shapes of `errors` and `finally`, to spread into every flowable's `childLists`. */
export const FLOWABLE_BRANCH_LISTS: Readonly<Record<string, ChildListKind>> = { errors: 'tasks', finally: 'tasks' };

/** Old type names, accepted up to 1.3 and removed with every other alias in 2.0 (version-2.md §1.3, PR #15370). */
export function legacyAliases(...names: string[]): readonly TypeAlias[] {
  return names.map((name) => ({ name, versions: { removedIn: '2.0' } }));
}

/**
 * Child task lists assumed for task types the catalogue does not know (third-party flowables): the model
 * walks them as child tasks, completion offers tasks there, and their strings are not this task's own.
 */
export const GUESSED_CHILD_LISTS: Readonly<Record<string, ChildListKind>> = {
  tasks: 'tasks',
  errors: 'tasks',
  finally: 'tasks',
  then: 'tasks',
  else: 'tasks',
};

/** Dag children: `{task, dependsOn}` entries (validation, completion and the JSON Schema read this shape). */
export const DAG_ENTRY_PROPERTIES: PropertyMap = {
  task: { type: { kind: 'task' }, required: true, description: 'The task to run.' },
  dependsOn: {
    type: { kind: 'list', items: { kind: 'string', format: 'task-id' } },
    description: 'Ids of sibling Dag tasks that must end before this one starts.',
  },
};
