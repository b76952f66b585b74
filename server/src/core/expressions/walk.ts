import type { Expression, TemplateNode } from './ast';

/**
 * Visits every expression of a template (prints, tag conditions, arguments, nested expressions), parents
 * before children. Generic over the node shapes: any object with a string `kind` is a node, so new node
 * types are walked without changes here.
 */
export function walkExpressions(template: TemplateNode, visit: (node: Expression) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [template];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    const node = value as { kind?: unknown };
    if (typeof node.kind === 'string' && EXPRESSION_KINDS.has(node.kind)) visit(value as Expression);
    const children = Object.values(value);
    for (let i = children.length - 1; i >= 0; i--) if (children[i] && typeof children[i] === 'object') stack.push(children[i]);
  }
}

const EXPRESSION_KINDS = new Set([
  'string',
  'number',
  'boolean',
  'null',
  'name',
  'group',
  'attribute',
  'subscript',
  'call',
  'filter',
  'test',
  'unary',
  'binary',
  'range',
  'ternary',
  'list',
  'map',
  'interpolated',
  'interpolation',
  'error',
]);
