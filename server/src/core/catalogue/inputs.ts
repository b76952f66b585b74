import type { InputTypeDef, PropertyMap } from './types';
import { ANY, BOOLEAN, INPUT_ID_PATTERN, STRING, STRING_LIST } from './common';

/** Properties every input accepts (flow-model.md §4.1, version-2.md §1.5). */
export const COMMON_INPUT_PROPERTIES: PropertyMap = {
  id: { type: { kind: 'string', pattern: INPUT_ID_PATTERN }, required: true, description: 'Input id, read as `{{ inputs.<id> }}`. Dots create nested maps.' },
  name: {
    type: STRING,
    versions: { removedIn: '2.0' },
    deprecated: { message: 'The input key `name` was renamed `id`.', replacement: 'id' },
    description: 'Old name of `id`.',
  },
  type: { type: STRING, required: true, description: 'Input type, in upper case (`STRING`, `INT`, `BOOL`…).' },
  description: { type: STRING, description: 'Markdown description shown in the execution form.' },
  displayName: { type: { kind: 'string', maxLength: 64 }, description: 'Label shown in the execution form (64 characters at most).' },
  required: { type: BOOLEAN, default: true, description: 'Whether a value must be given (or come from `defaults`).' },
  defaults: { type: ANY, dynamic: true, description: 'Value used when none is given. Rendered with Pebble since Kestra 1.0.' },
  prefill: { type: ANY, description: 'Editable initial value in the execution form (not applied silently).' },
  dependsOn: {
    type: {
      kind: 'object',
      name: 'dependsOn',
      properties: {
        inputs: { type: STRING_LIST, description: 'Ids of the inputs this one depends on.' },
        condition: { type: STRING, dynamic: true, description: 'Pebble condition; the input is enabled only when it renders `true`.' },
      },
    },
    description: 'Enable this input only when other inputs are set and a condition holds.',
  },
};

export const INPUT_TYPES: readonly InputTypeDef[] = [
  {
    type: 'STRING',
    description: 'A text value.',
    properties: { validator: { type: { kind: 'string', format: 'regex' }, description: 'Regular expression the whole value must match.' } },
  },
];
