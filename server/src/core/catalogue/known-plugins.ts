/**
 * Plugin types outside the offline catalogue that users commonly write, with what to say about them.
 * A hint never makes a type valid: these stay "not checked" warnings or unknown-type errors.
 */
export interface KnownPluginHint {
  /** Exact type as users write it (case-insensitive match). */
  readonly type: string;
  readonly hint: string;
  /** A type to offer as a quick fix, when there is one obvious replacement. */
  readonly replacement?: string;
}

export const KNOWN_PLUGIN_HINTS: readonly KnownPluginHint[] = [
  {
    type: 'io.kestra.core.tasks.notifications.Slack',
    hint: 'Slack messages are sent by the notifications plugin, e.g. `io.kestra.plugin.notifications.slack.SlackIncomingWebhook` (property `url` for the webhook, `payload` or `messageText` for the content).',
    replacement: 'io.kestra.plugin.notifications.slack.SlackIncomingWebhook',
  },
  {
    type: 'io.kestra.plugin.jdbc.Query',
    hint: 'The JDBC plugin has one Query type per database, e.g. `io.kestra.plugin.jdbc.postgresql.Query` or `io.kestra.plugin.jdbc.mysql.Query`.',
  },
  {
    type: 'io.kestra.core.tasks.http.Request',
    hint: 'The HTTP request task is `io.kestra.plugin.core.http.Request` (its property is `uri`, not `url`).',
    replacement: 'io.kestra.plugin.core.http.Request',
  },
];

const byType = new Map(KNOWN_PLUGIN_HINTS.map((h) => [h.type.toLowerCase(), h]));

export function knownPluginHint(type: string): KnownPluginHint | undefined {
  return byType.get(type.toLowerCase());
}
