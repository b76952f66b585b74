import type { PluginTypeDef, ValueType } from '../types';
import { ANY, ANY_MAP, BOOLEAN, DATE_TIME, DURATION, FLOW_ID, LABELS, NAMESPACE, STRING, STRING_LIST, legacyAliases } from '../common';
import { HTTP_REQUEST_PROPERTIES, HTTP_RESPONSE_OUTPUTS } from './core-http';

/** Schedule, ScheduleOnDates, Webhook and the polling HTTP trigger, plus the Toggle task. The Flow trigger has its own file. */

const TIMEZONE: ValueType = { kind: 'string', format: 'timezone' };
const RECOVER_MISSED: ValueType = { kind: 'enum', values: ['LAST', 'NONE', 'ALL'] };
const MULTI_VALUE_MAP: ValueType = { kind: 'map', values: STRING_LIST };

export const CORE_TRIGGER: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.trigger.Schedule',
    category: 'trigger',
    description: 'Starts an execution at every date matched by a cron expression.',
    properties: {
      cron: {
        type: { kind: 'string', format: 'cron' },
        required: true,
        description:
          'Cron expression: five fields (minute hour day-of-month month day-of-week), six with `withSeconds`, or a nickname such as `@daily`.',
      },
      withSeconds: { type: BOOLEAN, default: false, description: 'Read `cron` as six fields, the first one being seconds.' },
      timezone: { type: TIMEZONE, description: 'Time zone id the cron is evaluated in (e.g. `Europe/Paris`); the server zone by default.' },
      inputs: { type: ANY_MAP, dynamic: true, description: 'Inputs of the executions, keyed by input id.' },
      lateMaximumDelay: { type: DURATION, description: 'Skip a scheduled date when the execution would start later than this after it.' },
      recoverMissedSchedules: {
        type: RECOVER_MISSED,
        description:
          'Dates missed while the scheduler was down: run them all, only the last one, or none. Server configuration decides by default.',
      },
      scheduleConditions: {
        type: { kind: 'list', items: { kind: 'plugin', category: 'condition' } },
        versions: { removedIn: '2.0' },
        deprecated: { message: 'Use `conditions` (or `when` in Kestra 2.0).', replacement: 'conditions' },
        description: 'Old name of the date conditions of the schedule.',
      },
      backfill: {
        type: {
          kind: 'object',
          name: 'backfill',
          // verify: the backfill object's full key set is not in the sheets; start/end/labels are the documented ones.
          properties: {
            start: { type: DATE_TIME, required: true, description: 'First date to replay.' },
            end: { type: DATE_TIME, description: 'Last date to replay; up to now when omitted.' },
            labels: { type: LABELS, description: 'Labels of the backfill executions.' },
          },
        },
        versions: { removedIn: '2.0' },
        deprecated: { message: 'Backfills are started from the UI or API, not from the flow source.' },
        description: 'Replay past schedule dates from a start date.',
      },
    },
    outputs: {
      date: { type: DATE_TIME, description: 'The scheduled date of this execution.' },
      next: { type: DATE_TIME, description: 'The next scheduled date.' },
      previous: { type: DATE_TIME, description: 'The previous scheduled date.' },
      // verify: listed by the 2.x docs only.
      timestamp: { type: STRING, versions: { since: '2.0' }, description: 'The scheduled date as a timestamp.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.models.triggers.types.Schedule'),
    example: 'cron: "0 9 * * MON-FRI"\ntimezone: Europe/Paris',
  },
  {
    type: 'io.kestra.plugin.core.trigger.ScheduleOnDates',
    category: 'trigger',
    description: 'Starts one execution at each of the listed dates.',
    properties: {
      dates: {
        type: { kind: 'list', items: DATE_TIME },
        required: true,
        dynamic: true,
        description: 'Dates (ISO-8601 with zone) at which to start an execution.',
      },
      timezone: { type: TIMEZONE, dynamic: true, description: 'Time zone used for dates without one.' },
      inputs: { type: ANY_MAP, dynamic: true, description: 'Inputs of the executions, keyed by input id.' },
      recoverMissedSchedules: { type: RECOVER_MISSED, description: 'What to do with dates missed while the scheduler was down.' },
    },
    // verify: no `trigger.*` variables in 0.21; newer lines may expose the date.
    outputs: {},
    outputsComplete: false,
  },
  {
    type: 'io.kestra.plugin.core.trigger.Webhook',
    category: 'trigger',
    description:
      'Starts an execution when a request reaches `/api/v1/[main/]executions/webhook/{namespace}/{flowId}/{key}` (GET, POST or PUT).',
    properties: {
      key: {
        type: { kind: 'string', minLength: 1, maxLength: 256 },
        required: true,
        dynamic: true,
        description: 'Secret part of the webhook URL (256 characters at most). Treat it like a password.',
      },
      // verify: `inputs` is documented for 1.x/2.x webhooks; absent from the 0.21 snapshot. Newer `wait`,
      // `returnOutputs`, `fetchType` are not modelled (release not pinned).
      inputs: { type: ANY_MAP, dynamic: true, description: 'Inputs of the executions, keyed by input id; may use `trigger.body`.' },
    },
    outputs: {
      body: { type: ANY, description: 'Request body: parsed JSON object or array when possible, else the raw text.' },
      headers: { type: MULTI_VALUE_MAP, description: 'Request headers (each one a list of values).' },
      parameters: { type: MULTI_VALUE_MAP, description: 'Query parameters (each one a list of values).' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.models.triggers.types.Webhook'),
    notes: ['Responds 404 for an unknown key, 200 when an execution is created, 204 when the conditions are not met.'],
    example: 'key: "{{ secret(\'WEBHOOK_KEY\') }}"',
  },
  {
    type: 'io.kestra.plugin.core.http.Trigger',
    category: 'trigger',
    description: 'Polls a URL every `interval` and starts an execution when `responseCondition` is truthy for the response.',
    properties: {
      ...HTTP_REQUEST_PROPERTIES,
      interval: { type: DURATION, default: 'PT60S', description: 'Time between two requests.' },
      responseCondition: {
        type: STRING,
        default: '{{ response.statusCode < 400 }}',
        dynamic: true,
        description: 'Pebble condition over `response` (status code, headers, body) deciding whether to fire.',
      },
    },
    outputs: HTTP_RESPONSE_OUTPUTS,
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.plugin.fs.http.Trigger'),
  },
  {
    type: 'io.kestra.plugin.core.trigger.Toggle',
    category: 'task',
    description: 'Task that enables or disables a trigger of a flow (the current flow by default).',
    properties: {
      namespace: { type: NAMESPACE, dynamic: true, description: 'Namespace of the flow holding the trigger.' },
      flowId: { type: FLOW_ID, dynamic: true, description: 'Id of the flow holding the trigger.' },
      trigger: { type: STRING, required: true, dynamic: true, description: 'Id of the trigger to change.' },
      enabled: { type: BOOLEAN, default: false, dynamic: true, description: 'State to put the trigger in.' },
    },
    outputs: {},
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    aliases: legacyAliases('io.kestra.core.tasks.trigger.Toggle'),
    replacedBy: { message: 'Removed from core in Kestra 2.0; use `io.kestra.plugin.kestra.triggers.Toggle`.' },
    notes: ['Removed from core in Kestra 2.0; use `io.kestra.plugin.kestra.triggers.Toggle`.'],
  },
];
