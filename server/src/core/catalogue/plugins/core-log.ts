import type { PluginTypeDef } from '../types';
import { LOG_LEVEL, STRING, STRING_LIST } from '../common';

export const CORE_LOG: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.log.Log',
    category: 'task',
    description: 'Writes one or more messages to the execution logs at the chosen level.',
    properties: {
      message: {
        type: { kind: 'union', types: [STRING, STRING_LIST] },
        required: true,
        dynamic: true,
        description: 'The message, or a list of messages, to log. Each one is rendered with Pebble.',
      },
      level: { type: LOG_LEVEL, default: 'INFO', description: 'Log level of the messages.' },
    },
    outputs: {},
    outputsComplete: true,
    aliases: [{ name: 'io.kestra.core.tasks.log.Log', versions: { removedIn: '2.0' } }],
    example: 'message: "Hello {{ inputs.name }}"',
  },
];
