/**
 * The syntax tree of a Pebble template as Kestra accepts it. Every node carries `[start, end)` offsets
 * (UTF-16 code units) into the template string it was parsed from. Types only.
 *
 * Where a parse error left a hole, the tree holds an `ErrorExpression` (zero width, at the offending
 * token) or an empty `Identifier` (`name: ''`), so that a partial template such as `{{ outputs. }}`
 * still yields a tree that completion and hover can use.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A problem found while lexing or parsing, with the offsets of the text it is about. */
export interface TemplateError extends Span {
  readonly message: string;
}

/** A name written in the source: a filter, test, attribute, argument, variable or tag argument. */
export interface Identifier extends Span {
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------------
// Expressions

export type UnaryOperator = 'not' | '-' | '+';

/** Binary operators except `..`, which builds a `RangeExpression`. */
export type BinaryOperator =
  'or' | 'and' | 'contains' | '==' | 'equals' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%' | '~' | '??' | '???' | 'isIn';

/**
 * A string literal. For a quoted literal the span includes the quotes and `value` has `\'` / `\"`
 * unescaped (the only escape Pebble processes). For a chunk of an interpolated string the span is the
 * chunk and `value` is the raw text (Pebble unescapes nothing there).
 */
export interface StringLiteral extends Span {
  readonly kind: 'string';
  readonly value: string;
}

/** `42` and `42L` are Java Longs, `4.2` a Double; `raw` keeps the digits (a Long may exceed 2^53). */
export interface NumberLiteral extends Span {
  readonly kind: 'number';
  readonly raw: string;
  readonly value: number;
  readonly type: 'long' | 'double';
}

export interface BooleanLiteral extends Span {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** `null`, `NULL`, `none` or `NONE`. */
export interface NullLiteral extends Span {
  readonly kind: 'null';
}

/** A context variable (`outputs`, `inputs`, a `set` or loop variable, a macro argument). */
export interface NameExpression extends Span {
  readonly kind: 'name';
  readonly name: string;
}

/** `(expr)`: kept so that ranges include the parentheses; it means its `expression`. */
export interface GroupExpression extends Span {
  readonly kind: 'group';
  readonly expression: Expression;
}

/** `object.attribute`, or a method call `object.attribute(args)` (positional arguments only). */
export interface AttributeExpression extends Span {
  readonly kind: 'attribute';
  readonly object: Expression;
  readonly attribute: Identifier;
  readonly args: Arguments | null;
}

/** `object[index]`. */
export interface SubscriptExpression extends Span {
  readonly kind: 'subscript';
  readonly object: Expression;
  readonly index: Expression;
}

/** `name(args)`: a function or macro call; only a bare name can be called. */
export interface CallExpression extends Span {
  readonly kind: 'call';
  readonly callee: Identifier;
  readonly args: Arguments;
}

/** `input | filter` or `input | filter(args)`. */
export interface FilterExpression extends Span {
  readonly kind: 'filter';
  readonly input: Expression;
  readonly filter: Identifier;
  readonly args: Arguments | null;
}

/** `input is test`, `input is not test(args)`. */
export interface TestExpression extends Span {
  readonly kind: 'test';
  readonly input: Expression;
  readonly negated: boolean;
  readonly test: Identifier;
  readonly args: Arguments | null;
}

export interface UnaryExpression extends Span {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

export interface BinaryExpression extends Span {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  /** Offsets of the operator itself. */
  readonly operatorStart: number;
  readonly operatorEnd: number;
  readonly left: Expression;
  readonly right: Expression;
}

/** `from..to`: an inclusive range, the same as `range(from, to)`. */
export interface RangeExpression extends Span {
  readonly kind: 'range';
  readonly from: Expression;
  readonly to: Expression;
}

export interface TernaryExpression extends Span {
  readonly kind: 'ternary';
  readonly condition: Expression;
  readonly then: Expression;
  readonly otherwise: Expression;
}

/** `[a, b]`. Pebble allows no postfix directly after it (`[1][0]` is an error; `([1])[0]` is fine). */
export interface ListExpression extends Span {
  readonly kind: 'list';
  readonly elements: readonly Expression[];
}

export interface MapEntry extends Span {
  /** Keys are expressions: `{a: 1}` uses the value of the variable `a`. */
  readonly key: Expression;
  readonly value: Expression;
}

export interface MapExpression extends Span {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
}

/** `#{ expression }` inside a double-quoted string; the span covers `#{` to `}`. */
export interface InterpolationPart extends Span {
  readonly kind: 'interpolated';
  readonly expression: Expression;
}

/**
 * A double-quoted string with `#{}` parts: Pebble concatenates the parts as `~` does. With a single
 * `#{x}` part and no text, Pebble yields the value of `x` itself, not its string. Adjacent string
 * literals are merged here when Pebble merges them: after an interpolation (`"#{a}" 'b'`) or before one
 * (`'a' "#{b}"`), never two plain literals.
 */
export interface InterpolatedString extends Span {
  readonly kind: 'interpolation';
  readonly parts: readonly (StringLiteral | InterpolationPart)[];
}

/** Placeholder for a missing or unparsable expression; its span is empty, at the offending token. */
export interface ErrorExpression extends Span {
  readonly kind: 'error';
}

export type Expression =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | NameExpression
  | GroupExpression
  | AttributeExpression
  | SubscriptExpression
  | CallExpression
  | FilterExpression
  | TestExpression
  | UnaryExpression
  | BinaryExpression
  | RangeExpression
  | TernaryExpression
  | ListExpression
  | MapExpression
  | InterpolatedString
  | ErrorExpression;

/** One argument: positional (`name` null) or named (`name=value`). Positional ones come first. */
export interface Argument extends Span {
  readonly name: Identifier | null;
  readonly value: Expression;
}

/** An argument list; the span covers the parentheses. */
export interface Arguments extends Span {
  readonly items: readonly Argument[];
}

// ---------------------------------------------------------------------------------------------------
// Template

/** Text between tags; `value` is what Pebble outputs after whitespace control (`{{-`, `-}}`). */
export interface TextNode extends Span {
  readonly kind: 'text';
  readonly value: string;
}

/** `{# … #}`; `value` is the text between the delimiters. */
export interface CommentNode extends Span {
  readonly kind: 'comment';
  readonly value: string;
}

/** `{{ expression }}`; `trimBefore`/`trimAfter` record `{{-` and `-}}`. */
export interface PrintNode extends Span {
  readonly kind: 'print';
  readonly expression: Expression;
  readonly trimBefore: boolean;
  readonly trimAfter: boolean;
}

/** `{% verbatim %}…{% endverbatim %}`: the content is output as is (Pebble left-trims it always). */
export interface VerbatimNode extends Span {
  readonly kind: 'verbatim';
  readonly value: string;
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** `{% raw %}…{% endraw %}` on one line: Kestra swaps it out before Pebble runs and outputs the content. */
export interface RawNode extends Span {
  readonly kind: 'raw';
  readonly value: string;
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** One `{% if %}` or `{% elseif %}` with its body; the span runs from the tag to the end of the body. */
export interface IfBranch extends Span {
  readonly tag: Span;
  readonly condition: Expression;
  readonly body: readonly TemplateChild[];
}

/** `{% else %}` of an `if` or a `for`, with its body. */
export interface ElseBranch extends Span {
  readonly tag: Span;
  readonly body: readonly TemplateChild[];
}

export interface IfNode extends Span {
  readonly kind: 'if';
  readonly branches: readonly IfBranch[];
  readonly otherwise: ElseBranch | null;
  /** `{% endif %}`; null when the `if` is unclosed. */
  readonly endTag: Span | null;
}

/** `{% for variable in iterable %}`; `otherwise` runs when the iterable is empty. */
export interface ForNode extends Span {
  readonly kind: 'for';
  readonly tag: Span;
  readonly variable: Identifier;
  readonly iterable: Expression;
  readonly body: readonly TemplateChild[];
  readonly otherwise: ElseBranch | null;
  readonly endTag: Span | null;
}

export interface SetNode extends Span {
  readonly kind: 'set';
  readonly name: Identifier;
  readonly value: Expression;
}

export interface MacroParameter extends Span {
  readonly name: Identifier;
  readonly defaultValue: Expression | null;
}

export interface MacroNode extends Span {
  readonly kind: 'macro';
  readonly tag: Span;
  readonly name: Identifier;
  readonly params: readonly MacroParameter[];
  readonly body: readonly TemplateChild[];
  readonly endTag: Span | null;
}

/** One filter of a `{% filter %}` tag. */
export interface FilterCall extends Span {
  readonly filter: Identifier;
  readonly args: Arguments | null;
}

/** `{% filter f1 | f2(args) %}…{% endfilter %}`: the filters apply, in order, to the rendered body. */
export interface FilterBlockNode extends Span {
  readonly kind: 'filterBlock';
  readonly tag: Span;
  readonly filters: readonly FilterCall[];
  readonly body: readonly TemplateChild[];
  readonly endTag: Span | null;
}

/** `{% block name %}…{% endblock %}`; the name may be written as a name or a string. */
export interface BlockNode extends Span {
  readonly kind: 'block';
  readonly tag: Span;
  readonly name: Identifier;
  readonly body: readonly TemplateChild[];
  readonly endTag: Span | null;
}

export type TemplateChild =
  TextNode | CommentNode | PrintNode | VerbatimNode | RawNode | IfNode | ForNode | SetNode | MacroNode | FilterBlockNode | BlockNode;

export interface TemplateNode extends Span {
  readonly kind: 'template';
  readonly body: readonly TemplateChild[];
}

export interface ParseResult {
  readonly ast: TemplateNode;
  /** Lexer and parser problems, sorted by position. */
  readonly errors: readonly TemplateError[];
}
