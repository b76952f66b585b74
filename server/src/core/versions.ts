/**
 * Kestra release lines the studio knows. The order matters: later lines come later in the array.
 * 2.0 is the LTS line and the default target; 1.3 is what most flows in the wild are written for.
 */
export const KESTRA_VERSIONS = ['1.3', '2.0', '2.1'] as const;
export type KestraVersion = (typeof KESTRA_VERSIONS)[number];
export const DEFAULT_KESTRA_VERSION: KestraVersion = '2.0';

/**
 * When a type, property or value exists. `since` is the first line that has it; `removedIn` the first
 * line that no longer accepts it. Both are optional: an empty range means "in every known line".
 */
export interface VersionRange {
  readonly since?: KestraVersion;
  readonly removedIn?: KestraVersion;
}

export function isKestraVersion(value: unknown): value is KestraVersion {
  return typeof value === 'string' && (KESTRA_VERSIONS as readonly string[]).includes(value);
}

export function compareVersions(a: KestraVersion, b: KestraVersion): number {
  return KESTRA_VERSIONS.indexOf(a) - KESTRA_VERSIONS.indexOf(b);
}

export function existsIn(range: VersionRange | undefined, version: KestraVersion): boolean {
  if (!range) return true;
  if (range.since && compareVersions(version, range.since) < 0) return false;
  if (range.removedIn && compareVersions(version, range.removedIn) >= 0) return false;
  return true;
}

/** Human text for a range, used in hover and messages: "Kestra 1.3 only", "since Kestra 2.0". */
export function describeRange(range: VersionRange | undefined): string {
  if (!range || (!range.since && !range.removedIn)) return 'every supported Kestra version';
  const versions = KESTRA_VERSIONS.filter((v) => existsIn(range, v));
  if (versions.length === 0) return 'no supported Kestra version';
  if (versions.length === 1) return `Kestra ${versions[0]} only`;
  if (range.removedIn) return `Kestra ${versions[0]} to ${versions[versions.length - 1]} (removed in ${range.removedIn})`;
  return `since Kestra ${versions[0]}`;
}
