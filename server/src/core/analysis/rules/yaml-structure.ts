import { isAlias, isMap, type Node } from 'yaml';
import { keyName, keySpan, pairs, walk } from '../../model/yaml-access';
import type { RuleContext } from '../context';
import { messages } from '../messages';

/**
 * SnakeYAML, which Kestra's parser uses, refuses documents with more than 50 aliases in collections:
 * the defence against "billion laughs" alias bombs. The studio never expands aliases, but says so.
 */
export const MAX_ALIASES = 50;

/** YAML-level problems: syntax errors, duplicate keys, alias bombs. Works on any section, flow or not. */
export function checkYamlStructure(ctx: RuleContext): void {
  for (const error of ctx.section.errors) ctx.report('yaml-syntax', error, messages.yamlSyntax(error.message.replace(/\.$/, '')));
  let aliases = 0;
  let firstAlias: Node | undefined;
  walk(ctx.section.doc.contents, (node) => {
    if (isAlias(node)) {
      aliases++;
      firstAlias ??= node;
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of pairs(node)) {
        const key = keyName(pair);
        if (key === undefined) continue;
        const where = keySpan(pair);
        if (seen.has(key) && where) ctx.report('duplicate-key', where, messages.duplicateKey(key));
        seen.add(key);
      }
    }
  });
  if (aliases > MAX_ALIASES && firstAlias?.range) {
    ctx.report('too-many-aliases', { start: firstAlias.range[0], end: firstAlias.range[1] }, messages.tooManyAliases(aliases, MAX_ALIASES));
  }
}
