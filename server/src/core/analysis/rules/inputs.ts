import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { InputTypeDef } from '../../catalogue';
import { FLOW_OUTPUT_PROPERTIES } from '../../catalogue/flow';
import { locatedString, span, stringAt, valueOf, type Located } from '../../model/yaml-access';
import { closest } from '../../util/did-you-mean';
import { parseDuration } from '../../util/duration';
import { compareVersions, existsIn } from '../../versions';
import { checkMap, hasExpression, replaceFix } from '../check-value';
import type { RuleContext, Span } from '../context';
import { messages } from '../messages';

/** A list of input declarations (flow `inputs`, Pause `onResume`, FORM children). */
export function checkInputList(ctx: RuleContext, list: YAMLSeq): void {
  const maps = list.items.filter((i): i is YAMLMap => isMap(i));
  for (const item of list.items) {
    if (!isMap(item) && span(item as Node)) {
      ctx.report(
        'invalid-value',
        span(item as Node)!,
        messages.wrongValue('inputs', 'an input (a mapping with `id` and `type`)', 'something else'),
      );
    }
  }
  for (const map of maps) checkInput(ctx, map);
  checkDependsOn(ctx, maps);
}

function checkInput(ctx: RuleContext, map: YAMLMap): void {
  const where = span(map)!;
  const type = stringAt(map, 'type');
  const id = stringAt(map, 'id') ?? stringAt(map, 'name');
  const anchor: Span = type ?? id ?? { start: where.start, end: where.start + 1 };
  const def = type ? resolveInputType(ctx, type, 'input') : undefined;
  const properties = def ? ctx.catalogue.inputPropertiesOf(def) : commonOnly(ctx);
  checkMap(ctx, map, properties, { label: def ? `a \`${def.type}\` input` : 'this input', anchor });
  if (!def) return;
  const defaults = valueOf(map, 'defaults');
  if (defaults !== undefined && compareVersions(ctx.version, '2.0') >= 0) {
    const required = valueOf(map, 'required');
    if (isScalar(required) && (required.value === false || required.value === 'false')) {
      ctx.report('invalid-input', span(required)!, messages.defaultsNotRequired());
    }
    const prefill = valueOf(map, 'prefill');
    if (prefill !== undefined) ctx.report('invalid-input', span(prefill) ?? anchor, messages.defaultsAndPrefill());
  }
  if (defaults !== undefined) checkDefaultValue(ctx, def, defaults, map);
}

/** Input properties without a known type: the common ones, so typos are still caught. */
function commonOnly(ctx: RuleContext) {
  const stringDef = ctx.catalogue.inputType('STRING');
  const props = stringDef ? ctx.catalogue.inputPropertiesOf(stringDef) : {};
  // Without a type we cannot tell which specific keys are valid: accept every key any type knows.
  const all: Record<string, (typeof props)[string]> = {};
  for (const name of ctx.catalogue.inputTypeNames()) {
    for (const [key, def] of Object.entries(ctx.catalogue.inputType(name)!.properties)) all[key] = { ...def, required: false };
  }
  return { ...all, ...props };
}

/** Resolves an input (or output) type name, reporting case mistakes, unknown and removed types. */
export function resolveInputType(ctx: RuleContext, type: Located<string>, use: 'input' | 'output'): InputTypeDef | undefined {
  let def = ctx.catalogue.inputType(type.value);
  if (!def) {
    const upper = ctx.catalogue.inputType(type.value.toUpperCase());
    if (!upper) {
      const names = ctx.catalogue.inputTypeNames().filter((n) => existsIn(ctx.catalogue.inputType(n)!.versions, ctx.version));
      const suggestions = closest(type.value, names, { max: 2, caseInsensitive: true });
      ctx.report('invalid-input-type', type, messages.unknownInputType(type.value, suggestions), {
        fixes: suggestions.map((s) => replaceFix(type, s)),
      });
      return undefined;
    }
    if (existsIn(upper.versions, ctx.version)) {
      // Lower case is the most common slip: report it, then keep checking with the intended type.
      ctx.report('invalid-input-type', type, messages.lowercaseInputType(type.value, upper.type), {
        fixes: [replaceFix(type, upper.type)],
      });
      return upper;
    }
    def = upper;
  }
  if (!existsIn(def.versions, ctx.version)) {
    const since = def.versions?.since;
    if (since && compareVersions(ctx.version, since) < 0) {
      ctx.report('invalid-input-type', type, messages.typeNotYet(type.value, ctx.version, since));
    } else {
      const note = def.replacedBy ?? def.deprecated;
      const replacement = note?.replacement;
      ctx.report('invalid-input-type', type, messages.typeRemoved(type.value, ctx.version, replacement, note?.message), {
        fixes: replacement ? [replaceFix(type, replacement)] : [],
      });
    }
    return undefined;
  }
  if (def.type !== type.value) return def;
  if (def.deprecated) {
    const replacement = def.deprecated.replacement;
    ctx.report('deprecated-value', type, messages.typeDeprecated(type.value, def.deprecated.message), {
      fixes: replacement ? [replaceFix(type, replacement)] : [],
      tags: ['deprecated'],
    });
  }
  if (use === 'output' && def.outputAllowed !== undefined) {
    const allowed = def.outputAllowed !== false && existsIn(def.outputAllowed, ctx.version);
    if (!allowed) ctx.report('invalid-input-type', type, messages.outputTypeNotAllowed(type.value, ctx.version));
  }
  return def;
}

/** A literal default must fit the declared type (expressions are checked at run time). */
function checkDefaultValue(ctx: RuleContext, def: InputTypeDef, node: Node, map: YAMLMap): void {
  if (!isScalar(node) || hasExpression(node) || node.value === null) return;
  const where = span(node)!;
  const text = String(node.value);
  const bad = (expected: string): void => ctx.report('invalid-value', where, messages.wrongValue('defaults', expected, `\`${text}\``));
  switch (def.type) {
    case 'INT':
      if (!/^-?\d+$/.test(text)) bad('an integer');
      return;
    case 'FLOAT':
      if (Number.isNaN(Number(text))) bad('a number');
      return;
    case 'BOOL':
    case 'BOOLEAN':
      if (!/^(true|false)$/i.test(text)) bad('`true` or `false`');
      return;
    case 'DURATION':
      if ('error' in parseDuration(text)) bad('an ISO-8601 duration such as `PT5M`');
      return;
    case 'DATE':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) bad('a date such as `2026-01-31`');
      return;
    case 'DATETIME':
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
        bad('an ISO-8601 instant with a zone, such as `2026-01-31T08:00:00Z`');
      }
      return;
    case 'SELECT': {
      const values = valueOf(map, 'values');
      const custom = valueOf(map, 'allowCustomValue');
      if (isSeq(values) && !(isScalar(custom) && custom.value === true)) {
        const allowed = values.items.map((v) => locatedString(v as Node)?.value).filter((v): v is string => v !== undefined);
        if (allowed.length > 0 && !allowed.includes(text)) {
          ctx.report('invalid-value', where, messages.notInEnum('defaults', text, allowed, closest(text, allowed, { max: 1 })));
        }
      }
      return;
    }
    default:
      return;
  }
}

/** `dependsOn.inputs` must name declared inputs, without cycles. */
function checkDependsOn(ctx: RuleContext, inputs: readonly YAMLMap[]): void {
  const ids = new Map<string, Located<string>[]>();
  for (const map of inputs) {
    const id = stringAt(map, 'id') ?? stringAt(map, 'name');
    if (!id) continue;
    const deps: Located<string>[] = [];
    const dependsOn = valueOf(map, 'dependsOn');
    const list = isMap(dependsOn) ? valueOf(dependsOn, 'inputs') : undefined;
    if (isSeq(list)) {
      for (const item of list.items) {
        const v = locatedString(item as Node);
        if (v) deps.push(v);
      }
    }
    ids.set(id.value, deps);
  }
  for (const [id, deps] of ids) {
    for (const dep of deps) if (!ids.has(dep.value)) ctx.report('invalid-input', dep, messages.inputDependsOnMissing(id, dep.value));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      const first = ids.get(stack[stack.length - 1]!)?.find((d) => d.value === id);
      if (first) ctx.report('invalid-input', first, messages.inputDependsOnCycle(cycle));
      return true;
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of ids.get(id) ?? []) if (ids.has(dep.value) && visit(dep.value)) break;
    stack.pop();
    state.set(id, 'done');
    return false;
  };
  for (const id of ids.keys()) visit(id);
}

/** Flow outputs (and Loop outputs): `id`, `type` among the types outputs may use, and `value`. */
export function checkOutputList(ctx: RuleContext, list: YAMLSeq): void {
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const where = span(item)!;
    const type = stringAt(item, 'type');
    const anchor: Span = type ?? stringAt(item, 'id') ?? { start: where.start, end: where.start + 1 };
    checkMap(ctx, item, FLOW_OUTPUT_PROPERTIES, { label: 'this output', anchor });
    if (type) resolveInputType(ctx, type, 'output');
  }
}
