import { isMap, isScalar, isSeq, Scalar, visit, type Node, type YAMLMap } from 'yaml';
import type { ValueType } from '../catalogue';
import type { YamlSection } from '../document/parse';
import { scalarSource } from '../document/scalar-source';
import type { FlowFile } from '../flow-file';
import type { FlowModel, InputNode, PluginNode, TaskNode } from '../model/flow';
import { keyName, pairs, valueOf } from '../model/yaml-access';
import { findExpressionRefs } from './expression-refs';

/**
 * Where each task id and input id of a flow is declared and referenced: Dag `dependsOn`, task-id
 * properties, input `dependsOn.inputs`, and Pebble text in every string of the flow. Offsets are exact
 * source offsets of the id text (inside quotes, inside block scalars). Built on demand, cached per model.
 */

export type IdKind = 'task' | 'input';

export interface IdDeclaration {
  readonly kind: IdKind;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly task?: TaskNode;
  readonly input?: InputNode;
}

export interface ExpressionAccess {
  readonly syntax: 'dot' | 'bracket';
  /** Source span of `.name` or `['name']`. */
  readonly accessorStart: number;
  readonly accessorEnd: number;
  /** The quote a bracket access may use without clashing with the YAML scalar's own quotes. */
  readonly quote: "'" | '"';
}

export interface IdReference {
  readonly kind: IdKind;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly via: 'dependsOn' | 'property' | 'expression';
  readonly access?: ExpressionAccess;
}

export interface IdIndex {
  readonly model: FlowModel;
  readonly declarations: readonly IdDeclaration[];
  readonly references: readonly IdReference[];
}

export interface IdHit {
  readonly kind: IdKind;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly isDeclaration: boolean;
}

const cache = new WeakMap<FlowModel, IdIndex>();

export function idIndex(file: FlowFile, section: YamlSection): IdIndex | undefined {
  const model = file.model(section);
  if (!model) return undefined;
  let index = cache.get(model);
  if (!index) cache.set(model, (index = buildIndex(file, model)));
  return index;
}

/** The declaration or reference of an id under the cursor (end offsets included). */
export function idAt(file: FlowFile, offset: number): { index: IdIndex; hit: IdHit } | undefined {
  const section = file.sectionAt(offset);
  const index = section ? idIndex(file, section) : undefined;
  if (!index) return undefined;
  for (const d of index.declarations) if (d.start <= offset && offset <= d.end) return { index, hit: { ...pick(d), isDeclaration: true } };
  for (const r of index.references) if (r.start <= offset && offset <= r.end) return { index, hit: { ...pick(r), isDeclaration: false } };
  return undefined;
}

function pick(x: { kind: IdKind; name: string; start: number; end: number }): { kind: IdKind; name: string; start: number; end: number } {
  return { kind: x.kind, name: x.name, start: x.start, end: x.end };
}

function buildIndex(file: FlowFile, model: FlowModel): IdIndex {
  const text = file.text;
  const declarations: IdDeclaration[] = [];
  const references: IdReference[] = [];
  const exact = (node: unknown): { start: number; end: number; name: string } | undefined => {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
    const source = scalarSource(text, node);
    const name = String(node.value);
    const span = source?.spanOf(0, name.length);
    return span ? { ...span, name } : undefined;
  };

  for (const task of model.allTasks) {
    const id = exact(valueOf(task.node, 'id'));
    if (id) declarations.push({ kind: 'task', ...id, task });
  }
  for (const input of model.inputs) {
    const id = exact(valueOf(input.node, input.idKey));
    if (id) declarations.push({ kind: 'input', ...id, input });
  }
  const taskNames = new Set(declarations.filter((d) => d.kind === 'task').map((d) => d.name));
  const inputNames = new Set(declarations.filter((d) => d.kind === 'input').map((d) => d.name));

  const scalarRefs = (node: unknown, kind: IdKind, via: IdReference['via']): void => {
    const items = isSeq(node) ? node.items : [node];
    for (const item of items) {
      const id = exact(item);
      if (id) references.push({ kind, ...id, via });
    }
  };
  for (const task of model.allTasks) {
    for (const branch of task.branches) {
      if (task.resolution?.def.childLists?.[branch.property] !== 'dag') continue;
      const entries = branch.pair.value;
      if (!isSeq(entries)) continue;
      for (const entry of entries.items) if (isMap(entry)) scalarRefs(valueOf(entry, 'dependsOn'), 'task', 'dependsOn');
    }
  }
  for (const plugin of [...model.allTasks, ...model.triggers]) {
    taskIdProperties(file, plugin, (node) => scalarRefs(node, 'task', 'property'));
  }
  for (const input of model.inputs) {
    const dependsOn = valueOf(input.node, 'dependsOn');
    if (isMap(dependsOn)) scalarRefs(valueOf(dependsOn, 'inputs'), 'input', 'dependsOn');
  }

  visit(model.section.doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !(node.value.includes('{{') || node.value.includes('{%'))) return;
      const refs = findExpressionRefs(node.value);
      if (refs.length === 0) return;
      const source = scalarSource(text, node);
      if (!source) return;
      const quote: "'" | '"' = node.type === Scalar.QUOTE_SINGLE ? '"' : "'";
      for (const ref of refs) {
        const kind: IdKind = ref.root === 'inputs' ? 'input' : 'task';
        const name = declaredPrefix(
          ref.name,
          kind === 'input' ? inputNames : taskNames,
          ref.syntax === 'bracket',
          kind === 'input' ? /[.-]/ : /-/,
        );
        if (name === undefined) continue;
        const span = source.spanOf(ref.start, ref.start + name.length);
        const accessor = source.spanOf(ref.accessorStart, ref.syntax === 'dot' ? ref.start + name.length : ref.accessorEnd);
        if (!span || !accessor) continue;
        references.push({
          kind,
          name,
          ...span,
          via: 'expression',
          access: { syntax: ref.syntax, accessorStart: accessor.start, accessorEnd: accessor.end, quote },
        });
      }
    },
  });
  references.sort((a, b) => a.start - b.start);
  return { model, declarations, references };
}

/** The longest declared id the written chain starts with, cut at a separator (`outputs.a-1` is `a` minus 1). */
function declaredPrefix(written: string, declared: ReadonlySet<string>, exactOnly: boolean, separators: RegExp): string | undefined {
  if (declared.has(written)) return written;
  if (exactOnly) return undefined;
  for (let i = written.length - 1; i > 0; i--) {
    if (separators.test(written[i]!) && declared.has(written.slice(0, i))) return written.slice(0, i);
  }
  return undefined;
}

/** Calls `found` with the value node of every property typed as a task id (or a list of them). */
function taskIdProperties(file: FlowFile, plugin: PluginNode, found: (node: Node) => void): void {
  const def = plugin.resolution?.def;
  if (!def) return;
  const properties = file.catalogue.propertiesOf(def);
  for (const pair of pairs(plugin.node as YAMLMap)) {
    const key = keyName(pair);
    const prop = key === undefined ? undefined : properties[key];
    if (prop && isTaskIdType(prop.type) && pair.value) found(pair.value as Node);
  }
}

function isTaskIdType(type: ValueType): boolean {
  if (type.kind === 'string') return type.format === 'task-id';
  if (type.kind === 'list') return isTaskIdType(type.items);
  if (type.kind === 'union') return type.types.some(isTaskIdType);
  return false;
}
