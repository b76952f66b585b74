import { UsageError, type CliIo } from './io';
import { VALIDATE_HELP, validateCommand } from './validate-command';

declare const KFS_VERSION: string | undefined;

const HELP = `kfs — Kestra Flow Studio on the command line

Usage: kfs <command> [options]

Commands:
  validate   check flows offline (kfs validate --help)

Run \`kfs <command> --help\` for a command's options.`;

const COMMANDS: Readonly<Record<string, { run: (args: readonly string[], io: CliIo) => Promise<number>; help: string }>> = {
  validate: { run: validateCommand, help: VALIDATE_HELP },
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.out(io.version);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.err(`kfs: unknown command '${command}'\n\n${HELP}`);
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kfs ${command}: ${error.message}\n\n${entry.help}`);
      return 2;
    }
    io.err(`kfs ${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  const io: CliIo = {
    cwd: process.cwd(),
    version: typeof KFS_VERSION === 'string' ? KFS_VERSION : '0.0.0-dev',
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
