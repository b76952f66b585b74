/**
 * Every diagnostic message in one file, so wording stays consistent and golden files change in one place.
 * Backticks mark code; messages say what is wrong and, where we know, what to write instead.
 */
import type { KestraVersion } from '../versions';

const quote = (s: string): string => `\`${s}\``;
const orList = (values: readonly string[]): string =>
  values.length <= 1 ? values.map(quote).join('') : `${values.slice(0, -1).map(quote).join(', ')} or ${quote(values[values.length - 1]!)}`;
/** Explanations from the catalogue often open with "Removed in Kestra 2.0:"; the message already says so. */
const explain = (why: string | undefined): string => {
  if (!why) return '';
  const text = why.replace(/^Removed (from core )?in Kestra [\d.]+[:;,]\s*/i, '');
  return ` ${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?)]$/.test(text) ? '' : '.'}`;
};
const didYouMean = (suggestions: readonly string[]): string => (suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : '');

export const messages = {
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}.`,
  duplicateKey: (key: string) => `Duplicate key ${quote(key)}: Kestra rejects a mapping that repeats a key.`,
  fileTooLarge: (limitMb: number) => `This file is larger than ${limitMb} MB; Kestra Flow Studio does not analyse it.`,
  tooDeep: (depth: number, limit: number) =>
    `This file nests about ${depth} levels deep (more than ${limit}); Kestra Flow Studio does not analyse it.`,
  tooManyAliases: (count: number, limit: number) =>
    `This document uses ${count} YAML aliases (more than ${limit}); alias expansion of this size is refused, as Kestra's parser would.`,
  internalError: (rule: string, detail: string) => `The ${rule} check failed unexpectedly (${detail}); other diagnostics are unaffected.`,
  notAMapping: () => 'A Kestra flow must be a YAML mapping with `id`, `namespace` and `tasks`.',

  unknownProperty: (key: string, owner: string, suggestions: readonly string[]) =>
    `Unknown property ${quote(key)} for ${owner}.${didYouMean(suggestions)}`,
  misplacedKey: (key: string, owner: string, hint: string) => `Unknown property ${quote(key)} for ${owner}. ${hint}`,
  missingProperty: (key: string, owner: string) => `Missing required property ${quote(key)} for ${owner}.`,
  emptyRequired: (key: string, owner: string) => `Property ${quote(key)} of ${owner} has no value.`,
  wrongValue: (key: string, expected: string, actual: string) => `${quote(key)} expects ${expected}, found ${actual}.`,
  notInEnum: (key: string, value: string, allowed: readonly string[], suggestions: readonly string[]) =>
    `${quote(value)} is not a valid value of ${quote(key)}. Allowed: ${allowed.map(quote).join(', ')}.${didYouMean(suggestions)}`,
  valueRemoved: (key: string, value: string, version: KestraVersion, replacement: string | undefined) =>
    `${quote(value)} is not accepted by ${quote(key)} on Kestra ${version}${replacement ? `; use ${quote(replacement)}` : ''}.`,
  valueDeprecated: (key: string, value: string, replacement: string | undefined) =>
    `${quote(value)} is deprecated for ${quote(key)}${replacement ? `; use ${quote(replacement)}` : ''}.`,
  patternMismatch: (key: string, value: string, rule: string) => `${quote(value)} is not a valid ${key}: ${rule}.`,
  tooLong: (key: string, max: number) => `${quote(key)} is longer than ${max} characters.`,
  outOfRange: (key: string, value: number, min: number | undefined, max: number | undefined) =>
    `${quote(key)} is ${value}; it must be ${min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`}.`,
  tooFewItems: (key: string, min: number) => `${quote(key)} needs at least ${min} item${min === 1 ? '' : 's'}.`,

  propertyRemoved: (key: string, owner: string, version: KestraVersion, replacement: string | undefined, why: string | undefined) =>
    `${quote(key)} is not supported by ${owner} on Kestra ${version}.${explain(why)}${replacement && !why?.includes(replacement) ? ` Use ${quote(replacement)} instead.` : ''}`,
  propertyNotYet: (key: string, owner: string, version: KestraVersion, since: string) =>
    `${quote(key)} of ${owner} exists since Kestra ${since}; this workspace targets Kestra ${version} (setting \`kfs.kestraVersion\`).`,
  propertyDeprecated: (key: string, why: string, replacement: string | undefined) =>
    `${quote(key)} is deprecated: ${why}${replacement && !why.includes(replacement) ? ` Use ${quote(replacement)}.` : ''}`,
  aliasDeprecated: (alias: string, canonical: string) => `${quote(alias)} is the old name of ${quote(canonical)}; rename it.`,
  aliasRemoved: (alias: string, canonical: string, version: KestraVersion) =>
    `${quote(alias)} was renamed ${quote(canonical)} and is not accepted on Kestra ${version}.`,

  unknownCoreType: (type: string, suggestions: readonly string[]) => `Unknown task type ${quote(type)}.${didYouMean(suggestions)}`,
  unknownPluginType: (type: string) =>
    `${quote(type)} is not in the offline catalogue; its properties are not checked. It must be installed on the Kestra server that runs this flow.`,
  shortTypeName: (type: string, suggestions: readonly string[]) =>
    `${quote(type)} is not a type name: Kestra needs the fully-qualified class name.${didYouMean(suggestions)}`,
  typeRemoved: (type: string, version: KestraVersion, replacement: string | undefined, why: string | undefined) =>
    `${quote(type)} does not exist on Kestra ${version}.${explain(why)}${replacement && !why?.includes(replacement) ? ` Use ${quote(replacement)}.` : ''}`,
  typeNotYet: (type: string, version: KestraVersion, since: string) =>
    `${quote(type)} exists since Kestra ${since}; this workspace targets Kestra ${version} (setting \`kfs.kestraVersion\`).`,
  typeAliasDeprecated: (alias: string, canonical: string) => `${quote(alias)} is a deprecated alias of ${quote(canonical)}.`,
  typeAliasRemoved: (alias: string, canonical: string, version: KestraVersion) =>
    `${quote(alias)} is an old alias removed in Kestra 2.0, so it is an unknown type on Kestra ${version}. Use ${quote(canonical)}.`,
  typeDeprecated: (type: string, why: string) => `${quote(type)} is deprecated: ${why}`,
  wrongCategory: (type: string, expected: string, actual: string) => `${quote(type)} is a ${actual}, not a ${expected}.`,
  missingType: (owner: string) => `Missing ${quote('type')} for this ${owner}.`,
  missingId: (owner: string) => `Missing ${quote('id')} for this ${owner}.`,

  invalidDuration: (detail: string) => `Invalid duration: ${detail}`,
  invalidTimezone: (value: string, suggestions: readonly string[]) =>
    `${quote(value)} is not a valid time zone id.${didYouMean(suggestions)}`,
  invalidRegex: (value: string, detail: string) => `${quote(value)} is not a valid regular expression: ${detail}.`,
  invalidCron: (detail: string) => `Invalid cron expression: ${detail}`,

  duplicateId: (kind: string, id: string) =>
    `Duplicate ${kind} id ${quote(id)}: ids must be unique${kind === 'task' ? ' across the whole flow, nested tasks included' : ''}.`,
  emptyTasks: (key: string) => `${quote(key)} must contain at least one task.`,
  reservedFlowId: (id: string) => `${quote(id)} is reserved by Kestra and cannot be a flow id.`,
  systemLabel: (key: string) => `Label ${quote(key)}: keys starting with \`system.\` are set by Kestra only.`,
  ifWithoutThen: () => 'An If task needs a non-empty `then` list.',
  switchWithoutBranches: () => 'A Switch task needs tasks in `cases` or `defaults`.',
  dagUnknownDependency: (id: string) => `${quote(id)} is not the id of a task of this Dag.`,
  dagCycle: (cycle: readonly string[]) => `Cyclic dependency in Dag: ${cycle.join(' → ')}.`,
  workingDirectoryChild: (type: string) => `Only runnable tasks can run inside a WorkingDirectory; ${quote(type)} is a flowable task.`,
  recursiveSubflow: (ns: string, id: string) => `This Subflow calls its own flow ${quote(`${ns}.${id}`)}; Kestra rejects recursive calls.`,

  lowercaseInputType: (value: string, upper: string) => `Input types are upper case: write ${quote(upper)}, not ${quote(value)}.`,
  unknownInputType: (value: string, suggestions: readonly string[]) => `Unknown input type ${quote(value)}.${didYouMean(suggestions)}`,
  inputDependsOnMissing: (id: string, target: string) => `Input ${quote(id)} depends on ${quote(target)}, which is not a declared input.`,
  inputDependsOnCycle: (cycle: readonly string[]) => `Inputs depend on each other in a cycle: ${cycle.join(' → ')}.`,
  defaultsNotRequired: () => 'On Kestra 2.x an input with `defaults` must be required: remove `required: false`.',
  defaultsAndPrefill: () => 'An input with `defaults` cannot also have a `prefill` on Kestra 2.x.',
  outputTypeNotAllowed: (type: string, version: KestraVersion) =>
    `${quote(type)} is an input-only type; flow outputs cannot use it on Kestra ${version}.`,

  retryIntervalNotBelow: (a: string, b: string) => `Retry ${quote(a)} must be shorter than ${quote(b)}.`,

  unquotedExpression: () => 'This value starts with `{{`, so YAML reads it as a mapping, not a string. Wrap it in quotes.',
  templateSyntax: (detail: string) => `Pebble syntax error: ${detail.replace(/\.$/, '')}.`,
  undefinedInput: (name: string, suggestions: readonly string[]) => `The flow declares no input ${quote(name)}.${didYouMean(suggestions)}`,
  undefinedVariable: (name: string, suggestions: readonly string[]) =>
    `The flow's \`variables\` have no ${quote(name)}.${didYouMean(suggestions)}`,
  undefinedTask: (name: string, suggestions: readonly string[]) =>
    `No task of this flow has the id ${quote(name)}.${didYouMean(suggestions)}`,
  dashedTaskId: (id: string) => `Pebble reads \`-\` in \`outputs.${id}\` as a minus sign: write \`outputs['${id}']\`.`,
  secretAccess: (written: string, replacement: string) =>
    `${quote(written)} reads a variable named \`secret\`, which Kestra does not define: secrets are read with the function ${quote(replacement)}.`,
  typographicQuotes: (quoteChar: string) =>
    `Curly quote ${quote(quoteChar)} inside an expression is not a string delimiter in Pebble; use a straight quote.`,
  workerGroupEnterprise: () => 'Worker groups are an Enterprise Edition feature; the open-source server rejects `workerGroup.key`.',
} as const;

export const fixTitles = {
  rename: (from: string, to: string) => `Rename \`${from}\` to \`${to}\``,
  replaceValue: (to: string) => `Change to \`${to}\``,
  replaceType: (to: string) => `Use \`${to}\``,
  addProperty: (key: string) => `Add required property \`${key}\``,
  wrapInQuotes: () => 'Wrap the expression in quotes',
  straightQuotes: () => 'Replace curly quotes with straight quotes',
  removeProperty: (key: string) => `Remove \`${key}\``,
  ignoreRule: (code: string) => `Ignore \`${code}\` on this line`,
} as const;
