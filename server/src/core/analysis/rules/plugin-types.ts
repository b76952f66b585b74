import type { YAMLMap } from 'yaml';
import type { PluginCategory, PluginTypeDef } from '../../catalogue';
import { knownPluginHint } from '../../catalogue/known-plugins';
import { keyName, keySpan, pairs, stringAt, span, type Located } from '../../model/yaml-access';
import { closestTypeName } from '../../util/did-you-mean';
import { compareVersions, existsIn } from '../../versions';
import { checkMap } from '../check-value';
import { checkUncheckedPluginTemplates } from './templates';
import type { RuleContext, Span } from '../context';
import type { Fix } from '../diagnostic';
import { fixTitles, messages } from '../messages';

const CATEGORY_LABEL: Readonly<Record<PluginCategory, string>> = {
  task: 'task',
  trigger: 'trigger',
  condition: 'condition',
  taskRunner: 'task runner',
};

/** Prefixes owned by Kestra core: an unknown type under them is an error, not an uncatalogued plugin. */
const CORE_PREFIXES = ['io.kestra.plugin.core.', 'io.kestra.core.'];

/**
 * Checks a mapping chosen by `type:`: resolves the type against the catalogue and the target version,
 * reports unknown, removed, deprecated or misplaced types, then checks its properties.
 * `defaultedKeys` are keys supplied by pluginDefaults (they satisfy `required`).
 */
export function checkPlugin(
  ctx: RuleContext,
  map: YAMLMap,
  category: PluginCategory,
  defaultedKeys?: ReadonlySet<string>,
): PluginTypeDef | undefined {
  const where = span(map);
  if (!where) return undefined;
  const type = stringAt(map, 'type');
  const idSpan = stringAt(map, 'id');
  const anchor: Span = type ?? idSpan ?? { start: where.start, end: where.start + 1 };
  if (!type) {
    ctx.report('missing-property', anchor, messages.missingType(CATEGORY_LABEL[category]));
    return undefined;
  }
  const def = resolveType(ctx, type, category, map);
  if (!def) {
    checkUncheckedPluginTemplates(ctx, map, type.value);
    return undefined;
  }
  checkMap(ctx, map, ctx.catalogue.propertiesOf(def), { label: `\`${def.type}\``, anchor, ...(defaultedKeys ? { defaultedKeys } : {}) });
  return def;
}

/** Resolves and reports on a type name; returns the definition when its properties can be checked. */
function resolveType(ctx: RuleContext, type: Located<string>, category: PluginCategory, map: YAMLMap): PluginTypeDef | undefined {
  const resolution = ctx.catalogue.resolve(type.value, ctx.version);
  if (!resolution) {
    reportUnknownType(ctx, type, category);
    return undefined;
  }
  const { def, alias } = resolution;
  if (def.category !== category) {
    ctx.report('wrong-plugin-category', type, messages.wrongCategory(type.value, CATEGORY_LABEL[category], CATEGORY_LABEL[def.category]));
    return undefined;
  }
  if (!existsIn(def.versions, ctx.version)) {
    const since = def.versions?.since;
    if (since && compareVersions(ctx.version, since) < 0) {
      ctx.report('removed-type', type, messages.typeNotYet(type.value, ctx.version, since));
    } else {
      const note = def.replacedBy ?? def.deprecated;
      const replacement = note?.replacement;
      // Offer the replacement only where it exists (EachSequential's replacement ForEach is gone in 2.0 too).
      const usable = replacement && ctx.catalogue.resolve(replacement, ctx.version)?.existsInTarget ? replacement : undefined;
      ctx.report('removed-type', type, messages.typeRemoved(type.value, ctx.version, usable, note?.message), {
        fixes: usable ? [replaceTypeFix(type, usable, map, note?.renames)] : [],
      });
    }
    return undefined;
  }
  if (alias) {
    const aliasDef = def.aliases?.find((a) => a.name.toLowerCase() === alias.toLowerCase());
    const fix = replaceTypeFix(type, def.type);
    if (aliasDef && !existsIn(aliasDef.versions, ctx.version)) {
      ctx.report('removed-type', type, messages.typeAliasRemoved(type.value, def.type, ctx.version), { fixes: [fix] });
      return undefined;
    }
    ctx.report('deprecated-type', type, messages.typeAliasDeprecated(type.value, def.type), { fixes: [fix], tags: ['deprecated'] });
  } else if (type.value !== def.type) {
    // Kestra matches canonical class names exactly; only aliases are case-insensitive.
    ctx.report('unknown-type', type, messages.unknownCoreType(type.value, [def.type]), { fixes: [replaceTypeFix(type, def.type)] });
    return undefined;
  }
  if (def.deprecated) {
    const replacement = def.deprecated.replacement;
    ctx.report('deprecated-type', type, messages.typeDeprecated(type.value, def.deprecated.message), {
      fixes: replacement && !alias ? [replaceTypeFix(type, replacement, map, def.deprecated.renames)] : [],
      tags: ['deprecated'],
    });
  }
  return def;
}

function reportUnknownType(ctx: RuleContext, type: Located<string>, category: PluginCategory): void {
  const hint = knownPluginHint(type.value);
  const candidates = ctx.catalogue.ofCategory(category, ctx.version).map((d) => d.type);
  if (hint) {
    const isCore = CORE_PREFIXES.some((p) => type.value.startsWith(p));
    const fixes = hint.replacement ? [replaceTypeFix(type, hint.replacement)] : [];
    const text = `${isCore ? `Unknown type \`${type.value}\`.` : `\`${type.value}\` is not in the offline catalogue.`} ${hint.hint}`;
    ctx.report(isCore ? 'unknown-type' : 'unknown-plugin-type', type, text, { fixes });
    return;
  }
  if (!type.value.includes('.')) {
    const suggestions = closestTypeName(type.value, candidates).slice(0, 3);
    ctx.report('unknown-type', type, messages.shortTypeName(type.value, suggestions), {
      fixes: suggestions.map((s) => replaceTypeFix(type, s)),
    });
    return;
  }
  if (CORE_PREFIXES.some((p) => type.value.startsWith(p))) {
    const suggestions = closestTypeName(type.value, candidates).slice(0, 3);
    ctx.report('unknown-type', type, messages.unknownCoreType(type.value, suggestions), {
      fixes: suggestions.map((s) => replaceTypeFix(type, s)),
    });
    return;
  }
  ctx.report('unknown-plugin-type', type, messages.unknownPluginType(type.value));
}

/** Replaces the type name and, when the replacement renames properties, the keys of the task too. */
export function replaceTypeFix(type: Span, to: string, map?: YAMLMap, renames?: Readonly<Record<string, string>>): Fix {
  const edits = [{ start: type.start, end: type.end, newText: to }];
  for (const pair of map && renames ? pairs(map) : []) {
    const key = keyName(pair);
    const where = keySpan(pair);
    const newName = key !== undefined ? renames?.[key] : undefined;
    if (newName && where) edits.push({ start: where.start, end: where.end, newText: newName });
  }
  return { title: fixTitles.replaceType(to), edits, preferred: true };
}
