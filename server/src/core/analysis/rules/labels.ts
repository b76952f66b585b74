import { labelsOf } from '../../model/build';
import type { LabelNode } from '../../model/flow';
import { valueOf } from '../../model/yaml-access';
import type { RuleContext } from '../context';
import { messages } from '../messages';

/** Labels whose key starts with `system.` are Kestra's (flows may set only `system.readOnly`). */
export function checkSystemLabels(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  checkLabels(ctx, model.labels, new Set(['system.readOnly']));
  for (const plugin of [...model.triggers, ...model.allTasks]) checkLabels(ctx, labelsOf(valueOf(plugin.node, 'labels')), new Set());
}

function checkLabels(ctx: RuleContext, labels: readonly LabelNode[], allowed: ReadonlySet<string>): void {
  for (const { key } of labels) {
    if (key.value.startsWith('system.') && !allowed.has(key.value)) ctx.report('system-label', key, messages.systemLabel(key.value));
  }
}
