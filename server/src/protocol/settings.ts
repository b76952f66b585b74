/**
 * The `kfs` settings section as the client sends it (mirrors `contributes.configuration` in package.json).
 * Leaf module: no imports, shared by the client and the server.
 */
export interface KfsSettings {
  readonly kestraVersion: '1.3' | '2.0' | '2.1';
  /** Rule code → severity or `off`. */
  readonly rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /** Files matching these globs are treated as flows even before their content looks like one. */
  readonly flowGlobs: string[];
  /** `auto`: leave YAML syntax errors to the Red Hat YAML extension when it is installed. */
  readonly yamlSyntaxDiagnostics: 'auto' | 'on' | 'off';
}

export const DEFAULT_KFS_SETTINGS: KfsSettings = {
  kestraVersion: '2.0',
  rules: {},
  flowGlobs: ['**/_flows/**/*.{yml,yaml}', '**/*.flow.{yml,yaml}'],
  yamlSyntaxDiagnostics: 'auto',
};

/** Sent by the client in `initializationOptions`. */
export interface KfsInitializationOptions {
  /** The Red Hat YAML extension is installed: it already reports YAML syntax errors. */
  readonly redhatYamlPresent: boolean;
}
