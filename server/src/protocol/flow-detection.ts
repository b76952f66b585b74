/**
 * How a YAML text is recognised as a Kestra flow without parsing it: top-level `id`, `namespace`, and
 * `tasks` or `triggers` (the rule Kestra's editors use). Leaf module: the client imports it to decide
 * when to start the language server, so it must stay dependency-free and cheap.
 */
export function textLooksLikeFlow(text: string): boolean {
  return /^id\s*:/m.test(text) && /^namespace\s*:/m.test(text) && /^(tasks|triggers)\s*:/m.test(text);
}
