import type { Scalar } from 'yaml';
import { scalarSource } from '../../document/scalar-source';
import { parseTemplate } from '../../expressions/parser';
import { span } from '../../model/yaml-access';
import type { RuleContext } from '../context';
import { messages } from '../messages';

/**
 * Pebble syntax of a value Kestra renders: each error lands on its exact token, mapped back through the
 * YAML quoting or block style; where the source does not spell the value one for one (an escape, a folded
 * line), the whole scalar is marked instead. Called by the value checker for dynamic properties only:
 * Kestra does not render the others, so `{{` there is plain text.
 */
export function checkTemplateSyntax(ctx: RuleContext, node: Scalar): void {
  const value = node.value;
  if (typeof value !== 'string') return;
  const { errors } = parseTemplate(value);
  if (errors.length === 0) return;
  const whole = span(node);
  const source = scalarSource(ctx.file.text, node);
  for (const error of errors) {
    // A curly quote is explained (with a fix) by the typographic-quotes rule; one message is enough.
    if (/[\u201C\u201D\u2018\u2019]/.test(value.charAt(error.start))) continue;
    const exact = source?.spanOf(error.start, Math.max(error.end, error.start + (error.start < value.length ? 1 : 0)));
    const where = exact ?? whole;
    if (where) ctx.report('template-syntax', where, messages.templateSyntax(error.message));
  }
}
