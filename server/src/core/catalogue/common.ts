import type { PropertyMap, ValueType } from './types';

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
    fallback: { type: { kind: 'enum', values: ['FAIL', 'WAIT', 'CANCEL'] }, description: 'What to do when no worker of the group is available.' },
  },
};

/** Properties every task accepts (flow-model.md §2). */
export const COMMON_TASK_PROPERTIES: PropertyMap = {
  id: { type: { kind: 'string', pattern: TASK_ID_PATTERN }, required: true, description: 'Unique id of the task in the flow. Letters, digits, `_` and `-`; no dots.' },
  type: { type: STRING, required: true, description: 'Fully-qualified plugin type, e.g. `io.kestra.plugin.core.log.Log`.' },
  description: { type: STRING, description: 'Markdown documentation of the task.' },
  retry: { type: { kind: 'retry' }, description: 'Retry policy for failed attempts of this task.' },
  timeout: { type: DURATION, dynamic: true, description: 'Maximum duration of one attempt (ISO-8601, e.g. `PT10M`). The task is stopped and the attempt fails when it is exceeded.' },
  disabled: { type: BOOLEAN, default: false, description: 'When true the task is left out of the execution entirely.' },
  workerGroup: { type: WORKER_GROUP, description: 'Enterprise Edition worker group.', versions: { removedIn: '2.0' } },
  workerSelector: {
    type: {
      kind: 'object',
      name: 'workerSelector',
      properties: {
        tags: { type: STRING_LIST, description: 'Worker tags to match.' },
        match: { type: { kind: 'enum', values: ['ALL', 'ANY'] }, default: 'ALL', description: 'Whether all or any of the tags must match.' },
        fallback: { type: { kind: 'enum', values: ['FAIL', 'WAIT', 'CANCEL', 'IGNORE'] }, default: 'FAIL', description: 'What to do when no worker matches.' },
      },
    },
    versions: { since: '2.0' },
    description: 'Enterprise Edition worker selection by tags (replaces `workerGroup` in 2.0).',
  },
  logLevel: { type: LOG_LEVEL, description: 'Minimum level of the logs kept for this task.' },
  allowFailure: { type: BOOLEAN, default: false, description: 'A final failure becomes WARNING and the flow goes on.' },
  allowWarning: { type: BOOLEAN, default: false, description: 'A WARNING becomes SUCCESS.' },
  logToFile: { type: BOOLEAN, default: false, description: 'Store the logs as a file in internal storage instead of the log backend.' },
  runIf: { type: STRING, default: 'true', dynamic: true, description: 'Pebble condition rendered before the task runs; a falsy result (`false`, `0`, `-0`, empty) skips the task (SKIPPED).' },
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
    deprecated: { message: 'Trigger conditions are replaced by a `when` expression in Kestra 2.0.', replacement: 'when' },
    description: 'Conditions that must all hold for the trigger to fire.',
  },
  when: { type: STRING, dynamic: true, versions: { since: '2.0' }, description: 'Pebble condition; the trigger fires only when it renders truthy.' },
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
