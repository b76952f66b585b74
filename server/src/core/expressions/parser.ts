/**
 * Pebble template -> syntax tree with exact ranges, and every error at once: `parseTemplate` never throws.
 *
 * Tags are those Kestra keeps (PebbleTemplates/pebble `parser/ParserImpl.java`, `tokenParser/*.java`;
 * kestra-io/kestra `runners/pebble/ExtensionCustomizer.java`): if/elseif/else/endif, for/else/endfor (one
 * loop variable), set, macro/endmacro, filter/endfilter, block/endblock, plus verbatim and Kestra's
 * one-line raw, which the lexer handles. extends, embed, include, import, from, flush, parallel, cache
 * and autoescape are removed by Kestra.
 *
 * Recovery: an error ends the tag it is in (parse-state.ts); a block tag whose header is broken still
 * parses its body and end tag. An end tag that belongs to an enclosing block closes the inner blocks,
 * which are reported unclosed; an end tag that belongs to no open block is reported and skipped.
 */
import type {
  ElseBranch,
  Expression,
  FilterCall,
  Identifier,
  IfBranch,
  MacroParameter,
  ParseResult,
  Span,
  TemplateChild,
  TemplateError,
} from './ast';
import { ExpressionParser } from './expression-parser';
import { tokenize, type Token, type TokenType } from './lexer';
import { messages, REMOVED_TAGS } from './messages';
import { MAX_NESTING, ParseState } from './parse-state';

export function parseTemplate(text: string): ParseResult {
  try {
    const lexed = tokenize(text);
    const state = new ParseState(text, lexed.tokens);
    const body = new TemplateParser(state).body().nodes;
    const errors = [...lexed.errors, ...state.errors].sort(compareErrors);
    return { ast: { kind: 'template', body, start: 0, end: text.length }, errors };
  } catch (e) {
    // A bug, not a template problem: still no exception out of the core.
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ast: { kind: 'template', body: [], start: 0, end: text.length },
      errors: [{ message: messages.internal(detail), start: 0, end: text.length }],
    };
  }
}

function compareErrors(a: TemplateError, b: TemplateError): number {
  return a.start - b.start || a.end - b.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** An open block tag while its body is parsed: the tags that end or continue it. */
interface Frame {
  readonly tag: string;
  readonly endTag: string;
  stops: ReadonlySet<string>;
  inElse: boolean;
}

/** What a stray middle or end tag would have belonged to. */
const OPENER_OF: Readonly<Record<string, string>> = {
  endif: 'if',
  elseif: 'if',
  endfor: 'for',
  endmacro: 'macro',
  endfilter: 'filter',
  endblock: 'block',
  endverbatim: 'verbatim',
  endraw: 'raw',
  endautoescape: 'autoescape',
  endcache: 'cache',
  endembed: 'embed',
  endparallel: 'parallel',
};

const BLOCK_TAGS = new Set(['if', 'for', 'macro', 'filter', 'block']);

type Body = { nodes: TemplateChild[]; stop: string | null };

class TemplateParser {
  private readonly frames: Frame[] = [];
  private readonly expr: ExpressionParser;

  constructor(private readonly s: ParseState) {
    this.expr = new ExpressionParser(s);
  }

  /** Nodes up to the end of the text or to a tag that ends or continues an open block (left unconsumed). */
  body(): Body {
    const s = this.s;
    const nodes: TemplateChild[] = [];
    for (;;) {
      const t = s.cur;
      switch (t.type) {
        case 'EOF':
          return { nodes, stop: null };
        case 'TEXT':
        case 'COMMENT':
          s.advance();
          nodes.push({ kind: t.type === 'TEXT' ? 'text' : 'comment', value: t.value, start: t.start, end: t.end });
          break;
        case 'VERBATIM':
        case 'RAW': {
          s.advance();
          const content = { contentStart: t.contentStart ?? t.start, contentEnd: t.contentEnd ?? t.end };
          nodes.push({ kind: t.type === 'RAW' ? 'raw' : 'verbatim', value: t.value, start: t.start, end: t.end, ...content });
          break;
        }
        case 'PRINT_START':
          nodes.push(this.print());
          break;
        case 'EXECUTE_START': {
          const name = s.peek();
          if (name.type === 'NAME' && this.frames.some((f) => f.stops.has(name.value))) return { nodes, stop: name.value };
          const node = this.tag();
          if (node) nodes.push(node);
          break;
        }
        default:
          s.advance(); // an ERROR token of data text, already reported by the lexer
      }
    }
  }

  private print(): TemplateChild {
    const s = this.s;
    const open = s.advance();
    s.beginTag(open);
    const expression = this.expr.parseExpression(0);
    const close = this.closeTag(open, 'PRINT_END');
    return { kind: 'print', expression, trimBefore: !!open.trim, trimAfter: !!close?.trim, ...s.span(open, close) };
  }

  /** Expects the tag's closing delimiter, skipping what is left of the tag; null at the end of the text. */
  private closeTag(open: Token, type: TokenType): Token | null {
    const s = this.s;
    const closer = type === 'PRINT_END' ? '"}}"' : '"%}"';
    if (!s.panic && !s.is(type) && !s.is('EOF')) s.unexpected(closer);
    while (!s.is('PRINT_END') && !s.is('EXECUTE_END') && !s.is('EOF')) s.advance();
    if (s.is('EOF')) {
      s.errors.length = s.tagMark; // at the end of the text, "unclosed" is the one thing worth saying
      s.errors.push({ message: messages.unclosedDelimiter(open.value.slice(0, 2), closer.slice(1, -1)), start: open.start, end: open.end });
      return null;
    }
    return s.advance();
  }

  private tag(): TemplateChild | null {
    const s = this.s;
    const open = s.advance();
    s.beginTag(open);
    const nameTok = s.cur;
    const name = nameTok.value;
    if (nameTok.type !== 'NAME') {
      if (nameTok.type === 'ERROR') s.panic = true;
      else s.fail(open.start, nameTok.type === 'EOF' ? open.end : nameTok.end, messages.missingTagName());
    } else if (BLOCK_TAGS.has(name) && this.frames.length >= MAX_NESTING / 2) {
      s.fail(nameTok.start, nameTok.end, messages.tooDeep());
    } else {
      switch (name) {
        case 'if':
          return this.ifTag(open);
        case 'for':
          return this.forTag(open);
        case 'set':
          return this.setTag(open);
        case 'macro':
          return this.macroTag(open);
        case 'filter':
          return this.filterTag(open);
        case 'block':
          return this.blockTag(open);
        default:
          s.fail(nameTok.start, nameTok.end, this.unknownTagMessage(name));
      }
    }
    this.closeTag(open, 'EXECUTE_END');
    return null;
  }

  private unknownTagMessage(name: string): string {
    const inner = this.frames[this.frames.length - 1];
    if ((name === 'else' || (name === 'elseif' && inner?.tag === 'if')) && inner?.inElse) return messages.elseAfterElse(name, inner.tag);
    if (name === 'else') return messages.strayElse();
    const opener = OPENER_OF[name];
    if (opener) return messages.strayEndTag(name, opener);
    return REMOVED_TAGS.has(name) ? messages.removedTag(name) : messages.unknownTag(name);
  }

  /** The rest of a block tag's header: expects `%}`; returns the span of the whole header tag. */
  private header(open: Token): Span {
    return this.s.span(open, this.closeTag(open, 'EXECUTE_END'));
  }

  /** Parses a body inside `frame`; reports the block unclosed unless it stopped at one of its own tags. */
  private section(frame: Frame, opening: Span, after: Span): Body & { end: number } {
    this.frames.push(frame);
    let result: Body;
    try {
      result = this.body();
    } finally {
      this.frames.pop();
    }
    const last = result.nodes[result.nodes.length - 1];
    const end = last ? last.end : after.end;
    if (result.stop !== null && frame.stops.has(result.stop)) return { ...result, end };
    this.s.errors.push({ message: messages.unclosedBlock(frame.tag, frame.endTag), start: opening.start, end: opening.end });
    return { nodes: result.nodes, stop: null, end };
  }

  /** Consumes `{%` and the name of a middle or end tag; returns the `{%` token. */
  private stopTag(): Token {
    const open = this.s.advance();
    this.s.beginTag(open);
    this.s.advance();
    return open;
  }

  private frame(tag: string, endTag: string, ...middle: string[]): Frame {
    return { tag, endTag, stops: new Set([...middle, endTag]), inElse: false };
  }

  private ifTag(open: Token): TemplateChild {
    const s = this.s;
    s.advance();
    let condition = this.expr.parseExpression(0);
    const opening = this.header(open);
    let tag: Span = opening;
    const frame = this.frame('if', 'endif', 'elseif', 'else');
    const branches: IfBranch[] = [];
    let otherwise: ElseBranch | null = null;
    for (;;) {
      const part = this.section(frame, opening, tag);
      if (frame.inElse) otherwise = { tag, body: part.nodes, start: tag.start, end: part.end };
      else branches.push({ tag, condition, body: part.nodes, start: tag.start, end: part.end });
      if (part.stop === null) return { kind: 'if', branches, otherwise, endTag: null, start: open.start, end: part.end };
      const stop = this.stopTag();
      if (part.stop === 'endif') {
        const endTag = this.header(stop);
        return { kind: 'if', branches, otherwise, endTag, start: open.start, end: endTag.end };
      }
      if (part.stop === 'else') {
        frame.inElse = true;
        frame.stops = new Set(['endif']);
      } else {
        condition = this.expr.parseExpression(0);
      }
      tag = this.header(stop);
    }
  }

  private forTag(open: Token): TemplateChild {
    const s = this.s;
    s.advance();
    const variable = this.expr.newVariableName();
    if (!s.panic && s.isPunct(',')) {
      const second = s.peek();
      s.fail(variable.start, second.type === 'NAME' ? second.end : s.cur.end, messages.forTwoVariables());
    }
    let iterable: Expression;
    if (!s.panic && s.is('NAME', 'in')) {
      s.advance();
      iterable = this.expr.parseExpression(0);
    } else {
      if (!s.panic) s.unexpected('"in"');
      iterable = s.missing();
    }
    const tag = this.header(open);
    const frame = this.frame('for', 'endfor', 'else');
    const part = this.section(frame, tag, tag);
    let otherwise: ElseBranch | null = null;
    let last = part;
    if (part.stop === 'else') {
      const elseTag = this.header(this.stopTag());
      frame.stops = new Set(['endfor']);
      frame.inElse = true;
      last = this.section(frame, tag, elseTag);
      otherwise = { tag: elseTag, body: last.nodes, start: elseTag.start, end: last.end };
    }
    const endTag = last.stop === 'endfor' ? this.header(this.stopTag()) : null;
    return { kind: 'for', tag, variable, iterable, body: part.nodes, otherwise, endTag, start: open.start, end: endTag?.end ?? last.end };
  }

  private setTag(open: Token): TemplateChild {
    const s = this.s;
    s.advance();
    const name = this.expr.newVariableName();
    let value: Expression;
    if (!s.panic && s.isPunct('=')) {
      s.advance();
      value = this.expr.parseExpression(0);
    } else {
      if (!s.panic) s.unexpected('"="');
      value = s.missing();
    }
    const tag = this.header(open);
    return { kind: 'set', name, value, start: tag.start, end: tag.end };
  }

  /** Parses the body and end tag shared by macro, filter and block. */
  private simpleBlock(
    tag: Span,
    tagName: string,
    endName: string,
    onEnd?: () => void,
  ): { body: TemplateChild[]; endTag: Span | null; end: number } {
    const part = this.section(this.frame(tagName, endName), tag, tag);
    if (part.stop !== endName) return { body: part.nodes, endTag: null, end: part.end };
    const stop = this.stopTag();
    onEnd?.();
    const endTag = this.header(stop);
    return { body: part.nodes, endTag, end: endTag.end };
  }

  private macroTag(open: Token): TemplateChild {
    const s = this.s;
    s.advance();
    const name = this.name('a macro name');
    let params: MacroParameter[] = [];
    if (!s.panic) {
      if (s.isPunct('(')) params = this.expr.macroParams();
      else s.unexpected('"("');
    }
    const tag = this.header(open);
    const { body, endTag, end } = this.simpleBlock(tag, 'macro', 'endmacro');
    return { kind: 'macro', tag, name, params, body, endTag, start: open.start, end };
  }

  private filterTag(open: Token): TemplateChild {
    const s = this.s;
    s.advance();
    const filters: FilterCall[] = [];
    do {
      if (filters.length > 0) s.advance();
      const { name, args } = this.expr.invocation('filter');
      filters.push({ filter: name, args, start: name.start, end: args?.end ?? name.end });
    } while (!s.panic && s.is('OPERATOR', '|'));
    const tag = this.header(open);
    const { body, endTag, end } = this.simpleBlock(tag, 'filter', 'endfilter');
    return { kind: 'filterBlock', tag, filters, body, endTag, start: open.start, end };
  }

  private blockTag(open: Token): TemplateChild {
    const s = this.s;
    s.advance();
    const name = s.is('STRING') ? this.identifier(s.advance()) : this.name('a block name');
    const tag = this.header(open);
    // `{% endblock %}` may repeat the block's name, as a name or a string.
    const { body, endTag, end } = this.simpleBlock(tag, 'block', 'endblock', () => {
      const t = s.cur;
      if (t.type !== 'NAME' && t.type !== 'STRING') return;
      if (t.value === name.name) s.advance();
      else s.fail(t.start, t.end, messages.endblockName(s.describe(t), name.name));
    });
    return { kind: 'block', tag, name, body, endTag, start: open.start, end };
  }

  private name(expected: string): Identifier {
    const s = this.s;
    if (s.is('NAME')) return this.identifier(s.advance());
    s.unexpected(expected);
    return { name: '', ...s.hole() };
  }

  private identifier(t: Token): Identifier {
    return { name: t.value, start: t.start, end: t.end };
  }
}
