import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowDiagnostic } from '../core/analysis/diagnostic';
import { fixTitles } from '../core/analysis/messages';
import type { FlowFile } from '../core/flow-file';
import { toDiagnostic, toTextEdit } from './convert';

/**
 * Quick fixes for the diagnostics in the requested range. The fixes are recomputed from the current
 * FlowFile (not carried in diagnostic data), so they always match the text they edit.
 */
export function codeActions(
  document: TextDocument,
  file: FlowFile,
  diagnostics: readonly FlowDiagnostic[],
  params: CodeActionParams,
): CodeAction[] {
  const lines = file.parsed.lines;
  const start = lines.offsetAt(params.range.start);
  const end = lines.offsetAt(params.range.end);
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.end < start || d.start > end) continue;
    const lspDiagnostic: Diagnostic = toDiagnostic(lines, d);
    for (const fix of d.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lspDiagnostic],
        isPreferred: fix.preferred === true,
        edit: { changes: { [document.uri]: fix.edits.map((e) => toTextEdit(lines, e)) } },
      });
    }
    actions.push(ignoreAction(document, file, d, lspDiagnostic));
  }
  return actions;
}

/** `# kfs-ignore <code>` above the line, indented like it. */
function ignoreAction(document: TextDocument, file: FlowFile, d: FlowDiagnostic, lspDiagnostic: Diagnostic): CodeAction {
  const lines = file.parsed.lines;
  const line = lines.positionAt(d.start).line;
  const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
  const at = { line, character: 0 };
  return {
    title: fixTitles.ignoreRule(d.code),
    kind: CodeActionKind.QuickFix,
    diagnostics: [lspDiagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: `${indent}# kfs-ignore ${d.code}\n` }] } },
  };
}
