import type { PluginTypeDef, PropertyMap } from '../types';
import { ANY_MAP, BOOLEAN, INTEGER, STRING, legacyAliases } from '../common';

/** Legacy state store (`io.kestra.plugin.core.state.*`), replaced by the KV store in 0.19 and removed in 2.0. */

const STATE_PROPERTIES: PropertyMap = {
  name: { type: STRING, default: 'default', dynamic: true, description: 'Name of the state file.' },
  namespace: {
    type: BOOLEAN,
    default: false,
    dynamic: true,
    description: 'Share the state with every flow of the namespace instead of keeping it per flow.',
  },
  taskrunValue: {
    type: BOOLEAN,
    default: true,
    dynamic: true,
    description: 'Keep a separate state per loop value (`taskrun.value`); false shares one state across iterations.',
  },
};

function stateDeprecation(kvTask: string): { message: string; replacement: string } {
  return {
    message: `The state store is deprecated: use \`${kvTask}\` (\`name\` becomes \`key\`, \`data\` becomes \`value\`).`,
    replacement: kvTask,
  };
}

export const CORE_STATE: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.state.Get',
    category: 'task',
    description: 'Reads a state file of the legacy state store.',
    properties: {
      ...STATE_PROPERTIES,
      errorOnMissing: { type: BOOLEAN, default: false, dynamic: true, description: 'Fail when the state file does not exist.' },
    },
    outputs: {
      count: { type: INTEGER, description: 'Number of entries in the state.' },
      data: { type: ANY_MAP, description: 'Content of the state.' },
    },
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    deprecated: stateDeprecation('io.kestra.plugin.core.kv.Get'),
    aliases: legacyAliases('io.kestra.core.tasks.states.Get'),
  },
  {
    type: 'io.kestra.plugin.core.state.Set',
    category: 'task',
    description: 'Merges values into a state file of the legacy state store (not safe under concurrent executions).',
    properties: {
      ...STATE_PROPERTIES,
      data: { type: ANY_MAP, dynamic: true, description: 'Entries to add or overwrite in the state.' },
    },
    outputs: {
      count: { type: INTEGER, description: 'Number of entries in the state after the merge.' },
      key: { type: STRING, description: 'Storage key of the state file.' },
    },
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    deprecated: stateDeprecation('io.kestra.plugin.core.kv.Set'),
    aliases: legacyAliases('io.kestra.core.tasks.states.Set'),
    notes: ['kv.Set replaces the value where state.Set merged maps: check readers of the old key.'],
  },
  {
    type: 'io.kestra.plugin.core.state.Delete',
    category: 'task',
    description: 'Deletes a state file of the legacy state store.',
    properties: {
      ...STATE_PROPERTIES,
      errorOnMissing: { type: BOOLEAN, default: false, dynamic: true, description: 'Fail when the state file does not exist.' },
    },
    outputs: {
      deleted: { type: BOOLEAN, description: 'Whether a state file was removed.' },
    },
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    deprecated: stateDeprecation('io.kestra.plugin.core.kv.Delete'),
    aliases: legacyAliases('io.kestra.core.tasks.states.Delete'),
  },
];
