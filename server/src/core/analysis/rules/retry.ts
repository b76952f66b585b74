import type { YAMLMap } from 'yaml';
import type { PropertyMap } from '../../catalogue';
import { findPair, keyName, keySpan, pairs, span, stringAt } from '../../model/yaml-access';
import { closest } from '../../util/did-you-mean';
import { parseDuration } from '../../util/duration';
import { checkMap, insertPropertyFix, renameFix } from '../check-value';
import type { RuleContext } from '../context';
import { messages } from '../messages';

/** Keys people bring from other tools (Airflow, Celery, the seed document), with the Kestra name. */
const FOREIGN_RETRY_KEYS: Readonly<Record<string, string>> = {
  delay: 'interval',
  multiplier: 'delayFactor',
  backoff: 'delayFactor',
  retries: 'maxAttempts',
  maxRetries: 'maxAttempts',
  max_attempts: 'maxAttempts',
};

/** A retry policy: its `type`, the properties of that type, and Kestra's cross-field rules. */
export function checkRetry(ctx: RuleContext, map: YAMLMap): void {
  const where = span(map);
  if (!where) return;
  const type = stringAt(map, 'type');
  const retryDef = type ? ctx.catalogue.retryType(type.value) : undefined;
  const anchor = type ?? { start: where.start, end: where.start + 1 };
  if (!retryDef) {
    // Without a known type, check against every retry property so typos still surface.
    const union: Record<string, PropertyMap[string]> = {};
    for (const name of ctx.catalogue.retryTypeNames()) {
      Object.assign(union, ctx.catalogue.retryPropertiesOf(ctx.catalogue.retryType(name)!));
    }
    if (type) {
      const names = ctx.catalogue.retryTypeNames();
      const suggestions = closest(type.value, names, { max: 2, caseInsensitive: true });
      ctx.report('invalid-enum', type, messages.notInEnum('type', type.value, names, suggestions), {
        fixes: suggestions.map((s) => ({ title: `Use \`${s}\``, edits: [{ ...type, newText: s }], preferred: true })),
      });
    }
    const skip = checkForeignKeys(ctx, map);
    if (type) skip.add('type');
    else {
      const guess = guessRetryType(map);
      ctx.report('missing-property', anchor, messages.missingProperty('type', 'this retry policy'), {
        fixes: insertPropertyFix(ctx, map, 'type', guess, `Add \`type: ${guess}\``),
      });
    }
    checkMap(ctx, map, relaxRequired(union), { label: 'this retry policy', anchor, skip });
    return;
  }
  const skip = checkForeignKeys(ctx, map);
  checkMap(ctx, map, ctx.catalogue.retryPropertiesOf(retryDef), { label: `the \`${retryDef.type}\` retry policy`, anchor, skip });
  checkIntervals(ctx, map, retryDef.type);
}

/** Reports keys from other tools with their Kestra spelling; returns them so checkMap does not report them twice. */
function checkForeignKeys(ctx: RuleContext, map: YAMLMap): Set<string> {
  const reported = new Set<string>();
  for (const pair of pairs(map)) {
    const key = keyName(pair);
    const kspan = keySpan(pair);
    const kestraName = key ? FOREIGN_RETRY_KEYS[key] : undefined;
    if (!key || !kspan || !kestraName) continue;
    reported.add(key);
    ctx.report('unknown-property', kspan, messages.unknownProperty(key, 'a retry policy', [kestraName]), {
      fixes: [renameFix(kspan, key, kestraName)],
    });
  }
  return reported;
}

/** The retry type the other keys point to: a growth factor means exponential, a minimum means random. */
function guessRetryType(map: YAMLMap): string {
  const keys = new Set(pairs(map).map(keyName));
  if (keys.has('delayFactor') || keys.has('multiplier') || keys.has('backoff') || keys.has('maxInterval')) {
    return keys.has('minInterval') ? 'random' : 'exponential';
  }
  return keys.has('minInterval') ? 'random' : 'constant';
}

function relaxRequired(props: Record<string, PropertyMap[string]>): PropertyMap {
  const out: Record<string, PropertyMap[string]> = {};
  for (const [k, v] of Object.entries(props)) out[k] = { ...v, required: false };
  return out;
}

/** Kestra's retry validators: each interval must be shorter than the bound it lives under. */
function checkIntervals(ctx: RuleContext, map: YAMLMap, type: string): void {
  const ms = (key: string): number | undefined => {
    const v = stringAt(map, key);
    if (!v) return undefined;
    const parsed = parseDuration(v.value);
    return 'ms' in parsed ? parsed.ms : undefined;
  };
  const rule = (small: string, big: string): void => {
    const a = ms(small);
    const b = ms(big);
    const pair = findPair(map, small);
    const where = pair ? span(pair.value as never) : undefined;
    if (a !== undefined && b !== undefined && a >= b && where) {
      ctx.report('invalid-retry', where, messages.retryIntervalNotBelow(small, big));
    }
  };
  if (type === 'constant' || type === 'exponential') rule('interval', 'maxDuration');
  if (type === 'exponential') rule('interval', 'maxInterval');
  if (type === 'random') {
    rule('minInterval', 'maxDuration');
    rule('maxInterval', 'maxDuration');
    rule('minInterval', 'maxInterval');
  }
}
