import { builtinCatalogue, type Catalogue } from './catalogue';
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

  constructor(
    readonly parsed: ParsedFile,
    readonly version: KestraVersion,
    readonly catalogue: Catalogue = builtinCatalogue(),
    /** Treat the file as a flow even when its content does not look like one yet (it matched a flow glob). */
    readonly assumeFlow = false,
  ) {
    const flows = parsed.sections.filter((s) => s.isFlow);
    const first = parsed.sections.find((s) => s.root) ?? parsed.sections[0];
    this.flowSections = flows.length > 0 || !assumeFlow || !first ? flows : [first];
  }

  static fromText(text: string, version: KestraVersion, assumeFlow = false, catalogue?: Catalogue): FlowFile {
    return new FlowFile(parseFile(text), version, catalogue, assumeFlow);
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
