/**
 * Pebble template text -> tokens with `[start, end)` offsets, as Pebble 4.1.2 lexes it with Kestra's
 * settings (newLineTrimming off). Never throws: a lexical problem becomes an ERROR token and an error.
 *
 * The lexical rules, checked against Pebble's source, are listed in syntax.ts.
 *
 * Our recovery, where Pebble stops at the first error: a closing delimiter met while `(` or `[` is open
 * closes the tag anyway (the parser reports the bracket); `}}` in `{% %}` or `%}` in `{{ }}` closes it with
 * an error; an unclosed string is reported at its quote and lexing resumes after it; an unclosed comment
 * or verbatim is reported and the rest is lexed as text. At most one lexer error is reported per tag; the
 * tag's start token is then marked `flawed` so the parser stays silent about that tag.
 */
import type { TemplateError } from './ast';
import { messages, operatorHint } from './messages';
import * as syn from './syntax';
import type { Token, TokenType } from './tokens';

export type { Token, TokenType } from './tokens';

export interface LexResult {
  readonly tokens: readonly Token[];
  readonly errors: readonly TemplateError[];
}

export function tokenize(text: string): LexResult {
  const lexer = new Lexer(text);
  lexer.run();
  return { tokens: lexer.tokens, errors: lexer.errors };
}

type Mode = 'data' | 'print' | 'execute' | 'string' | 'interpolation';
type Opener = '(' | '[' | '{' | '#{' | '"';

interface Bracket {
  readonly open: Opener;
  readonly start: number;
}

/** State saved at the quote of the outermost `"…#…"` string, to resume after it if it never closes. */
interface Checkpoint {
  readonly pos: number;
  readonly tokens: number;
  readonly errors: number;
  readonly modes: Mode[];
  readonly brackets: Bracket[];
  readonly tagReported: boolean;
  readonly flawed: boolean;
}

class Lexer {
  readonly tokens: Token[] = [];
  readonly errors: TemplateError[] = [];
  private pos = 0;
  private modes: Mode[] = ['data'];
  private brackets: Bracket[] = [];
  private trimNext = false;
  private tagToken: Token | null = null;
  private tagReported = false;
  private checkpoint: Checkpoint | null = null;
  /** Characters we may lex twice when resuming after unclosed strings: keeps the work linear. */
  private budget: number;
  // Positions from which a search is known to fail, so repeated failures stay linear.
  private noCommentClose = Infinity;
  private noVerbatimEnd = Infinity;
  private noRawEnd = Infinity;
  private noSingleQuote = Infinity;
  private noRawOnLineUntil = -1;

  constructor(private readonly text: string) {
    this.budget = 2 * text.length;
  }

  run(): void {
    const len = this.text.length;
    for (;;) {
      while (this.pos < len) {
        const before = this.pos;
        const depth = this.modes.length;
        this.step();
        if (this.pos === before && this.modes.length === depth) {
          this.push('ERROR', before, before + 1, this.text[before] ?? ''); // guard: always make progress
          this.pos = before + 1;
        }
      }
      if (!this.resumeAfterUnclosedString()) break;
    }
    const quote = this.brackets.find((b) => b.open === '"');
    if (quote) this.report(quote.start, quote.start + 1, messages.unclosedString('"'));
    this.push('EOF', len, len, '');
  }

  private step(): void {
    switch (this.modes[this.modes.length - 1]) {
      case 'print':
      case 'execute':
        return this.tag();
      case 'string':
        return this.string();
      case 'interpolation':
        return this.interpolation();
      default:
        return this.data();
    }
  }

  private push(type: TokenType, start: number, end: number, value: string, extra?: Partial<Token>): Token {
    const token: Token = { type, start, end, value, ...extra };
    this.tokens.push(token);
    return token;
  }

  private report(start: number, end: number, message: string): void {
    if (this.tagToken) {
      this.tagToken.flawed = true;
      if (this.tagReported) return;
      this.tagReported = true;
    }
    this.errors.push({ message, start, end });
  }

  private reportToken(start: number, end: number, message: string): void {
    this.push('ERROR', start, end, this.text.slice(start, end), { message });
    this.report(start, end, message);
  }

  // ---- data text ----------------------------------------------------------------------------------

  private data(): void {
    const { text } = this;
    let d = text.indexOf('{', this.pos);
    while (d >= 0 && !'{%#'.includes(text[d + 1] ?? ' ')) d = text.indexOf('{', d + 1);
    if (d < 0) {
      this.pushText(this.pos, text.length, false);
      this.pos = text.length;
      return;
    }
    const kind = text[d + 1];
    if (kind === '%' && this.raw(d)) return;
    let p = d + 2;
    const trim = text[p] === '-' && syn.isRegexSpace(text[p + 1]);
    if (trim) {
      p += 2;
      while (syn.isRegexSpace(text[p])) p++;
    }
    this.pushText(this.pos, d, trim);
    const openEnd = d + (trim ? 3 : 2);
    const open = text.slice(d, openEnd);
    if (kind === '#') return this.comment(d, openEnd, p);
    if (kind === '%') {
      syn.VERBATIM_START.lastIndex = p;
      const m = syn.VERBATIM_START.exec(text);
      if (m) return this.verbatim(d, p + m[0].length);
    }
    this.tagToken = this.push(kind === '{' ? 'PRINT_START' : 'EXECUTE_START', d, openEnd, open, { trim });
    this.tagReported = false;
    this.modes.push(kind === '{' ? 'print' : 'execute');
    this.pos = p;
  }

  private pushText(from: number, to: number, trimEnd: boolean): void {
    if (to > from) {
      let value = this.text.slice(from, to);
      if (this.trimNext) value = syn.ltrim(value);
      if (trimEnd) value = syn.rtrim(value);
      this.push('TEXT', from, to, value);
    }
    this.trimNext = false;
  }

  private comment(start: number, openEnd: number, contentStart: number): void {
    const close = contentStart >= this.noCommentClose ? -1 : this.text.indexOf('#}', contentStart);
    if (close < 0) {
      this.noCommentClose = Math.min(this.noCommentClose, contentStart);
      this.reportToken(start, openEnd, messages.unclosedComment());
      this.pos = openEnd;
      return;
    }
    const content = this.text.slice(contentStart, close);
    if (content.endsWith('-') && syn.isRegexSpace(content[content.length - 2])) this.trimNext = true;
    this.push('COMMENT', start, close + 2, content);
    this.pos = close + 2;
  }

  private verbatim(start: number, contentStart: number): void {
    syn.VERBATIM_END.lastIndex = contentStart;
    const m = contentStart >= this.noVerbatimEnd ? null : syn.VERBATIM_END.exec(this.text);
    if (!m) {
      this.noVerbatimEnd = Math.min(this.noVerbatimEnd, contentStart);
      this.reportToken(start, contentStart, messages.unclosedVerbatim());
      this.pos = contentStart;
      return;
    }
    let value = syn.ltrim(this.text.slice(contentStart, m.index));
    if (m[1]) value = syn.rtrim(value);
    if (m[2]) this.trimNext = true;
    const end = m.index + m[0].length;
    this.push('VERBATIM', start, end, value, { contentStart, contentEnd: m.index });
    this.pos = end;
  }

  /** Kestra's raw pre-processing; true when `{% raw %}` was handled here. */
  private raw(d: number): boolean {
    const { text } = this;
    syn.RAW_HEAD.lastIndex = d;
    const head = syn.RAW_HEAD.exec(text);
    if (!head) return false;
    this.pushText(this.pos, d, false); // Pebble never sees the raw tags, so they trim nothing
    const contentStart = d + head[0].length;
    if (d > this.noRawOnLineUntil) {
      syn.RAW_ONE_LINE.lastIndex = d;
      const line = syn.RAW_ONE_LINE.exec(text);
      if (line) {
        const content = line[1] ?? '';
        this.push('RAW', d, d + line[0].length, content, { contentStart, contentEnd: contentStart + content.length });
        this.pos = d + line[0].length;
        return true;
      }
      syn.LINE_BREAK.lastIndex = contentStart;
      this.noRawOnLineUntil = syn.LINE_BREAK.exec(text)?.index ?? text.length;
    }
    syn.RAW_END.lastIndex = contentStart;
    const end = contentStart >= this.noRawEnd ? null : syn.RAW_END.exec(text);
    if (!end) {
      this.noRawEnd = Math.min(this.noRawEnd, contentStart);
      this.reportToken(d, contentStart, messages.unclosedRaw());
      this.pos = contentStart;
      return true;
    }
    const stop = end.index + end[0].length;
    this.push('RAW', d, stop, text.slice(contentStart, end.index), { contentStart, contentEnd: end.index });
    this.report(d, contentStart, messages.multiLineRaw());
    this.pos = stop;
    return true;
  }

  // ---- inside {{ }} and {% %} -----------------------------------------------------------------------

  private tag(): void {
    syn.CLOSE.lastIndex = this.pos;
    const m = syn.CLOSE.exec(this.text);
    const top = this.brackets[this.brackets.length - 1];
    if (m && top?.open !== '{') return this.closeTag(m[2] ?? '', !!m[1], this.pos + m[0].length);
    this.expressionToken();
  }

  private closeTag(delimiter: string, trim: boolean, end: number): void {
    const print = this.modes[this.modes.length - 1] === 'print';
    const start = end - (trim ? 3 : 2);
    this.push(print ? 'PRINT_END' : 'EXECUTE_END', start, end, this.text.slice(start, end), { trim });
    const expected = print ? '}}' : '%}';
    if (delimiter !== expected) this.report(start, end, messages.wrongCloseDelimiter(print ? '{{' : '{%', expected, delimiter));
    this.brackets.length = 0; // an open ( or [ here is reported by the parser
    this.modes.pop();
    this.trimNext = trim;
    this.tagToken = null;
    this.pos = end;
  }

  private expressionToken(): void {
    const { text } = this;
    while (this.pos < text.length && syn.isJavaWhitespace(text.charCodeAt(this.pos))) this.pos++;
    const start = this.pos;
    if (start >= text.length) return;
    const m = this.match(syn.OPERATORS) ?? this.match(syn.NAME) ?? this.match(syn.NUMBER);
    if (m !== null) {
      const type = m === syn.OPERATORS ? 'OPERATOR' : m === syn.NAME ? 'NAME' : 'NUMBER';
      this.push(type, start, this.pos, text.slice(start, this.pos));
      return;
    }
    const ch = text[start] ?? '';
    if (syn.PUNCTUATION.includes(ch)) return this.punctuation(ch, start);
    if (ch === "'" || ch === '"') return this.quote(ch, start);
    const pair = ch === '&' && text[start + 1] === '&';
    const width = pair ? 2 : (text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
    const bad = text.slice(start, start + width);
    this.reportToken(start, start + width, messages.unexpectedCharacter(bad, operatorHint(bad)));
    this.pos = start + width;
  }

  /** Runs a sticky regex at `pos`; on a match advances and returns the regex. */
  private match(re: RegExp): RegExp | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m || m[0].length === 0) return null;
    this.pos += m[0].length;
    return re;
  }

  private punctuation(ch: string, start: number): void {
    this.pos = start + 1;
    if (ch === '(' || ch === '[' || ch === '{') {
      this.brackets.push({ open: ch, start });
    } else if (syn.CLOSERS[ch]) {
      const k = this.openerOf(ch);
      if (k >= 0) {
        const interpolation = this.brackets[k]?.open === '#{';
        this.brackets.length = k; // inner brackets left open are reported by the parser
        if (interpolation) {
          this.modes.pop();
          this.push('INTERPOLATION_END', start, start + 1, ch);
          return;
        }
      }
    }
    this.push('PUNCTUATION', start, start + 1, ch);
  }

  /** Index of the bracket a closer closes, not looking past an enclosing string; -1 for a stray closer. */
  private openerOf(closer: string): number {
    for (let k = this.brackets.length - 1; k >= 0; k--) {
      const open = this.brackets[k]?.open;
      if (open === syn.CLOSERS[closer] || (closer === '}' && open === '#{')) return k;
      if (open === '#{' || open === '"') return -1;
    }
    return -1;
  }

  private quote(ch: string, start: number): void {
    const { text } = this;
    if (ch === "'") {
      syn.SQ_STRING.lastIndex = start;
      const m = start >= this.noSingleQuote ? null : syn.SQ_STRING.exec(text);
      if (!m) {
        this.noSingleQuote = Math.min(this.noSingleQuote, start);
        this.reportToken(start, start + 1, messages.unclosedString("'"));
        this.pos = start + 1;
        return;
      }
      this.pos = start + m[0].length;
      this.push('STRING', start, this.pos, (m[1] ?? '').replace(/\\'/g, "'"));
      return;
    }
    syn.DQ_STRING.lastIndex = start;
    const m = syn.DQ_STRING.exec(text);
    if (m) {
      this.pos = start + m[0].length;
      this.push('STRING', start, this.pos, (m[1] ?? '').replace(/\\"/g, '"'));
      return;
    }
    if (!this.checkpoint && this.budget > 0) {
      this.checkpoint = {
        pos: start,
        tokens: this.tokens.length,
        errors: this.errors.length,
        modes: [...this.modes],
        brackets: [...this.brackets],
        tagReported: this.tagReported,
        flawed: !!this.tagToken?.flawed,
      };
    }
    this.push('STRING_START', start, start + 1, '"');
    this.brackets.push({ open: '"', start });
    this.modes.push('string');
    this.pos = start + 1;
  }

  // ---- inside "…#{…}…" ------------------------------------------------------------------------------

  private string(): void {
    const { text } = this;
    const start = this.pos;
    if (text.startsWith('#{', start)) {
      this.push('INTERPOLATION_START', start, start + 2, '#{');
      this.brackets.push({ open: '#{', start });
      this.modes.push('interpolation');
      this.pos = start + 2;
      return;
    }
    if (this.match(syn.STRING_PART)) {
      this.push('STRING_PART', start, this.pos, text.slice(start, this.pos));
      return;
    }
    if (text[start] === '"') {
      this.push('STRING_END', start, start + 1, '"');
      this.brackets.pop();
      this.modes.pop();
      if (this.checkpoint && this.checkpoint.modes.length === this.modes.length) this.checkpoint = null;
      this.pos = start + 1;
      return;
    }
    this.pos = text.length; // a lone `\` before the end: the string is unclosed
  }

  private interpolation(): void {
    if (this.brackets[this.brackets.length - 1]?.open === '#{') {
      syn.INTERPOLATION_CLOSE.lastIndex = this.pos;
      const m = syn.INTERPOLATION_CLOSE.exec(this.text);
      if (m) {
        const end = this.pos + m[0].length;
        this.push('INTERPOLATION_END', end - 1, end, '}');
        this.brackets.pop();
        this.modes.pop();
        this.pos = end;
        return;
      }
    }
    this.expressionToken();
  }

  /** At the end of the text inside an unclosed `"` string: report its quote and lex on from after it. */
  private resumeAfterUnclosedString(): boolean {
    const cp = this.checkpoint;
    if (!cp || !this.modes.includes('string')) return false;
    const cost = this.text.length - cp.pos;
    if (cost > this.budget) return false;
    this.budget -= cost;
    this.checkpoint = null;
    this.tokens.length = cp.tokens;
    this.errors.length = cp.errors;
    this.modes = [...cp.modes];
    this.brackets = [...cp.brackets];
    this.tagReported = cp.tagReported;
    if (this.tagToken) this.tagToken.flawed = cp.flawed;
    this.reportToken(cp.pos, cp.pos + 1, messages.unclosedString('"'));
    this.pos = cp.pos + 1;
    return true;
  }
}
