/**
 * Pebble's lexical syntax as Kestra configures it (PebbleTemplates/pebble `lexer/Syntax.java`,
 * `lexer/LexerImpl.java`, `utils/StringUtils.java`; Kestra `runners/VariableRenderer.java` for raw):
 * the regular expressions, translated to JavaScript with Java's meaning kept (Java's `\s` is ASCII only,
 * its `.` also stops at U+0085), and Java's whitespace classes.
 *
 * Behaviour checked against PebbleTemplates/pebble `lexer/LexerImpl.java` and `lexer/Syntax.java`:
 * - Data text runs to the first `{{`, `{%` or `{#`. A `-` right after an opening delimiter trims the text
 *   before it only when followed by whitespace (`{{-x}}` is unary minus); a `-` right before a closing
 *   delimiter trims the text after it.
 * - Closing delimiters count only when no bracket is open, so `{{ {'a': {'b': 1}} }}` works.
 * - Inside a tag, at each token: whitespace (Java `Character.isWhitespace`), then operators longest first
 *   (word operators must not be followed by `[A-Za-z0-9_]`), names (`[\p{L}_][\p{L}\p{Nd}_]*`), `123L`,
 *   numbers (`12`, `1.5`; no exponent), punctuation `()[]{}?:.,|=`, strings.
 * - `'…'` and `"…"` without `#`: one STRING; only `\'` resp. `\"` is unescaped. A `"` string containing
 *   `#` is lexed in parts: raw chunks (nothing unescaped) and `#{ expression }`.
 * - `{# … #}` trims after itself when its text ends in whitespace + `-`.
 * - `{% verbatim %}…{% endverbatim %}` is lexer-level; its content is always left-trimmed (Pebble tests
 *   regex group 0 instead of 1) and right-trimmed with `{%- endverbatim`.
 * Kestra addition (`runners/VariableRenderer.java`): `{% raw %}…{% endraw %}` on one line is swapped out
 * before Pebble runs and output as is; here a RAW token (only in data text, not inside tags).
 */
import { isWordOperator, OPERATOR_SYMBOLS } from './operators';

export const S = '[ \\t\\n\\x0B\\f\\r]'; // Java regex `\s`
export const OPERATORS = new RegExp(
  OPERATOR_SYMBOLS.map((op) => op.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (isWordOperator(op) ? '(?![a-zA-Z0-9_])' : '')).join('|'),
  'y',
);
export const NAME = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
export const NUMBER = /[0-9]+L|[0-9]+(?:\.[0-9]+)?/y;
export const SQ_STRING = /'([^'\\]*(?:\\[\s\S][^'\\]*)*)'/y;
export const DQ_STRING = /"([^#"\\]*(?:\\[\s\S][^#"\\]*)*)"/y;
export const STRING_PART = /[^#"\\]*(?:(?:\\[\s\S]|#(?!\{))[^#"\\]*)*/y;
export const CLOSE = new RegExp(`${S}*(-)?(\\}\\}|%\\})`, 'y');
export const INTERPOLATION_CLOSE = new RegExp(`${S}*\\}`, 'y');
export const VERBATIM_START = new RegExp(`${S}*verbatim${S}*(-)?%\\}`, 'y');
export const VERBATIM_END = new RegExp(`\\{%(-)?${S}*endverbatim${S}*(-)?%\\}`, 'g');
export const RAW_HEAD = new RegExp(`\\{%-*${S}*raw${S}*-*%\\}`, 'y');
export const RAW_END = new RegExp(`\\{%-*${S}*endraw${S}*-*%\\}`, 'g');
export const RAW_ONE_LINE = new RegExp(`\\{%-*${S}*raw${S}*-*%\\}([^\\n\\r\\u0085\\u2028\\u2029]*?)\\{%-*${S}*endraw${S}*-*%\\}`, 'y');
export const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/g; // what Java's `.` does not match
export const PUNCTUATION = '()[]{}?:.,|=';
export const CLOSERS: Readonly<Record<string, '(' | '[' | '{'>> = { ')': '(', ']': '[', '}': '{' };

/** Java regex `\s`: what Pebble's delimiter regexes treat as whitespace. */
export function isRegexSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\x0B' || ch === '\f' || ch === '\r';
}

/** Java `Character.isWhitespace`: skipped between tokens and trimmed by whitespace control. */
export function isJavaWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a && code !== 0x2007) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x205f ||
    code === 0x3000
  );
}

export function ltrim(s: string): string {
  let i = 0;
  while (i < s.length && isJavaWhitespace(s.charCodeAt(i))) i++;
  return s.slice(i);
}

export function rtrim(s: string): string {
  let i = s.length;
  while (i > 0 && isJavaWhitespace(s.charCodeAt(i - 1))) i--;
  return s.slice(0, i);
}
