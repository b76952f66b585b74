/**
 * The token cursor and error bookkeeping shared by the expression and template parsers.
 *
 * Recovery works per tag (`{{ }}`, `{% %}`): the first error in a tag sets `panic`, every parsing loop
 * then stops, and the template parser skips to the tag's closing delimiter. So a tag reports at most one
 * error, keeps the partial tree built so far, and the following tags are parsed normally. A tag in which
 * the lexer already reported a problem is `muted`: its follow-on parse errors would only repeat it.
 */
import type { ErrorExpression, Span, TemplateError } from './ast';
import type { Token, TokenType } from './lexer';
import { messages, operatorHint } from './messages';

/** Deeper recursion than this (parentheses, unary chains, nested ternaries or tags) is refused, not risked. */
export const MAX_NESTING = 200;

export class ParseState {
  i = 0;
  /** End offset of the last consumed token. */
  lastEnd = 0;
  panic = false;
  muted = false;
  depth = 0;
  /** `errors.length` when the current tag began. */
  tagMark = 0;
  readonly errors: TemplateError[] = [];
  private readonly eof: Token;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {
    this.eof = tokens[tokens.length - 1] ?? { type: 'EOF', start: text.length, end: text.length, value: '' };
  }

  get cur(): Token {
    return this.tokens[this.i] ?? this.eof;
  }

  peek(n = 1): Token {
    return this.tokens[this.i + n] ?? this.eof;
  }

  advance(): Token {
    const t = this.cur;
    if (t.type !== 'EOF') {
      this.i++;
      this.lastEnd = t.end;
    }
    return t;
  }

  is(type: TokenType, value?: string): boolean {
    const t = this.cur;
    return t.type === type && (value === undefined || t.value === value);
  }

  isPunct(value: string): boolean {
    return this.is('PUNCTUATION', value);
  }

  beginTag(open: Token): void {
    this.panic = false;
    this.muted = !!open.flawed;
    this.tagMark = this.errors.length;
  }

  /** Records the first error of the current tag and winds parsing down. */
  fail(start: number, end: number, message: string): void {
    if (this.panic) return;
    this.panic = true;
    if (!this.muted) this.errors.push({ message, start, end });
  }

  /** "Unexpected X: expected Y" on the current token; an ERROR token was already reported by the lexer. */
  unexpected(expected: string): void {
    const t = this.cur;
    if (t.type === 'ERROR') {
      this.panic = true;
      return;
    }
    this.fail(t.start, t.end, messages.unexpected(this.describe(t), expected, this.hint(t)));
  }

  describe(t: Token): string {
    if (t.type === 'EOF') return 'end of text';
    const source = this.text.slice(t.start, t.end);
    return `"${source.length > 30 ? source.slice(0, 29) + '…' : source}"`;
  }

  /** A hint when the token, alone or with its neighbour, spells an operator from another language. */
  private hint(t: Token): string | undefined {
    const prev = this.tokens[this.i - 1];
    const next = this.peek();
    const glued = (a: Token | undefined, b: Token | undefined) => (a && b && a.end === b.start ? a.value + b.value : '');
    return operatorHint(glued(prev, t)) ?? operatorHint(glued(t, next)) ?? (t.type === 'ERROR' ? undefined : operatorHint(t.value));
  }

  /** Where a missing piece would go: right after the last consumed token (keeps nodes inside their parents). */
  hole(): Span {
    return { start: this.lastEnd, end: this.lastEnd };
  }

  /** A zero-width placeholder for a missing expression. */
  missing(): ErrorExpression {
    return { kind: 'error', ...this.hole() };
  }

  /** A span from an opening token to a closing one, or to the last consumed token when it is missing. */
  span(open: Token, close: Token | null): Span {
    return { start: open.start, end: close ? close.end : Math.max(open.end, this.lastEnd) };
  }
}
