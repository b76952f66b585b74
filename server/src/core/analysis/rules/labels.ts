import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { keyName, keySpan, pairs, stringAt, valueOf } from '../../model/yaml-access';
import type { RuleContext } from '../context';
import { messages } from '../messages';

/** Labels whose key starts with `system.` are Kestra's (flows may set only `system.readOnly`). */
export function checkSystemLabels(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  checkLabels(ctx, valueOf(model.root, 'labels'), new Set(['system.readOnly']));
  for (const trigger of model.triggers) checkLabels(ctx, valueOf(trigger.node, 'labels'), new Set());
  for (const task of model.allTasks) checkLabels(ctx, valueOf(task.node, 'labels'), new Set());
}

function checkLabels(ctx: RuleContext, labels: Node | undefined, allowed: ReadonlySet<string>): void {
  const report = (key: string, where: { start: number; end: number }): void => {
    if (key.startsWith('system.') && !allowed.has(key)) ctx.report('system-label', where, messages.systemLabel(key));
  };
  if (isMap(labels)) {
    for (const pair of pairs(labels)) {
      const key = keyName(pair);
      const where = keySpan(pair);
      if (key && where) report(key, where);
    }
  } else if (isSeq(labels)) {
    for (const item of labels.items) {
      if (!isMap(item)) continue;
      const key = stringAt(item as YAMLMap, 'key');
      if (key) report(key.value, key);
    }
  }
}
