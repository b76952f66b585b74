/** What a CLI command may touch, injected so tests run commands in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly version: string;
  out(text: string): void;
  err(text: string): void;
}

/** Bad arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
