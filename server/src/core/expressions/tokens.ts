/** The tokens of a Pebble template, as the lexer (lexer.ts) produces them. */

export type TokenType =
  | 'TEXT'
  | 'COMMENT'
  | 'VERBATIM'
  | 'RAW'
  | 'PRINT_START'
  | 'PRINT_END'
  | 'EXECUTE_START'
  | 'EXECUTE_END'
  | 'NAME'
  | 'NUMBER'
  | 'STRING'
  | 'STRING_START'
  | 'STRING_PART'
  | 'INTERPOLATION_START'
  | 'INTERPOLATION_END'
  | 'STRING_END'
  | 'OPERATOR'
  | 'PUNCTUATION'
  | 'ERROR'
  | 'EOF';

export interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
  /**
   * TEXT: the text after whitespace control; COMMENT: the text between the delimiters; VERBATIM, RAW:
   * the content as output; STRING: the value (quotes removed, `\'`/`\"` unescaped); STRING_PART: the raw
   * chunk; NUMBER: the digits as written (`12L` keeps its `L`); everything else: the source text.
   */
  readonly value: string;
  /** Delimiters: the whitespace-control `-` is present. */
  readonly trim?: boolean;
  /** VERBATIM, RAW: offsets of the content between the tags. */
  readonly contentStart?: number;
  readonly contentEnd?: number;
  /** ERROR: what is wrong. */
  readonly message?: string;
  /** PRINT_START, EXECUTE_START: the lexer found a problem inside this tag. */
  flawed?: boolean;
}
