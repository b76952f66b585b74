/**
 * Operators of Pebble 4.1.2 as Kestra registers them: symbols, precedence (higher binds tighter) and kind.
 *
 * Sources, read in the search index (facts only, no code copied):
 * - PebbleTemplates/pebble `pebble/src/main/java/io/pebbletemplates/pebble/extension/core/CoreExtension.java`
 *   (`getUnaryOperators`, `getBinaryOperators`): not/+/- 500; `..` 120; `~` 110; `|` 100 (FILTER);
 *   `* / %` 60; `+ -` 40; `== equals != > < >= <=` 30; `is`, `is not` 20 (TEST); `contains` 20; `and` 15;
 *   `or` 10. Every binary operator is registered with Associativity.LEFT.
 * - kestra-io/kestra `core/src/main/java/io/kestra/core/runners/pebble/Extension.java`: `??`, `???` and
 *   `isIn`, all 120, LEFT. Kestra's `ExtensionCustomizer` removes none of them.
 * - PebbleTemplates/pebble `parser/ExpressionParser.java`: a left-associative operator parses its right
 *   side at precedence + 1; a unary operator parses its operand at its own precedence (500), so it takes
 *   a primary and its postfix chain only (`-a.b` is `-(a.b)`, `not a == b` is `(not a) == b`). The ternary
 *   `?:` is not an operator: it is tried only at the outermost level of an expression, after the loop.
 *
 * There is no `**`, `//`, `!`, `&&`, `||`, `in` or `matches` operator.
 */

export type BinaryOperatorKind = 'normal' | 'filter' | 'test';

export interface BinaryOperatorInfo {
  readonly symbol: string;
  readonly precedence: number;
  readonly kind: BinaryOperatorKind;
}

/** Precedence of every unary operator (`not`, `+`, `-`). */
export const UNARY_PRECEDENCE = 500;

export const UNARY_OPERATORS: ReadonlySet<string> = new Set(['not', '+', '-']);

const binary: [string, number, BinaryOperatorKind][] = [
  ['or', 10, 'normal'],
  ['and', 15, 'normal'],
  ['is', 20, 'test'],
  ['is not', 20, 'test'],
  ['contains', 20, 'normal'],
  ['==', 30, 'normal'],
  ['equals', 30, 'normal'],
  ['!=', 30, 'normal'],
  ['>', 30, 'normal'],
  ['<', 30, 'normal'],
  ['>=', 30, 'normal'],
  ['<=', 30, 'normal'],
  ['+', 40, 'normal'],
  ['-', 40, 'normal'],
  ['*', 60, 'normal'],
  ['/', 60, 'normal'],
  ['%', 60, 'normal'],
  ['|', 100, 'filter'],
  ['~', 110, 'normal'],
  ['..', 120, 'normal'],
  ['??', 120, 'normal'], // Kestra
  ['???', 120, 'normal'], // Kestra
  ['isIn', 120, 'normal'], // Kestra (0.24+)
];

export const BINARY_OPERATORS: ReadonlyMap<string, BinaryOperatorInfo> = new Map(
  binary.map(([symbol, precedence, kind]) => [symbol, { symbol, precedence, kind }]),
);

/**
 * Every operator symbol, longest first: Pebble's lexer tries them as one regex alternation in this order,
 * so `is not` wins over `is`, `???` over `??`, `<=` over `<`.
 */
export const OPERATOR_SYMBOLS: readonly string[] = [...new Set([...UNARY_OPERATORS, ...BINARY_OPERATORS.keys()])].sort(
  (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
);

/** Operator symbols ending in a letter must not be followed by `[a-zA-Z0-9_]` (so `organization` is a name). */
export function isWordOperator(symbol: string): boolean {
  return /[A-Za-z]$/.test(symbol);
}
