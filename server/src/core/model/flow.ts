import type { Pair, YAMLMap } from 'yaml';
import type { TypeResolution } from '../catalogue';
import type { YamlSection } from '../document/parse';
import type { KestraVersion } from '../versions';
import type { Located } from './yaml-access';

/**
 * The typed flow model: what a Kestra flow declares, with a source range for every node. Built from one
 * YAML section, tolerant of half-typed input (any field may be missing). Read by every analysis, the
 * graph and the runner; never mutated after it is built.
 */
export interface FlowModel {
  readonly section: YamlSection;
  readonly root: YAMLMap;
  readonly version: KestraVersion;
  readonly id?: Located<string>;
  readonly namespace?: Located<string>;
  /** Top-level task lists: `tasks`, `errors`, `finally`, `afterExecution`. */
  readonly branches: readonly Branch[];
  /** Every task of the tree, depth-first in source order. */
  readonly allTasks: readonly TaskNode[];
  readonly triggers: readonly PluginNode[];
  readonly inputs: readonly InputNode[];
  readonly outputs: readonly OutputNode[];
  /** Keys of `variables`. */
  readonly variables: readonly Located<string>[];
  readonly pluginDefaults: readonly PluginDefaultNode[];
  /** Flow labels, from either form (`key: value` map or list of `{key, value}`). */
  readonly labels: readonly LabelNode[];
  /** `concurrency`, when declared. */
  readonly concurrency?: ConcurrencyNode;
  /** Flow-level `retry`: the fallback for tasks without their own (flow-model.md §3). */
  readonly retry?: RetryNode;
}

export interface LabelNode {
  readonly key: Located<string>;
  readonly value?: Located<string>;
}

export interface ConcurrencyNode {
  readonly node: YAMLMap;
  readonly limit?: Located<string>;
  readonly behavior?: Located<string>;
}

/** A retry policy (`type: constant|exponential|random` and its properties). */
export interface RetryNode {
  readonly node: YAMLMap;
  readonly type?: Located<string>;
}

/** Anything chosen by a `type:` key: a task, trigger, condition or task runner. */
export interface PluginNode {
  readonly node: YAMLMap;
  readonly id?: Located<string>;
  readonly type?: Located<string>;
  /** Undefined when `type` is missing or unknown to the catalogue. */
  readonly resolution?: TypeResolution;
}

export interface TaskNode extends PluginNode {
  readonly parent: TaskNode | undefined;
  /** The property of the parent (or of the flow) that holds this task: `tasks`, `then`, `cases`, `errors`… */
  readonly branch: string;
  /** For `cases` children: the case key. */
  readonly caseKey?: string;
  /** Child task lists of a flowable. */
  readonly branches: readonly Branch[];
  /** For Dag children: the ids listed in `dependsOn`. */
  readonly dependsOn?: readonly Located<string>[];
  /** Nesting depth: 0 for top-level tasks. */
  readonly depth: number;
  /** The task's own `retry`, when declared. */
  readonly retry?: RetryNode;
}

export interface Branch {
  /** `tasks`, `then`, `else`, `errors`, `finally`, `cases`, `defaults`, `onPause`… */
  readonly property: string;
  readonly caseKey?: string;
  readonly tasks: readonly TaskNode[];
  /** The key/value pair in the owner's mapping (for ranges). */
  readonly pair: Pair;
}

export interface InputNode {
  readonly node: YAMLMap;
  readonly id?: Located<string>;
  /** `name` on 1.x flows that predate `id`. */
  readonly idKey: 'id' | 'name';
  readonly type?: Located<string>;
}

export interface OutputNode {
  readonly node: YAMLMap;
  readonly id?: Located<string>;
  readonly type?: Located<string>;
}

export interface PluginDefaultNode {
  readonly node: YAMLMap;
  readonly type?: Located<string>;
  readonly forced: boolean;
  /** Keys given in `values`. */
  readonly keys: readonly string[];
}

/** Walks the tasks of a branch list depth-first. */
export function* walkTasks(branches: readonly Branch[]): Generator<TaskNode> {
  for (const branch of branches) {
    for (const task of branch.tasks) {
      yield task;
      yield* walkTasks(task.branches);
    }
  }
}

/** The chain of flowable ancestors of a task, innermost first. */
export function ancestors(task: TaskNode): TaskNode[] {
  const chain: TaskNode[] = [];
  for (let p = task.parent; p; p = p.parent) chain.push(p);
  return chain;
}
