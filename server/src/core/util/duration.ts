/**
 * Kestra durations (`timeout`, `interval`, `lateMaximumDelay`, …).
 *
 * Kestra reads them into `java.time.Duration` through Jackson:
 *   - a string goes to `Duration.parse`, which knows only days, hours,
 *     minutes and seconds (`PnDTnHnMn.nS`); years, months and weeks are a
 *     `Period` thing and are rejected;
 *   - a number is a count of seconds (decimals allowed).
 * We mirror `Duration.parse` closely: optional leading sign, a sign on each
 * part (`PT-6H3M`), `T` required before time parts and followed by at least
 * one, fractions on seconds only (up to 9 digits, `.` or `,`), letters in any
 * case. A numeric string is also read as seconds, like a number.
 * Results are in milliseconds; precision below 1 ms is kept as a fraction.
 */

export type DurationResult = { ms: number } | { error: string };

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

// Same shape as the pattern Java uses; groups: sign, days, T, hours, minutes, seconds, fraction.
const ISO = /^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$/i;
const NUMBER = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
// Java keeps seconds in a long; beyond this the value would overflow there.
const MAX_MS = 9.2e21;

/** Parse a Kestra duration given as text (ISO-8601 or a number of seconds). */
export function parseDuration(text: string): DurationResult {
  const value = text.trim();
  if (value === '') return { error: 'The duration is empty; write an ISO-8601 duration such as PT5M.' };

  if (NUMBER.test(value)) {
    return checked(Number(value) * MS_PER_SECOND);
  }

  const m = ISO.exec(value);
  if (m) {
    const [, sign, days, t, hours, minutes, seconds, fraction] = m;
    if (days === undefined && hours === undefined && minutes === undefined && seconds === undefined) {
      return {
        error: t
          ? `'${value}' has no time part after T; write for example PT5M or PT1H.`
          : `'${value}' has no part; write for example PT5M, PT1H or P1D.`,
      };
    }
    if (t && hours === undefined && minutes === undefined && seconds === undefined) {
      return { error: `'${value}' ends with T but has no time part after it; drop the T or add one, e.g. ${value}1H.` };
    }
    let ms = 0;
    if (days) ms += Number(days) * MS_PER_DAY;
    if (hours) ms += Number(hours) * MS_PER_HOUR;
    if (minutes) ms += Number(minutes) * MS_PER_MINUTE;
    if (seconds) {
      const whole = Number(seconds);
      // The fraction takes the sign of its seconds, as in Java ("-0.5" is negative).
      const frac = fraction ? Number(`0.${fraction}`) : 0;
      const negative = seconds.startsWith('-');
      ms += (whole + (negative ? -frac : frac)) * MS_PER_SECOND;
    }
    if (sign === '-') ms = -ms;
    return checked(ms);
  }

  return { error: explain(value) };
}

function checked(ms: number): DurationResult {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_MS) return { error: 'The duration is too large.' };
  return { ms: ms === 0 ? 0 : ms };
}

/** Why `value` is not a duration, with a corrected form when we can guess one. */
function explain(value: string): string {
  const upper = value.toUpperCase();
  if (/^[-+]?P/.test(upper)) {
    const datePart = upper.replace(/^[-+]?P/, '').split('T')[0] ?? '';
    const unit = /[0-9.,]+([YMW])/.exec(datePart)?.[1];
    if (unit === 'Y') {
      return `Years are not supported in '${value}': Kestra durations (Java Duration) only know days, hours, minutes and seconds; write days instead, e.g. P365D.`;
    }
    if (unit === 'W') {
      return `Weeks are not supported in '${value}': Kestra durations (Java Duration) only know days, hours, minutes and seconds; write days instead, e.g. P7D.`;
    }
    if (unit === 'M') {
      return `Months are not supported in '${value}': Kestra durations (Java Duration) only know days, hours, minutes and seconds; for minutes put them after T, e.g. PT${/([0-9]+)M/.exec(datePart)?.[1] ?? '5'}M.`;
    }
    const fractional =
      /^([-+]?)P(?:([0-9]+(?:[.,][0-9]*)?)D)?(?:T(?:([0-9]+(?:[.,][0-9]*)?)H)?(?:([0-9]+(?:[.,][0-9]*)?)M)?(?:([0-9]+(?:[.,][0-9]*)?)S)?)?$/.exec(
        upper,
      );
    if (fractional) {
      const [, sign, d, h, m, s] = fractional;
      const num = (x: string | undefined): number => (x ? Number(x.replace(',', '.')) : 0);
      const ms = num(d) * MS_PER_DAY + num(h) * MS_PER_HOUR + num(m) * MS_PER_MINUTE + num(s) * MS_PER_SECOND;
      return `Only seconds may have a fraction in '${value}'; write ${toIsoDuration(sign === '-' ? -ms : ms)}.`;
    }
    if (/^[-+]?P[0-9]+[HS]/.test(upper)) {
      return `Time parts need a T after P in '${value}'; write ${value.replace(/^([-+]?)P/i, '$1PT')}.`;
    }
    return `'${value}' is not a valid ISO-8601 duration; expected the form PnDTnHnMn.nS, e.g. PT30S, PT1H30M or P1D.`;
  }
  const guess = fromShorthand(value);
  if (guess !== undefined) return `'${value}' is not an ISO-8601 duration; write ${guess}.`;
  return `'${value}' is not a duration; use ISO-8601 such as PT30S, PT5M, PT1H30M or P1D, or a number of seconds.`;
}

const SHORT_UNITS: Record<string, number> = {
  ms: 1,
  s: MS_PER_SECOND,
  sec: MS_PER_SECOND,
  secs: MS_PER_SECOND,
  second: MS_PER_SECOND,
  seconds: MS_PER_SECOND,
  m: MS_PER_MINUTE,
  min: MS_PER_MINUTE,
  mins: MS_PER_MINUTE,
  minute: MS_PER_MINUTE,
  minutes: MS_PER_MINUTE,
  h: MS_PER_HOUR,
  hr: MS_PER_HOUR,
  hrs: MS_PER_HOUR,
  hour: MS_PER_HOUR,
  hours: MS_PER_HOUR,
  d: MS_PER_DAY,
  day: MS_PER_DAY,
  days: MS_PER_DAY,
  w: 7 * MS_PER_DAY,
  week: 7 * MS_PER_DAY,
  weeks: 7 * MS_PER_DAY,
};

/** Read forms like `1h`, `1h30m`, `90 s`, `2 days` and return the ISO form. */
function fromShorthand(value: string): string | undefined {
  const re = /([0-9]+(?:\.[0-9]+)?)\s*([a-z]+)\s*/giy;
  const body = value.replace(/^[-+]/, '');
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const unit = SHORT_UNITS[(m[2] ?? '').toLowerCase()];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    pos = re.lastIndex;
  }
  if (pos === 0 || pos !== body.length) return undefined;
  return toIsoDuration(value.startsWith('-') ? -total : total);
}

/** The canonical ISO-8601 text Kestra would accept for `ms` (e.g. 5400000 → "PT1H30M"). */
export function toIsoDuration(ms: number): string {
  if (ms === 0) return 'PT0S';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / MS_PER_DAY);
  rest -= days * MS_PER_DAY;
  const hours = Math.floor(rest / MS_PER_HOUR);
  rest -= hours * MS_PER_HOUR;
  const minutes = Math.floor(rest / MS_PER_MINUTE);
  rest -= minutes * MS_PER_MINUTE;
  const seconds = Math.round(rest) / MS_PER_SECOND; // milliseconds are enough precision here
  let out = `${sign}P${days ? `${days}D` : ''}`;
  if (hours || minutes || seconds) {
    out += 'T';
    if (hours) out += `${hours}H`;
    if (minutes) out += `${minutes}M`;
    if (seconds) out += `${seconds}S`;
  }
  return out;
}

/**
 * Compact human text: "1 h 30 min", "2 d 4 h", "45 s", "1 s 500 ms", "-5 min".
 * Every non-zero unit is shown, so nothing is rounded away (bar sub-ms noise).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const total = Math.round(Math.abs(ms));
  if (total === 0) return '0 s';
  const parts: string[] = [];
  let rest = total;
  const units: [number, string][] = [
    [MS_PER_DAY, 'd'],
    [MS_PER_HOUR, 'h'],
    [MS_PER_MINUTE, 'min'],
    [MS_PER_SECOND, 's'],
    [1, 'ms'],
  ];
  for (const [size, label] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${label}`);
    rest -= count * size;
  }
  return (ms < 0 ? '-' : '') + parts.join(' ');
}
