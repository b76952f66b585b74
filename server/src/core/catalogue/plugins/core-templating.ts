import type { PluginTypeDef } from '../types';
import { STRING, legacyAliases } from '../common';

export const CORE_TEMPLATING: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.templating.TemplatedTask',
    category: 'task',
    description: 'Renders a YAML task definition with Pebble, parses it, then runs the resulting task.',
    properties: {
      spec: {
        type: STRING,
        required: true,
        dynamic: true,
        description: 'YAML definition of the task to run (with its own `type`), rendered before it is parsed.',
      },
    },
    // The outputs are those of the generated task, unknown until run time.
    outputs: {},
    outputsComplete: false,
    aliases: legacyAliases('io.kestra.core.tasks.templating.TemplatedTask'),
  },
];
