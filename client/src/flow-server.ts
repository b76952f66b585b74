import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { KfsInitializationOptions } from '../../server/src/protocol/settings';

/** Owns the language client: started lazily, restartable, disposed with the extension. */
export class FlowServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  get started(): boolean {
    return this.starting !== undefined;
  }

  start(): Promise<void> {
    this.starting ??= this.launch();
    return this.starting;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async launch(): Promise<void> {
    // Loaded on first use so that activation stays cheap for workspaces without flows.
    const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
    const module = this.context.asAbsolutePath('dist/server.js');
    const initializationOptions: KfsInitializationOptions = {
      redhatYamlPresent: vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined,
    };
    this.client = new LanguageClient(
      'kfs',
      'Kestra Flow Studio',
      {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
      },
      {
        documentSelector: [
          { language: 'yaml', scheme: 'file' },
          { language: 'yaml', scheme: 'untitled' },
        ],
        synchronize: { configurationSection: 'kfs' },
        initializationOptions,
      },
    );
    await this.client.start();
  }

  private async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client) await client.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
  }
}
