import { isMap, isSeq, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Catalogue, ChildListKind } from '../catalogue';
import { GUESSED_CHILD_LISTS } from '../catalogue/common';
import type { YamlSection } from '../document/parse';
import type { KestraVersion } from '../versions';
import type { Branch, FlowModel, InputNode, LabelNode, OutputNode, PluginDefaultNode, PluginNode, RetryNode, TaskNode } from './flow';
import { findPair, keyName, locatedString, pairs, stringAt, valueOf, type Located } from './yaml-access';

/** Top-level task lists of a flow, in the order Kestra runs them. */
const FLOW_TASK_LISTS = ['tasks', 'errors', 'finally', 'afterExecution'] as const;

/** Builds the flow model of one YAML section. Never throws on malformed input: missing parts stay empty. */
export function buildFlowModel(section: YamlSection, catalogue: Catalogue, version: KestraVersion): FlowModel | undefined {
  const root = section.root;
  if (!root) return undefined;
  const allTasks: TaskNode[] = [];
  const builder = new TaskBuilder(catalogue, version, allTasks);
  const branches: Branch[] = [];
  for (const property of FLOW_TASK_LISTS) {
    const pair = findPair(root, property);
    if (pair) branches.push(builder.branch(pair, property, undefined, undefined, 'tasks'));
  }
  const model: FlowModel = {
    section,
    root,
    version,
    branches,
    allTasks,
    triggers: mapsOf(valueOf(root, 'triggers')).map((node) => pluginNode(node, catalogue, version)),
    inputs: mapsOf(valueOf(root, 'inputs')).map(inputNode),
    outputs: mapsOf(valueOf(root, 'outputs')).map((node): OutputNode =>
      withLocated({ node }, { id: stringAt(node, 'id'), type: stringAt(node, 'type') }),
    ),
    variables: keysOf(valueOf(root, 'variables')),
    pluginDefaults: [...mapsOf(valueOf(root, 'pluginDefaults')), ...mapsOf(valueOf(root, 'taskDefaults'))].map(pluginDefaultNode),
    labels: labelsOf(valueOf(root, 'labels')),
  };
  const concurrency = valueOf(root, 'concurrency');
  return withLocated(model, {
    id: stringAt(root, 'id'),
    namespace: stringAt(root, 'namespace'),
    concurrency: isMap(concurrency)
      ? withLocated({ node: concurrency }, { limit: stringAt(concurrency, 'limit'), behavior: stringAt(concurrency, 'behavior') })
      : undefined,
    retry: retryOf(root),
  });
}

export function pluginNode(node: YAMLMap, catalogue: Catalogue, version: KestraVersion): PluginNode {
  const id = stringAt(node, 'id');
  const type = stringAt(node, 'type');
  const resolution = type ? catalogue.resolve(type.value, version) : undefined;
  return withLocated({ node }, { id, type, resolution });
}

class TaskBuilder {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly version: KestraVersion,
    private readonly allTasks: TaskNode[],
  ) {}

  branch(pair: Pair, property: string, parent: TaskNode | undefined, caseKey: string | undefined, kind: ChildListKind): Branch {
    const tasks: TaskNode[] = [];
    const value = pair.value as Node | null;
    if (kind === 'task') {
      if (isMap(value)) tasks.push(this.task(value, parent, property, caseKey));
    } else if (kind === 'dag') {
      for (const entry of mapsOf(value)) {
        const inner = valueOf(entry, 'task');
        if (isMap(inner)) tasks.push(this.task(inner, parent, property, caseKey, dependsOnOf(entry)));
      }
    } else {
      for (const item of mapsOf(value)) tasks.push(this.task(item, parent, property, caseKey));
    }
    return caseKey === undefined ? { property, tasks, pair } : { property, caseKey, tasks, pair };
  }

  private task(
    node: YAMLMap,
    parent: TaskNode | undefined,
    branch: string,
    caseKey: string | undefined,
    dependsOn?: Located<string>[],
  ): TaskNode {
    const base = pluginNode(node, this.catalogue, this.version);
    const branches: Branch[] = [];
    // Extends the fresh plugin node in place: a spread copy of it costs more than the rest of the build.
    const task: TaskNode = Object.assign(base, { parent, branch, branches, depth: parent ? parent.depth + 1 : 0 });
    if (caseKey !== undefined) Object.assign(task, { caseKey });
    if (dependsOn) Object.assign(task, { dependsOn });
    const retry = retryOf(node);
    if (retry) Object.assign(task, { retry });
    this.allTasks.push(task);
    const childLists = base.resolution?.def.childLists ?? (base.resolution ? {} : GUESSED_CHILD_LISTS);
    for (const pair of pairs(node)) {
      const key = keyName(pair);
      const kind = key === undefined ? undefined : childLists[key];
      if (!key || !kind) continue;
      if (kind === 'map-of-tasks') {
        if (!isMap(pair.value)) continue;
        for (const casePair of pairs(pair.value)) {
          const caseName = keyName(casePair) ?? '';
          branches.push(this.branch(casePair, key, task, caseName, 'tasks'));
        }
      } else {
        branches.push(this.branch(pair, key, task, undefined, kind));
      }
    }
    return task;
  }
}

/** Labels in either form Kestra accepts: a map, or a list of `{key, value}`. */
export function labelsOf(node: Node | undefined): LabelNode[] {
  if (isMap(node)) {
    return pairs(node).flatMap((pair) => {
      const key = locatedString(pair.key as Node);
      const value = locatedString(pair.value as Node);
      return key ? [value ? { key, value } : { key }] : [];
    });
  }
  return mapsOf(node).flatMap((item) => {
    const key = stringAt(item, 'key');
    const value = stringAt(item, 'value');
    return key ? [value ? { key, value } : { key }] : [];
  });
}

/** The `retry` of a flow or a task, when it is a mapping. */
export function retryOf(owner: YAMLMap): RetryNode | undefined {
  const node = valueOf(owner, 'retry');
  return isMap(node) ? withLocated({ node }, { type: stringAt(node, 'type') }) : undefined;
}

function dependsOnOf(entry: YAMLMap): Located<string>[] {
  const list = valueOf(entry, 'dependsOn');
  if (!isSeq(list)) return [];
  return list.items.map((item) => locatedString(item as Node)).filter((v): v is Located<string> => v !== undefined);
}

function inputNode(node: YAMLMap): InputNode {
  const id = stringAt(node, 'id');
  const name = stringAt(node, 'name');
  const idKey = !id && name ? 'name' : 'id';
  return withLocated({ node, idKey }, { id: id ?? name, type: stringAt(node, 'type') });
}

function pluginDefaultNode(node: YAMLMap): PluginDefaultNode {
  const values = valueOf(node, 'values');
  const forced = valueOf(node, 'forced');
  return withLocated(
    { node, forced: isScalar(forced) && forced.value === true, keys: isMap(values) ? keysOf(values).map((k) => k.value) : [] },
    { type: stringAt(node, 'type') },
  );
}

/** The mappings of a YAML sequence (other items are ignored here and reported by validation). */
export function mapsOf(node: Node | undefined | null): YAMLMap[] {
  if (!isSeq(node)) return [];
  return node.items.filter((item): item is YAMLMap => isMap(item));
}

function keysOf(node: Node | undefined): Located<string>[] {
  if (!isMap(node)) return [];
  return pairs(node)
    .map((pair) => locatedString(pair.key as Node))
    .filter((v): v is Located<string> => v !== undefined);
}

/** Adds optional fields only when defined (exactOptionalPropertyTypes-friendly and keeps objects small). */
function withLocated<T extends object, E extends Record<string, unknown>>(base: T, extra: E): T & Partial<E> {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (base as Record<string, unknown>)[k] = v;
  return base as T & Partial<E>;
}
