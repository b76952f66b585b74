import type { Expression } from '../../expressions/ast';
import type { FlowModel } from '../../model/flow';
import { closest } from '../../util/did-you-mean';
import type { RuleContext, Span } from '../context';
import type { Fix } from '../diagnostic';
import { fixTitles, messages } from '../messages';

/** Names a flow declares, read by `inputs.x`, `vars.x` and `outputs.t` (built once per model). */
interface DeclaredNames {
  readonly inputs: ReadonlySet<string>;
  readonly variables: ReadonlySet<string>;
  readonly tasks: ReadonlySet<string>;
  /** A digest of all of them: part of the validation memo key, since these checks read them. */
  readonly signature: string;
}

const declaredCache = new WeakMap<FlowModel, DeclaredNames>();

export function declaredNames(model: FlowModel): DeclaredNames {
  let names = declaredCache.get(model);
  if (!names) {
    // A dotted input id `a.b` is read as `inputs.a.b`: the first segment is what `inputs.` names.
    const inputs = new Set(model.inputs.map((i) => i.id?.value.split('.')[0]).filter((v): v is string => v !== undefined));
    const variables = new Set(model.variables.map((v) => v.value));
    const tasks = new Set(model.allTasks.map((t) => t.id?.value).filter((v): v is string => v !== undefined));
    const signature = digest([[...inputs].sort().join(','), [...variables].sort().join(','), [...tasks].sort().join(',')].join('|'));
    names = { inputs, variables, tasks, signature };
    declaredCache.set(model, names);
  }
  return names;
}

/**
 * `inputs.x`, `vars.x` and `outputs.t` where the flow declares no such input, variable or task: Kestra's
 * strict rendering fails on them. `outputs.my-task` is also caught: Pebble reads it as `outputs.my - task`.
 */
export function checkReferences(ctx: RuleContext, expression: Expression, at: (start: number, end: number) => Span | undefined): void {
  const model = ctx.model;
  if (!model) return;
  const reference = rootedName(expression);
  if (!reference) return;
  const names = declaredNames(model);
  const { root, name, start, end } = reference;
  const where = at(start, end);
  if (!where || name === '') return;
  const fix = (to: string): Fix => ({ title: fixTitles.replaceValue(to), edits: [{ ...where, newText: to }], preferred: true });
  if (root === 'inputs' && !names.inputs.has(name)) {
    const suggestions = closest(name, names.inputs, { max: 2 });
    ctx.report('undefined-reference', where, messages.undefinedInput(name, suggestions), { fixes: suggestions.map(fix) });
  } else if (root === 'vars' && !names.variables.has(name)) {
    const suggestions = closest(name, names.variables, { max: 2 });
    ctx.report('undefined-reference', where, messages.undefinedVariable(name, suggestions), { fixes: suggestions.map(fix) });
  } else if (root === 'outputs' && !names.tasks.has(name)) {
    const dashed = [...names.tasks].find((t) => t.startsWith(`${name}-`));
    if (dashed && reference.dotted) {
      ctx.report('undefined-reference', where, messages.dashedTaskId(dashed));
      return;
    }
    const suggestions = closest(name, names.tasks, { max: 2 });
    ctx.report('undefined-reference', where, messages.undefinedTask(name, suggestions), { fixes: suggestions.map(fix) });
  }
}

/** `root.name` or `root['name']` for the roots this rule checks; the name's own offsets. */
function rootedName(expression: Expression): { root: string; name: string; start: number; end: number; dotted: boolean } | undefined {
  if (expression.kind === 'attribute' && expression.object.kind === 'name' && ROOTS.has(expression.object.name)) {
    return {
      root: expression.object.name,
      name: expression.attribute.name,
      start: expression.attribute.start,
      end: expression.attribute.end,
      dotted: true,
    };
  }
  if (
    expression.kind === 'subscript' &&
    expression.object.kind === 'name' &&
    ROOTS.has(expression.object.name) &&
    expression.index.kind === 'string'
  ) {
    // The name sits inside the quotes of the string literal.
    return {
      root: expression.object.name,
      name: expression.index.value,
      start: expression.index.start + 1,
      end: expression.index.end - 1,
      dotted: false,
    };
  }
  return undefined;
}

const ROOTS = new Set(['inputs', 'vars', 'outputs']);

/** A short 53-bit digest (two 32-bit multiplicative hashes): memo keys stay small on 1,000-task flows. */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + `:${text.length}`;
}
