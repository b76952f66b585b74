import { isMap, isScalar, Scalar } from 'yaml';
import { scalarSource } from '../../document/scalar-source';
import { walk } from '../../model/yaml-access';
import type { RuleContext, Span } from '../context';
import { fixTitles, messages } from '../messages';

const CURLY_QUOTES = /[\u201C\u201D\u2018\u2019]/g;
/** The same class without the global flag, for a cheap test before any mapping work. */
const HAS_CURLY_QUOTE = /[\u201C\u201D\u2018\u2019]/;
const STRAIGHT: Readonly<Record<string, string>> = { '\u201C': '"', '\u201D': '"', '\u2018': "'", '\u2019': "'" };

/**
 * Expression mistakes visible in the YAML text itself: a value starting with `{{` left unquoted (YAML
 * reads a flow mapping), and typographic quotes pasted into `{{ }}` from a word processor.
 * Returns the spans of unquoted expressions so YAML errors inside them can be folded into one message.
 */
export function checkYamlText(ctx: RuleContext): Span[] {
  const unquoted: Span[] = [];
  const text = ctx.file.text;
  walk(
    ctx.section.doc.contents,
    (node) => {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('{{')) checkCurlyQuotes(ctx, node);
    },
    (pair) => {
      const value = pair.value;
      if (!isMap(value) || !value.flow || !value.range) return true;
      const start = value.range[0];
      if (!text.startsWith('{{', start)) return true;
      const end = endOfValueOnLine(ctx, start);
      unquoted.push({ start, end });
      ctx.report('unquoted-expression', { start, end }, messages.unquotedExpression(), {
        fixes: [
          { title: fixTitles.wrapInQuotes(), edits: [{ start, end, newText: quoteForYaml(text.slice(start, end)) }], preferred: true },
        ],
      });
      return false;
    },
  );
  return unquoted;
}

function checkCurlyQuotes(ctx: RuleContext, node: Scalar): void {
  const value = String(node.value);
  if (!HAS_CURLY_QUOTE.test(value)) return;
  const source = scalarSource(ctx.file.text, node);
  const toSource = (start: number, end: number): Span | undefined => source?.spanOf(start, end);
  for (const expr of value.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)) {
    for (const q of expr[0].matchAll(CURLY_QUOTES)) {
      const offset = expr.index! + q.index!;
      const where = toSource(offset, offset + 1) ?? { start: node.range![0], end: node.range![1] };
      const exact = toSource(offset, offset + 1) !== undefined;
      // The straight quote must stay valid inside the YAML quoting around it.
      const plain = STRAIGHT[q[0]]!;
      const straight =
        node.type === Scalar.QUOTE_SINGLE && plain === "'" ? "''" : node.type === Scalar.QUOTE_DOUBLE && plain === '"' ? '\\"' : plain;
      ctx.report('typographic-quotes', where, messages.typographicQuotes(q[0]), {
        fixes: exact ? [{ title: fixTitles.straightQuotes(), edits: [{ ...where, newText: straight }], preferred: true }] : [],
      });
    }
  }
}

/** The unquoted value runs to the end of its line, minus a trailing comment and spaces. */
function endOfValueOnLine(ctx: RuleContext, start: number): number {
  const line = ctx.file.lines.positionAt(start).line;
  const lineEnd = ctx.file.lines.lineEndOffset(line);
  const rest = ctx.file.text.slice(start, lineEnd);
  const comment = rest.search(/\s#/);
  return start + (comment >= 0 ? rest.slice(0, comment) : rest).trimEnd().length;
}

/** Double quotes unless the text has some; then single quotes, with YAML's `''` escape. */
function quoteForYaml(value: string): string {
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}
