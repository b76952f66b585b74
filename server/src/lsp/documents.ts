import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath } from './uri';
import { FlowFile } from '../core/flow-file';
import { matchesAnyGlob } from '../core/util/glob';
import type { KfsSettings } from '../protocol/settings';

/**
 * Parse once per (uri, version, target version): every LSP feature of a document shares one FlowFile.
 * Entries are dropped when the document closes, so memory follows the open editors.
 */
export class FlowFileCache {
  private readonly entries = new Map<string, { version: number; kestraVersion: string; assumeFlow: boolean; file: FlowFile }>();

  get(document: TextDocument, settings: KfsSettings): FlowFile {
    const assumeFlow = matchesAnyGlob(uriToPath(document.uri), settings.flowGlobs);
    const hit = this.entries.get(document.uri);
    if (hit && hit.version === document.version && hit.kestraVersion === settings.kestraVersion && hit.assumeFlow === assumeFlow) return hit.file;
    const file = FlowFile.fromText(document.getText(), settings.kestraVersion, assumeFlow);
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
