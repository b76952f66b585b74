import { isScalar, type Scalar, type YAMLMap } from 'yaml';
import { scalarSource } from '../document/scalar-source';
import type { ValueType } from '../catalogue';
import { span, valueOf } from '../model/yaml-access';
import { validateCron } from '../util/cron';
import { parseDuration } from '../util/duration';
import { isValidTimeZone, suggestTimeZones } from '../util/timezone';
import type { RuleContext } from './context';
import { fixTitles, messages } from './messages';

type StringType = Extract<ValueType, { kind: 'string' }>;

const PATTERN_RULES: Readonly<Record<string, string>> = {
  '^[a-zA-Z0-9][a-zA-Z0-9_-]*$': 'letters, digits, `_` and `-` only, starting with a letter or digit (no dots)',
  '^[a-zA-Z0-9][.a-zA-Z0-9_-]*$': 'letters, digits, `.`, `_` and `-` only, starting with a letter or digit',
  '^[a-zA-Z0-9][a-zA-Z0-9._-]*$': 'letters, digits, `.`, `_` and `-` only, starting with a letter or digit',
  '^[a-z0-9][a-z0-9._-]*$': 'lower-case letters, digits, `.`, `_` and `-` only, starting with a letter or digit',
};

const compiledPatterns = new Map<string, RegExp>();

/** Checks a scalar against a string type's pattern, length and format (duration, cron, time zone…). */
export function checkFormat(ctx: RuleContext, node: Scalar, type: StringType, key: string, parent: YAMLMap): void {
  const where = span(node);
  if (!where) return;
  const text = String(node.value ?? '');
  if (type.pattern) {
    let re = compiledPatterns.get(type.pattern);
    if (!re) compiledPatterns.set(type.pattern, (re = new RegExp(type.pattern, 'u')));
    if (!re.test(text)) {
      const fixes = idRepairs(text)
        .filter((candidate) => re!.test(candidate))
        .slice(0, 1)
        .map((candidate) => ({ title: fixTitles.replaceValue(candidate), edits: [{ ...where, newText: candidate }], preferred: true }));
      ctx.report('invalid-id', where, messages.patternMismatch(key, text, PATTERN_RULES[type.pattern] ?? `it must match ${type.pattern}`), {
        fixes,
      });
    }
  }
  if (type.maxLength !== undefined && text.length > type.maxLength) {
    ctx.report('invalid-value', where, messages.tooLong(key, type.maxLength));
  }
  switch (type.format) {
    case 'duration': {
      const parsed = parseDuration(text);
      if ('error' in parsed) ctx.report('invalid-duration', where, messages.invalidDuration(parsed.error));
      return;
    }
    case 'timezone':
      if (!isValidTimeZone(text)) {
        const suggestions = suggestTimeZones(text).slice(0, 3);
        const fixes = suggestions.map((s) => ({ title: fixTitles.replaceValue(s), edits: [{ ...where, newText: s }], preferred: true }));
        ctx.report('invalid-timezone', where, messages.invalidTimezone(text, suggestions), { fixes });
      }
      return;
    case 'cron': {
      const withSeconds = valueOf(parent, 'withSeconds');
      const seconds = isScalar(withSeconds) && (withSeconds.value === true || withSeconds.value === 'true');
      const source = scalarSource(ctx.file.text, node);
      for (const problem of validateCron(text, seconds)) {
        const exact = source?.spanOf(problem.start, Math.max(problem.end, problem.start));
        ctx.report('invalid-cron', exact ?? where, messages.invalidCron(problem.message));
      }
      return;
    }
    case 'regex':
      try {
        new RegExp(text, 'u');
      } catch (e) {
        ctx.report('invalid-regex', where, messages.invalidRegex(text, (e as Error).message.replace(/^Invalid regular expression: /, '')));
      }
      return;
    default:
      return;
  }
}

/** Likely intended spellings of a bad id: lower case, or odd characters replaced by `_`. */
function idRepairs(text: string): string[] {
  const lower = text.toLowerCase();
  const underscored = text.replace(/[^a-zA-Z0-9_-]/g, '_').replace(/^[_-]+/, '');
  return [lower, underscored, lower.replace(/[^a-z0-9._-]/g, '_').replace(/^[._-]+/, '')].filter((c) => c.length > 0 && c !== text);
}
