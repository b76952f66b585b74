/** Minimal glob: `**` crosses folders, `*` and `?` stay within one, `{a,b}` alternates, `[...]` classes pass through. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '{' && glob.indexOf('}', i) > i) {
      const close = glob.indexOf('}', i);
      const options = glob
        .slice(i + 1, close)
        .split(',')
        .map((o) => o.replace(/[.+^${}()|\\*?[\]]/g, '\\$&'));
      re += `(?:${options.join('|')})`;
      i = close;
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += glob.slice(i, close + 1);
        i = close;
      }
    } else re += /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

/** True when a slash-separated path matches any of the globs (a glob without `/` matches the file name anywhere). */
export function matchesAnyGlob(filePath: string, globs: readonly string[]): boolean {
  const normalized = filePath.replace(/\\/g, '/');
  return globs.some((g) => {
    const pattern = g.includes('/') ? g : `**/${g}`;
    return globToRegExp(pattern.startsWith('/') || pattern.startsWith('**') ? pattern : `**/${pattern}`).test(normalized);
  });
}
