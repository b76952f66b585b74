import type { Node } from 'yaml';
import type { Catalogue } from '../catalogue';
import type { ParsedFile, YamlSection } from '../document/parse';
import type { FlowModel } from '../model/flow';
import type { KestraVersion } from '../versions';
import type { Fix, FlowDiagnostic, Severity } from './diagnostic';
import type { ValidationMemo } from './memo';
import { RULES, type RuleCode } from './rule-codes';
import type { AnalysisSettings } from './settings';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ReportOptions {
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  readonly tags?: readonly ('deprecated' | 'unnecessary')[];
}

/** What a rule sees: the parsed file, the section and its flow model, the catalogue and the settings. */
export class RuleContext {
  readonly diagnostics: FlowDiagnostic[] = [];

  constructor(
    readonly file: ParsedFile,
    readonly section: YamlSection,
    readonly model: FlowModel | undefined,
    readonly catalogue: Catalogue,
    readonly settings: AnalysisSettings,
    private readonly memo?: ValidationMemo,
  ) {}

  /**
   * Runs a check of one node, or replays its earlier diagnostics when the node's text and `context` (what
   * else the check reads, as a string) are unchanged since the last validation of this document (memo.ts).
   */
  memoized(node: Node, context: string, check: () => void): void {
    if (this.memo) this.memo.run(this, node, context, check);
    else check();
  }

  get version(): KestraVersion {
    return this.settings.kestraVersion;
  }

  report(code: RuleCode, span: Span, message: string, options: ReportOptions = {}): void {
    const end = Math.max(span.end, span.start);
    const diagnostic: FlowDiagnostic = {
      start: span.start,
      end,
      severity: options.severity ?? RULES[code].severity,
      code,
      message,
      ...(options.fixes && options.fixes.length > 0 ? { fixes: options.fixes } : {}),
      ...(options.tags ? { tags: options.tags } : {}),
    };
    this.diagnostics.push(diagnostic);
  }

  /** Source text of a span, e.g. to quote a value in a fix. */
  textOf(span: Span): string {
    return this.file.text.slice(span.start, span.end);
  }

  /** Column (0-based) of an offset, to indent inserted lines like their neighbours. */
  columnOf(offset: number): number {
    return this.file.lines.positionAt(offset).character;
  }
}
