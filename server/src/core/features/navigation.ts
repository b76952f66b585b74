import { INPUT_ID_PATTERN, TASK_ID_PATTERN } from '../catalogue/common';
import type { FlowFile } from '../flow-file';
import { idAt, type IdHit, type IdIndex, type IdReference } from './id-index';

/**
 * Go to definition, find references and rename for task ids and input ids, within the flow (YAML
 * section) under the cursor. The cursor may be on the declaration (`id:`) or on any reference.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RenameEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type RenameResult = { readonly edits: readonly RenameEdit[] } | { readonly error: string };

const ID_RULES: Readonly<Record<'task' | 'input', { pattern: RegExp; words: string }>> = {
  task: { pattern: new RegExp(TASK_ID_PATTERN), words: 'letters, digits, `_` and `-`, starting with a letter or a digit (no dots)' },
  input: { pattern: new RegExp(INPUT_ID_PATTERN), words: 'letters, digits, `.`, `_` and `-`, starting with a letter or a digit' },
};

/** Pebble reads `a.b-c` as a subtraction: such names need the bracket form. */
const DOT_SAFE: Readonly<Record<'task' | 'input', RegExp>> = {
  task: /^[A-Za-z_][A-Za-z0-9_]*$/,
  input: /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
};

export function definition(file: FlowFile, offset: number): Span[] {
  const found = safeIdAt(file, offset);
  if (!found) return [];
  return declarationsOf(found.index, found.hit).map(span);
}

export function references(file: FlowFile, offset: number, includeDeclaration: boolean): Span[] {
  const found = safeIdAt(file, offset);
  if (!found) return [];
  const { index, hit } = found;
  const refs = referencesOf(index, hit).map(span);
  return includeDeclaration ? [...declarationsOf(index, hit).map(span), ...refs].sort((a, b) => a.start - b.start) : refs;
}

export function prepareRename(file: FlowFile, offset: number): { start: number; end: number; placeholder: string } | undefined {
  const found = safeIdAt(file, offset);
  if (!found || declarationsOf(found.index, found.hit).length === 0) return undefined;
  return { start: found.hit.start, end: found.hit.end, placeholder: found.hit.name };
}

export function rename(file: FlowFile, offset: number, newName: string): RenameResult {
  const found = safeIdAt(file, offset);
  if (!found) return { error: 'Rename works on task ids and input ids of this flow.' };
  const { index, hit } = found;
  const declarations = declarationsOf(index, hit);
  if (declarations.length === 0) return { error: `No ${hit.kind} with id \`${hit.name}\` is declared in this flow.` };
  const rules = ID_RULES[hit.kind];
  if (!rules.pattern.test(newName)) return { error: `\`${newName}\` is not a valid ${hit.kind} id: use ${rules.words}.` };
  if (newName === hit.name) return { edits: [] };
  if (index.declarations.some((d) => d.kind === hit.kind && d.name === newName)) {
    return { error: `A ${hit.kind} with id \`${newName}\` already exists in this flow.` };
  }
  const edits: RenameEdit[] = declarations.map((d) => ({ start: d.start, end: d.end, newText: newName }));
  for (const ref of referencesOf(index, hit)) edits.push(referenceEdit(ref, newName));
  return { edits: edits.sort((a, b) => a.start - b.start) };
}

function referenceEdit(ref: IdReference, newName: string): RenameEdit {
  const access = ref.access;
  if (access?.syntax === 'dot' && !DOT_SAFE[ref.kind].test(newName)) {
    return { start: access.accessorStart, end: access.accessorEnd, newText: `[${access.quote}${newName}${access.quote}]` };
  }
  return { start: ref.start, end: ref.end, newText: newName };
}

function safeIdAt(file: FlowFile, offset: number): ReturnType<typeof idAt> {
  try {
    return idAt(file, offset);
  } catch {
    return undefined; // navigation must never take the editor down
  }
}

function declarationsOf(index: IdIndex, hit: IdHit) {
  return index.declarations.filter((d) => d.kind === hit.kind && d.name === hit.name);
}

function referencesOf(index: IdIndex, hit: IdHit) {
  return index.references.filter((r) => r.kind === hit.kind && r.name === hit.name);
}

function span(x: Span): Span {
  return { start: x.start, end: x.end };
}
