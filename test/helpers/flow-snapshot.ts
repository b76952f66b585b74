import { isCollection, isPair, isScalar } from 'yaml';
import type { ParsedFile } from '../../server/src/core/document/parse';
import type { FlowModel, PluginNode, TaskNode } from '../../server/src/core/model/flow';
import type { Located } from '../../server/src/core/model/yaml-access';

/*
 * Plain-data pictures of what the core built from a text, to compare two builds of the same text with
 * deepStrictEqual (the incremental path against a full parse): every YAML node with its class, ranges,
 * value, style and comments; every section; every model node with its ranges.
 */

const NODE_FIELDS = ['value', 'type', 'source', 'flow', 'anchor', 'tag', 'comment', 'commentBefore', 'spaceBefore'] as const;

export function astOf(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) return { key: astOf(node.key), value: astOf(node.value), spaceBefore: (node as { spaceBefore?: boolean }).spaceBefore };
  const n = node as Record<string, unknown> & { range?: unknown };
  const out: Record<string, unknown> = { class: (node as object).constructor.name, range: n.range };
  for (const field of NODE_FIELDS) {
    const v = n[field];
    if (v !== undefined) out[field] = typeof v === 'object' && v !== null ? String(v) : v;
  }
  if (isScalar(node) && node.value instanceof Date) out['value'] = node.value.toISOString();
  if (isCollection(node)) out['items'] = node.items.map(astOf);
  return out;
}

export function parsedFileOf(file: ParsedFile): unknown {
  return {
    text: file.text,
    lineCount: file.lines.lineCount,
    tooLarge: file.tooLarge,
    tooDeep: file.tooDeep,
    sections: file.sections.map((s) => ({
      start: s.start,
      end: s.end,
      isFlow: s.isFlow,
      rootIsContents: s.root === s.doc.contents,
      errors: s.errors,
      docRange: s.doc.range,
      docComment: s.doc.comment,
      docCommentBefore: s.doc.commentBefore,
      docErrors: s.doc.errors.map((e) => [e.code, e.pos, e.message]),
      docWarnings: s.doc.warnings.map((e) => [e.code, e.pos, e.message]),
      contents: astOf(s.doc.contents),
    })),
  };
}

const loc = (l: Located<string> | undefined): unknown => (l ? [l.value, l.start, l.end] : undefined);

function pluginOf(p: PluginNode): unknown {
  return { node: p.node.range, id: loc(p.id), type: loc(p.type), resolved: p.resolution?.def.type, alias: p.resolution?.alias };
}

export function modelOf(m: FlowModel): unknown {
  const index = (t: TaskNode | undefined): number => (t ? m.allTasks.indexOf(t) : -1);
  return {
    section: [m.section.start, m.section.end],
    root: m.root.range,
    version: m.version,
    id: loc(m.id),
    namespace: loc(m.namespace),
    branches: m.branches.map((b) => [b.property, b.caseKey, b.tasks.map(index)]),
    tasks: m.allTasks.map((t) => ({
      ...(pluginOf(t) as object),
      parent: index(t.parent),
      branch: t.branch,
      caseKey: t.caseKey,
      depth: t.depth,
      dependsOn: t.dependsOn?.map(loc),
      branches: t.branches.map((b) => [b.property, b.caseKey, b.tasks.map(index), (b.pair.key as { range?: unknown } | null)?.range]),
    })),
    triggers: m.triggers.map(pluginOf),
    inputs: m.inputs.map((i) => ({ node: i.node.range, id: loc(i.id), idKey: i.idKey, type: loc(i.type) })),
    outputs: m.outputs.map((o) => ({ node: o.node.range, id: loc(o.id), type: loc(o.type) })),
    variables: m.variables.map(loc),
    pluginDefaults: m.pluginDefaults.map((d) => ({ node: d.node.range, type: loc(d.type), forced: d.forced, keys: d.keys })),
  };
}
