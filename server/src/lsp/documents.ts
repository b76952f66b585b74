import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath } from './uri';
import { FlowFile } from '../core/flow-file';
import { matchesAnyGlob } from '../core/util/glob';
import type { KfsSettings } from '../protocol/settings';

/**
 * Parse once per (uri, version, target version): every LSP feature of a document shares one FlowFile.
 * A new version is built from the previous FlowFile of the same document and settings (FlowFile.edited:
 * re-parses only the edited item, replays unchanged tasks' diagnostics); anything else parses afresh.
 * Entries are dropped when the document closes, so memory follows the open editors.
 */
export class FlowFileCache {
  private readonly entries = new Map<string, { version: number; kestraVersion: string; assumeFlow: boolean; file: FlowFile }>();

  get(document: TextDocument, settings: KfsSettings): FlowFile {
    const assumeFlow = matchesAnyGlob(uriToPath(document.uri), settings.flowGlobs);
    const entry = this.entries.get(document.uri);
    const previous = entry && entry.kestraVersion === settings.kestraVersion && entry.assumeFlow === assumeFlow ? entry : undefined;
    if (previous?.version === document.version) return previous.file;
    const text = document.getText();
    const file = previous ? FlowFile.edited(previous.file, text) : FlowFile.fromText(text, settings.kestraVersion, assumeFlow);
    this.entries.set(document.uri, { version: document.version, kestraVersion: settings.kestraVersion, assumeFlow, file });
    return file;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
