import type { PluginTypeDef } from '../types';
import { LOG_LEVEL, STRING, legacyAliases } from '../common';

export const CORE_DEBUG: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.debug.Return',
    category: 'task',
    description: 'Renders a Pebble template and exposes the result as the `value` output. Handy for tests and for computing a value once.',
    properties: {
      format: { type: STRING, dynamic: true, description: 'Template to render; its result becomes `outputs.<id>.value`.' },
    },
    outputs: {
      value: { type: STRING, description: 'The rendered `format`.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.debugs.Return'),
    notes: ['Also logs the value at DEBUG level and records `length` and `duration` metrics.'],
    example: 'format: "{{ execution.id }}"',
  },
  {
    type: 'io.kestra.plugin.core.debug.Echo',
    category: 'task',
    description: 'Logs a rendered message. Superseded by the Log task.',
    properties: {
      format: { type: STRING, required: true, dynamic: true, description: 'Message template to render and log.' },
      level: { type: LOG_LEVEL, default: 'INFO', description: 'Log level of the message.' },
    },
    outputs: {},
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    deprecated: {
      message: 'Echo is deprecated: use the Log task (`format` becomes `message`).',
      renames: { format: 'message' },
      replacement: 'io.kestra.plugin.core.log.Log',
    },
    aliases: legacyAliases('io.kestra.core.tasks.debugs.Echo'),
  },
];
