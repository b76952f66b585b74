import type { PluginTypeDef } from '../types';
import {
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
  STRING_MAP,
  TASKS,
  legacyAliases,
} from '../common';

/** Tasks that call other flows or hold the execution: Subflow, Template, Pause, Sleep. */

export const CORE_FLOW_CONTROL: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.flow.Subflow',
    category: 'task',
    description:
      'Starts an execution of another flow, optionally waiting for it and passing on its final state. The child flow’s outputs come back as `outputs.<id>.outputs`.',
    properties: {
      namespace: { type: NAMESPACE, required: true, dynamic: true, description: 'Namespace of the flow to start.' },
      flowId: { type: FLOW_ID, required: true, dynamic: true, description: 'Id of the flow to start. A flow may not call itself.' },
      revision: { type: { kind: 'integer', minimum: 1 }, description: 'Revision of the child flow; the latest when omitted.' },
      inputs: { type: ANY_MAP, dynamic: true, description: 'Inputs of the child execution, keyed by input id.' },
      labels: { type: LABELS, description: 'Labels of the child execution (no `system.` keys).' },
      wait: { type: BOOLEAN, default: true, description: 'Wait until the child execution is finished.' },
      transmitFailed: {
        type: BOOLEAN,
        default: true,
        description: 'With `wait`, give this task the child’s FAILED, KILLED, WARNING or PAUSED state instead of SUCCESS.',
      },
      inheritLabels: { type: BOOLEAN, default: false, description: 'Copy the labels of this execution onto the child execution.' },
      outputs: {
        type: ANY_MAP,
        dynamic: true,
        versions: { removedIn: '2.0' },
        deprecated: { message: 'Declare `outputs` in the child flow and read `outputs.<id>.outputs.<outputId>` instead.' },
        description: 'Old way of extracting values from the child execution.',
      },
      scheduleDate: { type: DATE_TIME, dynamic: true, description: 'Start the child execution at this date instead of now.' },
    },
    outputs: {
      executionId: { type: STRING, description: 'Id of the child execution.' },
      state: { type: STRING, description: 'Final state of the child execution (only with `wait`).' },
      outputs: { type: ANY_MAP, description: 'Flow outputs declared by the child flow.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.flows.Subflow', 'io.kestra.core.tasks.flows.Flow'),
    example: 'namespace: company.team\nflowId: child\ninputs:\n  day: "{{ trigger.date }}"',
  },
  {
    type: 'io.kestra.plugin.core.flow.Template',
    category: 'task',
    description: 'Inlines the tasks of a stored template. Templates are disabled by default; use subflows instead.',
    properties: {
      namespace: { type: NAMESPACE, required: true, description: 'Namespace of the template.' },
      templateId: { type: STRING, required: true, description: 'Id of the template.' },
      args: { type: STRING_MAP, dynamic: true, description: 'Arguments made available to the template tasks.' },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      args: { type: STRING_MAP, description: 'The rendered arguments.' },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { ...FLOWABLE_BRANCH_LISTS },
    versions: { removedIn: '2.0' },
    deprecated: {
      message: 'Templates are deprecated: use a Subflow (`templateId` becomes `flowId`).',
      replacement: 'io.kestra.plugin.core.flow.Subflow',
    },
    aliases: legacyAliases('io.kestra.core.tasks.flows.Template'),
  },
  {
    type: 'io.kestra.plugin.core.flow.Pause',
    category: 'task',
    description:
      'Puts the execution in PAUSED until it is resumed from the UI or API, or until `pauseDuration` elapses and `behavior` applies.',
    properties: {
      pauseDuration: {
        type: DURATION,
        dynamic: true,
        description: 'How long to stay paused before `behavior` applies. Without it the pause lasts until someone resumes it.',
      },
      behavior: {
        type: { kind: 'enum', values: ['RESUME', 'WARN', 'FAIL', 'CANCEL'] },
        default: 'RESUME',
        dynamic: true,
        description:
          'What happens when `pauseDuration` elapses: continue, continue with a WARNING, fail the task, or cancel the execution.',
      },
      delay: {
        type: DURATION,
        dynamic: true,
        versions: { removedIn: '2.0' },
        deprecated: { message: '`delay` is the old name of `pauseDuration`.', replacement: 'pauseDuration' },
        description: 'Old name of `pauseDuration`.',
      },
      timeout: {
        type: DURATION,
        dynamic: true,
        description: 'Maximum time to wait for a manual resume; when no `pauseDuration` is set the Pause task fails once it is exceeded.',
      },
      onResume: {
        type: { kind: 'inputs' },
        description: 'Inputs asked for when resuming (same shape as flow inputs); read them as `outputs.<id>.onResume.<inputId>`.',
      },
      onPause: { type: { kind: 'task' }, description: 'A runnable task run when the execution is paused (e.g. to send a notification).' },
      tasks: {
        type: TASKS,
        versions: { removedIn: '2.0' },
        deprecated: { message: 'Put the tasks after the Pause task instead.' },
        description: 'Tasks run after the pause is resumed.',
      },
      ...FLOWABLE_BRANCHES,
    },
    outputs: {
      onResume: { type: ANY_MAP, description: 'Values given for the `onResume` inputs.' },
    },
    outputsComplete: true,
    flowable: true,
    childLists: { onPause: 'task', tasks: 'tasks', ...FLOWABLE_BRANCH_LISTS },
    aliases: legacyAliases('io.kestra.core.tasks.flows.Pause'),
    example: 'pauseDuration: PT1H\nbehavior: WARN',
  },
  {
    type: 'io.kestra.plugin.core.flow.Sleep',
    category: 'task',
    description: 'Waits for a fixed duration on the worker, then succeeds.',
    properties: {
      duration: { type: DURATION, required: true, description: 'How long to wait (ISO-8601, e.g. `PT5S`).' },
    },
    outputs: {},
    outputsComplete: true,
  },
];
