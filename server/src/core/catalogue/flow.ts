import type { PropertyMap, ValueType } from './types';
import {
  ANY,
  ANY_MAP,
  BOOLEAN,
  DURATION,
  FLOW_ID_PATTERN,
  INPUT_ID_PATTERN,
  LABELS,
  NAMESPACE_PATTERN,
  STRING,
  STRING_LIST,
  TASKS,
  WORKER_GROUP,
} from './common';

/** Top-level keys of a flow (flow-model.md §1, version-2.md §1.1). */

const PLUGIN_DEFAULT: ValueType = {
  kind: 'object',
  name: 'pluginDefault',
  properties: {
    type: {
      type: STRING,
      required: true,
      description: 'Plugin type the defaults apply to, or a prefix such as `io.kestra.plugin.scripts` to cover a whole family.',
    },
    values: {
      type: ANY_MAP,
      required: true,
      description: 'Properties merged into every matching task, trigger, condition or task runner.',
    },
    forced: {
      type: BOOLEAN,
      default: false,
      description: 'When true the defaults override what the plugin sets; otherwise the plugin’s own values win.',
    },
  },
};

const SLA: ValueType = {
  kind: 'object',
  name: 'sla',
  properties: {
    id: { type: STRING, required: true, description: 'Id of the SLA.' },
    type: {
      type: { kind: 'enum', values: ['MAX_DURATION', 'EXECUTION_ASSERTION'] },
      required: true,
      description: '`MAX_DURATION` (needs `duration`) or `EXECUTION_ASSERTION` (needs `assert`).',
    },
    behavior: {
      type: { kind: 'enum', values: ['FAIL', 'CANCEL', 'NONE'] },
      required: true,
      description: 'What happens to an execution that breaks the SLA.',
    },
    duration: { type: DURATION, description: 'Longest an execution may run (MAX_DURATION).' },
    assert: { type: STRING, dynamic: true, description: 'Pebble expression that must stay truthy (EXECUTION_ASSERTION).' },
    labels: { type: LABELS, description: 'Labels added to an execution that breaks the SLA (no `system.` keys).' },
  },
};

/**
 * A flow check. `condition` was renamed `when` in 2.0, the old name staying accepted as a deprecated alias; `when`
 * does not parse on 1.3. Modelled as two properties: `condition` (1.3 only, required there) and `when` (2.0+,
 * required) whose alias `condition` is accepted from 2.0 as a deprecation. The analyser must therefore prefer
 * an alias of a property that exists in the target over a same-named property that does not.
 */
const CHECK: ValueType = {
  kind: 'object',
  name: 'check',
  properties: {
    condition: {
      type: STRING,
      required: true,
      dynamic: true,
      versions: { removedIn: '2.0' },
      description: 'Pebble condition checked before the execution is created; the check fails when it is falsy.',
    },
    when: {
      type: STRING,
      required: true,
      dynamic: true,
      versions: { since: '2.0' },
      aliases: [{ name: 'condition', versions: { since: '2.0' } }],
      description: 'Pebble condition checked before the execution is created; the check fails when it is falsy.',
    },
    message: { type: STRING, required: true, dynamic: true, description: 'Message shown when the check fails.' },
    style: {
      type: { kind: 'enum', values: ['ERROR', 'SUCCESS', 'WARNING', 'INFO'] },
      default: 'INFO',
      description: 'How the message is displayed.',
    },
    behavior: {
      type: { kind: 'enum', values: ['BLOCK_EXECUTION', 'FAIL_EXECUTION', 'CREATE_EXECUTION'] },
      default: 'BLOCK_EXECUTION',
      description: 'On failure: create no execution, create it already FAILED, or create it anyway.',
    },
  },
};

const QUOTA: ValueType = {
  kind: 'object',
  name: 'quota',
  properties: {
    duration: {
      type: DURATION,
      required: true,
      description: 'Window length (ISO-8601, at least `PT1M`, no weeks); one quota per duration.',
    },
    limit: { type: { kind: 'integer', minimum: 1 }, required: true, description: 'Executions allowed per window.' },
    behavior: { type: { kind: 'enum', values: ['CANCEL', 'FAIL'] }, description: 'What happens to executions beyond the limit.' },
  },
};

const LISTENER: ValueType = {
  kind: 'object',
  name: 'listener',
  properties: {
    description: { type: STRING, description: 'Documentation of the listener.' },
    conditions: {
      type: { kind: 'list', items: { kind: 'plugin', category: 'condition' } },
      description: 'Conditions the finished execution must meet.',
    },
    tasks: { type: TASKS, description: 'Tasks run after a matching execution ends.' },
  },
};

export const FLOW_PROPERTIES: PropertyMap = {
  id: {
    type: { kind: 'string', pattern: FLOW_ID_PATTERN, minLength: 1, maxLength: 100 },
    required: true,
    description: 'Flow id: letters, digits, `.`, `_`, `-`, at most 100 characters. It cannot change once the flow exists.',
  },
  namespace: {
    type: { kind: 'string', pattern: NAMESPACE_PATTERN, minLength: 1, maxLength: 150 },
    required: true,
    description: 'Lower-case, dot-separated namespace, at most 150 characters. It cannot change once the flow exists.',
  },
  revision: { type: { kind: 'integer', minimum: 1 }, description: 'Revision number, normally set by the server.' },
  description: { type: STRING, description: 'Markdown documentation of the flow.' },
  labels: {
    type: LABELS,
    description: 'Labels copied to every execution. Keys starting with `system.` are reserved (except `system.readOnly`).',
  },
  inputs: { type: { kind: 'inputs' }, description: 'Parameters of the flow, read as `{{ inputs.<id> }}`.' },
  variables: {
    type: { kind: 'map', values: ANY },
    description: 'Constants read as `{{ vars.<key> }}` (not rendered recursively; use `render()`).',
  },
  tasks: { type: { kind: 'tasks', minItems: 1 }, required: true, description: 'Main list of tasks, run in order.' },
  errors: { type: TASKS, description: 'Tasks run when a task of `tasks` fails for good. They do not change the final state.' },
  finally: { type: TASKS, description: 'Tasks always run at the end, while the execution is still RUNNING, whatever the outcome.' },
  afterExecution: {
    type: TASKS,
    description: 'Tasks run once the execution has reached its final state (`{{ execution.state }}` is available); they cannot change it.',
  },
  listeners: {
    type: { kind: 'list', items: LISTENER },
    // verify: the sheets say listeners left the model during 1.x; the brief keeps them accepted (deprecated) up to 1.3.
    versions: { removedIn: '2.0' },
    deprecated: { message: 'Listeners are deprecated: use a separate flow with a Flow trigger.' },
    description: 'Tasks run after executions that match conditions.',
  },
  triggers: { type: { kind: 'list', items: { kind: 'plugin', category: 'trigger' } }, description: 'What starts the flow automatically.' },
  pluginDefaults: {
    type: { kind: 'list', items: PLUGIN_DEFAULT },
    versions: { removedIn: '2.0' },
    aliases: [{ name: 'taskDefaults', versions: { removedIn: '2.0' } }],
    replacedBy: {
      message: 'Kestra 2.0 removed pluginDefaults from flows: write the values on every matching task (Enterprise Edition: policies).',
    },
    description:
      'Default property values for plugins of a type (or type prefix) used in this flow. Kestra 2.0 removed them (EE: policies).',
  },
  concurrency: {
    type: {
      kind: 'object',
      name: 'concurrency',
      properties: {
        limit: { type: { kind: 'integer', minimum: 1 }, required: true, description: 'Maximum number of executions running at once.' },
        behavior: {
          type: { kind: 'enum', values: ['QUEUE', 'CANCEL', 'FAIL'] },
          default: 'QUEUE',
          description: 'What happens to an execution over the limit: wait in QUEUED, end CANCELLED, or end FAILED.',
        },
      },
    },
    description: 'Limit on simultaneous executions of this flow.',
  },
  outputs: { type: { kind: 'outputs' }, description: 'Values published at the end of the execution, for parent flows and Flow triggers.' },
  retry: { type: { kind: 'retry' }, description: 'Retry policy for failing tasks that have none of their own.' },
  sla: { type: { kind: 'list', items: SLA }, description: 'Service-level agreements checked on each execution (beta).' },
  checks: {
    type: { kind: 'list', items: CHECK },
    description: 'Conditions checked before an execution is created, with a message when they fail.',
  },
  disabled: { type: BOOLEAN, default: false, description: 'A disabled flow cannot be executed and its triggers do not fire.' },
  deleted: { type: BOOLEAN, default: false, description: 'Soft-delete marker managed by the server.' },
  workerGroup: {
    type: WORKER_GROUP,
    // verify: task-level `workerGroup` became `workerSelector` in 2.0; the flow-level key is assumed to follow.
    versions: { removedIn: '2.0' },
    description: 'Enterprise Edition worker group for every task of the flow.',
  },
  policyRefs: { type: STRING_LIST, versions: { since: '2.0' }, description: 'Enterprise Edition policies applied to the flow.' },
  quotas: {
    type: { kind: 'list', items: QUOTA },
    versions: { since: '2.0' },
    description: 'Enterprise Edition limits on how many executions may be created per time window.',
  },
};

/** Keys of a flow output (flow-model.md §1.2); also used for Loop `outputs`. */
export const FLOW_OUTPUT_PROPERTIES: PropertyMap = {
  id: { type: { kind: 'string', pattern: INPUT_ID_PATTERN }, required: true, description: 'Output id; dots create nested maps.' },
  type: {
    type: STRING,
    required: true,
    description: 'Input type the value is converted to (`STRING`, `INT`, `JSON`…). Kestra 2.1 rejects input-only types such as `SELECT`.',
  },
  value: { type: ANY, required: true, dynamic: true, description: 'Value, rendered with Pebble when the execution ends.' },
  description: { type: STRING, description: 'Documentation of the output.' },
  displayName: { type: STRING, description: 'Label shown in the UI.' },
  required: { type: BOOLEAN, default: true, description: 'Whether the output must have a value.' },
};
