import type { ParsedFile } from '../document/parse';
import type { FlowDiagnostic } from './diagnostic';

/** `# kfs-ignore` (all rules) or `# kfs-ignore code-a, code-b` silences the next line. */
const IGNORE_COMMENT = /#\s*kfs-ignore\b([^\n\r]*)/g;

/** Line of the comment → codes it silences (`*` for all). */
export type Suppressions = ReadonlyMap<number, ReadonlySet<string>>;

export function suppressionsOf(file: ParsedFile): Suppressions {
  const result = new Map<number, Set<string>>();
  if (!file.text.includes('kfs-ignore')) return result;
  for (const match of file.text.matchAll(IGNORE_COMMENT)) {
    const line = file.lines.positionAt(match.index!).line;
    const codes = (match[1] ?? '').split(/[\s,]+/).filter((c) => c.length > 0);
    result.set(line, new Set(codes.length > 0 ? codes : ['*']));
  }
  return result;
}

export function isSuppressed(suppressions: Suppressions, file: ParsedFile, diagnostic: FlowDiagnostic): boolean {
  if (suppressions.size === 0) return false;
  const codes = suppressions.get(file.lines.positionAt(diagnostic.start).line - 1);
  return codes !== undefined && (codes.has('*') || codes.has(diagnostic.code));
}
