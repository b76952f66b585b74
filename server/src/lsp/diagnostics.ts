import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowDiagnostic } from '../core/analysis/diagnostic';
import { validateFlowFile } from '../core/analysis/validate';
import type { FlowFile } from '../core/flow-file';
import type { KfsSettings } from '../protocol/settings';
import { toDiagnostic } from './convert';

/** Codes the Red Hat YAML extension already reports for YAML files. */
const YAML_LEVEL_CODES = new Set(['yaml-syntax', 'duplicate-key']);

/** Validates documents after a short pause in typing and publishes the result. */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly flowFileOf: (document: TextDocument) => Promise<{ file: FlowFile; settings: KfsSettings }>,
    private readonly redhatYamlPresent: boolean,
    private readonly delayMs = 120,
  ) {}

  schedule(uri: string, immediately = false): void {
    clearTimeout(this.timers.get(uri));
    const run = (): void => {
      this.timers.delete(uri);
      void this.publish(uri);
    };
    if (immediately) run();
    else this.timers.set(uri, setTimeout(run, this.delayMs));
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Diagnostics of a document as the editor shows them (filtered for Red Hat YAML coexistence). */
  async diagnosticsOf(document: TextDocument): Promise<{ file: FlowFile; diagnostics: FlowDiagnostic[] }> {
    const { file, settings } = await this.flowFileOf(document);
    const all = validateFlowFile(file, { kestraVersion: settings.kestraVersion, rules: settings.rules });
    const leaveYamlToRedhat =
      settings.yamlSyntaxDiagnostics === 'off' || (settings.yamlSyntaxDiagnostics === 'auto' && this.redhatYamlPresent);
    return { file, diagnostics: leaveYamlToRedhat ? all.filter((d) => !YAML_LEVEL_CODES.has(d.code)) : all };
  }

  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const { file, diagnostics } = await this.diagnosticsOf(document);
      if (this.documents.get(uri)?.version !== version) return; // a newer edit will publish
      await this.connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toDiagnostic(file.parsed.lines, d)) });
    } catch (error) {
      this.connection.console.error(
        `kfs: validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
}
