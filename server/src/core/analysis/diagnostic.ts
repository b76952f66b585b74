/** Diagnostics as the core produces them: offsets, a stable code, and the fixes that repair them. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix an editor may apply on "fix all" / auto-fix. */
  readonly preferred?: boolean;
}

export interface FlowDiagnostic {
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** Rendered struck-through (deprecated) or faded (unnecessary) by editors. */
  readonly tags?: readonly ('deprecated' | 'unnecessary')[];
}

/** Deterministic order for golden files and editors: by position, then code, then message. */
export function compareDiagnostics(a: FlowDiagnostic, b: FlowDiagnostic): number {
  return a.start - b.start || a.end - b.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}
