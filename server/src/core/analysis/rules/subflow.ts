import type { RuleContext } from '../context';
import { messages } from '../messages';
import { stringAt } from '../../model/yaml-access';

const CALLS_A_FLOW = new Set(['io.kestra.plugin.core.flow.Subflow', 'io.kestra.plugin.core.flow.ForEachItem']);

/** A Subflow calling its own flow (only literal ids are compared, as Kestra does). */
export function checkRecursiveSubflow(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model?.id || !model.namespace) return;
  for (const task of model.allTasks) {
    if (!CALLS_A_FLOW.has(task.resolution?.def.type ?? '')) continue;
    const ns = stringAt(task.node, 'namespace');
    const id = stringAt(task.node, 'flowId');
    if (!ns || !id || ns.value.includes('{{') || id.value.includes('{{')) continue;
    if (ns.value === model.namespace.value && id.value === model.id.value) {
      ctx.report('recursive-subflow', id, messages.recursiveSubflow(ns.value, id.value));
    }
  }
}
