import * as path from 'node:path';
import type { FlowDiagnostic } from '../core/analysis/diagnostic';
import { RULES, isRuleCode } from '../core/analysis/rule-codes';
import type { LineIndex, Range } from '../core/document/positions';

/** One file's diagnostics with positions resolved: what every output format prints. */
export interface FileReport {
  readonly file: string;
  readonly lines: LineIndex;
  readonly diagnostics: readonly FlowDiagnostic[];
}

/** The JSON contract of `kfs validate --format json`: LSP's 0-based positions, one entry per diagnostic. */
export interface JsonDiagnostic {
  readonly file: string;
  readonly range: Range;
  readonly severity: FlowDiagnostic['severity'];
  readonly code: string;
  readonly message: string;
}

export function toJson(reports: readonly FileReport[], cwd: string): JsonDiagnostic[] {
  return reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: path.relative(cwd, r.file) || r.file,
      range: r.lines.rangeOf(d.start, d.end),
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  );
}

/** `file:line:col severity code message`, 1-based like compilers print, one per line. */
export function toText(reports: readonly FileReport[], cwd: string): string {
  const lines: string[] = [];
  for (const r of reports) {
    const file = path.relative(cwd, r.file) || r.file;
    for (const d of r.diagnostics) {
      const p = r.lines.positionAt(d.start);
      lines.push(`${file}:${p.line + 1}:${p.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  return lines.join('\n');
}

const SARIF_LEVEL: Readonly<Record<FlowDiagnostic['severity'], string>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** SARIF 2.1.0, for code-scanning dashboards. Columns are 1-based there. */
export function toSarif(reports: readonly FileReport[], cwd: string, toolVersion: string): object {
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kfs',
            fullName: 'Kestra Flow Studio',
            version: toolVersion,
            rules: [...used].sort().map((id) => ({ id, shortDescription: { text: isRuleCode(id) ? RULES[id].doc : id } })),
          },
        },
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => {
            const range = r.lines.rangeOf(d.start, d.end);
            return {
              ruleId: d.code,
              level: SARIF_LEVEL[d.severity],
              message: { text: d.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: path.relative(cwd, r.file).split(path.sep).join('/') },
                    region: {
                      startLine: range.start.line + 1,
                      startColumn: range.start.character + 1,
                      endLine: range.end.line + 1,
                      endColumn: range.end.character + 1,
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}
