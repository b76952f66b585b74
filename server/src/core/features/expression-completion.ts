import type { FlowFile } from '../flow-file';
import type { CompletionItem } from './completion';

/**
 * Completion inside `{{ }}` and `{% %}`: context roots, functions, filters after `|`, and members —
 * `inputs.` the declared inputs, `vars.` the variables, `outputs.` the task ids, `outputs.<task>.` the
 * outputs its type declares, `flow.`/`execution.`/`taskrun.`/`trigger.` their fields. Works on the text
 * before the cursor, so a half-typed expression (the normal case) still gets answers.
 */

/** Context roots Kestra gives every rendered value (templating.md §4). */
const ROOTS: Readonly<Record<string, string>> = {
  inputs: 'The execution inputs, typed',
  outputs: 'Outputs of the tasks that already ran, by task id',
  vars: "The flow's `variables`",
  flow: 'The flow: id, namespace, revision',
  execution: 'The execution: id, startDate, originalId',
  task: 'The current task: id, type',
  taskrun: 'The current task run: id, value, attemptsCount…',
  trigger: 'Variables of the trigger that started the execution',
  labels: 'Execution labels',
  envs: 'Environment variables with the configured prefix',
  globals: 'Global variables from the server configuration',
  parent: 'The enclosing looping task run',
};

/** Functions that can start an expression (a subset of templating.md §5; the full catalogue comes with the evaluator). */
const FUNCTIONS: Readonly<Record<string, string>> = {
  secret: "secret('${1:NAME}')",
  kv: "kv('${1:key}')",
  now: 'now()',
  read: "read('${1:path}')",
  render: 'render(${1:value})',
  fromJson: 'fromJson(${1:text})',
  range: 'range(${1:start}, ${2:end})',
  max: 'max(${1:a}, ${2:b})',
  min: 'min(${1:a}, ${2:b})',
  uuid: 'uuid()',
  randomInt: 'randomInt(${1:lower}, ${2:upper})',
  fileURI: "fileURI('${1:path}')",
};

/** Filters offered after `|` (Pebble core and Kestra's own; templating.md §6). */
const FILTERS = [
  'abs',
  'base64decode',
  'base64encode',
  'capitalize',
  'chunk',
  'date',
  'dateAdd',
  'default',
  'distinct',
  'endsWith',
  'escapeChar',
  'first',
  'flatten',
  'indent',
  'join',
  'jq',
  'keys',
  'last',
  'length',
  'lower',
  'md5',
  'merge',
  'nindent',
  'number',
  'numberFormat',
  'replace',
  'reverse',
  'sha1',
  'sha256',
  'sha512',
  'slice',
  'slugify',
  'sort',
  'split',
  'startsWith',
  'substringAfter',
  'substringAfterLast',
  'substringBefore',
  'substringBeforeLast',
  'timestamp',
  'title',
  'toJson',
  'trim',
  'upper',
  'urldecode',
  'urlencode',
  'values',
  'yaml',
];

/** Fields of the fixed-shape roots. */
const MEMBERS: Readonly<Record<string, readonly string[]>> = {
  flow: ['id', 'namespace', 'revision', 'tenantId'],
  execution: ['id', 'startDate', 'originalId', 'state'],
  task: ['id', 'type'],
  taskrun: ['id', 'startDate', 'attemptsCount', 'parentId', 'value', 'iteration'],
  trigger: ['date', 'next', 'previous', 'body', 'headers', 'parameters', 'executionId', 'namespace', 'flowId', 'state', 'outputs'],
};

const MAX_LOOKBACK = 2000;

export function expressionCompletion(file: FlowFile, offset: number): CompletionItem[] | undefined {
  const text = file.text;
  const before = text.slice(Math.max(0, offset - MAX_LOOKBACK), offset);
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  if (open < 0) return undefined;
  const inside = before.slice(open + 2);
  if (inside.includes('}}') || inside.includes('%}')) return undefined;
  const model = file.modelAt(offset);
  const make = (
    label: string,
    kind: CompletionItem['kind'],
    detail: string,
    insertText: string,
    start: number,
    rank: number,
    isSnippet = false,
  ): CompletionItem => ({
    label,
    kind,
    detail,
    insertText,
    ...(isSnippet ? { isSnippet } : {}),
    sortText: `${rank}${label}`,
    replaceStart: start,
    replaceEnd: offset,
  });

  // `root.member.` chains (and `outputs.task.`): the word being typed is after the last dot.
  const member = /([A-Za-z_]\w*)(?:\.([A-Za-z_][\w-]*)|\['([^']*)'\])?\.([\w-]*)$/.exec(inside);
  if (member) {
    const [, root, dotted, bracketed, typed = ''] = member;
    const second = dotted ?? bracketed;
    const start = offset - typed.length;
    if (second === undefined) return rootMembers(root!, typed, start);
    if (root === 'outputs') return taskOutputs(second, start);
    return [];
  }
  // After `|`: filters.
  const filter = /\|\s*([\w]*)$/.exec(inside);
  if (filter) {
    const start = offset - filter[1]!.length;
    return FILTERS.map((name) => make(name, 'value', 'filter', name, start, 0));
  }
  // Start of an operand: roots and functions.
  const word = /(?:^|[\s(,[{:+\-*/%~=<>!?])([\w]*)$/.exec(inside);
  if (!word) return [];
  const start = offset - word[1]!.length;
  return [
    ...Object.entries(ROOTS).map(([name, detail]) => make(name, 'keyword', detail, name, start, 0)),
    ...Object.entries(FUNCTIONS).map(([name, body]) => make(`${name}()`, 'snippet', 'function', body, start, 1, true)),
  ];

  function rootMembers(root: string, _typed: string, start: number): CompletionItem[] {
    const dot = start - 1;
    let names: { name: string; detail: string }[] = [];
    if (root === 'inputs') {
      names = (model?.inputs ?? []).flatMap((i) =>
        i.id ? [{ name: i.id.value.split('.')[0]!, detail: `input · ${i.type?.value ?? ''}`.trim() }] : [],
      );
    } else if (root === 'vars') names = (model?.variables ?? []).map((v) => ({ name: v.value, detail: 'variable' }));
    else if (root === 'outputs') {
      names = (model?.allTasks ?? []).flatMap((t) =>
        t.id ? [{ name: t.id.value, detail: `task · ${t.type?.value.split('.').pop() ?? ''}` }] : [],
      );
    } else names = (MEMBERS[root] ?? []).map((name) => ({ name, detail: root }));
    const unique = [...new Map(names.map((n) => [n.name, n])).values()];
    return unique.map(({ name, detail }) =>
      // An id with `-` cannot follow a dot in Pebble: it is written `outputs['my-task']`.
      /^[A-Za-z_]\w*$/.test(name)
        ? make(name, 'property', detail, name, start, 0)
        : { ...make(name, 'property', detail, `['${name}']`, dot, 0), filterText: `.${name}` },
    );
  }

  function taskOutputs(taskId: string, start: number): CompletionItem[] {
    const task = model?.allTasks.find((t) => t.id?.value === taskId);
    const def = task?.resolution?.def;
    if (!def?.outputs) return [];
    return Object.entries(def.outputs).map(([name, output]) => make(name, 'property', `output · ${output.description}`, name, start, 0));
  }
}
