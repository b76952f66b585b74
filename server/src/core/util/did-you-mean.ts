/**
 * "Did you mean …?" helpers: rank candidate strings by edit distance.
 *
 * Distance is Damerau–Levenshtein in its optimal-string-alignment form
 * (insert, delete, substitute, swap two neighbours; a substring is never
 * edited twice). It catches the usual typing slips (`tsak` → `task`) while
 * staying a simple O(n·m) table that can give up early.
 */

export interface ClosestOptions {
  /** How many suggestions to return at most (default 3). */
  max?: number;
  /** Largest distance still worth suggesting (default: grows with the word's length). */
  maxDistance?: number;
  /** Ignore case when measuring distance (default true); exact case still breaks ties. */
  caseInsensitive?: boolean;
}

// Reused rows so that scoring hundreds of candidates allocates nothing.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance between `a` and `b`, or `limit + 1` as soon
 * as it is sure to exceed `limit` (the exact value beyond the limit is useless
 * to callers and computing it would waste time).
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (rowA.length <= m) {
    const size = m + 1;
    rowA = new Int32Array(size);
    rowB = new Int32Array(size);
    rowC = new Int32Array(size);
  }
  // prev2 = row i-2, prev = row i-1, cur = row i
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later cell is at least the smallest value of this row.
    if (rowMin > limit) return limit + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[m] as number;
  return d > limit ? limit + 1 : d;
}

/**
 * Default tolerance: short words allow one slip, longer ones a few more.
 * A fixed ratio would let two-letter words match anything of length ≤ 3.
 */
export function defaultMaxDistance(length: number): number {
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  if (length <= 14) return 3;
  return 4;
}

interface Scored {
  value: string;
  distance: number;
  exactCaseDistance: number;
}

/** The candidates closest to `word`, best first; empty when none is close enough. */
export function closest(word: string, candidates: Iterable<string>, opts: ClosestOptions = {}): string[] {
  const max = opts.max ?? 3;
  const limit = opts.maxDistance ?? defaultMaxDistance(word.length);
  const fold = opts.caseInsensitive ?? true;
  const key = fold ? word.toLowerCase() : word;
  const found: Scored[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const distance = editDistance(key, fold ? candidate.toLowerCase() : candidate, limit);
    if (distance > limit) continue;
    const exactCaseDistance = fold ? editDistance(word, candidate) : distance;
    found.push({ value: candidate, distance, exactCaseDistance });
  }
  found.sort(
    (x, y) =>
      x.distance - y.distance ||
      x.exactCaseDistance - y.exactCaseDistance ||
      Math.abs(x.value.length - word.length) - Math.abs(y.value.length - word.length) ||
      (x.value < y.value ? -1 : x.value > y.value ? 1 : 0),
  );
  return found.slice(0, Math.max(0, max)).map((s) => s.value);
}

// ---------------------------------------------------------------------------
// Kestra type names (fully qualified Java class names)

function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

interface TypeScore {
  name: string;
  tier: number;
  lastDistance: number;
  shared: number;
  fullDistance: number;
}

const CORE_PREFIX = 'io.kestra.plugin.core.';

/**
 * Suggestions for an unknown `type:` value among known plugin type names.
 *
 * Users mostly get the class name wrong (`Logg`, `schedule`) or use an old
 * package, so the last segment is compared first; then a match of the word on
 * an inner package segment (`…scripts.Python` → `…scripts.python.Script`);
 * the whole name only as a last resort. Tiers, best first:
 *   0 same name ignoring case
 *   1 same last segment ignoring case
 *   2 last segment within the usual edit-distance tolerance
 *   3 the word's last segment equals one of the candidate's package segments
 *   4 whole name within tolerance
 * Inside a tier, names closer as a whole (or sharing more segments) come first.
 */
export function closestTypeName(word: string, typeNames: Iterable<string>, max = 3): string[] {
  const trimmed = word.trim();
  if (trimmed === '') return [];
  const lowerWord = trimmed.toLowerCase();
  const wordSegments = lowerWord.split('.').filter((s) => s !== '');
  const wordLast = wordSegments[wordSegments.length - 1] ?? lowerWord;
  const wordSegmentSet = new Set(wordSegments);
  const qualified = wordSegments.length > 1;
  const lastLimit = defaultMaxDistance(wordLast.length);
  const fullLimit = defaultMaxDistance(lowerWord.length);

  const scored: TypeScore[] = [];
  const seen = new Set<string>();
  for (const name of typeNames) {
    if (seen.has(name)) continue;
    seen.add(name);
    const lowerName = name.toLowerCase();
    const segments = lowerName.split('.');
    const last = lastSegment(lowerName);
    let tier: number;
    let lastDistance = 0;
    let fullDistance = -1;
    if (lowerName === lowerWord) {
      tier = 0;
    } else if (last === wordLast) {
      tier = 1;
    } else {
      lastDistance = editDistance(wordLast, last, lastLimit);
      if (lastDistance <= lastLimit) {
        tier = 2;
      } else if (segments.slice(0, -1).includes(wordLast)) {
        tier = 3;
      } else if (qualified) {
        fullDistance = editDistance(lowerWord, lowerName, fullLimit);
        if (fullDistance > fullLimit) continue;
        tier = 4;
      } else {
        continue;
      }
    }
    let shared = 0;
    for (const s of segments) if (wordSegmentSet.has(s)) shared++;
    if (fullDistance < 0) fullDistance = qualified ? editDistance(lowerWord, lowerName) : 0;
    scored.push({ name, tier, lastDistance, shared, fullDistance });
  }

  scored.sort((x, y) => {
    const byTier = x.tier - y.tier || x.lastDistance - y.lastDistance;
    if (byTier !== 0) return byTier;
    if (qualified) {
      const byFull = x.fullDistance - y.fullDistance || y.shared - x.shared;
      if (byFull !== 0) return byFull;
    }
    // A bare class name: prefer the core plugin, then the shorter name.
    const xCore = x.name.startsWith(CORE_PREFIX) ? 0 : 1;
    const yCore = y.name.startsWith(CORE_PREFIX) ? 0 : 1;
    return xCore - yCore || x.name.length - y.name.length || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  });
  return scored.slice(0, Math.max(0, max)).map((s) => s.name);
}
