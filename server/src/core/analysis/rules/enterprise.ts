import { isMap } from 'yaml';
import { stringAt, valueOf } from '../../model/yaml-access';
import { existsIn } from '../../versions';
import type { RuleContext } from '../context';
import { messages } from '../messages';
import { COMMON_TASK_PROPERTIES } from '../../catalogue/common';

/** Enterprise-only settings the open-source server rejects (Kestra's rule 25: worker groups). */
export function checkEnterpriseOnly(ctx: RuleContext): void {
  const model = ctx.model;
  // On 2.x `workerGroup` no longer exists at all; the property rules report that instead.
  if (!model || !existsIn(COMMON_TASK_PROPERTIES['workerGroup']?.versions, ctx.version)) return;
  for (const plugin of [...model.allTasks, ...model.triggers]) {
    const group = valueOf(plugin.node, 'workerGroup');
    const key = isMap(group) ? stringAt(group, 'key') : undefined;
    if (key) ctx.report('enterprise-only', key, messages.workerGroupEnterprise());
  }
}
