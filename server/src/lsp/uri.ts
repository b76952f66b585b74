/** A document URI as a slash-separated path, for glob matching (`file:///a/b.yml` → `/a/b.yml`). */
export function uriToPath(uri: string): string {
  const match = /^[a-zA-Z][\w+.-]*:\/\/[^/]*(\/.*)$/.exec(uri);
  const raw = match ? match[1]! : uri;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
