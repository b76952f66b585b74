import { promises as fs } from 'node:fs';
import { validateFile } from '../core/analysis/validate';
import type { Severity } from '../core/analysis/diagnostic';
import { parseFile, textLooksLikeFlow } from '../core/document/parse';
import { DEFAULT_KESTRA_VERSION, isKestraVersion, KESTRA_VERSIONS, type KestraVersion } from '../core/versions';
import { expandTargets } from './files';
import { toJson, toSarif, toText, type FileReport } from './report-formats';
import { readWorkspaceSettings } from './workspace-settings';
import type { CliIo } from './io';
import { UsageError } from './io';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const VALIDATE_HELP = `Usage: kfs validate <files|folders|globs>... [options]

Checks Kestra flows offline, with the same rules as the editor.

Options:
  --format text|json|sarif   output format (default: text)
  --kestra-version 1.3|2.0|2.1
                             target Kestra version (default: kfs.kestraVersion from the
                             workspace's .vscode/settings.json, else ${DEFAULT_KESTRA_VERSION})
  -h, --help                 show this help

Exit code: 1 when any error is reported, 0 otherwise, 2 on bad usage.`;

export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  let format: Format = 'text';
  let version: KestraVersion | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '-h' || arg === '--help') {
      io.out(VALIDATE_HELP);
      return 0;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
      format = f as Format;
    } else if (arg === '--kestra-version' || arg.startsWith('--kestra-version=')) {
      const v = value();
      if (!isKestraVersion(v)) throw new UsageError(`--kestra-version must be one of ${KESTRA_VERSIONS.join(', ')}`);
      version = v;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('name at least one flow file, folder or glob');

  const workspace = await readWorkspaceSettings(io.cwd);
  const settings = {
    kestraVersion: version ?? workspace.kestraVersion ?? DEFAULT_KESTRA_VERSION,
    rules: (workspace.rules ?? {}) as Record<string, Severity | 'off'>,
  };
  const { targets, missing } = await expandTargets(paths, io.cwd);
  for (const m of missing) io.err(`kfs: no such file or folder: ${m}`);
  const reports: FileReport[] = [];
  for (const target of targets) {
    const text = await fs.readFile(target.path, 'utf8').catch((e: Error) => {
      io.err(`kfs: cannot read ${target.path}: ${e.message}`);
      return undefined;
    });
    if (text === undefined) continue;
    if (!target.explicit && !textLooksLikeFlow(text)) continue;
    const file = parseFile(text);
    reports.push({ file: target.path, lines: file.lines, diagnostics: validateFile(file, settings, { assumeFlow: target.explicit }) });
  }
  if (format === 'json') io.out(JSON.stringify(toJson(reports, io.cwd), null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(reports, io.cwd, io.version), null, 2));
  else {
    const text = toText(reports, io.cwd);
    if (text) io.out(text);
    const count = (s: Severity): number => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
    io.err(
      `${reports.length} flow file${reports.length === 1 ? '' : 's'} checked for Kestra ${settings.kestraVersion}: ${count('error')} error(s), ${count('warning')} warning(s).`,
    );
  }
  const hasErrors = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return hasErrors || missing.length > 0 ? 1 : 0;
}
