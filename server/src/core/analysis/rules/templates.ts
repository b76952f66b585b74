import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { GUESSED_CHILD_LISTS } from '../../catalogue/common';
import { scalarSource, type ScalarSource } from '../../document/scalar-source';
import type { Expression } from '../../expressions/ast';
import { parseTemplate } from '../../expressions/parser';
import { walkExpressions } from '../../expressions/walk';
import { checkReferences } from './template-references';
import { keyName, pairs, span, valueOf } from '../../model/yaml-access';
import type { RuleContext } from '../context';
import { fixTitles, messages } from '../messages';

/** Keys of a plugin that are never its own rendered strings. */
const NOT_RENDERED_KEYS = new Set(['id', 'type', 'description']);
const CURLY_QUOTE = /[\u201C\u201D\u2018\u2019]/;

/**
 * Pebble in a value Kestra renders: syntax errors on their exact token, and the common mistakes the parse
 * tree shows (`secret.X` for `secret('X')`). Positions map back through the YAML quoting or block style;
 * where the source does not spell the value one for one (an escape, a folded line), the whole scalar is
 * marked. Called by the value checker for dynamic properties only: Kestra does not render the others.
 */
export function checkTemplate(ctx: RuleContext, node: Scalar): void {
  const value = node.value;
  if (typeof value !== 'string') return;
  const { ast, errors } = parseTemplate(value);
  const whole = span(node);
  if (!whole) return;
  const source = scalarSource(ctx.file.text, node);
  const at = (start: number, end: number) => source?.spanOf(start, end) ?? whole;
  for (const error of errors) {
    // A curly quote is explained (with a fix) by the typographic-quotes rule; one message is enough.
    if (CURLY_QUOTE.test(value.charAt(error.start))) continue;
    ctx.report(
      'template-syntax',
      at(error.start, Math.max(error.end, error.start + (error.start < value.length ? 1 : 0))),
      messages.templateSyntax(error.message),
    );
  }
  const exactly = (start: number, end: number) => source?.spanOf(start, end);
  walkExpressions(ast, (expression) => {
    checkSecretAccess(ctx, node, source, value, expression, at);
    checkReferences(ctx, expression, exactly);
  });
}

/** `secret.NAME` or `secret['NAME']` reads a variable that does not exist; the function is `secret('NAME')`. */
function checkSecretAccess(
  ctx: RuleContext,
  node: Scalar,
  source: ScalarSource | undefined,
  value: string,
  expression: Expression,
  at: (start: number, end: number) => { start: number; end: number },
): void {
  let name: string | undefined;
  if (expression.kind === 'attribute' && expression.args === null && isSecretRoot(expression.object)) name = expression.attribute.name;
  else if (expression.kind === 'subscript' && isSecretRoot(expression.object) && expression.index.kind === 'string') {
    name = expression.index.value;
  }
  if (!name) return;
  const where = at(expression.start, expression.end);
  const exact = source?.spanOf(expression.start, expression.end);
  // The quote must not end the YAML string around it.
  const quote = node.type === 'QUOTE_SINGLE' ? '"' : "'";
  const replacement = `secret(${quote}${name}${quote})`;
  ctx.report('secret-access', where, messages.secretAccess(value.slice(expression.start, expression.end), replacement), {
    fixes: exact ? [{ title: fixTitles.replaceValue(replacement), edits: [{ ...exact, newText: replacement }], preferred: true }] : [],
  });
}

function isSecretRoot(expression: Expression): boolean {
  return expression.kind === 'name' && expression.name === 'secret';
}

/**
 * Properties of a type the catalogue cannot check (unknown, uncatalogued or removed) are nearly always
 * rendered by their plugin, so their strings get the Pebble checks too (ids, types and descriptions aside).
 */
export function checkUncheckedPluginTemplates(ctx: RuleContext, map: YAMLMap, typeName: string): void {
  // Child task lists are walked through the flow model, each task on its own: the same lists it uses.
  const childLists = ctx.catalogue.resolve(typeName, ctx.version)?.def.childLists ?? GUESSED_CHILD_LISTS;
  for (const pair of pairs(map)) {
    const key = keyName(pair);
    if (key === undefined || NOT_RENDERED_KEYS.has(key) || childLists[key] !== undefined) continue;
    visitStrings(pair.value as Node, (scalar) => checkTemplate(ctx, scalar));
  }
}

function visitStrings(node: Node | null | undefined, visit: (scalar: Scalar) => void): void {
  if (isScalar(node) && typeof node.value === 'string' && /\{[{%]/.test(node.value)) visit(node);
  else if (isMap(node)) for (const pair of pairs(node)) visitStrings(pair.value as Node, visit);
  else if (isSeq(node)) for (const item of node.items) visitStrings(item as Node, visit);
}

/**
 * Flow `variables` are not rendered when read (`render(vars.x)` does it), so they are not dynamic
 * properties; their expressions are still meant to run, so the same checks apply to their strings.
 */
export function checkVariables(ctx: RuleContext): void {
  const variables = ctx.model ? valueOf(ctx.model.root, 'variables') : undefined;
  if (!isMap(variables)) return;
  visitStrings(variables, (scalar) => checkTemplate(ctx, scalar));
}
