/**
 * Time-zone ids as Kestra checks them: `ZoneId.of(value)` in Java.
 *
 * Accepted:
 *   - region ids of the tz database (`Europe/Paris`, `Etc/GMT+5`, links such
 *     as `US/Eastern`), checked with Intl (ICU) and case-sensitive like Java
 *     (Intl itself would take `europe/paris`). Case is compared exactly with
 *     ICU's list; for links missing from that list we only require each
 *     segment to start with a capital, so `US/EASTERN` gets through;
 *   - `Z`, `UTC`, `GMT`, `UT`;
 *   - fixed offsets as `ZoneOffset.of` reads them: `+h`, `+hh`, `+hhmm`,
 *     `+hh:mm`, `+hhmmss`, `+hh:mm:ss` (sign required, at most ±18:00),
 *     alone or after `UTC`, `GMT` or `UT` (`UTC+01:00`, `GMT-5`).
 * Refused although ICU knows them: the old three-letter Java aliases (`PST`,
 * `IST`, `CST`, …; only `EST`, `MST`, `HST` are real tz ids), `SystemV/…`,
 * and ids dropped from the tz database (`US/Pacific-New`,
 * `Canada/East-Saskatchewan`). What Intl accepts depends on the ICU data of
 * the running Node; a few very recent or very old links may differ from the
 * JVM's tzdb.
 */
import { closest } from './did-you-mean';

const SPECIAL = new Set(['Z', 'UTC', 'GMT', 'UT']);

// Java's ZoneId.SHORT_IDS that are not tz database ids (ZoneId.of rejects them).
const JAVA_SHORT_ONLY = new Set([
  'ACT',
  'AET',
  'AGT',
  'ART',
  'AST',
  'BET',
  'BST',
  'CAT',
  'CNT',
  'CST',
  'CTT',
  'EAT',
  'ECT',
  'IET',
  'IST',
  'JST',
  'MIT',
  'NET',
  'NST',
  'PLT',
  'PNT',
  'PRT',
  'PST',
  'SST',
  'VST',
]);
const DROPPED = new Set(['US/Pacific-New', 'Canada/East-Saskatchewan']);

// Current tz names that ICU still lists under an older spelling; both are valid.
const MODERN: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

// Everyday abbreviations people type instead of a zone id.
const ABBREVIATIONS: Record<string, string[]> = {
  PST: ['America/Los_Angeles'],
  PDT: ['America/Los_Angeles'],
  MDT: ['America/Denver'],
  CST: ['America/Chicago'],
  CDT: ['America/Chicago'],
  EDT: ['America/New_York'],
  AKST: ['America/Anchorage'],
  AKDT: ['America/Anchorage'],
  BST: ['Europe/London'],
  CEST: ['Europe/Paris', 'Europe/Berlin'],
  EEST: ['Europe/Athens'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  HKT: ['Asia/Hong_Kong'],
  SGT: ['Asia/Singapore'],
  AEST: ['Australia/Sydney'],
  AEDT: ['Australia/Sydney'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
};

const OFFSET = /^[+-](\d{1,2}|\d{4}|\d{2}:\d{2}|\d{6}|\d{2}:\d{2}:\d{2})$/;

/** Is `text` an offset `ZoneOffset.of` accepts (`+2`, `-0530`, `+05:30`, …)? */
function isJavaOffset(text: string): boolean {
  if (text === 'Z') return true;
  if (!OFFSET.test(text)) return false;
  const digits = text.slice(1).replace(/:/g, '');
  const hours = Number(digits.length <= 2 ? digits : digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  const seconds = digits.length > 4 ? Number(digits.slice(4, 6)) : 0;
  if (hours > 18 || minutes > 59 || seconds > 59) return false;
  return hours * 3600 + minutes * 60 + seconds <= 18 * 3600;
}

const icuCache = new Map<string, string | undefined>();

/** The zone as ICU sees it, or undefined when ICU does not know it. */
function icuZone(id: string): string | undefined {
  if (icuCache.has(id)) return icuCache.get(id);
  let zone: string | undefined;
  try {
    zone = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    zone = undefined;
  }
  // Building a DateTimeFormat is slow-ish; keep answers, but not without bound.
  if (icuCache.size > 2000) icuCache.clear();
  icuCache.set(id, zone);
  return zone;
}

let known: string[] | undefined;
let knownByLower: Map<string, string> | undefined;

/** Region ids we can offer as suggestions (ICU's list plus current spellings). */
function knownZones(): string[] {
  if (known) return known;
  const ids = new Set<string>(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  // ICU's list lacks current spellings and the Etc zones; keep those ICU knows.
  const extras = ['Etc/UTC', 'Etc/GMT', ...Object.values(MODERN)];
  for (let h = 1; h <= 14; h++) extras.push(`Etc/GMT-${h}`, `Etc/GMT+${h}`);
  for (const id of extras) if (icuZone(id) !== undefined) ids.add(id);
  known = [...ids].sort();
  knownByLower = new Map(known.map((id) => [id.toLowerCase(), id]));
  return known;
}

function isRegionId(id: string): boolean {
  // Java: a letter first, then letters, digits and ~/._+- ; every tz segment starts upper-case.
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) return false;
  if (!id.split('/').every((segment) => /^[A-Z]/.test(segment))) return false;
  if (JAVA_SHORT_ONLY.has(id) || DROPPED.has(id) || id.startsWith('SystemV/')) return false;
  if (icuZone(id) === undefined) return false;
  // Intl ignores case, Java does not: a listed id spelled differently is wrong.
  knownZones();
  const listed = knownByLower?.get(id.toLowerCase());
  return listed === undefined || listed === id;
}

/** Would Kestra (Java `ZoneId.of`) accept `id` as a time zone? */
export function isValidTimeZone(id: string): boolean {
  if (SPECIAL.has(id) || isJavaOffset(id)) return true;
  const prefixed = /^(UTC|GMT|UT)([+-].*)$/.exec(id);
  if (prefixed) return isJavaOffset(prefixed[2] ?? '');
  return isRegionId(id);
}

function modern(id: string): string {
  return MODERN[id] ?? id;
}

/**
 * Valid ids the user probably meant, best first (at most 5); empty when `id`
 * is already valid or nothing is close. Tries, in order: a sloppy offset
 * (`utc+2` → `UTC+02:00`), the same id in another case, what ICU makes of
 * it (`us/eastern`, `PST`), common abbreviations, a city name (`paris`,
 * `new york`), then spelling mistakes on whole ids and on city names.
 */
export function suggestTimeZones(id: string): string[] {
  const text = id.trim();
  if (text === '' || isValidTimeZone(id)) return [];
  const out: string[] = [];
  const add = (candidate: string | undefined): void => {
    if (candidate !== undefined && !out.includes(candidate) && isValidTimeZone(candidate)) out.push(candidate);
  };

  if (text !== id) add(text);
  const upper = text.toUpperCase();
  if (SPECIAL.has(upper)) add(upper);
  const offset = /^(UTC|GMT|UT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (offset) {
    const [, prefix = '', sign, hh = '0', mm = '00'] = offset;
    add(`${prefix.toUpperCase()}${sign}${hh.padStart(2, '0')}:${mm}`);
  }

  const zones = knownZones();
  add(knownByLower?.get(text.toLowerCase()));
  const viaIcu = icuZone(text);
  if (viaIcu !== undefined && viaIcu !== 'UTC') add(modern(viaIcu));
  else if (viaIcu === 'UTC') add('UTC');
  for (const z of ABBREVIATIONS[upper] ?? []) add(z);

  // City names: compare with the last segment, spaces and dashes read as '_'.
  const cityOf = (zone: string): string => (zone.split('/').pop() ?? zone).toLowerCase();
  const wanted = (text.split('/').pop() ?? text).toLowerCase().replace(/[\s-]+/g, '_');
  if (wanted.length >= 2) {
    for (const z of zones) if (z.includes('/') && cityOf(z) === wanted) add(modern(z));
  }

  // Spelling mistakes only when nothing surer was found: fuzzy hits are noisier.
  if (out.length === 0) {
    for (const z of closest(text, zones, { max: 3 })) add(modern(z));
  }
  if (out.length === 0 && wanted.length >= 3) {
    const byCity = new Map<string, string>();
    for (const z of zones) if (z.includes('/') && !z.startsWith('Etc/')) byCity.set(cityOf(z), byCity.get(cityOf(z)) ?? z);
    for (const city of closest(wanted, byCity.keys(), { max: 5 })) add(modern(byCity.get(city) ?? city));
  }
  return out.slice(0, 5);
}
