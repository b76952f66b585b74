import type { PluginTypeDef, ValueType } from '../types';
import {
  ANY_MAP,
  BOOLEAN,
  DATE_TIME,
  DURATION,
  FLOW_ID,
  INTEGER,
  LABELS,
  NAMESPACE,
  STATE_LIST,
  STRING,
  STRING_LIST,
  STRING_MAP,
  TASK_ID_PATTERN,
} from '../common';
import { TIME_WINDOW } from './core-condition';

/**
 * The Flow trigger, in both shapes: 1.3 (`conditions` + `preconditions`) and 2.0 (`dependsOn` + `window` + `mode`),
 * see flow-model.md §5.8 and version-2.md §4.
 */

const TIME: ValueType = { kind: 'string', format: 'time' };

const PRECONDITION_FILTER: ValueType = {
  kind: 'object',
  name: 'preconditionFilter',
  properties: {
    field: {
      type: { kind: 'enum', values: ['FLOW_ID', 'NAMESPACE', 'STATE', 'EXPRESSION'] },
      required: true,
      description: 'What the filter looks at.',
    },
    type: {
      type: {
        kind: 'enum',
        values: [
          'EQUAL_TO',
          'NOT_EQUAL_TO',
          'IN',
          'NOT_IN',
          'IS_TRUE',
          'IS_FALSE',
          'IS_NULL',
          'IS_NOT_NULL',
          'STARTS_WITH',
          'ENDS_WITH',
          'REGEX',
          'CONTAINS',
        ],
      },
      required: true,
      description: 'Comparison. `IN`/`NOT_IN` need `values`; the other comparisons need `value`.',
    },
    value: { type: STRING, description: 'Value compared with (single-value comparisons).' },
    values: { type: STRING_LIST, description: 'Values compared with (`IN`, `NOT_IN`).' },
  },
};

const PRECONDITIONS: ValueType = {
  kind: 'object',
  name: 'preconditions',
  properties: {
    id: {
      type: { kind: 'string', pattern: TASK_ID_PATTERN },
      required: true,
      description: 'Id under which the partial results are stored.',
    },
    timeWindow: { type: TIME_WINDOW, description: 'Window in which all the upstream flows must have matched.' },
    resetOnSuccess: { type: BOOLEAN, default: true, description: 'Forget the matched flows once the trigger has fired.' },
    flows: {
      type: {
        kind: 'list',
        items: {
          kind: 'object',
          name: 'upstreamFlow',
          properties: {
            namespace: { type: NAMESPACE, required: true, description: 'Namespace of the upstream flow.' },
            flowId: { type: FLOW_ID, description: 'Id of the upstream flow; any flow of the namespace when omitted.' },
            states: { type: STATE_LIST, description: 'States of the upstream execution that count.' },
            labels: { type: LABELS, description: 'Labels the upstream execution must carry.' },
          },
        },
      },
      description: 'Upstream flows that must all have finished (in the window) before the trigger fires.',
    },
    where: {
      type: {
        kind: 'list',
        items: {
          kind: 'object',
          name: 'where',
          properties: {
            id: { type: { kind: 'string', pattern: TASK_ID_PATTERN }, required: true, description: 'Id of this filter group.' },
            operand: {
              type: { kind: 'enum', values: ['AND', 'OR'] },
              default: 'AND',
              description: 'How the filters of the group combine.',
            },
            filters: {
              type: { kind: 'list', items: PRECONDITION_FILTER },
              required: true,
              description: 'Filters on the upstream execution.',
            },
          },
        },
      },
      description: 'Extra filter groups on the upstream executions; each group must match.',
    },
  },
};

const DEPENDENCY: ValueType = {
  kind: 'object',
  name: 'dependsOn',
  properties: {
    namespace: { type: NAMESPACE, description: 'Namespace of the upstream flow (exact match; use `when` for prefixes).' },
    flowId: { type: FLOW_ID, description: 'Id of the upstream flow; any flow when omitted.' },
    states: { type: STATE_LIST, description: 'Upstream states that satisfy this entry (narrows the trigger-level `states`).' },
    labels: { type: STRING_MAP, description: 'Labels the upstream execution must all carry.' },
    when: {
      type: STRING,
      default: 'true',
      dynamic: true,
      description: 'Extra Pebble filter for this entry; `flow.namespace` and `flow.id` describe the upstream flow.',
    },
  },
};

const WINDOW: ValueType = {
  kind: 'object',
  name: 'window',
  properties: {
    deadline: { type: TIME, description: 'Daily deadline (time of day) by which the dependencies must be met.' },
    from: { type: TIME, description: 'Start of a daily time range (with `to`).' },
    to: { type: TIME, description: 'End of a daily time range (with `from`).' },
    every: { type: DURATION, description: 'Length of consecutive fixed windows.' },
    offset: { type: DURATION, description: 'Shift of the fixed windows (with `every`).' },
    lookback: { type: DURATION, description: 'Sliding window reaching back this far from now.' },
    timezone: {
      type: { kind: 'string', format: 'timezone' },
      description: 'Zone of the times above; the server zone by default (ignored by `lookback`).',
    },
  },
};

export const CORE_TRIGGER_FLOW: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.trigger.Flow',
    category: 'trigger',
    description:
      'Starts an execution when executions of other flows reach given states: reacts to upstream flows, possibly waiting for several of them.',
    properties: {
      inputs: {
        type: ANY_MAP,
        dynamic: true,
        description: 'Inputs of the new execution; may use the upstream flow outputs (`trigger.outputs…`).',
      },
      states: {
        type: STATE_LIST,
        description: 'Upstream states that are considered (CREATED is not allowed). Default: every terminal state (plus PAUSED in 2.x).',
      },
      preconditions: {
        type: PRECONDITIONS,
        versions: { removedIn: '2.0' },
        // Not deprecated on 1.3 (it is the current way there), so no `deprecated`: 2.0 simply rejects it.
        description:
          'Upstream flows and filters that must all be satisfied within a time window. Replaced by `dependsOn` and `window` in 2.0.',
      },
      dependsOn: {
        type: { kind: 'list', items: DEPENDENCY },
        versions: { since: '2.0' },
        description: 'Upstream dependencies. Without it the trigger reacts to every execution that passes `states` and `when`.',
      },
      window: {
        type: WINDOW,
        versions: { since: '2.0' },
        description:
          'Window in which the dependencies must be met: one of `deadline`, `from`+`to`, `every` (+`offset`) or `lookback`. One day by default.',
      },
      mode: {
        type: { kind: 'enum', values: ['ALL', 'ANY', 'AT_LEAST'] },
        default: 'ALL',
        versions: { since: '2.0' },
        description: 'Fire when all dependencies, any one of them, or at least `minSatisfied` of them are met.',
      },
      minSatisfied: {
        type: { kind: 'integer', minimum: 1 },
        versions: { since: '2.0' },
        description: 'Number of dependencies needed with `mode: AT_LEAST` (at most the number of entries).',
      },
      // verify: `onMiss` and `window.fireOnce` appear in some 2.0 docs but not in the GA sources; not modelled.
    },
    outputs: {
      executionId: { type: STRING, description: 'Id of the (last) upstream execution.' },
      namespace: { type: STRING, description: 'Namespace of the upstream flow.' },
      flowId: { type: STRING, description: 'Id of the upstream flow.' },
      flowRevision: { type: INTEGER, description: 'Revision of the upstream flow.' },
      state: { type: STRING, description: 'State the upstream execution reached.' },
      executionLabels: { type: ANY_MAP, description: 'Labels of the upstream execution.' },
      startDate: { type: DATE_TIME, description: 'Start date of the upstream execution.' },
      endDate: { type: DATE_TIME, description: 'End date of the upstream execution.' },
      firstFailedTaskId: { type: STRING, description: 'Id of the first task that failed upstream, if any.' },
      lastTaskId: { type: STRING, description: 'Id of the last task run upstream.' },
      outputs: {
        type: ANY_MAP,
        description:
          'Flow outputs of the upstream executions; in 2.x scoped by flow id (`trigger.outputs.<flowId>.<key>`) when there are several dependencies.',
      },
    },
    outputsComplete: true,
    aliases: [{ name: 'io.kestra.core.models.triggers.types.Flow', versions: { removedIn: '2.0' } }],
    notes: [
      'Without `conditions`/`preconditions` (1.x) or `dependsOn` (2.x) the trigger fires after every execution of the tenant.',
      'Kestra 2.0 replaced `conditions` and `preconditions` with `dependsOn`, `window` and `mode`.',
    ],
    example: 'dependsOn:\n  - namespace: company.team\n    flowId: upstream\n    states: [SUCCESS]',
  },
];
