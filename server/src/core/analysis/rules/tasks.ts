import type { PluginCategory } from '../../catalogue';
import type { PluginNode } from '../../model/flow';
import type { RuleContext } from '../context';
import { defaultedKeysFor } from './plugin-defaults';
import { checkPlugin } from './plugin-types';
import { declaredNames } from './template-references';

/** Every task of the tree (nested ones included) against its type's definition. */
export function checkTasks(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  for (const task of model.allTasks) checkOne(ctx, task, 'task');
}

/** Every trigger against its type's definition. */
export function checkTriggers(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  for (const trigger of model.triggers) checkOne(ctx, trigger, 'trigger');
}

/**
 * The check reads the node, the keys pluginDefaults supply to it and the names the flow declares (for
 * `inputs.x`/`vars.x`/`outputs.t` in expressions): all three are in the memo key.
 */
function checkOne(ctx: RuleContext, plugin: PluginNode, category: PluginCategory): void {
  const defaulted = defaultedKeysFor(ctx, plugin.type?.value);
  const declared = ctx.model ? declaredNames(ctx.model).signature : '';
  const context = `${category}\u0000${defaulted ? `+${[...defaulted].sort().join('\u0000')}` : ''}\u0000${declared}`;
  ctx.memoized(plugin.node, context, () => checkPlugin(ctx, plugin.node, category, defaulted));
}
