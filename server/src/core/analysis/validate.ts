import type { Catalogue } from '../catalogue';
import { MAX_ANALYSED_LENGTH, MAX_NESTING_DEPTH, type ParsedFile } from '../document/parse';
import { FlowFile } from '../flow-file';
import { RuleContext, type Span } from './context';
import { compareDiagnostics, type FlowDiagnostic } from './diagnostic';
import { messages } from './messages';
import { isRuleCode } from './rule-codes';
import { DEFAULT_SETTINGS, type AnalysisSettings } from './settings';
import { checkEnterpriseOnly } from './rules/enterprise';
import { checkFlowRoot } from './rules/flow-root';
import { checkFlowables } from './rules/flowables';
import { checkIds } from './rules/ids';
import { checkSystemLabels } from './rules/labels';
import { checkRecursiveSubflow } from './rules/subflow';
import { checkTasks, checkTriggers } from './rules/tasks';
import { checkVariables } from './rules/templates';
import { checkYamlStructure } from './rules/yaml-structure';
import { checkYamlText } from './rules/yaml-text';
import { suppressionsOf, isSuppressed } from './suppression';

export interface ValidateOptions {
  /** Treat the file as a flow even when its content does not look like one yet (it matched a flow glob). */
  readonly assumeFlow?: boolean;
  readonly catalogue?: Catalogue;
}

/** Flow rules, in the order they run. Each is independent: one failing never hides the others. */
const FLOW_RULES: ReadonlyArray<readonly [string, (ctx: RuleContext) => void]> = [
  ['flow', checkFlowRoot],
  ['task', checkTasks],
  ['trigger', checkTriggers],
  ['id', checkIds],
  ['flowable', checkFlowables],
  ['subflow', checkRecursiveSubflow],
  ['label', checkSystemLabels],
  ['enterprise', checkEnterpriseOnly],
  ['variables', checkVariables],
];

/** All diagnostics of a file, sorted, with suppressions and per-rule settings applied. Never throws. */
export function validateFlowFile(flowFile: FlowFile, settings: AnalysisSettings = DEFAULT_SETTINGS): FlowDiagnostic[] {
  const file = flowFile.parsed;
  if (file.tooLarge) {
    return [
      {
        start: 0,
        end: 0,
        severity: 'information',
        code: 'file-too-large',
        message: messages.fileTooLarge(MAX_ANALYSED_LENGTH / 1024 / 1024),
      },
    ];
  }
  if (file.tooDeep) {
    const at = file.tooDeep.offset;
    return [
      { start: at, end: at, severity: 'information', code: 'too-deep', message: messages.tooDeep(file.tooDeep.depth, MAX_NESTING_DEPTH) },
    ];
  }
  if (flowFile.flowSections.length === 0) return [];
  const all: FlowDiagnostic[] = [];
  for (const section of file.sections) {
    const isFlow = flowFile.isFlowSection(section);
    const model = flowFile.model(section);
    const ctx = new RuleContext(file, section, model, flowFile.catalogue, settings, flowFile.memo);
    runRule(ctx, 'YAML', checkYamlStructure);
    if (!isFlow) {
      all.push(...ctx.diagnostics);
      continue;
    }
    if (!section.root) {
      const where = { start: section.start, end: Math.min(section.end, section.start + 1) };
      if (section.doc.contents) ctx.report('not-a-mapping', where, messages.notAMapping());
      all.push(...ctx.diagnostics);
      continue;
    }
    let unquoted: Span[] = [];
    runRule(ctx, 'expression text', (c) => (unquoted = checkYamlText(c)));
    for (const [name, rule] of FLOW_RULES) runRule(ctx, name, rule);
    // An unquoted `{{` explains both the YAML error and the "found a mapping" type error on its line.
    const explained = (d: FlowDiagnostic): boolean =>
      (d.code === 'yaml-syntax' && unquoted.some((u) => sameLine(file, u, d))) ||
      (d.code === 'invalid-value' && unquoted.some((u) => u.start === d.start));
    all.push(...ctx.diagnostics.filter((d) => !explained(d)));
  }
  const suppressions = suppressionsOf(file);
  return all
    .filter((d) => !isSuppressed(suppressions, file, d))
    .flatMap((d) => {
      const override = isRuleCode(d.code) ? settings.rules[d.code] : undefined;
      if (override === 'off') return [];
      return override ? [{ ...d, severity: override }] : [d];
    })
    .sort(compareDiagnostics);
}

/** Validate an already parsed file. */
export function validateFile(
  file: ParsedFile,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
  options: ValidateOptions = {},
): FlowDiagnostic[] {
  return validateFlowFile(new FlowFile(file, settings.kestraVersion, options.catalogue, options.assumeFlow), settings);
}

/** Parse and validate in one call (CLI, tests, benchmarks). */
export function validateText(text: string, settings: AnalysisSettings = DEFAULT_SETTINGS, options: ValidateOptions = {}): FlowDiagnostic[] {
  return validateFlowFile(FlowFile.fromText(text, settings.kestraVersion, options.assumeFlow, options.catalogue), settings);
}

function runRule(ctx: RuleContext, name: string, rule: (ctx: RuleContext) => void): void {
  try {
    rule(ctx);
  } catch (error) {
    ctx.report(
      'internal-error',
      { start: ctx.section.start, end: ctx.section.start },
      messages.internalError(name, error instanceof Error ? error.message : String(error)),
    );
  }
}

function sameLine(file: ParsedFile, a: Span, b: Span): boolean {
  const line = file.lines.positionAt(a.start).line;
  return file.lines.positionAt(b.start).line === line || (b.start >= a.start && b.start <= a.end);
}
