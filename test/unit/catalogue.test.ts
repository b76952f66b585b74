import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalogue } from '../../server/src/core/catalogue';
import type { PluginTypeDef, PropertyMap, ValueType } from '../../server/src/core/catalogue';
import { COMMON_TASK_PROPERTIES, COMMON_TRIGGER_PROPERTIES } from '../../server/src/core/catalogue/common';
import { COMMON_INPUT_PROPERTIES, INPUT_TYPES } from '../../server/src/core/catalogue/inputs';
import { COMMON_RETRY_PROPERTIES, RETRY_TYPES } from '../../server/src/core/catalogue/retry';
import { FLOW_OUTPUT_PROPERTIES, FLOW_PROPERTIES } from '../../server/src/core/catalogue/flow';
import { existsIn } from '../../server/src/core/versions';

const catalogue = builtinCatalogue();

const OLD = 'io.kestra.core.models.conditions.types.';
const NEW = 'io.kestra.plugin.core.condition.';

/** Every row of flow-model.md §7: old name → canonical type. */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['io.kestra.core.tasks.log.Log', 'io.kestra.plugin.core.log.Log'],
  ['io.kestra.core.tasks.log.Fetch', 'io.kestra.plugin.core.log.Fetch'],
  ['io.kestra.core.tasks.debugs.Echo', 'io.kestra.plugin.core.debug.Echo'],
  ['io.kestra.core.tasks.debugs.Return', 'io.kestra.plugin.core.debug.Return'],
  ['io.kestra.core.tasks.executions.Counts', 'io.kestra.plugin.core.execution.Count'],
  ['io.kestra.core.tasks.executions.Fail', 'io.kestra.plugin.core.execution.Fail'],
  ['io.kestra.core.tasks.executions.Labels', 'io.kestra.plugin.core.execution.Labels'],
  ['io.kestra.core.tasks.storages.Purge', 'io.kestra.plugin.core.execution.PurgeExecutions'],
  ['io.kestra.plugin.core.storage.Purge', 'io.kestra.plugin.core.execution.PurgeExecutions'],
  ['io.kestra.core.tasks.flows.AllowFailure', 'io.kestra.plugin.core.flow.AllowFailure'],
  ['io.kestra.core.tasks.flows.Dag', 'io.kestra.plugin.core.flow.Dag'],
  ['io.kestra.core.tasks.flows.EachParallel', 'io.kestra.plugin.core.flow.EachParallel'],
  ['io.kestra.core.tasks.flows.EachSequential', 'io.kestra.plugin.core.flow.EachSequential'],
  ['io.kestra.core.tasks.flows.ForEachItem', 'io.kestra.plugin.core.flow.ForEachItem'],
  ['io.kestra.core.tasks.flows.If', 'io.kestra.plugin.core.flow.If'],
  ['io.kestra.core.tasks.flows.Parallel', 'io.kestra.plugin.core.flow.Parallel'],
  ['io.kestra.core.tasks.flows.Pause', 'io.kestra.plugin.core.flow.Pause'],
  ['io.kestra.core.tasks.flows.Sequential', 'io.kestra.plugin.core.flow.Sequential'],
  ['io.kestra.core.tasks.flows.Subflow', 'io.kestra.plugin.core.flow.Subflow'],
  ['io.kestra.core.tasks.flows.Flow', 'io.kestra.plugin.core.flow.Subflow'],
  ['io.kestra.core.tasks.flows.Switch', 'io.kestra.plugin.core.flow.Switch'],
  ['io.kestra.core.tasks.flows.Template', 'io.kestra.plugin.core.flow.Template'],
  ['io.kestra.core.tasks.flows.WorkingDirectory', 'io.kestra.plugin.core.flow.WorkingDirectory'],
  ['io.kestra.core.tasks.flows.Worker', 'io.kestra.plugin.core.flow.WorkingDirectory'],
  ['io.kestra.plugin.fs.http.Download', 'io.kestra.plugin.core.http.Download'],
  ['io.kestra.plugin.fs.http.Request', 'io.kestra.plugin.core.http.Request'],
  ['io.kestra.plugin.fs.http.Trigger', 'io.kestra.plugin.core.http.Trigger'],
  ['io.kestra.core.tasks.states.Delete', 'io.kestra.plugin.core.state.Delete'],
  ['io.kestra.core.tasks.states.Get', 'io.kestra.plugin.core.state.Get'],
  ['io.kestra.core.tasks.states.Set', 'io.kestra.plugin.core.state.Set'],
  ['io.kestra.core.tasks.storages.Concat', 'io.kestra.plugin.core.storage.Concat'],
  ['io.kestra.core.tasks.storages.DeduplicateItems', 'io.kestra.plugin.core.storage.DeduplicateItems'],
  ['io.kestra.core.tasks.storages.Delete', 'io.kestra.plugin.core.storage.Delete'],
  ['io.kestra.core.tasks.storages.FilterItems', 'io.kestra.plugin.core.storage.FilterItems'],
  ['io.kestra.core.tasks.storages.LocalFiles', 'io.kestra.plugin.core.storage.LocalFiles'],
  ['io.kestra.core.tasks.storages.PurgeExecution', 'io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles'],
  ['io.kestra.plugin.core.storage.PurgeExecution', 'io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles'],
  ['io.kestra.core.tasks.storages.Reverse', 'io.kestra.plugin.core.storage.Reverse'],
  ['io.kestra.core.tasks.storages.Size', 'io.kestra.plugin.core.storage.Size'],
  ['io.kestra.core.tasks.storages.Split', 'io.kestra.plugin.core.storage.Split'],
  ['io.kestra.core.tasks.templating.TemplatedTask', 'io.kestra.plugin.core.templating.TemplatedTask'],
  ['io.kestra.core.tasks.trigger.Toggle', 'io.kestra.plugin.core.trigger.Toggle'],
  ['io.kestra.core.models.triggers.types.Flow', 'io.kestra.plugin.core.trigger.Flow'],
  ['io.kestra.core.models.triggers.types.Schedule', 'io.kestra.plugin.core.trigger.Schedule'],
  ['io.kestra.core.models.triggers.types.Webhook', 'io.kestra.plugin.core.trigger.Webhook'],
  ...(
    [
      'DateTimeBetween',
      'DayWeek',
      'DayWeekInMonth',
      'ExecutionFlow',
      'ExecutionLabels',
      'ExecutionNamespace',
      'ExecutionOutputs',
      'ExecutionStatus',
      'HasRetryAttempt',
      'Not',
      'Or',
      'PublicHoliday',
      'TimeBetween',
      'Weekend',
    ] as const
  ).flatMap(
    (name) =>
      [
        [`${OLD}${name}Condition`, `${NEW}${name}`],
        [`${NEW}${name}Condition`, `${NEW}${name}`],
      ] as const,
  ),
  [`${OLD}VariableCondition`, `${NEW}Expression`],
  [`${NEW}ExpressionCondition`, `${NEW}Expression`],
  [`${OLD}FlowCondition`, `${NEW}FlowCondition`],
  [`${OLD}FlowNamespaceCondition`, `${NEW}FlowNamespaceCondition`],
  [`${OLD}MultipleCondition`, `${NEW}MultipleCondition`],
  // Not in §7 (declared on LoopUntil itself): WaitFor.
  ['io.kestra.plugin.core.flow.WaitFor', 'io.kestra.plugin.core.flow.LoopUntil'],
];

function def(type: string): PluginTypeDef {
  const resolution = catalogue.resolve(type, '2.0') ?? catalogue.resolve(type, '1.3');
  assert.ok(resolution, `${type} is in the catalogue`);
  assert.equal(resolution.alias, undefined, `${type} is a canonical name`);
  return resolution.def;
}

/** Visits every PropertyDef reachable from a property map, nested object shapes included. */
function walkProperties(map: PropertyMap, path: string, visit: (path: string, description: string) => void): void {
  for (const [name, prop] of Object.entries(map)) {
    visit(`${path}.${name}`, prop.description);
    walkType(prop.type, `${path}.${name}`, visit);
  }
}

function walkType(type: ValueType, path: string, visit: (path: string, description: string) => void): void {
  switch (type.kind) {
    case 'object':
      walkProperties(type.properties, path, visit);
      return;
    case 'list':
      walkType(type.items, `${path}[]`, visit);
      return;
    case 'map':
      walkType(type.values, `${path}{}`, visit);
      return;
    case 'union':
      type.types.forEach((t, i) => walkType(t, `${path}|${i}`, visit));
      return;
    default:
      return;
  }
}

test('every alias of flow-model §7 resolves to its canonical type on 1.3 and is gone on 2.0', () => {
  for (const [alias, canonical] of ALIASES) {
    const old = catalogue.resolve(alias, '1.3');
    assert.ok(old, `${alias} resolves`);
    assert.equal(old.def.type, canonical, `${alias} → ${canonical}`);
    assert.equal(old.alias, alias);
    assert.equal(old.existsInTarget, true, `${alias} is accepted by 1.3`);
    const next = catalogue.resolve(alias, '2.0');
    assert.ok(next);
    assert.equal(next.existsInTarget, false, `${alias} is rejected by 2.0`);
  }
});

test('aliases resolve case-insensitively', () => {
  assert.equal(catalogue.resolve('IO.KESTRA.CORE.TASKS.LOG.LOG', '1.3')?.def.type, 'io.kestra.plugin.core.log.Log');
});

test('no two definitions share a name or an alias', () => {
  const seen = new Map<string, string>();
  for (const plugin of catalogue.plugins) {
    for (const name of [plugin.type, ...(plugin.aliases ?? []).map((a) => a.name)]) {
      const key = name.toLowerCase();
      assert.equal(seen.get(key), undefined, `${name} is declared by ${seen.get(key)} and ${plugin.type}`);
      seen.set(key, plugin.type);
    }
  }
});

test('every type alias is removed in 2.0', () => {
  for (const plugin of catalogue.plugins) {
    for (const alias of plugin.aliases ?? []) assert.equal(alias.versions?.removedIn, '2.0', alias.name);
  }
});

test('every flowable declares its child lists, and each list is a property', () => {
  const flowables = catalogue.plugins.filter((p) => p.flowable);
  assert.ok(flowables.length >= 15);
  for (const plugin of flowables) {
    assert.ok(plugin.childLists && Object.keys(plugin.childLists).length > 0, `${plugin.type} has childLists`);
    for (const key of Object.keys(plugin.childLists)) assert.ok(plugin.properties[key], `${plugin.type}.${key} is a property`);
    assert.equal(plugin.childLists['errors'], 'tasks', `${plugin.type} has errors`);
    assert.equal(plugin.childLists['finally'], 'tasks', `${plugin.type} has finally`);
  }
  for (const plugin of catalogue.plugins.filter((p) => !p.flowable)) assert.equal(plugin.childLists, undefined, plugin.type);
});

test('child list shapes of the main flowables', () => {
  assert.deepEqual(def('io.kestra.plugin.core.flow.If').childLists, { then: 'tasks', else: 'tasks', errors: 'tasks', finally: 'tasks' });
  assert.equal(def('io.kestra.plugin.core.flow.Switch').childLists?.['cases'], 'map-of-tasks');
  assert.equal(def('io.kestra.plugin.core.flow.Dag').childLists?.['tasks'], 'dag');
  assert.equal(def('io.kestra.plugin.core.flow.Pause').childLists?.['onPause'], 'task');
});

test('every property, output and definition has a description', () => {
  const visit = (path: string, description: string): void => assert.ok(description.trim().length > 0, `${path} has a description`);
  for (const plugin of catalogue.plugins) {
    assert.ok(plugin.description.trim().length > 0, plugin.type);
    walkProperties(plugin.properties, plugin.type, visit);
    for (const [name, output] of Object.entries(plugin.outputs ?? {})) {
      visit(`${plugin.type} output ${name}`, output.description);
      walkType(output.type, `${plugin.type} output ${name}`, visit);
    }
  }
  for (const input of INPUT_TYPES) {
    assert.ok(input.description.trim().length > 0, input.type);
    walkProperties(input.properties, `input ${input.type}`, visit);
  }
  for (const retry of RETRY_TYPES) walkProperties(retry.properties, `retry ${retry.type}`, visit);
  walkProperties(COMMON_TASK_PROPERTIES, 'task', visit);
  walkProperties(COMMON_TRIGGER_PROPERTIES, 'trigger', visit);
  walkProperties(COMMON_INPUT_PROPERTIES, 'input', visit);
  walkProperties(COMMON_RETRY_PROPERTIES, 'retry', visit);
  walkProperties(FLOW_PROPERTIES, 'flow', visit);
  walkProperties(FLOW_OUTPUT_PROPERTIES, 'output', visit);
});

test('deprecation replacements of types name catalogued types', () => {
  for (const plugin of catalogue.plugins) {
    const replacement = plugin.deprecated?.replacement;
    if (replacement) assert.ok(catalogue.resolve(replacement, '1.3'), `${plugin.type} → ${replacement}`);
  }
});

test('Loop exists only since 2.0, ForEach only before', () => {
  const loop = catalogue.resolve('io.kestra.plugin.core.flow.Loop', '2.0');
  assert.equal(loop?.existsInTarget, true);
  assert.equal(catalogue.resolve('io.kestra.plugin.core.flow.Loop', '2.1')?.existsInTarget, true);
  assert.equal(catalogue.resolve('io.kestra.plugin.core.flow.Loop', '1.3')?.existsInTarget, false);
  for (const old of ['ForEach', 'ForEachItem', 'EachSequential', 'EachParallel']) {
    assert.equal(catalogue.resolve(`io.kestra.plugin.core.flow.${old}`, '1.3')?.existsInTarget, true, old);
    assert.equal(catalogue.resolve(`io.kestra.plugin.core.flow.${old}`, '2.0')?.existsInTarget, false, old);
  }
  const loopDef = def('io.kestra.plugin.core.flow.Loop');
  assert.equal(loopDef.properties['concurrencyLimit']?.default, 0);
  assert.equal(loopDef.properties['outputs']?.type.kind, 'outputs');
});

test('required properties of common tasks and triggers', () => {
  const required = (type: string, prop: string): void => assert.equal(def(type).properties[prop]?.required, true, `${type}.${prop}`);
  required('io.kestra.plugin.core.log.Log', 'message');
  required('io.kestra.plugin.core.flow.Subflow', 'namespace');
  required('io.kestra.plugin.core.flow.Subflow', 'flowId');
  required('io.kestra.plugin.core.trigger.Schedule', 'cron');
  required('io.kestra.plugin.core.trigger.Webhook', 'key');
  required('io.kestra.plugin.core.flow.Switch', 'value');
  required('io.kestra.plugin.core.flow.If', 'condition');
  required('io.kestra.plugin.core.flow.If', 'then');
  required('io.kestra.plugin.core.flow.Parallel', 'tasks');
  required('io.kestra.plugin.core.flow.Dag', 'tasks');
  required('io.kestra.plugin.scripts.shell.Commands', 'commands');
  required('io.kestra.plugin.scripts.python.Script', 'script');
  assert.notEqual(def('io.kestra.plugin.core.flow.Sequential').properties['tasks']?.required, true);
});

test('version-specific properties', () => {
  const prop = (type: string, name: string) => def(type).properties[name];
  assert.deepEqual(prop('io.kestra.plugin.core.flow.Parallel', 'onChildFailure')?.versions, { since: '2.0' });
  assert.deepEqual(prop('io.kestra.plugin.core.flow.Dag', 'onChildFailure')?.versions, { since: '2.0' });
  assert.deepEqual(prop('io.kestra.plugin.core.trigger.Flow', 'dependsOn')?.versions, { since: '2.0' });
  assert.deepEqual(prop('io.kestra.plugin.core.trigger.Flow', 'preconditions')?.versions, { removedIn: '2.0' });
  assert.equal(prop('io.kestra.plugin.core.flow.Pause', 'delay')?.deprecated?.replacement, 'pauseDuration');
  assert.equal(catalogue.propertiesOf(def('io.kestra.plugin.core.trigger.Schedule'))['conditions']?.versions?.removedIn, '2.0');
  const exitState = prop('io.kestra.plugin.core.execution.Exit', 'state')?.type;
  assert.equal(exitState?.kind, 'enum');
  if (exitState?.kind === 'enum') {
    const canceled = exitState.values.find((v) => typeof v !== 'string' && v.value === 'CANCELED');
    assert.ok(canceled && typeof canceled !== 'string' && !existsIn(canceled.versions, '2.0'));
    assert.ok(exitState.values.includes('CANCELLED'));
  }
});

test('removed and deprecated types', () => {
  for (const type of [
    'io.kestra.plugin.core.state.Get',
    'io.kestra.plugin.core.debug.Echo',
    'io.kestra.plugin.core.flow.Template',
    'io.kestra.core.tasks.scripts.Bash',
  ]) {
    const d = def(type);
    assert.equal(d.versions?.removedIn, '2.0', type);
    assert.ok(d.deprecated?.replacement, type);
  }
  for (const condition of catalogue.plugins.filter((p) => p.category === 'condition')) {
    assert.equal(condition.versions?.removedIn, '2.0', condition.type);
  }
  assert.equal(catalogue.ofCategory('condition', '2.0').length, 0);
  assert.ok(catalogue.ofCategory('condition', '1.3').length >= 18);
  assert.equal(def('io.kestra.plugin.core.trigger.Toggle').category, 'task');
});

test('task runners and script outputs', () => {
  const runners = catalogue.ofCategory('taskRunner', '2.0').map((d) => d.type);
  assert.deepEqual(runners.sort(), ['io.kestra.plugin.core.runner.Process', 'io.kestra.plugin.scripts.runner.docker.Docker']);
  const shell = def('io.kestra.plugin.scripts.shell.Commands');
  assert.equal(shell.outputsComplete, false);
  assert.ok(shell.outputs?.['vars'] && shell.outputs['exitCode'] && shell.outputs['outputFiles']);
  assert.deepEqual(shell.properties['taskRunner']?.type, { kind: 'plugin', category: 'taskRunner' });
});

test('input types', () => {
  const names = catalogue.inputTypeNames();
  for (const t of [
    'STRING',
    'ENUM',
    'SELECT',
    'INT',
    'FLOAT',
    'BOOLEAN',
    'BOOL',
    'DATETIME',
    'DATE',
    'TIME',
    'DURATION',
    'FILE',
    'JSON',
    'YAML',
    'URI',
    'SECRET',
    'ARRAY',
    'MULTISELECT',
    'EMAIL',
    'FORM',
  ]) {
    assert.ok(names.includes(t), t);
  }
  assert.equal(catalogue.inputType('ARRAY')?.properties['itemType']?.required, true);
  assert.deepEqual(catalogue.inputType('ENUM')?.versions, { removedIn: '2.0' });
  assert.equal(catalogue.inputType('BOOLEAN')?.deprecated?.replacement, 'BOOL');
  assert.equal(catalogue.inputType('BOOL')?.versions, undefined);
  assert.deepEqual(catalogue.inputType('FORM')?.versions, { since: '2.0' });
  for (const t of ['SELECT', 'MULTISELECT', 'EMAIL', 'FORM']) {
    assert.deepEqual(catalogue.inputType(t)?.outputAllowed, { removedIn: '2.1' }, t);
  }
  assert.equal(catalogue.inputType('STRING')?.outputAllowed, undefined);
});

test('flow top-level properties', () => {
  assert.equal(FLOW_PROPERTIES['id']?.required, true);
  assert.equal(FLOW_PROPERTIES['namespace']?.required, true);
  assert.deepEqual(FLOW_PROPERTIES['tasks']?.type, { kind: 'tasks', minItems: 1 });
  assert.deepEqual(FLOW_PROPERTIES['pluginDefaults']?.versions, { removedIn: '2.0' });
  assert.equal(FLOW_PROPERTIES['pluginDefaults']?.aliases?.[0]?.name, 'taskDefaults');
  assert.deepEqual(FLOW_PROPERTIES['policyRefs']?.versions, { since: '2.0' });
  const output = FLOW_OUTPUT_PROPERTIES;
  for (const key of ['id', 'type', 'value']) assert.equal(output[key]?.required, true, key);
});
