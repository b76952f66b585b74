import type { RuleContext } from '../context';

/**
 * Keys that the flow's pluginDefaults supply to a type, so "missing required property" is not reported
 * for them. Kestra matches a default's `type` exactly or as a prefix, and resolves aliases.
 * (pluginDefaults are removed in 2.0; the flow-root rule reports that separately.)
 */
export function defaultedKeysFor(ctx: RuleContext, typeName: string | undefined): ReadonlySet<string> | undefined {
  const model = ctx.model;
  if (!model || !typeName || model.pluginDefaults.length === 0) return undefined;
  const canonical = ctx.catalogue.resolve(typeName, ctx.version)?.def.type ?? typeName;
  const keys = new Set<string>();
  for (const entry of model.pluginDefaults) {
    const prefix = entry.type?.value;
    if (!prefix) continue;
    const resolvedPrefix = ctx.catalogue.resolve(prefix, ctx.version)?.def.type ?? prefix;
    if (matchesPrefix(canonical, resolvedPrefix) || matchesPrefix(typeName, prefix)) for (const k of entry.keys) keys.add(k);
  }
  return keys.size > 0 ? keys : undefined;
}

function matchesPrefix(type: string, prefix: string): boolean {
  return type === prefix || type.startsWith(prefix.endsWith('.') ? prefix : `${prefix}.`);
}
