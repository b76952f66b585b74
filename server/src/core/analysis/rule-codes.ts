import type { Severity } from './diagnostic';

/**
 * Every diagnostic code the studio emits, with its default severity and a one-line description. Codes are
 * stable: users silence them with `# kfs-ignore <code>` and the `kfs.rules` setting, and other tools read
 * them from `kfs validate --format json`.
 */
export const RULES = {
  'yaml-syntax': { severity: 'error', doc: 'The file is not valid YAML.' },
  'duplicate-key': { severity: 'error', doc: 'A key appears twice in the same mapping; Kestra rejects the flow.' },
  'file-too-large': { severity: 'information', doc: 'The file is too large to analyse.' },
  'too-deep': { severity: 'information', doc: 'The file nests too deeply to analyse.' },
  'too-many-aliases': { severity: 'error', doc: 'YAML aliases expand beyond what Kestra (and the studio) accept.' },
  'not-a-mapping': { severity: 'error', doc: 'A flow must be a YAML mapping.' },
  'unknown-property': { severity: 'error', doc: 'The property does not exist on this task, trigger or block.' },
  'missing-property': { severity: 'error', doc: 'A required property is missing.' },
  'invalid-value': { severity: 'error', doc: 'The value has the wrong type or shape.' },
  'invalid-enum': { severity: 'error', doc: 'The value is not one of the allowed values.' },
  'invalid-id': { severity: 'error', doc: 'The id does not match the pattern Kestra requires.' },
  'duplicate-id': { severity: 'error', doc: 'Two tasks, triggers, inputs or outputs share an id.' },
  'empty-tasks': { severity: 'error', doc: 'A task list that must not be empty is empty.' },
  'unknown-type': { severity: 'error', doc: 'The type of a task, trigger, condition or task runner is not a known Kestra core type.' },
  'unknown-plugin-type': { severity: 'warning', doc: 'The plugin type is not in the offline catalogue; its properties are not checked.' },
  'wrong-plugin-category': { severity: 'error', doc: 'A trigger is used as a task, or the other way round.' },
  'deprecated-type': { severity: 'warning', doc: 'The type is deprecated on the target Kestra version.' },
  'removed-type': { severity: 'error', doc: 'The type does not exist on the target Kestra version.' },
  'deprecated-property': { severity: 'warning', doc: 'The property is deprecated on the target Kestra version.' },
  'removed-property': { severity: 'error', doc: 'The property does not exist on the target Kestra version.' },
  'deprecated-value': { severity: 'warning', doc: 'The value is deprecated on the target Kestra version.' },
  'invalid-duration': { severity: 'error', doc: 'Not an ISO-8601 duration.' },
  'invalid-cron': { severity: 'error', doc: 'The cron expression is not valid.' },
  'invalid-timezone': { severity: 'error', doc: 'Not a valid time zone id.' },
  'invalid-regex': { severity: 'error', doc: 'The regular expression does not compile.' },
  'invalid-retry': { severity: 'error', doc: 'The retry policy is inconsistent.' },
  'invalid-input-type': { severity: 'error', doc: 'Input types are upper case names such as STRING or INT.' },
  'invalid-input': { severity: 'error', doc: 'An input declaration breaks a Kestra rule.' },
  'if-without-then': { severity: 'error', doc: 'An If task needs a non-empty `then`.' },
  'switch-without-branches': { severity: 'error', doc: 'A Switch task needs `cases` or `defaults`.' },
  'dag-unknown-dependency': { severity: 'error', doc: 'A Dag task depends on an id that is not a task of the Dag.' },
  'dag-cycle': { severity: 'error', doc: 'Dag dependencies form a cycle.' },
  'working-directory-child': { severity: 'error', doc: 'WorkingDirectory accepts runnable tasks only.' },
  'recursive-subflow': { severity: 'error', doc: 'A Subflow calls the flow it belongs to.' },
  'reserved-flow-id': { severity: 'error', doc: 'The flow id is reserved by Kestra.' },
  'system-label': { severity: 'error', doc: 'Labels starting with `system.` are set by Kestra only.' },
  'unquoted-expression': { severity: 'error', doc: 'A value starting with `{{` must be quoted, otherwise YAML reads a mapping.' },
  'template-syntax': { severity: 'error', doc: 'A Pebble expression in a rendered property does not parse.' },
  'undefined-reference': { severity: 'error', doc: '`inputs.x`, `vars.x` or `outputs.t` names no input, variable or task of the flow.' },
  'secret-access': { severity: 'error', doc: "`secret.X` reads a variable that does not exist; secrets are read with `secret('X')`." },
  'typographic-quotes': { severity: 'warning', doc: 'Curly quotes inside an expression are not string delimiters.' },
  'internal-error': {
    severity: 'information',
    doc: 'A check failed unexpectedly; the other diagnostics are still shown. Please report it.',
  },
  'enterprise-only': { severity: 'warning', doc: 'The feature needs Kestra Enterprise Edition.' },
} as const satisfies Record<string, { severity: Severity; doc: string }>;

export type RuleCode = keyof typeof RULES;

export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, code);
}
