import { DEFAULT_KESTRA_VERSION, type KestraVersion } from '../versions';
import type { Severity } from './diagnostic';

/** What the user chose; passed into every core call (never held in globals). */
export interface AnalysisSettings {
  readonly kestraVersion: KestraVersion;
  /** Per-code override: a severity, or `off` to silence the rule. */
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
}

export const DEFAULT_SETTINGS: AnalysisSettings = { kestraVersion: DEFAULT_KESTRA_VERSION, rules: {} };
