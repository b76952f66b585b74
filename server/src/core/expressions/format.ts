/**
 * Prints an expression back with every operation in parentheses, so that tests can state how it was
 * grouped: `a + b * c` -> `(a + (b * c))`, `x | f(1)` -> `(x | f(1))`, `a ? b : c` -> `(a ? b : c)`.
 * A `(…)` group prints as its content: the parentheses it needs are already there.
 */
import type { Arguments, Expression } from './ast';

export function formatExpression(node: Expression): string {
  switch (node.kind) {
    case 'string':
      return `'${node.value.replace(/'/g, "\\'")}'`;
    case 'number':
      return node.raw;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'name':
      return node.name;
    case 'group':
      return formatExpression(node.expression);
    case 'attribute':
      return `${formatExpression(node.object)}.${node.attribute.name}${node.args ? formatArguments(node.args) : ''}`;
    case 'subscript':
      return `${formatExpression(node.object)}[${formatExpression(node.index)}]`;
    case 'call':
      return `${node.callee.name}${formatArguments(node.args)}`;
    case 'filter':
      return `(${formatExpression(node.input)} | ${node.filter.name}${node.args ? formatArguments(node.args) : ''})`;
    case 'test':
      return `(${formatExpression(node.input)} is ${node.negated ? 'not ' : ''}${node.test.name}${node.args ? formatArguments(node.args) : ''})`;
    case 'unary':
      return node.operator === 'not' ? `(not ${formatExpression(node.operand)})` : `(${node.operator}${formatExpression(node.operand)})`;
    case 'binary':
      return `(${formatExpression(node.left)} ${node.operator} ${formatExpression(node.right)})`;
    case 'range':
      return `(${formatExpression(node.from)} .. ${formatExpression(node.to)})`;
    case 'ternary':
      return `(${formatExpression(node.condition)} ? ${formatExpression(node.then)} : ${formatExpression(node.otherwise)})`;
    case 'list':
      return `[${node.elements.map(formatExpression).join(', ')}]`;
    case 'map':
      return `{${node.entries.map((e) => `${formatExpression(e.key)}: ${formatExpression(e.value)}`).join(', ')}}`;
    case 'interpolation':
      return `"${node.parts.map((p) => (p.kind === 'string' ? p.value : `#{${formatExpression(p.expression)}}`)).join('')}"`;
    case 'error':
      return '<error>';
  }
}

export function formatArguments(args: Arguments): string {
  return `(${args.items.map((a) => (a.name ? `${a.name.name}=` : '') + formatExpression(a.value)).join(', ')})`;
}
