import { isScalar, visit, type Scalar } from 'yaml';
import { scalarSource } from '../document/scalar-source';
import { tokenize } from '../expressions/lexer';
import type { Token } from '../expressions/tokens';
import type { FlowFile } from '../flow-file';

/**
 * Semantic highlighting of Pebble inside YAML strings: the editor colours `{{ inputs.name | upper }}`
 * as code, not as one string. Tokens come from the one Pebble lexer and are mapped back to the file
 * through the scalar's quoting or block style; a token the source does not spell one for one is skipped.
 */

/** The legend, in the order the LSP adapter announces it. */
export const SEMANTIC_TOKEN_TYPES = [
  'macro',
  'variable',
  'property',
  'function',
  'keyword',
  'string',
  'number',
  'operator',
  'comment',
] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export interface SemanticToken {
  readonly start: number;
  readonly end: number;
  readonly type: SemanticTokenType;
}

/** Words Pebble reads as operators or tag keywords rather than variables. */
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'is',
  'in',
  'contains',
  'equals',
  'if',
  'elseif',
  'else',
  'endif',
  'for',
  'endfor',
  'set',
  'macro',
  'endmacro',
  'filter',
  'endfilter',
  'block',
  'endblock',
  'raw',
  'endraw',
  'verbatim',
  'endverbatim',
  'true',
  'false',
  'null',
  'none',
  'defined',
  'empty',
]);

export function semanticTokens(file: FlowFile): SemanticToken[] {
  const out: SemanticToken[] = [];
  for (const section of file.flowSections) {
    visit(section.doc, {
      Scalar(_, node) {
        if (isScalar(node) && typeof node.value === 'string' && /\{[{%#]/.test(node.value)) tokensOfScalar(file.text, node, out);
      },
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

function tokensOfScalar(text: string, node: Scalar, out: SemanticToken[]): void {
  const source = scalarSource(text, node);
  if (!source) return;
  const { tokens } = tokenize(source.value);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = classify(token, tokens[i - 1], tokens[i + 1]);
    if (!type || token.end <= token.start) continue;
    const where = source.spanOf(token.start, token.end);
    // Only tokens written on one line and spelled as they read can be coloured exactly.
    if (where && !text.slice(where.start, where.end).includes('\n')) out.push({ ...where, type });
  }
}

function classify(token: Token, previous: Token | undefined, next: Token | undefined): SemanticTokenType | undefined {
  switch (token.type) {
    case 'PRINT_START':
    case 'PRINT_END':
    case 'EXECUTE_START':
    case 'EXECUTE_END':
      return 'macro';
    case 'COMMENT':
      return 'comment';
    case 'NUMBER':
      return 'number';
    case 'STRING':
    case 'STRING_START':
    case 'STRING_PART':
    case 'STRING_END':
      return 'string';
    case 'OPERATOR':
      return KEYWORDS.has(token.value) ? 'keyword' : 'operator';
    case 'NAME':
      if (KEYWORDS.has(token.value)) return 'keyword';
      if (previous?.value === '|' || next?.value === '(') return 'function';
      if (previous?.value === '.') return 'property';
      return 'variable';
    default:
      return undefined;
  }
}
