import type { PluginTypeDef, PropertyDef, PropertyMap, TypeAlias, ValueType } from '../types';
import { BOOLEAN, DATE_TIME, DURATION, FLOW_ID, LABELS, NAMESPACE, STATE_LIST, STRING, TASK_ID_PATTERN, legacyAliases } from '../common';

/**
 * Trigger conditions (`io.kestra.plugin.core.condition.*`, flow-model.md §5.9). Kestra 2.0 removed every one of
 * them, together with the `conditions` lists, in favour of `when` expressions (version-2.md §1.2, §1.8.4).
 */

const TIME: ValueType = { kind: 'string', format: 'time' };
const DAY_OF_WEEK: ValueType = {
  kind: 'enum',
  values: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
};
const CONDITION_LIST: ValueType = { kind: 'list', items: { kind: 'plugin', category: 'condition' }, minItems: 1 };
const REMOVED = { removedIn: '2.0' } as const;
const WHEN_NOTE = 'Removed in Kestra 2.0: express it in the trigger’s `when` (or a Flow trigger `dependsOn`).';

/** Shared time-window shape of MultipleCondition and Flow-trigger `preconditions` (flow-model.md §11 rule 24). */
export const TIME_WINDOW: ValueType = {
  kind: 'object',
  name: 'timeWindow',
  properties: {
    type: {
      type: { kind: 'enum', values: ['DAILY_TIME_DEADLINE', 'DAILY_TIME_WINDOW', 'DURATION_WINDOW', 'SLIDING_WINDOW'] },
      default: 'DURATION_WINDOW',
      description: 'Kind of window: a daily deadline, a daily time range, fixed-length windows, or a window sliding back from now.',
    },
    deadline: { type: TIME, description: 'Time of day by which the conditions must be met (DAILY_TIME_DEADLINE only).' },
    window: { type: DURATION, description: 'Length of the window (DURATION_WINDOW, SLIDING_WINDOW); one day by default.' },
    windowAdvance: { type: DURATION, description: 'Offset of the window start (DURATION_WINDOW only).' },
    startTime: { type: TIME, description: 'Start of the daily range (DAILY_TIME_WINDOW only).' },
    endTime: { type: TIME, description: 'End of the daily range (DAILY_TIME_WINDOW only).' },
  },
};

/** Both alias spellings of a condition: the old model package and the `…Condition` suffix in the new one. */
function conditionAliases(oldName: string, alsoInNewPackage = true): readonly TypeAlias[] {
  const names = [`io.kestra.core.models.conditions.types.${oldName}`];
  if (alsoInNewPackage) names.push(`io.kestra.plugin.core.condition.${oldName}`);
  return legacyAliases(...names);
}

function date(): PropertyDef {
  return {
    type: STRING,
    default: '{{ trigger.date }}',
    dynamic: true,
    description: 'Date the condition looks at; the trigger date by default.',
  };
}

function condition(
  name: string,
  description: string,
  properties: PropertyMap,
  aliases: readonly TypeAlias[],
  extra?: Partial<PluginTypeDef>,
): PluginTypeDef {
  return {
    type: `io.kestra.plugin.core.condition.${name}`,
    category: 'condition',
    description,
    properties,
    versions: REMOVED,
    replacedBy: { message: WHEN_NOTE },
    aliases,
    notes: [WHEN_NOTE],
    ...extra,
  };
}

export const CORE_CONDITION: readonly PluginTypeDef[] = [
  condition(
    'ExecutionFlow',
    'Matches when the execution that fired a Flow trigger belongs to the given flow.',
    {
      namespace: { type: NAMESPACE, required: true, description: 'Namespace of the upstream flow.' },
      flowId: { type: FLOW_ID, required: true, description: 'Id of the upstream flow.' },
    },
    conditionAliases('ExecutionFlowCondition'),
  ),
  condition(
    'ExecutionNamespace',
    'Matches when the upstream execution’s namespace equals, starts with or ends with the given value.',
    {
      namespace: { type: STRING, required: true, description: 'Namespace (or part of it) to compare with.' },
      comparison: { type: { kind: 'enum', values: ['EQUALS', 'PREFIX', 'SUFFIX'] }, description: 'How the namespace is compared.' },
      prefix: {
        type: BOOLEAN,
        default: false,
        description: 'Match namespaces starting with `namespace` (older switch; `comparison: PREFIX` does the same).',
      },
    },
    conditionAliases('ExecutionNamespaceCondition'),
  ),
  condition(
    'ExecutionStatus',
    'Matches on the state of the upstream execution.',
    {
      in: { type: STATE_LIST, description: 'Matches when the state is one of these.' },
      notIn: { type: STATE_LIST, description: 'Matches when the state is none of these.' },
    },
    conditionAliases('ExecutionStatusCondition'),
  ),
  condition(
    'ExecutionLabels',
    'Matches when the upstream execution carries all the given labels.',
    { labels: { type: LABELS, description: 'Labels that must all be present with these values.' } },
    conditionAliases('ExecutionLabelsCondition'),
  ),
  condition(
    'ExecutionOutputs',
    'Matches when an expression over the upstream execution’s flow outputs is truthy.',
    { expression: { type: STRING, required: true, dynamic: true, description: 'Pebble expression; the outputs are in scope.' } },
    conditionAliases('ExecutionOutputsCondition'),
  ),
  condition(
    'Expression',
    'Matches when a Pebble expression renders truthy.',
    { expression: { type: STRING, required: true, dynamic: true, description: 'Expression evaluated with the trigger context.' } },
    legacyAliases('io.kestra.core.models.conditions.types.VariableCondition', 'io.kestra.plugin.core.condition.ExpressionCondition'),
  ),
  condition(
    'HasRetryAttempt',
    'Matches when the upstream execution has a task attempt in one of the given states (i.e. was retried).',
    {
      in: { type: STATE_LIST, description: 'Attempt states that match.' },
      notIn: { type: STATE_LIST, description: 'Attempt states that do not match.' },
    },
    conditionAliases('HasRetryAttemptCondition'),
  ),
  condition(
    'DateTimeBetween',
    'Matches when a date falls between two instants.',
    {
      date: date(),
      after: { type: DATE_TIME, description: 'The date must be after this instant (ISO-8601 with offset).' },
      before: { type: DATE_TIME, description: 'The date must be before this instant (ISO-8601 with offset).' },
    },
    conditionAliases('DateTimeBetweenCondition'),
  ),
  condition(
    'TimeBetween',
    'Matches when the time of day of a date falls between two times.',
    {
      date: date(),
      after: { type: TIME, description: 'Earliest time of day, with an optional offset (e.g. `08:00:00+02:00`).' },
      before: { type: TIME, description: 'Latest time of day, with an optional offset.' },
    },
    conditionAliases('TimeBetweenCondition'),
  ),
  condition(
    'DayWeek',
    'Matches when a date is on the given day of the week.',
    { date: date(), dayOfWeek: { type: DAY_OF_WEEK, required: true, description: 'Day that matches.' } },
    conditionAliases('DayWeekCondition'),
  ),
  condition(
    'DayWeekInMonth',
    'Matches when a date is, for example, the first Monday or the last Friday of its month.',
    {
      date: date(),
      dayOfWeek: { type: DAY_OF_WEEK, required: true, description: 'Day of the week.' },
      dayInMonth: {
        type: { kind: 'enum', values: ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'LAST'] },
        required: true,
        description: 'Which occurrence of that day in the month.',
      },
    },
    conditionAliases('DayWeekInMonthCondition'),
  ),
  condition('Weekend', 'Matches when a date is a Saturday or a Sunday.', { date: date() }, conditionAliases('WeekendCondition')),
  condition(
    'PublicHoliday',
    'Matches when a date is a public holiday of a country (and optionally a region).',
    {
      date: date(),
      country: { type: STRING, description: 'ISO 3166 country code; the server locale country by default.' },
      subDivision: { type: STRING, description: 'Region code within the country, e.g. `IDF` for France.' },
    },
    conditionAliases('PublicHolidayCondition'),
  ),
  condition(
    'Not',
    'Matches when the listed conditions do not all match (it negates their conjunction).',
    { conditions: { type: CONDITION_LIST, required: true, description: 'Conditions to negate.' } },
    conditionAliases('NotCondition'),
  ),
  condition(
    'Or',
    'Matches when at least one of the listed conditions matches.',
    { conditions: { type: CONDITION_LIST, required: true, description: 'Alternative conditions.' } },
    conditionAliases('OrCondition'),
  ),
  condition(
    'MultipleCondition',
    'Matches once every named condition has matched at least once within the time window (several upstream flows, for instance).',
    {
      id: {
        type: { kind: 'string', pattern: TASK_ID_PATTERN },
        required: true,
        description: 'Id under which the partial results are stored.',
      },
      conditions: {
        type: { kind: 'map', values: { kind: 'plugin', category: 'condition' } },
        description: 'Named conditions that must all be met within the window.',
      },
      timeWindow: { type: TIME_WINDOW, description: 'Window in which the conditions must be met.' },
      resetOnSuccess: { type: BOOLEAN, default: true, description: 'Forget the partial results once the condition has matched.' },
      window: {
        type: DURATION,
        deprecated: { message: 'Use `timeWindow.window`.', replacement: 'timeWindow' },
        description: 'Old way of setting the window length.',
      },
      windowAdvance: {
        type: DURATION,
        deprecated: { message: 'Use `timeWindow.windowAdvance`.', replacement: 'timeWindow' },
        description: 'Old way of setting the window offset.',
      },
    },
    conditionAliases('MultipleCondition', false),
    { notes: [WHEN_NOTE, 'Not supported on Webhook triggers.'] },
  ),
  condition(
    'FlowCondition',
    'Matches when the upstream execution belongs to the given flow. Superseded by ExecutionFlow.',
    {
      namespace: { type: NAMESPACE, description: 'Namespace of the upstream flow.' },
      flowId: { type: FLOW_ID, description: 'Id of the upstream flow.' },
    },
    conditionAliases('FlowCondition', false),
    { deprecated: { message: 'Use ExecutionFlow.', replacement: 'io.kestra.plugin.core.condition.ExecutionFlow' } },
  ),
  condition(
    'FlowNamespaceCondition',
    'Matches when the upstream execution belongs to the given namespace. Superseded by ExecutionNamespace.',
    {
      namespace: { type: STRING, description: 'Namespace to compare with.' },
      prefix: { type: BOOLEAN, default: false, description: 'Also match namespaces starting with `namespace`.' },
    },
    conditionAliases('FlowNamespaceCondition', false),
    { deprecated: { message: 'Use ExecutionNamespace.', replacement: 'io.kestra.plugin.core.condition.ExecutionNamespace' } },
  ),
];
