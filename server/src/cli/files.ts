import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../core/util/glob';

/** Folders never searched for flows. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.kfs', 'dist', 'out']);
const YAML_FILE = /\.ya?ml$/i;

export interface FileTarget {
  readonly path: string;
  /** Named explicitly: analysed as a flow even if its content does not look like one. */
  readonly explicit: boolean;
}

/** Expands file, folder and glob arguments into YAML files, sorted and de-duplicated. */
export async function expandTargets(args: readonly string[], cwd: string): Promise<{ targets: FileTarget[]; missing: string[] }> {
  const found = new Map<string, FileTarget>();
  const missing: string[] = [];
  for (const arg of args) {
    if (/[*?[]/.test(arg)) {
      const matches = await globFiles(arg, cwd);
      if (matches.length === 0) missing.push(arg);
      for (const m of matches) if (!found.has(m)) found.set(m, { path: m, explicit: false });
      continue;
    }
    const full = path.resolve(cwd, arg);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) missing.push(arg);
    else if (stat.isDirectory()) {
      for (const f of await walk(full)) {
        if (!found.has(f)) found.set(f, { path: f, explicit: false });
      }
    } else found.set(full, { path: full, explicit: true });
  }
  return { targets: [...found.values()].sort((a, b) => a.path.localeCompare(b.path)), missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...(await walk(full)));
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

async function globFiles(glob: string, cwd: string): Promise<string[]> {
  const normalized = glob.replace(/\\/g, '/');
  const firstMagic = normalized.search(/[*?[]/);
  const base = normalized.slice(0, normalized.lastIndexOf('/', firstMagic) + 1);
  const root = path.resolve(cwd, base || '.');
  const re = globToRegExp(path.resolve(cwd, normalized).replace(/\\/g, '/'));
  const all = await walk(root);
  return all.filter((f) => re.test(f.replace(/\\/g, '/')));
}
