/**
 * Test texts mark the cursor with a marker (`|` by default): `withCursor('type: Lo|g')` gives the text without
 * the marker and the marker's offset. Texts that contain `|` themselves (block scalars) pass another marker.
 */
export interface TextWithCursor {
  readonly text: string;
  readonly offset: number;
}

export function withCursor(source: string, marker = '|'): TextWithCursor {
  const offset = source.indexOf(marker);
  if (offset < 0) throw new Error(`no cursor marker ${marker} in the test text`);
  if (source.indexOf(marker, offset + marker.length) >= 0) throw new Error(`more than one cursor marker ${marker} in the test text`);
  return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
}

/** Offset of the `n`-th (0-based) occurrence of `needle`, plus `delta`: for tests that probe many positions. */
export function offsetOf(text: string, needle: string, delta = 0, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found ${n + 1} times`);
  }
  return at + delta;
}
