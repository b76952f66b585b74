import { ValidationMemo } from './analysis/memo';
import { builtinCatalogue, type Catalogue } from './catalogue';
import { reparseEdited } from './document/incremental';
import { parseFile, type ParsedFile, type YamlSection } from './document/parse';
import { buildFlowModel } from './model/build';
import type { FlowModel } from './model/flow';
import type { KestraVersion } from './versions';

/**
 * A parsed file together with the flow model of each of its flow sections, built once and shared by
 * validation, completion, hover, navigation and the graph. Create one per (document, version, settings).
 */
export class FlowFile {
  private readonly modelCache = new Map<YamlSection, FlowModel | undefined>();
  readonly flowSections: readonly YamlSection[];
  /** Per-node validation results, carried from one edit to the next (analysis/memo.ts). */
  readonly memo: ValidationMemo;
  /** Built by re-parsing only the edited list item of the previous FlowFile (see `edited`). */
  readonly incremental: boolean;

  constructor(
    readonly parsed: ParsedFile,
    readonly version: KestraVersion,
    readonly catalogue: Catalogue = builtinCatalogue(),
    /** Treat the file as a flow even when its content does not look like one yet (it matched a flow glob). */
    readonly assumeFlow = false,
    from?: { readonly memo: ValidationMemo; readonly incremental: boolean },
  ) {
    const flows = parsed.sections.filter((s) => s.isFlow);
    const first = parsed.sections.find((s) => s.root) ?? parsed.sections[0];
    this.flowSections = flows.length > 0 || !assumeFlow || !first ? flows : [first];
    this.memo = from?.memo ?? new ValidationMemo(catalogue);
    this.incremental = from?.incremental ?? false;
  }

  static fromText(text: string, version: KestraVersion, assumeFlow = false, catalogue?: Catalogue): FlowFile {
    return new FlowFile(parseFile(text), version, catalogue, assumeFlow);
  }

  /**
   * The FlowFile of the next text of the same document, same settings. Gives exactly what `fromText` gives,
   * faster: only the edited list item is re-parsed when that is safe (document/incremental.ts), and tasks
   * whose text did not change replay their diagnostics. `previous` is left untouched and stays usable.
   */
  static edited(previous: FlowFile, text: string): FlowFile {
    const reparsed = reparseEdited(previous.parsed, text);
    const memo = previous.memo.successor();
    return new FlowFile(reparsed ?? parseFile(text), previous.version, previous.catalogue, previous.assumeFlow, {
      memo,
      incremental: reparsed !== undefined,
    });
  }

  get text(): string {
    return this.parsed.text;
  }

  isFlowSection(section: YamlSection): boolean {
    return this.flowSections.includes(section);
  }

  /** The flow model of a section (undefined for non-flow sections and non-mapping documents). */
  model(section: YamlSection): FlowModel | undefined {
    if (!this.isFlowSection(section)) return undefined;
    if (!this.modelCache.has(section)) {
      let model: FlowModel | undefined;
      try {
        model = buildFlowModel(section, this.catalogue, this.version);
      } catch {
        model = undefined; // a model bug must not take the editor down; validation reports what it can
      }
      this.modelCache.set(section, model);
    }
    return this.modelCache.get(section);
  }

  models(): FlowModel[] {
    return this.flowSections.map((s) => this.model(s)).filter((m): m is FlowModel => m !== undefined);
  }

  /** The section containing an offset (the last one starting at or before it). */
  sectionAt(offset: number): YamlSection | undefined {
    let found: YamlSection | undefined;
    for (const s of this.parsed.sections) if (s.start <= offset) found = s;
    return found;
  }

  modelAt(offset: number): FlowModel | undefined {
    const section = this.sectionAt(offset);
    return section ? this.model(section) : undefined;
  }
}
