import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isKestraVersion, type KestraVersion } from '../core/versions';

export interface WorkspaceSettings {
  readonly kestraVersion?: KestraVersion;
  readonly rules?: Record<string, string>;
  readonly file?: string;
}

/**
 * Reads `kfs.*` settings from the nearest `.vscode/settings.json` above `start`, so the CLI in CI
 * validates with the same target version and rule switches as the editor.
 */
export async function readWorkspaceSettings(start: string): Promise<WorkspaceSettings> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.vscode', 'settings.json');
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const json = parseJsonc(text);
      const version = json['kfs.kestraVersion'];
      const rules = json['kfs.rules'];
      return {
        file,
        ...(isKestraVersion(version) ? { kestraVersion: version } : {}),
        ...(rules && typeof rules === 'object' ? { rules: rules as Record<string, string> } : {}),
      };
    }
    if (path.dirname(dir) === dir) return {};
  }
}

/** VS Code settings are JSON with comments and trailing commas. */
export function parseJsonc(text: string): Record<string, unknown> {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else out += c;
  }
  try {
    const value: unknown = JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
