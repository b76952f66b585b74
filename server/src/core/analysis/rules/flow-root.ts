import { FLOW_PROPERTIES } from '../../catalogue/flow';
import { keyName, keySpan, pairs } from '../../model/yaml-access';
import { checkMap } from '../check-value';
import type { RuleContext } from '../context';
import { messages } from '../messages';

/** Root keys people bring from other schedulers or guess, with where the idea lives in Kestra. */
const MISPLACED_ROOT_KEYS: Readonly<Record<string, string>> = {
  schedule: 'A schedule is a trigger: declare it under `triggers:` with `type: io.kestra.plugin.core.trigger.Schedule` and its `cron`.',
  cron: 'A cron schedule is a trigger: declare it under `triggers:` with `type: io.kestra.plugin.core.trigger.Schedule`.',
  name: 'Flows are named by `id` (and described by `description`).',
  steps: 'Kestra flows list their work under `tasks:`.',
  jobs: 'Kestra flows list their work under `tasks:`.',
  env: 'Flow-wide values go under `variables:` and are read as `{{ vars.<key> }}`.',
};

/** The top-level keys of a flow: unknown or removed keys, required `id`/`namespace`/`tasks`, their values. */
export function checkFlowRoot(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  const skip = new Set<string>();
  for (const pair of pairs(model.root)) {
    const key = keyName(pair);
    const where = keySpan(pair);
    const hint = key !== undefined ? MISPLACED_ROOT_KEYS[key] : undefined;
    if (!key || !where || !hint || FLOW_PROPERTIES[key]) continue;
    skip.add(key);
    ctx.report('unknown-property', where, messages.misplacedKey(key, 'a flow', hint));
  }
  const start = model.root.range?.[0] ?? model.section.start;
  checkMap(ctx, model.root, FLOW_PROPERTIES, { label: 'a flow', anchor: { start, end: start + 1 }, skip });
}
