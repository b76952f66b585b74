import type { Connection } from 'vscode-languageserver';
import { isKestraVersion } from '../core/versions';
import { DEFAULT_KFS_SETTINGS, type KfsSettings } from '../protocol/settings';

/** Per-resource `kfs` settings, fetched from the client and cached until they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<KfsSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly clientSupportsConfiguration: () => boolean,
  ) {}

  get(uri: string): Promise<KfsSettings> {
    if (!this.clientSupportsConfiguration()) return Promise.resolve(DEFAULT_KFS_SETTINGS);
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kfs' })
        .then((raw: unknown) => sanitize(raw))
        .catch(() => DEFAULT_KFS_SETTINGS);
      this.cache.set(uri, pending);
    }
    return pending;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Settings come from user JSON: keep what is well-formed, default the rest. */
export function sanitize(raw: unknown): KfsSettings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, KfsSettings['rules'][string]> = {};
  if (r['rules'] && typeof r['rules'] === 'object') {
    for (const [code, value] of Object.entries(r['rules'] as Record<string, unknown>)) {
      if (value === 'error' || value === 'warning' || value === 'information' || value === 'hint' || value === 'off') rules[code] = value;
    }
  }
  const globs = Array.isArray(r['flowGlobs'])
    ? r['flowGlobs'].filter((g): g is string => typeof g === 'string')
    : DEFAULT_KFS_SETTINGS.flowGlobs;
  const syntax = r['yamlSyntaxDiagnostics'];
  return {
    kestraVersion: isKestraVersion(r['kestraVersion']) ? r['kestraVersion'] : DEFAULT_KFS_SETTINGS.kestraVersion,
    rules,
    flowGlobs: globs,
    yamlSyntaxDiagnostics: syntax === 'on' || syntax === 'off' || syntax === 'auto' ? syntax : DEFAULT_KFS_SETTINGS.yamlSyntaxDiagnostics,
  };
}
