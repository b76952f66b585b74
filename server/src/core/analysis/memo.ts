import type { Node } from 'yaml';
import type { Catalogue } from '../catalogue';
import type { RuleContext, Span } from './context';
import type { FlowDiagnostic } from './diagnostic';

type Memo = Map<string, Map<string, readonly FlowDiagnostic[]>>;

/**
 * Diagnostics of single nodes (a task, a trigger) from an earlier validation, so that an edit re-checks
 * only what it touched. An entry is keyed by what the check reads: the node's source text (whole lines,
 * so its column is part of it), the target version, and a context string from the rule (e.g. the keys
 * pluginDefaults supply). Offsets are stored relative to the text's start and re-based on replay, so an
 * entry fits wherever the same text moved to, whether the file was re-parsed fully or incrementally.
 *
 * Each FlowFile has its own memo; the FlowFile of the next edit inherits the entries of this one (one
 * generation back only, so memory follows the open documents).
 */
export class ValidationMemo {
  private readonly entries: Memo = new Map();
  /** Entries replayed from the memo, for tests and the benchmark. */
  hits = 0;

  constructor(
    readonly catalogue: Catalogue,
    private readonly inherited?: Memo,
  ) {}

  /** The memo of the FlowFile built for the next text of the same document. */
  successor(): ValidationMemo {
    return new ValidationMemo(this.catalogue, this.entries.size > 0 ? this.entries : this.inherited);
  }

  /** Runs `check` (which reports into ctx) or replays what it reported for the same text before. */
  run(ctx: RuleContext, node: Node, context: string, check: () => void): void {
    const span = node.range ? linesOf(ctx, node.range) : undefined;
    // Text with a YAML error in it may parse differently in another context: always checked afresh.
    if (!span || ctx.catalogue !== this.catalogue || ctx.section.errors.some((e) => e.start <= span.end && e.end >= span.start)) {
      return check();
    }
    const scope = `${ctx.version}\u0000${context}`;
    const text = ctx.file.text.slice(span.start, span.end);
    const known = this.entries.get(scope)?.get(text) ?? this.inherited?.get(scope)?.get(text);
    if (known) {
      this.hits++;
      for (const d of known) ctx.diagnostics.push(moved(d, span.start));
      this.store(scope, text, known);
      return;
    }
    const first = ctx.diagnostics.length;
    check();
    const found = ctx.diagnostics.slice(first);
    if (found.every((d) => within(d, span))) {
      this.store(
        scope,
        text,
        found.map((d) => moved(d, -span.start)),
      );
    }
  }

  private store(scope: string, text: string, diagnostics: readonly FlowDiagnostic[]): void {
    let byText = this.entries.get(scope);
    if (!byText) this.entries.set(scope, (byText = new Map()));
    byText.set(text, diagnostics);
  }
}

/** Whole lines from the node's first to its last, line break included (range[2] is usually just after it). */
function linesOf(ctx: RuleContext, range: readonly [number, number, number]): Span {
  const lines = ctx.file.lines;
  const first = lines.positionAt(range[0]).line;
  const last = lines.positionAt(Math.max(range[0], range[1], range[2] - 1)).line;
  return { start: lines.lineStartOffset(first), end: last + 1 < lines.lineCount ? lines.lineStartOffset(last + 1) : ctx.file.text.length };
}

function within(d: FlowDiagnostic, span: Span): boolean {
  const inside = (s: Span): boolean => s.start >= span.start && s.end <= span.end;
  return inside(d) && (d.fixes ?? []).every((f) => f.edits.every(inside));
}

/** The diagnostic with every offset moved by `delta`; the same properties, present or absent. */
function moved(d: FlowDiagnostic, delta: number): FlowDiagnostic {
  const copy = { ...d, start: d.start + delta, end: d.end + delta };
  if (!d.fixes) return copy;
  return {
    ...copy,
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) })),
  };
}
