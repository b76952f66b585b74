import Module from 'node:module';
import * as path from 'node:path';

/*
 * Measures extension activation in a fresh process: load dist/client.js and call activate() against a
 * minimal in-process stand-in for the `vscode` module that has no open documents. run.ts spawns this
 * file; it acts only with `--probe`, because `node --test out/test/` also runs every file under out/test.
 */

const disposable = { dispose: (): void => undefined };

/** Anything not stubbed explicitly: callable, and every member is again a stand-in. */
function anything(): unknown {
  const fn = (): unknown => disposable;
  return new Proxy(fn, {
    get: (target, key) => (key === 'then' ? undefined : key in target ? Reflect.get(target, key) : anything()),
  });
}

function withFallback<T extends object>(known: T): T {
  return new Proxy(known, { get: (target, key) => (key in target ? Reflect.get(target, key) : anything()) });
}

function vscodeStandIn(): unknown {
  const event = (): typeof disposable => disposable;
  return withFallback({
    workspace: withFallback({
      textDocuments: [],
      workspaceFolders: undefined,
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidChangeConfiguration: event,
      getConfiguration: () => ({ get: <T>(_key: string, fallback?: T): T | undefined => fallback, has: () => false }),
    }),
    commands: withFallback({ registerCommand: () => disposable }),
    languages: withFallback({ match: () => 0 }),
    extensions: withFallback({ getExtension: () => undefined, all: [] }),
    window: withFallback({ createOutputChannel: () => withFallback({ appendLine: () => undefined, dispose: () => undefined }) }),
    Disposable: class {
      static from(): typeof disposable {
        return disposable;
      }
      dispose(): void {}
    },
  });
}

function probe(): void {
  const root = path.resolve(__dirname, '..', '..', '..');
  const started = process.hrtime.bigint();
  const stub = vscodeStandIn();
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load.bind(Module);
  loader._load = (request, parent, isMain) => (request === 'vscode' ? stub : original(request, parent, isMain));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const client = require(path.join(root, 'dist', 'client.js')) as { activate(context: unknown): unknown };
  const context = withFallback({
    subscriptions: [] as unknown[],
    extensionPath: root,
    asAbsolutePath: (relative: string) => path.join(root, relative),
  });
  client.activate(context);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ms: elapsed, subscriptions: context.subscriptions.length }) + '\n');
}

if (process.argv[2] === '--probe') probe();
