import type { PluginTypeDef } from '../catalogue';
import { lastSegment } from './describe';

/**
 * Orders plugin types for a typed prefix. People type the class name they remember (`Log`, `commands`),
 * not the package, so the last segment of the type counts most; a dotted prefix is matched on the full name.
 */

/** Types most flows use, offered first when nothing is typed yet. */
const POPULAR = [
  'io.kestra.plugin.core.log.Log',
  'io.kestra.plugin.scripts.shell.Commands',
  'io.kestra.plugin.scripts.python.Script',
  'io.kestra.plugin.core.http.Request',
  'io.kestra.plugin.core.flow.Subflow',
  'io.kestra.plugin.core.flow.If',
  'io.kestra.plugin.core.flow.Switch',
  'io.kestra.plugin.core.flow.Parallel',
  'io.kestra.plugin.core.flow.Loop',
  'io.kestra.plugin.core.flow.ForEach',
  'io.kestra.plugin.core.output.OutputValues',
  'io.kestra.plugin.core.trigger.Schedule',
  'io.kestra.plugin.core.trigger.Flow',
  'io.kestra.plugin.core.trigger.Webhook',
  'io.kestra.plugin.scripts.runner.docker.Docker',
  'io.kestra.plugin.core.runner.Process',
];
const POPULARITY = new Map(POPULAR.map((type, i) => [type, i]));

/** 0 is best. Types that do not match at all get the last rank but stay: the editor filters again. */
export function matchRank(prefix: string, type: string): number {
  const p = prefix.toLowerCase();
  if (p.length === 0) return 0;
  const full = type.toLowerCase();
  const last = lastSegment(full);
  if (last === p || full === p) return 0;
  if (last.startsWith(p) || full.startsWith(p)) return 1;
  if (p.includes('.') && full.includes(p)) return 2;
  if (last.includes(p)) return 3;
  if (full.includes(p)) return 4;
  if (isSubsequence(p, full)) return 5;
  return 6;
}

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

/** Plugin definitions sorted for the prefix: match rank, then core before others, popular, short, alphabetical. */
export function rankTypes(defs: readonly PluginTypeDef[], prefix: string): PluginTypeDef[] {
  const keyed = defs.map((def) => ({
    def,
    rank: matchRank(prefix, def.type),
    core: def.type.startsWith('io.kestra.plugin.core.') ? 0 : 1,
    popular: POPULARITY.get(def.type) ?? POPULAR.length,
    last: lastSegment(def.type),
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      (prefix.length === 0 ? a.popular - b.popular : 0) ||
      a.core - b.core ||
      a.popular - b.popular ||
      a.last.length - b.last.length ||
      a.def.type.localeCompare(b.def.type),
  );
  return keyed.map((k) => k.def);
}
