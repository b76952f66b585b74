/**
 * Every message of the template lexer and parser. Our own words; where Pebble has a message users
 * meet in Kestra's execution logs, ours names the same thing (Pebble's text is quoted in the comment).
 */

const q = (s: string): string => `"${s}"`;

/** Tags Kestra's ExtensionCustomizer removes from Pebble (kestra-io/kestra `runners/pebble/ExtensionCustomizer.java`). */
export const REMOVED_TAGS: ReadonlySet<string> = new Set([
  'extends',
  'embed',
  'include',
  'import',
  'from',
  'flush',
  'parallel',
  'cache',
  'autoescape',
]);

/** Hints for operators from other languages that Pebble does not have. */
const OPERATOR_HINTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '&&': 'use "and"',
    '&': 'use "and"',
    '||': 'use "or"',
    '!': 'use "not"',
    '===': 'use "=="',
    '!==': 'use "!="',
    '**': 'Pebble has no power operator',
    '//': 'Pebble has no "//" operator; "/" between two integers already gives an integer',
    '=>': 'Pebble has no lambdas; use the jq filter',
    '<>': 'use "!="',
    // single tokens that are valid elsewhere
    '=': 'use "==" to compare',
    in: 'Pebble has no "in" operator: use "isIn" or "contains"',
  }),
);

export function operatorHint(source: string): string | undefined {
  return OPERATOR_HINTS.get(source);
}

export const messages = {
  // Lexer. Pebble: `Unexpected character [&]`.
  unexpectedCharacter: (ch: string, hint?: string) => `Unexpected character ${q(ch)}` + (hint ? `: ${hint}` : ''),
  // Pebble: `Unexpected character [']` (single quote) or `Unclosed """` (double quote).
  unclosedString: (quote: string) => `Unclosed string: the closing ${quote} is missing`,
  // Pebble: `Unclosed comment.`
  unclosedComment: () => 'Unclosed comment: "#}" is missing',
  // Pebble: `Unclosed verbatim tag.`
  unclosedVerbatim: () => 'Unclosed verbatim tag: "{% endverbatim %}" is missing',
  wrongCloseDelimiter: (open: string, expected: string, found: string) => `${q(open)} must be closed by ${q(expected)}, not ${q(found)}`,
  // Kestra handles raw blocks with a single-line regex; Pebble then says `Unexpected tag name "raw"`.
  multiLineRaw: () =>
    'Kestra only recognises "{% raw %}…{% endraw %}" on a single line (otherwise Pebble reports: Unexpected tag name "raw"); use "{% verbatim %}" for several lines',
  unclosedRaw: () => 'Unclosed raw block: "{% endraw %}" is missing on this line',

  // Parser. Pebble: `Unexpected token "PRINT_END" of value "}}"` and
  // `Unexpected token of value "x" and type NAME, expected token of type PRINT_END`.
  unexpected: (found: string, expected: string, hint?: string) => `Unexpected ${found}: expected ${expected}` + (hint ? ` (${hint})` : ''),
  // Pebble: `Unclosed ")"` (it names the missing closer).
  unclosedBracket: (open: string, close: string, found: string) => `Unclosed ${q(open)}: expected ${q(close)} before ${found}`,
  // Pebble: `Unexpected token of value "null" and type EOF, expected token of type PRINT_END`.
  unclosedDelimiter: (open: string, close: string) => `Unclosed ${q(open)}: ${q(close)} is missing`,
  // Pebble: `A block must start with a tag name.`
  missingTagName: () => 'A tag must start with its name after "{%"',
  // Pebble: `Unexpected tag name "foo"`.
  unknownTag: (name: string) => `Unknown tag ${q(name)} (Pebble: Unexpected tag name ${q(name)})`,
  removedTag: (name: string) => `The ${q(name)} tag is not available in Kestra (Pebble: Unexpected tag name ${q(name)})`,
  strayEndTag: (name: string, opener: string) => `${q(name)} without a matching ${q(opener)}`,
  strayElse: () => '"else" without a matching "if" or "for"',
  elseAfterElse: (name: string, tag: string) => `${q(name)} after the "else" of this ${q(tag)}`,
  // Pebble: `Unexpected end of template. Pebble was looking for the "endif" tag`.
  unclosedBlock: (tag: string, end: string) => `Unclosed ${q(tag)}: "{% ${end} %}" is missing`,
  // Pebble: `Can not assign a value to true`.
  reservedName: (name: string) => `Cannot assign a value to ${q(name)}`,
  // Pebble: `Positional arguments must be declared before any named arguments.`
  positionalAfterNamed: () => 'Positional arguments must come before named arguments',
  // Pebble: `Can not use named arguments when calling a bean method`.
  namedArgsOnMethod: () => 'Named arguments cannot be used when calling a method',
  // Pebble fails with a ClassCastException here.
  notCallable: () => 'Only a function or macro name can be called',
  forTwoVariables: () => 'A Pebble for loop takes one variable: write "for entry in map" and use entry.key and entry.value',
  wordOperatorAsAttribute: (op: string) => `${q(op)} is an operator and cannot follow "."; write ['${op}']`,
  numberAsAttribute: (n: string) => `a number cannot follow "."; write [${n}]`,
  endblockName: (found: string, name: string) => `"endblock" names ${found} but the block is ${q(name)}`,
  postfixOnLiteral: () => 'Pebble allows no ".", "[" or "(" directly after a list or map literal; wrap it in parentheses',
  // Pebble fails with a NumberFormatException from Long.valueOf.
  numberTooLarge: (raw: string) => `${q(raw)} is too large for a Java long`,
  tooDeep: () => 'Too deeply nested to analyse',
  internal: (detail: string) => `Internal parser error: ${detail}`,
} as const;
