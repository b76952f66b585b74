import { isMap, type Node, type Pair } from 'yaml';
import type { FlowFile } from '../flow-file';
import type { Branch, FlowModel, PluginNode, TaskNode } from '../model/flow';
import { findPair, keyName, pairs, span, type Located } from '../model/yaml-access';

/**
 * The outline of a file: one symbol per flow (id and namespace) with its inputs, tasks (flowable children
 * nested under their parent, grouped by branch), errors/finally/afterExecution, triggers, outputs and
 * variables, in source order. Every range contains its children and its selection range.
 */

export type FlowSymbolKind = 'flow' | 'namespace' | 'task' | 'trigger' | 'input' | 'output' | 'variable' | 'branch';

export interface FlowSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: FlowSymbolKind;
  readonly start: number;
  readonly end: number;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly FlowSymbol[];
}

export function documentSymbols(file: FlowFile): FlowSymbol[] {
  const symbols: FlowSymbol[] = [];
  for (const model of file.models()) {
    try {
      const flow = flowSymbol(model);
      if (flow) symbols.push(flow);
    } catch {
      // an outline bug must not take the editor down; other flows of the file still show
    }
  }
  return symbols;
}

function flowSymbol(model: FlowModel): FlowSymbol | undefined {
  const range = span(model.root);
  if (!range) return undefined;
  const children: FlowSymbol[] = [];
  const namespacePair = findPair(model.root, 'namespace');
  if (model.namespace && namespacePair) children.push(symbol(model.namespace.value, 'namespace', pairSpan(namespacePair), model.namespace));
  for (const input of model.inputs) {
    children.push(mapSymbol(input.node, input.id?.value ?? '(input)', 'input', input.id, input.type?.value));
  }
  for (const branch of model.branches) children.push(...branchSymbols(branch));
  for (const trigger of model.triggers) children.push(pluginSymbol(trigger, 'trigger'));
  for (const output of model.outputs) {
    children.push(mapSymbol(output.node, output.id?.value ?? '(output)', 'output', output.id, output.type?.value));
  }
  const variables = findPair(model.root, 'variables')?.value;
  if (isMap(variables)) {
    for (const pair of pairs(variables)) {
      const name = keyName(pair);
      const key = span(pair.key as Node);
      if (name !== undefined && key) children.push(symbol(name, 'variable', pairSpan(pair), key));
    }
  }
  return {
    name: model.id?.value ?? '(flow)',
    ...(model.namespace ? { detail: model.namespace.value } : {}),
    kind: 'flow',
    ...range,
    selectionStart: model.id?.start ?? range.start,
    selectionEnd: model.id?.end ?? range.start,
    children: byPosition(children),
  };
}

/** Tasks of a plain `tasks` list sit directly under their owner; other lists get a branch symbol. */
function branchSymbols(branch: Branch): FlowSymbol[] {
  const tasks = branch.tasks.map(taskSymbol);
  if (branch.property === 'tasks' && branch.caseKey === undefined) return tasks;
  const key = span(branch.pair.key as Node);
  if (!key) return tasks;
  const name = branch.caseKey ?? branch.property;
  const detail = branch.caseKey !== undefined ? `case of ${branch.property}` : undefined;
  return [
    {
      name,
      ...(detail ? { detail } : {}),
      kind: 'branch',
      ...pairSpan(branch.pair),
      selectionStart: key.start,
      selectionEnd: key.end,
      children: tasks,
    },
  ];
}

function taskSymbol(task: TaskNode): FlowSymbol {
  const base = pluginSymbol(task, 'task');
  return { ...base, children: byPosition(task.branches.flatMap(branchSymbols)) };
}

function pluginSymbol(plugin: PluginNode, kind: 'task' | 'trigger'): FlowSymbol {
  return mapSymbol(plugin.node, plugin.id?.value ?? `(${kind})`, kind, plugin.id, plugin.type?.value);
}

function mapSymbol(
  node: Node,
  name: string,
  kind: FlowSymbolKind,
  id: Located<string> | undefined,
  detail: string | undefined,
): FlowSymbol {
  const range = span(node) ?? { start: 0, end: 0 };
  const selection = id ?? { start: range.start, end: range.start };
  return {
    name,
    ...(detail ? { detail } : {}),
    kind,
    ...range,
    selectionStart: selection.start,
    selectionEnd: selection.end,
    children: [],
  };
}

function symbol(
  name: string,
  kind: FlowSymbolKind,
  range: { start: number; end: number },
  selection: { start: number; end: number },
): FlowSymbol {
  return { name, kind, ...range, selectionStart: selection.start, selectionEnd: selection.end, children: [] };
}

/** From the key to the end of the value (the key alone when the value is empty). */
function pairSpan(pair: Pair): { start: number; end: number } {
  const key = span(pair.key as Node) ?? { start: 0, end: 0 };
  const value = span(pair.value as Node | null);
  return { start: key.start, end: Math.max(key.end, value?.end ?? key.end) };
}

function byPosition(symbols: FlowSymbol[]): FlowSymbol[] {
  return symbols.sort((a, b) => a.start - b.start);
}
