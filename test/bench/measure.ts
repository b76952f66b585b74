/** Timing helpers for the benchmark: hrtime samples, warm-ups, and median/p95 summaries. */

export interface Stats {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly samples: number;
}

export interface MeasureOptions {
  readonly warmup: number;
  readonly repeats: number;
  /** Stop repeating after this much measured time (at least `minRepeats` samples are kept). */
  readonly budgetMs?: number;
  readonly minRepeats?: number;
  /**
   * Calls per sample (the sample is their mean). Sub-millisecond work timed one call at a time beside a
   * peer that allocates heavily mostly measures the peer's garbage collection; batching treats both alike.
   */
  readonly batch?: number;
}

export function summarize(samplesMs: readonly number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, samples: sorted.length };
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function measure(fn: (iteration: number) => void, options: MeasureOptions): Stats {
  for (let i = 0; i < options.warmup; i++) fn(-1 - i);
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < options.repeats; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    const ms = elapsedMs(start);
    samples.push(ms);
    spent += ms;
    if (options.budgetMs !== undefined && spent > options.budgetMs && samples.length >= (options.minRepeats ?? 5)) break;
  }
  return summarize(samples);
}

/**
 * Several functions measured in alternation (a, b, a, b…), so that load from other processes on the
 * machine weighs on all of them alike and their ratio stays meaningful.
 */
export async function measureInterleaved<K extends string>(
  fns: Record<K, () => unknown>,
  options: MeasureOptions,
): Promise<Record<K, Stats>> {
  const names = Object.keys(fns) as K[];
  for (let i = 0; i < options.warmup; i++) for (const name of names) await fns[name]();
  const samples = new Map<K, number[]>(names.map((n) => [n, []]));
  let spent = 0;
  for (let i = 0; i < options.repeats; i++) {
    for (const name of names) {
      const batch = options.batch ?? 1;
      const start = process.hrtime.bigint();
      for (let b = 0; b < batch; b++) await fns[name]();
      const ms = elapsedMs(start);
      samples.get(name)?.push(ms / batch);
      spent += ms;
    }
    if (options.budgetMs !== undefined && spent > options.budgetMs && i + 1 >= (options.minRepeats ?? 5)) break;
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples.get(n) ?? [])])) as Record<K, Stats>;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

export function times(value: number): string {
  return Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×` : '—';
}

export interface Row {
  readonly measurement: string;
  readonly figure: string;
  readonly target?: string;
  /** undefined: informational, no target. */
  readonly pass?: boolean;
}

/** A plain-text table: fixed-width columns, one row per figure. */
export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.measurement, r.figure, r.target ?? '', r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS']);
  const header = ['measurement', 'figure', 'target', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
