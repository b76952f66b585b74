import type { PluginTypeDef } from '../types';
import { ANY_MAP } from '../common';

export const CORE_OUTPUT: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.output.OutputValues',
    category: 'task',
    description: 'Publishes a map of values as task outputs so later tasks can read them as `outputs.<id>.values.<key>`.',
    properties: {
      values: {
        type: ANY_MAP,
        dynamic: true,
        description: 'Values to publish. Any YAML value is allowed; strings are rendered with Pebble, also inside nested lists and maps.',
      },
    },
    outputs: {
      values: { type: ANY_MAP, description: 'The rendered `values` map.' },
    },
    outputsComplete: true,
    example: 'values:\n  greeting: "Hello {{ inputs.name }}"',
  },
];
