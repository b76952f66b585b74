/**
 * Pebble expressions by precedence climbing, following PebbleTemplates/pebble `parser/ExpressionParser.java`:
 * - a primary is a unary operator with its operand (parsed at 500: a primary and its postfix chain), a
 *   `(…)` group with postfix, a list `[…]` or map `{…}` (no postfix allowed), or a name, call, number or
 *   string with postfix `.name`, `.name(args)`, `[expr]`; `name(args)` only directly after a bare name;
 * - then, while the next token is a binary operator of precedence >= the minimum: `|` takes a filter
 *   name and optional arguments, `is` / `is not` a test name and optional arguments, any other operator
 *   a right side parsed at its precedence + 1 (all are left-associative);
 * - `? :` only at the outermost level (minimum 0); its branches are full expressions, so it nests to the
 *   right. Arguments, list items, map keys and values, groups and `#{}` are parsed at level 0 too.
 * Precedences: see operators.ts.
 */
import type {
  Arguments,
  Argument,
  Expression,
  Identifier,
  InterpolationPart,
  MacroParameter,
  StringLiteral,
  UnaryOperator,
  BinaryOperator,
} from './ast';
import type { Token } from './lexer';
import { messages } from './messages';
import { BINARY_OPERATORS, UNARY_OPERATORS, UNARY_PRECEDENCE } from './operators';
import { MAX_NESTING, type ParseState } from './parse-state';

/** Names `set`, `for`, macro parameters and named arguments may not take (Pebble's RESERVED_KEYWORDS). */
const RESERVED = new Set(['true', 'false', 'null', 'none']);
const LONG_MAX = 9223372036854775807n;

/** Tokens at which a missing closing bracket is better reported as "Unclosed" than as "Unexpected". */
function endsSomething(t: Token): boolean {
  return (
    t.type === 'PRINT_END' ||
    t.type === 'EXECUTE_END' ||
    t.type === 'EOF' ||
    t.type === 'INTERPOLATION_END' ||
    t.type === 'STRING_END' ||
    (t.type === 'PUNCTUATION' && (t.value === ')' || t.value === ']' || t.value === '}'))
  );
}

export class ExpressionParser {
  constructor(private readonly s: ParseState) {}

  parseExpression(minPrecedence = 0): Expression {
    const s = this.s;
    if (s.depth >= MAX_NESTING) {
      s.fail(s.cur.start, s.cur.end, messages.tooDeep());
      return s.missing();
    }
    s.depth++;
    try {
      return this.expression(minPrecedence);
    } finally {
      s.depth--;
    }
  }

  private expression(minPrecedence: number): Expression {
    const s = this.s;
    const t = s.cur;
    let expr: Expression;
    if (t.type === 'OPERATOR' && UNARY_OPERATORS.has(t.value)) {
      s.advance();
      const operand = this.parseExpression(UNARY_PRECEDENCE);
      expr = { kind: 'unary', operator: t.value as UnaryOperator, operand, start: t.start, end: operand.end };
    } else if (s.isPunct('(')) {
      s.advance();
      const inner = this.parseExpression(0);
      expr = this.postfix({ kind: 'group', expression: inner, start: t.start, end: this.close(t, ')') });
    } else if (s.isPunct('[') || s.isPunct('{')) {
      expr = t.value === '[' ? this.list() : this.map();
      // Pebble parses no postfix after a list or map literal; say so instead of a bare "Unexpected".
      if (!s.panic && (s.isPunct('[') || s.isPunct('.') || s.isPunct('('))) s.fail(s.cur.start, s.cur.end, messages.postfixOnLiteral());
    } else {
      expr = this.primary();
    }

    while (!s.panic && s.cur.type === 'OPERATOR') {
      const op = s.cur;
      const info = BINARY_OPERATORS.get(op.value);
      if (!info || info.precedence < minPrecedence) break;
      s.advance();
      if (info.kind !== 'normal') {
        const { name, args } = this.invocation(info.kind);
        const end = args?.end ?? name.end;
        expr =
          info.kind === 'filter'
            ? { kind: 'filter', input: expr, filter: name, args, start: expr.start, end }
            : { kind: 'test', input: expr, negated: op.value === 'is not', test: name, args, start: expr.start, end };
        continue;
      }
      const right = this.parseExpression(info.precedence + 1);
      expr =
        op.value === '..'
          ? { kind: 'range', from: expr, to: right, start: expr.start, end: right.end }
          : {
              kind: 'binary',
              operator: op.value as BinaryOperator,
              operatorStart: op.start,
              operatorEnd: op.end,
              left: expr,
              right,
              start: expr.start,
              end: right.end,
            };
    }

    if (minPrecedence === 0 && !s.panic && s.isPunct('?')) expr = this.ternary(expr);
    return expr;
  }

  private ternary(condition: Expression): Expression {
    const s = this.s;
    s.advance();
    const then = this.parseExpression(0);
    let otherwise: Expression;
    if (!s.panic && s.isPunct(':')) {
      s.advance();
      otherwise = this.parseExpression(0);
    } else {
      if (!s.panic) s.unexpected('":"');
      otherwise = s.missing();
    }
    return { kind: 'ternary', condition, then, otherwise, start: condition.start, end: Math.max(then.end, otherwise.end) };
  }

  private primary(): Expression {
    const s = this.s;
    const t = s.cur;
    let node: Expression;
    switch (t.type) {
      case 'NAME':
        s.advance();
        if (t.value === 'true' || t.value === 'TRUE' || t.value === 'false' || t.value === 'FALSE') {
          node = { kind: 'boolean', value: t.value.toLowerCase() === 'true', start: t.start, end: t.end };
        } else if (t.value === 'null' || t.value === 'NULL' || t.value === 'none' || t.value === 'NONE') {
          node = { kind: 'null', start: t.start, end: t.end };
        } else if (s.isPunct('(')) {
          const args = this.args();
          node = { kind: 'call', callee: { name: t.value, start: t.start, end: t.end }, args, start: t.start, end: args.end };
        } else {
          node = { kind: 'name', name: t.value, start: t.start, end: t.end };
        }
        break;
      case 'NUMBER': {
        s.advance();
        const long = t.value.endsWith('L');
        const digits = long ? t.value.slice(0, -1) : t.value;
        const integer = !digits.includes('.');
        if (integer && BigInt(digits) > LONG_MAX) s.fail(t.start, t.end, messages.numberTooLarge(t.value));
        node = { kind: 'number', raw: t.value, value: Number(digits), type: integer ? 'long' : 'double', start: t.start, end: t.end };
        break;
      }
      case 'STRING':
      case 'STRING_START':
        node = this.string();
        break;
      default:
        s.unexpected('an expression');
        return s.missing();
    }
    return this.postfix(node);
  }

  private postfix(node: Expression): Expression {
    const s = this.s;
    while (!s.panic) {
      const t = s.cur;
      if (s.isPunct('.')) {
        s.advance();
        const nameTok = s.cur;
        if (nameTok.type !== 'NAME') {
          if (nameTok.type === 'OPERATOR' && /^[a-z]/i.test(nameTok.value)) {
            s.fail(nameTok.start, nameTok.end, messages.wordOperatorAsAttribute(nameTok.value));
          } else if (nameTok.type === 'NUMBER') {
            s.fail(nameTok.start, nameTok.end, messages.numberAsAttribute(nameTok.value));
          } else {
            s.unexpected('an attribute name after "."');
          }
          const attribute = { name: '', ...s.hole() };
          return { kind: 'attribute', object: node, attribute, args: null, start: node.start, end: t.end };
        }
        s.advance();
        const args = s.isPunct('(') ? this.args() : null;
        const named = args?.items.find((a) => a.name !== null);
        if (named) s.fail(named.start, named.end, messages.namedArgsOnMethod());
        const attribute = { name: nameTok.value, start: nameTok.start, end: nameTok.end };
        node = { kind: 'attribute', object: node, attribute, args, start: node.start, end: args?.end ?? nameTok.end };
      } else if (s.isPunct('[')) {
        s.advance();
        const index = this.parseExpression(0);
        node = { kind: 'subscript', object: node, index, start: node.start, end: this.close(t, ']') };
      } else if (s.isPunct('(')) {
        s.fail(t.start, t.end, messages.notCallable());
      } else {
        break;
      }
    }
    return node;
  }

  /** Consumes `closer` for the bracket `open`, or reports it missing; returns the end of the bracketed node. */
  private close(open: Token, closer: string, expected = `"${closer}"`): number {
    const s = this.s;
    if (s.isPunct(closer)) return s.advance().end;
    if (!s.panic) {
      const t = s.cur;
      if (t.type !== 'ERROR' && endsSomething(t)) s.fail(open.start, open.end, messages.unclosedBracket(open.value, closer, s.describe(t)));
      else s.unexpected(expected);
    }
    return Math.max(open.end, s.lastEnd);
  }

  private list(): Expression {
    const s = this.s;
    const open = s.advance();
    const elements: Expression[] = [];
    if (!s.isPunct(']') && !endsSomething(s.cur)) {
      for (;;) {
        elements.push(this.parseExpression(0));
        if (s.panic || !s.isPunct(',')) break;
        s.advance();
      }
    }
    return { kind: 'list', elements, start: open.start, end: this.close(open, ']', '"," or "]"') };
  }

  private map(): Expression {
    const s = this.s;
    const open = s.advance();
    const entries: { key: Expression; value: Expression; start: number; end: number }[] = [];
    if (!s.isPunct('}') && !endsSomething(s.cur)) {
      for (;;) {
        const key = this.parseExpression(0);
        let value: Expression;
        if (!s.panic && s.isPunct(':')) {
          s.advance();
          value = this.parseExpression(0);
        } else {
          if (!s.panic) s.unexpected('":"');
          value = s.missing();
        }
        entries.push({ key, value, start: key.start, end: Math.max(key.end, value.end) });
        if (s.panic || !s.isPunct(',')) break;
        s.advance();
      }
    }
    return { kind: 'map', entries, start: open.start, end: this.close(open, '}', '"," or "}"') };
  }

  /** `(a, b, name=c)`; the current token is `(`. */
  args(): Arguments {
    const s = this.s;
    const open = s.advance();
    const items: Argument[] = [];
    let named = false;
    while (!s.panic && !s.isPunct(')') && !(items.length === 0 && endsSomething(s.cur))) {
      if (items.length > 0) {
        if (!s.isPunct(',')) break;
        s.advance();
      }
      let name: Identifier | null = null;
      if (s.peek().type === 'PUNCTUATION' && s.peek().value === '=') {
        name = this.newVariableName();
        if (s.panic) break;
        s.advance();
      }
      const value = this.parseExpression(0);
      const item: Argument = { name, value, start: name?.start ?? value.start, end: value.end };
      if (!name && named) s.fail(item.start, item.end, messages.positionalAfterNamed());
      named ||= name !== null;
      items.push(item);
    }
    return { items, start: open.start, end: this.close(open, ')', items.length > 0 ? '"," or ")"' : 'an argument or ")"') };
  }

  /** `(a, b='default')` of a macro definition; the current token is `(`. */
  macroParams(): MacroParameter[] {
    const s = this.s;
    const open = s.advance();
    const params: MacroParameter[] = [];
    while (!s.panic && !s.isPunct(')') && !(params.length === 0 && endsSomething(s.cur))) {
      if (params.length > 0) {
        if (!s.isPunct(',')) break;
        s.advance();
      }
      const name = this.newVariableName();
      if (s.panic) break;
      let defaultValue: Expression | null = null;
      if (s.isPunct('=')) {
        s.advance();
        defaultValue = this.parseExpression(0);
      }
      params.push({ name, defaultValue, start: name.start, end: defaultValue?.end ?? name.end });
    }
    this.close(open, ')', '"," or ")"');
    return params;
  }

  /** A name being defined (set, for, macro parameter, named argument): true, false, null, none are refused. */
  newVariableName(): Identifier {
    const s = this.s;
    const t = s.cur;
    if (t.type !== 'NAME') {
      s.unexpected('a name');
      return { name: '', ...s.hole() };
    }
    s.advance();
    if (RESERVED.has(t.value)) s.fail(t.start, t.end, messages.reservedName(t.value));
    return { name: t.value, start: t.start, end: t.end };
  }

  /** The right side of `|` or `is`: a name and optional arguments. */
  invocation(kind: 'filter' | 'test'): { name: Identifier; args: Arguments | null } {
    const s = this.s;
    const t = s.cur;
    if (t.type !== 'NAME') {
      s.unexpected(kind === 'filter' ? 'a filter name after "|"' : 'a test name after "is"');
      return { name: { name: '', ...s.hole() }, args: null };
    }
    s.advance();
    return { name: { name: t.value, start: t.start, end: t.end }, args: s.isPunct('(') ? this.args() : null };
  }

  /**
   * Consecutive string tokens as Pebble reads them: a literal may follow an interpolation and vice versa,
   * but two literals may not touch (`'a' 'b'` fails, `"#{a}" 'b'` concatenates).
   */
  private string(): Expression {
    const s = this.s;
    const first = s.cur;
    const parts: (StringLiteral | InterpolationPart)[] = [];
    let lastWasText = false;
    let end = first.end;
    while (!s.panic) {
      const t = s.cur;
      if (t.type === 'STRING') {
        if (lastWasText) break;
        s.advance();
        parts.push({ kind: 'string', value: t.value, start: t.start, end: t.end });
        lastWasText = true;
        end = t.end;
      } else if (t.type === 'STRING_START') {
        if (lastWasText && s.peek().type === 'STRING_PART') break;
        s.advance();
        lastWasText = this.stringParts(parts, lastWasText);
        if (s.is('STRING_END')) {
          end = s.advance().end;
        } else {
          s.unexpected('"\\""');
          end = s.lastEnd;
        }
      } else {
        break;
      }
    }
    const only = parts[0];
    if (parts.length === 0 || (parts.length === 1 && only?.kind === 'string')) {
      return { kind: 'string', value: only?.kind === 'string' ? only.value : '', start: first.start, end };
    }
    return { kind: 'interpolation', parts, start: first.start, end };
  }

  /** The chunks and `#{}` parts of one `"…"` string; returns whether the last part was text. */
  private stringParts(parts: (StringLiteral | InterpolationPart)[], lastWasText: boolean): boolean {
    const s = this.s;
    while (!s.panic) {
      const t = s.cur;
      if (t.type === 'STRING_PART') {
        s.advance();
        parts.push({ kind: 'string', value: t.value, start: t.start, end: t.end });
        lastWasText = true;
      } else if (t.type === 'INTERPOLATION_START') {
        s.advance();
        const expression = this.parseExpression(0);
        let end: number;
        if (s.is('INTERPOLATION_END')) {
          end = s.advance().end;
        } else {
          if (!s.panic) s.unexpected('"}"');
          end = Math.max(t.end, s.lastEnd);
        }
        parts.push({ kind: 'interpolated', expression, start: t.start, end });
        lastWasText = false;
      } else {
        break;
      }
    }
    return lastWasText;
  }
}
