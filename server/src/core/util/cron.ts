/**
 * Cron expressions of Kestra's Schedule trigger.
 *
 * Kestra parses `cron` with cron-utils and its own definition (UNIX style):
 *   minute hour day-of-month month day-of-week          (5 fields)
 *   second minute hour day-of-month month day-of-week   (`withSeconds: true`)
 * Choices made here, following that definition:
 *   - syntax per field: `*`, numbers, lists `a,b`, ranges `a-b`, steps on `*`
 *     or on a range (`a-b/n`), and also `a/n` and `/n`, which cron-utils
 *     reads as "from a (or the minimum), every n"; month names JAN–DEC and
 *     day names SUN–SAT, in any case;
 *   - `?`, `L`, `W`, `LW` and `#` are refused: Kestra's definition does not
 *     enable them (they are Quartz features), so cron-utils rejects them;
 *   - ranges must go upwards (strict ranges); a step must be between 1 and the
 *     field's maximum (cron-utils checks the step against the field's range);
 *   - day-of-week 0 and 7 are both Sunday. Whether cron-utils reads the name
 *     SUN as 0 or 7 inside a range depends on its version, so SUN-SAT and
 *     MON-SUN are both accepted;
 *   - nicknames (@yearly @annually @monthly @weekly @daily @midnight @hourly)
 *     are accepted with or without `withSeconds`: Kestra registers them on the
 *     definition used by both parsers and cron-utils fills the second with 0.
 *     They must be the whole text, lower-case, without surrounding spaces;
 *   - cron-utils' composite syntax with `|` is not checked (no problems, no
 *     description, no runs).
 * Day matching: when both day-of-month and day-of-week are restricted (not a
 * plain `*`), a day matches if EITHER matches: cron-utils without
 * `matchDayOfWeekAndDayOfMonth`, like Vixie cron (which however also counts
 * `*` + `/n` as unrestricted). croner does the same with `domAndDow: false`
 * (its old `legacyMode: true`) and also only treats a plain `*` as
 * unrestricted; we set that option explicitly.
 * Daylight-saving gaps and overlaps may be handled differently by croner and
 * cron-utils; previews around those hours are indicative.
 */
import cronstrue from 'cronstrue';
import { Cron } from 'croner';
import { closest } from './did-you-mean';

export interface CronProblem {
  message: string;
  /** Offset of the first bad character in the expression. */
  start: number;
  /** Offset just after the last bad character. */
  end: number;
}

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  names?: readonly string[]; // index + offset = value
  nameOffset?: number;
  allowed: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FULL_MONTHS = 'JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER'.split(' ');
const FULL_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

const SECOND: FieldSpec = { label: 'second', min: 0, max: 59, allowed: '0–59' };
const FIVE_FIELDS: FieldSpec[] = [
  { label: 'minute', min: 0, max: 59, allowed: '0–59' },
  { label: 'hour', min: 0, max: 23, allowed: '0–23' },
  { label: 'day-of-month', min: 1, max: 31, allowed: '1–31' },
  { label: 'month', min: 1, max: 12, names: MONTHS, nameOffset: 1, allowed: '1–12 or JAN–DEC' },
  { label: 'day-of-week', min: 0, max: 7, names: DAYS, nameOffset: 0, allowed: '0–7 (0 and 7 are Sunday) or SUN–SAT' },
];
const FIELD_LIST = 'minute hour day-of-month month day-of-week';

const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface Token {
  text: string;
  start: number;
}

function tokens(expr: string): Token[] {
  return [...expr.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
}

function problem(message: string, start: number, length: number): CronProblem {
  return { message, start, end: start + length };
}

/** Check a Schedule `cron` value; an empty list means Kestra will accept it. */
export function validateCron(expr: string, withSeconds: boolean): CronProblem[] {
  const parts = tokens(expr);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) return [problem('The cron expression is empty.', 0, expr.length)];
  if (expr.includes('|')) return [];
  const whole = { start: first.start, end: last.start + last.text.length };

  if (first.text.startsWith('@')) return checkNickname(expr, parts, whole);

  const expected = withSeconds ? 6 : 5;
  if (parts.length !== expected) {
    let message: string;
    if (!withSeconds && parts.length === 6) {
      message = `This cron has 6 fields but Kestra expects 5 (${FIELD_LIST}). If the first field is seconds, set \`withSeconds: true\`; otherwise remove one field.`;
    } else if (withSeconds && parts.length === 5) {
      message = `With \`withSeconds: true\` the cron needs 6 fields (second ${FIELD_LIST}) but has 5. Add a seconds field in front (e.g. \`0 ${parts.map((p) => p.text).join(' ')}\`) or remove \`withSeconds\`.`;
    } else {
      const year = parts.length === expected + 1 ? ' Kestra cron has no year field.' : '';
      message = `This cron has ${parts.length} field${parts.length === 1 ? '' : 's'} but Kestra expects ${expected} (${withSeconds ? 'second ' : ''}${FIELD_LIST}).${year}`;
    }
    return [{ message, ...whole }];
  }

  const specs = withSeconds ? [SECOND, ...FIVE_FIELDS] : FIVE_FIELDS;
  const problems: CronProblem[] = [];
  parts.forEach((part, i) => {
    const spec = specs[i];
    if (spec) checkField(part, spec, problems);
  });
  return problems;
}

function checkNickname(expr: string, parts: Token[], whole: { start: number; end: number }): CronProblem[] {
  const text = parts.length === 1 ? (parts[0]?.text ?? '') : expr.trim();
  const names = Object.keys(NICKNAMES);
  if (NICKNAMES[text] !== undefined) {
    return text === expr ? [] : [{ message: `Remove the spaces around ${text}: Kestra wants the nickname alone.`, ...whole }];
  }
  let message: string;
  if (NICKNAMES[text.toLowerCase()] !== undefined) {
    message = `Cron nicknames are lower-case: write ${text.toLowerCase()}.`;
  } else if (text.toLowerCase() === '@reboot') {
    message = `@reboot is not supported by Kestra's Schedule trigger; use one of ${names.join(', ')} or a cron expression.`;
  } else {
    const guess = closest(text.split(/\s/)[0] ?? text, names, { max: 1 })[0];
    message = `Unknown cron nickname ${text}; Kestra supports ${names.join(', ')}.${guess ? ` Did you mean ${guess}?` : ''}`;
  }
  return [{ message, ...whole }];
}

function checkField(field: Token, spec: FieldSpec, out: CronProblem[]): void {
  let offset = field.start;
  for (const item of field.text.split(',')) {
    if (item === '') {
      // The stray comma is the one right before (or, at the start, after) this empty entry.
      const comma = offset === field.start ? offset : offset - 1;
      out.push(problem(`Empty entry in the ${spec.label} list: remove the extra comma.`, comma, 1));
    } else {
      checkItem(item, offset, spec, out);
    }
    offset += item.length + 1;
  }
}

function checkItem(item: string, at: number, spec: FieldSpec, out: CronProblem[]): void {
  const fail = (message: string, start: number, length: number): void => {
    out.push(problem(message, start, length));
  };
  const isDayField = spec.label === 'day-of-month' || spec.label === 'day-of-week';
  const unsupported = unsupportedFeature(item.toUpperCase(), isDayField);
  if (unsupported) return fail(unsupported, at, item.length);
  const slashes = item.split('/');
  if (slashes.length > 2) return fail(`Only one step (/) is allowed in a ${spec.label} entry.`, at, item.length);
  const base = slashes[0] ?? '';
  const step = slashes[1];
  if (step !== undefined) {
    const stepAt = at + base.length + 1;
    if (step === '') fail(`Missing step after / in ${spec.label}.`, stepAt - 1, 1);
    else if (!/^\d+$/.test(step)) fail(`The ${spec.label} step must be a whole number, found '${step}'.`, stepAt, step.length);
    else if (Number(step) < 1 || Number(step) > spec.max) {
      fail(`${capital(spec.label)} step ${Number(step)} is out of range 1–${spec.max}.`, stepAt, step.length);
    }
  }
  if (base === '*' || (base === '' && step !== undefined)) return;

  const dash = base.indexOf('-');
  if (dash < 0) {
    value(base, at, spec, out);
    return;
  }
  const from = base.slice(0, dash);
  const to = base.slice(dash + 1);
  if (from === '' || to === '' || to.includes('-')) {
    const example = `${spec.min}-${spec.max}`;
    return fail(`Incomplete ${spec.label} range '${base}': write it as start-end, e.g. ${example}.`, at, base.length);
  }
  const a = value(from, at, spec, out);
  const b = value(to, at + dash + 1, spec, out, true);
  if (a !== undefined && b !== undefined && a > b) {
    const numeric = /^\d+$/.test(from) && /^\d+$/.test(to);
    const hint = numeric ? ` (to wrap around, write ${from}-${spec.max},${spec.min}-${to})` : '';
    const message = `${capital(spec.label)} range ${base} runs backwards: the start must not be after the end${hint}.`;
    fail(message, at, base.length);
  }
}

/** Read one number or name; report it and return undefined when it is not valid. */
function value(text: string, at: number, spec: FieldSpec, out: CronProblem[], rangeEnd = false): number | undefined {
  const key = text.toUpperCase();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= spec.min && n <= spec.max) return n;
  } else {
    const index = spec.names?.indexOf(key) ?? -1;
    // SUN closing a range counts as 7 so that MON-SUN reads as 1-7.
    if (index === 0 && rangeEnd && spec.names === DAYS) return 7;
    if (index >= 0) return index + (spec.nameOffset ?? 0);
  }
  out.push(problem(valueMessage(text, key, spec), at, Math.max(text.length, 1)));
  return undefined;
}

function valueMessage(text: string, key: string, spec: FieldSpec): string {
  if (/^\d+$/.test(text)) return `${capital(spec.label)} ${Number(text)} is out of range ${spec.allowed}.`;
  if (text === '*') return `* cannot be part of a ${spec.label} range; use * alone or a range such as 1-5.`;
  const day = FULL_DAYS.indexOf(key);
  const month = FULL_MONTHS.indexOf(key);
  if (spec.names === DAYS && day >= 0) return `Use the three-letter day name ${DAYS[day]} instead of ${text}.`;
  if (spec.names === MONTHS && month >= 0) return `Use the three-letter month name ${MONTHS[month]} instead of ${text}.`;
  if (DAYS.includes(key) || day >= 0) return `${text} is a day name; day names only go in the day-of-week field.`;
  if (MONTHS.includes(key) || month >= 0) return `${text} is a month name; month names only go in the month field.`;
  if (spec.names) return `'${text}' is not a valid ${spec.label}; use ${spec.allowed}.`;
  return `The ${spec.label} must be a number (${spec.allowed}), found '${text}'.`;
}

/** Quartz-only features that Kestra's UNIX-style definition refuses. */
function unsupportedFeature(item: string, isDayField: boolean): string | undefined {
  const tail = "Kestra's cron follows the UNIX format, which does not support it";
  if (item.includes('?')) return `? (no specific value) is a Quartz feature; ${tail}. Use * instead.`;
  if (item.includes('#')) {
    return `# (nth weekday of the month) is a Quartz feature; ${tail}. Schedule the weekday and add a DayWeekInMonth condition instead.`;
  }
  if (!isDayField) return undefined;
  if (item === 'LW' || /^\d+W$/.test(item)) return `W (nearest weekday) is a Quartz feature; ${tail}.`;
  if (item === 'L' || /^(\d+|[A-Z]{3})L$/.test(item) || /^L-\d+$/.test(item)) {
    return `L (last day) is a Quartz feature; ${tail}.`;
  }
  return undefined;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The expression with any nickname spelled out, in the field count of the mode. */
function expand(expr: string, withSeconds: boolean): string[] {
  const nickname = NICKNAMES[expr.trim()];
  const fields = nickname !== undefined ? nickname.split(' ') : expr.trim().split(/\s+/);
  return nickname !== undefined && withSeconds ? ['0', ...fields] : fields;
}

const WEEKDAY_WORDS = 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday';

/** The schedule in English ("At 09:00, Monday through Friday"), or undefined if invalid. */
export function describeCron(expr: string, withSeconds: boolean): string | undefined {
  if (expr.includes('|') || validateCron(expr, withSeconds).length > 0) return undefined;
  const fields = expand(expr, withSeconds).map((f) =>
    // cronstrue misreads a bare "/n"; cron-utils means "*/n".
    f
      .split(',')
      .map((item) => (item.startsWith('/') ? `*${item}` : item))
      .join(','),
  );
  const dow = fields.length - 1;
  // 0-7 covers every day; cronstrue would print "Sunday through Sunday".
  if (fields[dow] === '0-7' || fields[dow]?.toUpperCase() === 'SUN-SUN') fields[dow] = '*';
  try {
    let text = cronstrue.toString(fields.join(' '), {
      use24HourTimeFormat: true,
      dayOfWeekStartIndexZero: true,
      throwExceptionOnParseError: true,
    });
    // cronstrue joins the two day fields with "and" (or nothing); Kestra matches either of them.
    if (fields[dow - 2] !== '*' && fields[dow] !== '*') {
      text = text.replace(new RegExp(`, (?:and )?(on )?(?=${WEEKDAY_WORDS})`), ', or $1');
    }
    return text;
  } catch {
    return undefined;
  }
}

/** croner's time-zone options for a Kestra (Java) zone id; UTC when undefined. */
function zoneOptions(timeZone: string | undefined): { timezone?: string; utcOffset?: number } {
  const zone = timeZone?.trim();
  if (!zone || zone === 'Z' || zone === 'UTC' || zone === 'GMT' || zone === 'UT') return { timezone: 'Etc/UTC' };
  const offset = /^(?:UTC|GMT|UT)?([+-])(\d{1,2}):?(\d{2})?(?::?\d{2})?$/.exec(zone);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return { utcOffset: offset[1] === '-' ? -minutes : minutes };
  }
  return { timezone: zone };
}

/**
 * The next `count` times the schedule fires strictly after `from`, evaluated
 * in `timeZone` (an IANA id or a fixed offset; UTC when undefined). Empty when
 * the expression or the zone is invalid.
 */
export function nextRuns(expr: string, withSeconds: boolean, timeZone: string | undefined, from: Date, count = 5): Date[] {
  if (count <= 0 || expr.includes('|') || validateCron(expr, withSeconds).length > 0) return [];
  try {
    const job = new Cron(expand(expr, withSeconds).join(' '), {
      mode: withSeconds ? '6-part' : '5-part',
      sloppyRanges: true, // accept a/n and /n as cron-utils does
      domAndDow: false, // OR of day-of-month and day-of-week (Unix semantics)
      ...zoneOptions(timeZone),
    });
    return job.nextRuns(count, from);
  } catch {
    return [];
  }
}
