import { isScalar } from 'yaml';
import { knownPluginHint } from '../catalogue/known-plugins';
import type { FlowFile } from '../flow-file';
import { valueOf } from '../model/yaml-access';
import { describeCron, nextRuns, validateCron } from '../util/cron';
import { cursorContext, type CursorContext } from './cursor-context';
import { CATEGORY_LABEL, inputTypeMarkdown, pluginMarkdown, propertyMarkdown, retryTypeMarkdown } from './describe';
import { idAt, type IdHit, type IdIndex } from './id-index';
import type { Owner } from './schema-walk';

/**
 * Hover: plugin types, property keys, Schedule cron values (in words, with the next runs), input types, and
 * task or input ids (declarations and references). "Now" comes from `options.now` so tests are deterministic.
 */

export interface HoverResult {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

export interface HoverOptions {
  /** The clock used for the next runs of a cron. */
  readonly now?: () => Date;
}

const SCHEDULE = 'io.kestra.plugin.core.trigger.Schedule';

export function hover(file: FlowFile, offset: number, options: HoverOptions = {}): HoverResult | undefined {
  try {
    const id = idAt(file, offset);
    if (id) return idHover(file, id.index, id.hit);
    return contextHover(file, cursorContext(file, offset), options);
  } catch {
    return undefined; // hover must never take the editor down
  }
}

function contextHover(file: FlowFile, ctx: CursorContext, options: HoverOptions): HoverResult | undefined {
  const target = ctx.target;
  if (target.kind === 'key') {
    const key = file.text.slice(target.start, target.end).replace(/^["']|["']$/g, '');
    const markdown = keyMarkdown(file, ctx.owner, key);
    return markdown ? { markdown, start: target.start, end: target.end } : undefined;
  }
  if (target.kind !== 'value' || target.multiline || !ctx.property) return undefined;
  const value = file.text.slice(target.start, target.end).trim();
  const range = { start: target.start, end: target.end };
  if (value.length === 0) return undefined;
  const key = ctx.property.name;
  if (key === 'type' && !target.inList) {
    const markdown = typeMarkdown(file, ctx.owner, value);
    if (markdown) return { markdown, ...range };
  }
  const def = ctx.property.def;
  if (def?.type.kind === 'string' && def.type.format === 'cron' && !target.inList) {
    const isSchedule = ctx.owner.resolution?.def.type === SCHEDULE || ctx.owner.type === SCHEDULE;
    if (isSchedule || ctx.owner.kind === 'trigger') return { markdown: cronMarkdown(ctx, value, options), ...range };
  }
  return def ? { markdown: propertyMarkdown(key, def, file.version), ...range } : undefined;
}

function keyMarkdown(file: FlowFile, owner: Owner, key: string): string | undefined {
  const properties = owner.properties;
  if (!properties) return undefined;
  const direct = properties[key];
  if (direct) return propertyMarkdown(key, direct, file.version);
  for (const [name, def] of Object.entries(properties)) {
    if (def.aliases?.some((a) => a.name === key)) {
      return `\`${key}\` is another name of \`${name}\`.\n\n${propertyMarkdown(name, def, file.version)}`;
    }
  }
  return undefined;
}

function typeMarkdown(file: FlowFile, owner: Owner, value: string): string | undefined {
  switch (owner.kind) {
    case 'task':
    case 'trigger':
    case 'condition':
    case 'taskRunner': {
      const resolution = file.catalogue.resolve(value, file.version);
      if (!resolution) {
        const hint = knownPluginHint(value);
        return [
          `**\`${value}\`**`,
          '',
          `This ${CATEGORY_LABEL[owner.kind].toLowerCase()} type is not in the offline catalogue, so its properties are not checked.`,
          ...(hint ? ['', hint.hint] : []),
        ].join('\n');
      }
      const { def, alias } = resolution;
      const text = pluginMarkdown(def, file.version, alias);
      if (def.category !== owner.kind) {
        return `⚠️ This is a ${CATEGORY_LABEL[def.category].toLowerCase()} type, not a ${CATEGORY_LABEL[owner.kind].toLowerCase()} type.\n\n${text}`;
      }
      return text;
    }
    case 'retry': {
      const def = file.catalogue.retryType(value);
      return def
        ? retryTypeMarkdown(def, file.version)
        : `\`${value}\` is not a retry type: use \`constant\`, \`exponential\` or \`random\`.`;
    }
    case 'input':
    case 'output': {
      const def = file.catalogue.inputType(value) ?? file.catalogue.inputType(value.toUpperCase());
      if (!def) return `\`${value}\` is not a known input type.`;
      const text = inputTypeMarkdown(def, file.version, file.catalogue);
      return def.type === value ? text : `Input types are written in upper case: \`${def.type}\`.\n\n${text}`;
    }
    default:
      return undefined;
  }
}

function cronMarkdown(ctx: CursorContext, expression: string, options: HoverOptions): string {
  const withSeconds = ctx.ownerValues.get('withSeconds') === 'true';
  const zone = ctx.ownerValues.get('timezone');
  const words = describeCron(expression, withSeconds);
  if (!words) {
    const problems = validateCron(expression, withSeconds);
    return [
      '**Cron**',
      '',
      ...(problems.length > 0 ? problems.map((p) => `- ${p.message}`) : ['This expression cannot be previewed.']),
    ].join('\n');
  }
  const now = (options.now ?? (() => new Date()))();
  const runs = nextRuns(expression, withSeconds, zone, now, 5);
  const zoneLabel = zone ? `\`${zone}\`` : 'UTC (without `timezone` Kestra uses the server’s time zone)';
  const lines = [`**Cron:** ${words}`, ''];
  if (runs.length > 0) {
    lines.push(`**Next runs** in ${zoneLabel}:`, '');
    for (const run of runs) lines.push(`- ${formatInZone(run, zone)}`);
  } else {
    lines.push(`No upcoming run could be computed in ${zoneLabel}.`);
  }
  return lines.join('\n');
}

/** `Mon 2025-01-06 09:00` (seconds when not zero) in an IANA zone or a fixed offset; UTC when none. */
export function formatInZone(date: Date, zone: string | undefined): string {
  const offset = zone ? /^(?:UTC|GMT|UT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone.trim()) : null;
  let timeZone = 'UTC';
  let shifted = date;
  if (offset) {
    shifted = new Date(date.getTime() + (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * 60_000);
  } else if (zone && !/^(Z|UTC|GMT|UT)$/.test(zone.trim())) timeZone = zone.trim();
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(shifted);
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
    const seconds = get('second');
    return `${get('weekday')} ${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}${seconds && seconds !== '00' ? `:${seconds}` : ''}`;
  } catch {
    return shifted.toISOString();
  }
}

function idHover(file: FlowFile, index: IdIndex, hit: IdHit): HoverResult | undefined {
  const range = { start: hit.start, end: hit.end };
  const declaration = index.declarations.find((d) => d.kind === hit.kind && d.name === hit.name);
  if (!declaration) return undefined;
  if (declaration.task) {
    const task = declaration.task;
    const type = task.type?.value;
    const lines = [`**Task \`${hit.name}\`**${type ? ` · \`${type}\`` : ''}`, ''];
    const def = task.resolution?.def;
    if (def) {
      lines.push(def.description);
      const outputs = Object.entries(def.outputs ?? {});
      if (outputs.length > 0) lines.push('', `**Outputs:** ${outputs.map(([name]) => `\`outputs.${hit.name}.${name}\``).join(', ')}`);
    } else if (type) {
      lines.push('This type is not in the offline catalogue, so its properties are not checked.');
    } else {
      lines.push('This task has no `type` yet.');
    }
    const own = valueOf(task.node, 'description');
    if (isScalar(own) && typeof own.value === 'string') lines.push('', own.value);
    if (!hit.isDeclaration && index.declarations.filter((d) => d.kind === 'task' && d.name === hit.name).length > 1) {
      lines.push('', '⚠️ Several tasks use this id.');
    }
    return { markdown: lines.join('\n'), ...range };
  }
  if (declaration.input) {
    const input = declaration.input;
    const type = input.type?.value;
    const lines = [`**Input \`${hit.name}\`**${type ? ` · \`${type}\`` : ''}`, ''];
    const inputDef = type ? file.catalogue.inputType(type) : undefined;
    if (inputDef) lines.push(inputDef.description);
    const description = valueOf(input.node, 'description');
    if (isScalar(description) && typeof description.value === 'string') lines.push('', description.value);
    const required = valueOf(input.node, 'required');
    const defaults = valueOf(input.node, 'defaults');
    const optional = isScalar(required) && (required.value === false || required.value === 'false');
    lines.push('', `- **Required:** ${optional ? 'no' : 'yes'}`);
    if (isScalar(defaults) && defaults.value !== null) lines.push(`- **Default:** \`${String(defaults.value)}\``);
    lines.push(`- Read as \`{{ inputs.${hit.name} }}\``);
    return { markdown: lines.join('\n'), ...range };
  }
  return undefined;
}
