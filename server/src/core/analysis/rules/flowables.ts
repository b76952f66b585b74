import { isMap, isSeq } from 'yaml';
import type { TaskNode } from '../../model/flow';
import { findPair, keySpan, pairs, valueOf } from '../../model/yaml-access';
import type { RuleContext, Span } from '../context';
import { messages } from '../messages';

const IF = 'io.kestra.plugin.core.flow.If';
const SWITCH = 'io.kestra.plugin.core.flow.Switch';
const DAG = 'io.kestra.plugin.core.flow.Dag';
const WORKING_DIRECTORY = 'io.kestra.plugin.core.flow.WorkingDirectory';

/** Shape rules of flowable tasks that a schema cannot express (Kestra's flowable validators). */
export function checkFlowables(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  for (const task of model.allTasks) {
    const type = task.resolution?.def.type;
    if (type === IF) checkIf(ctx, task);
    else if (type === SWITCH) checkSwitch(ctx, task);
    else if (type === DAG) checkDag(ctx, task);
    else if (type === WORKING_DIRECTORY) checkWorkingDirectory(ctx, task);
  }
}

function anchorOf(task: TaskNode): Span {
  return task.type ?? task.id ?? { start: task.node.range![0], end: task.node.range![0] + 1 };
}

function checkIf(ctx: RuleContext, task: TaskNode): void {
  const then = findPair(task.node, 'then');
  // A missing `then` is already a missing required property; here: present but empty.
  if (then && (!isSeq(then.value) || then.value.items.length === 0)) {
    ctx.report('if-without-then', keySpan(then) ?? anchorOf(task), messages.ifWithoutThen());
  }
}

function checkSwitch(ctx: RuleContext, task: TaskNode): void {
  const cases = valueOf(task.node, 'cases');
  const defaults = valueOf(task.node, 'defaults');
  const caseHasTasks = isMap(cases) && pairs(cases).some((p) => isSeq(p.value) && p.value.items.length > 0);
  const defaultsHasTasks = isSeq(defaults) && defaults.items.length > 0;
  if (!caseHasTasks && !defaultsHasTasks) ctx.report('switch-without-branches', anchorOf(task), messages.switchWithoutBranches());
}

function checkDag(ctx: RuleContext, task: TaskNode): void {
  const children = task.branches.filter((b) => b.property === 'tasks').flatMap((b) => b.tasks);
  const ids = new Set(children.map((c) => c.id?.value).filter((v): v is string => v !== undefined));
  const edges = new Map<string, string[]>();
  for (const child of children) {
    const id = child.id?.value;
    for (const dep of child.dependsOn ?? []) {
      if (!ids.has(dep.value)) ctx.report('dag-unknown-dependency', dep, messages.dagUnknownDependency(dep.value));
      else if (id) edges.set(id, [...(edges.get(id) ?? []), dep.value]);
    }
  }
  const cycle = findCycle(edges);
  if (cycle) {
    const first = children.find((c) => c.id?.value === cycle[0]);
    const where = first?.dependsOn?.find((d) => d.value === cycle[1]) ?? anchorOf(task);
    ctx.report('dag-cycle', where, messages.dagCycle(cycle));
  }
}

/** Depth-first search; returns the ids of one cycle (first id repeated at the end) or undefined. */
function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 2) return undefined;
    if (state.get(node) === 1) return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 1);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 2);
    return undefined;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

function checkWorkingDirectory(ctx: RuleContext, task: TaskNode): void {
  for (const branch of task.branches) {
    if (branch.property !== 'tasks') continue;
    for (const child of branch.tasks) {
      if (child.resolution?.def.flowable && child.type) {
        ctx.report('working-directory-child', child.type, messages.workingDirectoryChild(child.type.value));
      }
    }
  }
}
