import type { Located } from '../../model/yaml-access';
import type { RuleContext } from '../context';
import { messages } from '../messages';

/** Flow ids Kestra reserves for its API routes (Kestra 1.0+). */
const RESERVED_FLOW_IDS = new Set([
  'pause',
  'resume',
  'force-run',
  'change-status',
  'kill',
  'executions',
  'search',
  'source',
  'disable',
  'enable',
]);

/** Reserved flow ids and unique ids: tasks across the whole tree, triggers, inputs, outputs. */
export function checkIds(ctx: RuleContext): void {
  const model = ctx.model;
  if (!model) return;
  if (model.id && RESERVED_FLOW_IDS.has(model.id.value)) ctx.report('reserved-flow-id', model.id, messages.reservedFlowId(model.id.value));
  reportDuplicates(
    ctx,
    'task',
    model.allTasks.map((t) => t.id),
  );
  reportDuplicates(
    ctx,
    'trigger',
    model.triggers.map((t) => t.id),
  );
  reportDuplicates(
    ctx,
    'input',
    model.inputs.map((i) => i.id),
  );
  reportDuplicates(
    ctx,
    'output',
    model.outputs.map((o) => o.id),
  );
}

/** Every occurrence after the first is reported, so the squiggle lands on the copy. */
function reportDuplicates(ctx: RuleContext, kind: string, ids: readonly (Located<string> | undefined)[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (!id) continue;
    if (seen.has(id.value)) ctx.report('duplicate-id', id, messages.duplicateId(kind, id.value));
    seen.add(id.value);
  }
}
