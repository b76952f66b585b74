import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { FlowDiagnostic, Severity } from '../core/analysis/diagnostic';
import type { LineIndex } from '../core/document/positions';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return lines.rangeOf(start, end);
}

export function toDiagnostic(lines: LineIndex, d: FlowDiagnostic): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'kfs',
    message: d.message,
  };
  if (d.tags) diagnostic.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return diagnostic;
}

export function toTextEdit(lines: LineIndex, edit: { start: number; end: number; newText: string }): TextEdit {
  return { range: toRange(lines, edit.start, edit.end), newText: edit.newText };
}
