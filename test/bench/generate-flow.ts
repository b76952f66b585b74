import { Prng } from '../helpers/prng';

/*
 * Deterministic, valid flows of a given size for the benchmarks: a realistic mix of leaf tasks (Log,
 * Return) and flowables (If, Parallel, Sequential, Switch) nested up to three levels, with inputs,
 * variables, a trigger and Pebble expressions that reference inputs and earlier outputs.
 */
const LOG = 'io.kestra.plugin.core.log.Log';
const RETURN = 'io.kestra.plugin.core.debug.Return';
const FLOWABLES = ['If', 'Parallel', 'Sequential', 'Switch'] as const;
type Flowable = (typeof FLOWABLES)[number];

class FlowWriter {
  readonly lines: string[] = [];
  private next = 0;
  /** Ids of Return tasks written so far: later expressions read their outputs. */
  private readonly returns: string[] = [];

  constructor(private readonly rng: Prng) {}

  /** Writes `budget` tasks (flowables count as one plus their children) as a list at `indent`. */
  taskList(budget: number, depth: number, indent: number): void {
    while (budget > 0) {
      const nest = depth < 3 && budget >= 4 && this.rng.chance(depth === 0 ? 0.25 : 0.15);
      if (nest) {
        const size = this.rng.between(4, Math.min(budget, depth === 0 ? 30 : 10));
        this.flowable(this.rng.pick(FLOWABLES), size, depth, indent);
        budget -= size;
      } else {
        this.leaf(indent);
        budget -= 1;
      }
    }
  }

  private id(kind: string): string {
    return `${kind}_${++this.next}`;
  }

  private push(indent: number, first: string, ...rest: string[]): void {
    const pad = ' '.repeat(indent);
    this.lines.push(`${pad}- ${first}`, ...rest.map((l) => `${pad}  ${l}`));
  }

  private leaf(indent: number): void {
    const earlier = this.returns.length > 0 ? this.rng.pick(this.returns) : undefined;
    if (this.rng.chance(0.55)) {
      const id = this.id('log');
      const message = earlier
        ? `"Processed {{ outputs.${earlier}.value }} for {{ inputs.region }}"`
        : `"Starting {{ flow.id }} with {{ inputs.rows }} rows"`;
      const level = this.rng.chance(0.2) ? ['level: WARN'] : [];
      this.push(indent, `id: ${id}`, `type: ${LOG}`, `message: ${message}`, ...level);
    } else {
      const id = this.id('ret');
      const format = earlier ? `"{{ outputs.${earlier}.value | upper }}-{{ execution.id }}"` : `"{{ inputs.rows * vars.factor }}"`;
      const extras = this.rng.chance(0.15) ? ['description: Computes an intermediate value', 'timeout: PT5M'] : [];
      this.push(indent, `id: ${id}`, `type: ${RETURN}`, `format: ${format}`, ...extras);
      this.returns.push(id);
    }
  }

  private flowable(kind: Flowable, size: number, depth: number, indent: number): void {
    const children = size - 1;
    const id = this.id(kind.toLowerCase());
    const type = `io.kestra.plugin.core.flow.${kind}`;
    const inner = indent + 4;
    switch (kind) {
      case 'If': {
        const then = Math.max(1, Math.ceil(children / 2));
        this.push(indent, `id: ${id}`, `type: ${type}`, 'condition: "{{ inputs.rows > vars.threshold }}"', 'then:');
        this.taskList(then, depth + 1, inner);
        if (children - then > 0) {
          this.lines.push(`${' '.repeat(indent + 2)}else:`);
          this.taskList(children - then, depth + 1, inner);
        }
        return;
      }
      case 'Parallel':
      case 'Sequential': {
        const extra = kind === 'Parallel' ? ['concurrent: 4'] : [];
        this.push(indent, `id: ${id}`, `type: ${type}`, ...extra, 'tasks:');
        this.taskList(children, depth + 1, inner);
        return;
      }
      case 'Switch': {
        // Two cases and the defaults share the children.
        const each = Math.max(1, Math.floor(children / 3));
        this.push(indent, `id: ${id}`, `type: ${type}`, 'value: "{{ inputs.region }}"', 'cases:');
        this.lines.push(`${' '.repeat(indent + 4)}eu:`);
        this.taskList(each, depth + 1, indent + 6);
        this.lines.push(`${' '.repeat(indent + 4)}us:`);
        this.taskList(each, depth + 1, indent + 6);
        if (children - 2 * each > 0) {
          this.lines.push(`${' '.repeat(indent + 2)}defaults:`);
          this.taskList(children - 2 * each, depth + 1, inner);
        }
        return;
      }
    }
  }
}

/** A flow with exactly `tasks` tasks (counting flowables and every nested task). Same input, same text. */
export function generateFlow(tasks: number, seed = 42): string {
  const writer = new FlowWriter(new Prng(seed ^ tasks));
  const head = [
    `id: generated_${tasks}`,
    'namespace: company.bench',
    `description: Generated flow with ${tasks} tasks for the benchmarks.`,
    'labels:',
    '  team: data',
    '  env: bench',
    'inputs:',
    '  - id: region',
    '    type: SELECT',
    '    values: [eu, us, apac]',
    '    defaults: eu',
    '  - id: rows',
    '    type: INT',
    '    defaults: 1000',
    '  - id: dry_run',
    '    type: BOOL',
    '    defaults: false',
    'variables:',
    '  threshold: 500',
    '  factor: 2',
    'tasks:',
  ];
  writer.taskList(tasks, 0, 2);
  const tail = [
    'triggers:',
    '  - id: nightly',
    '    type: io.kestra.plugin.core.trigger.Schedule',
    '    cron: "0 2 * * *"',
    '    inputs:',
    '      region: us',
  ];
  return [...head, ...writer.lines, ...tail].join('\n') + '\n';
}
