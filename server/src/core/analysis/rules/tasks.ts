import type { RuleContext } from '../context';
import { defaultedKeysFor } from './plugin-defaults';
import { checkPlugin } from './plugin-types';

/** Every task of the tree (nested ones included) against its type's definition. */
export function checkTasks(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  for (const task of model.allTasks) checkPlugin(ctx, task.node, 'task', defaultedKeysFor(ctx, task.type?.value));
}

/** Every trigger against its type's definition. */
export function checkTriggers(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  for (const trigger of model.triggers) checkPlugin(ctx, trigger.node, 'trigger', defaultedKeysFor(ctx, trigger.type?.value));
}
