import type { EnumValue, InputTypeDef, PropertyMap, ValueType } from './types';
import { ANY, BOOLEAN, DURATION, INPUT_ID_PATTERN, INTEGER, NUMBER, STRING, STRING_LIST } from './common';

/** Properties every input accepts (flow-model.md §4.1, version-2.md §1.5). */
export const COMMON_INPUT_PROPERTIES: PropertyMap = {
  id: {
    type: { kind: 'string', pattern: INPUT_ID_PATTERN },
    required: true,
    description: 'Input id, read as `{{ inputs.<id> }}`. Dots create nested maps.',
    // `name` is the pre-0.15 spelling: deprecated on 1.3, rejected by 2.0.
    aliases: [{ name: 'name', versions: { removedIn: '2.0' } }],
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

/** Removed in 2.1 as flow output types: SELECT, MULTISELECT, EMAIL, FORM, REUSABLE_INPUTS (version-2.md §5.2). */
const INPUT_ONLY_FROM_2_1 = { removedIn: '2.1' } as const;

const REGEX: ValueType = { kind: 'string', format: 'regex' };

/** SELECT/MULTISELECT options: strings, or `{label, value}` pairs (the object form is new in 2.0). */
const CHOICES: ValueType = {
  kind: 'list',
  items: {
    kind: 'union',
    types: [
      STRING,
      {
        kind: 'object',
        name: 'choice',
        properties: {
          label: { type: STRING, description: 'Text shown in the form.' },
          value: { type: STRING, required: true, description: 'Value the flow receives.' },
        },
      },
    ],
  },
};

const EXPRESSION = {
  type: STRING,
  dynamic: true,
  description: 'Pebble expression rendering the list of choices at execution time (replaces `values`).',
} as const;

const ALLOW_CUSTOM = { type: BOOLEAN, default: false, description: 'Accept a value that is not among the choices.' } as const;

function bounds(kind: ValueType, unit: string, low: 'min' | 'after', high: 'max' | 'before'): PropertyMap {
  return {
    [low]: { type: kind, description: `Smallest accepted ${unit} (inclusive).` },
    [high]: { type: kind, description: `Largest accepted ${unit} (inclusive).` },
  };
}

/** Item types of ARRAY and MULTISELECT inputs (not ARRAY itself). */
const ITEM_TYPE_VALUES: readonly EnumValue[] = [
  'STRING',
  { value: 'ENUM', versions: { removedIn: '2.0' }, replacement: 'SELECT' },
  'SELECT',
  'INT',
  'FLOAT',
  { value: 'BOOLEAN', versions: { removedIn: '2.0' }, replacement: 'BOOL' },
  'BOOL',
  'DATETIME',
  'DATE',
  'TIME',
  'DURATION',
  'FILE',
  'JSON',
  'YAML',
  'URI',
  'SECRET',
  'EMAIL',
];

export const INPUT_TYPES: readonly InputTypeDef[] = [
  {
    type: 'STRING',
    description: 'A text value.',
    properties: { validator: { type: REGEX, description: 'Regular expression the whole value must match.' } },
  },
  {
    type: 'ENUM',
    description: 'One value out of a fixed list. Superseded by SELECT.',
    properties: { values: { type: STRING_LIST, required: true, description: 'Allowed values.' } },
    versions: { removedIn: '2.0' },
    deprecated: { message: 'The ENUM input type is deprecated: use SELECT.', replacement: 'SELECT' },
  },
  {
    type: 'SELECT',
    description: 'One value picked from a list (drop-down or radio buttons).',
    properties: {
      values: {
        type: CHOICES,
        description: 'Allowed values (each must be a valid regular expression). `{label, value}` items need Kestra 2.0.',
      },
      expression: EXPRESSION,
      allowCustomValue: ALLOW_CUSTOM,
      isRadio: { type: BOOLEAN, default: false, description: 'Show radio buttons instead of a drop-down.' },
    },
    outputAllowed: INPUT_ONLY_FROM_2_1,
  },
  {
    type: 'INT',
    description: 'A whole number.',
    properties: bounds(INTEGER, 'value', 'min', 'max'),
  },
  {
    type: 'FLOAT',
    description: 'A decimal number.',
    properties: bounds(NUMBER, 'value', 'min', 'max'),
  },
  {
    type: 'BOOLEAN',
    description: 'A true/false value. Superseded by BOOL; only the text `true` (any case) is true.',
    properties: {},
    versions: { removedIn: '2.0' },
    deprecated: { message: 'The BOOLEAN input type was replaced by BOOL.', replacement: 'BOOL' },
  },
  {
    // The sheets call BOOL "newer"; 1.3 is assumed to have it (it replaced BOOLEAN during 1.x).
    type: 'BOOL',
    description: 'A true/false value shown as a toggle.',
    properties: {},
  },
  {
    type: 'DATETIME',
    description: 'An instant, ISO-8601 with a zone or offset (e.g. `2025-01-31T08:00:00Z`).',
    properties: bounds({ kind: 'string', format: 'date-time' }, 'instant', 'after', 'before'),
  },
  {
    type: 'DATE',
    description: 'A calendar date, `yyyy-MM-dd`.',
    properties: bounds({ kind: 'string', format: 'date' }, 'date', 'after', 'before'),
  },
  {
    type: 'TIME',
    description: 'A time of day, `HH:mm[:ss]`.',
    properties: bounds({ kind: 'string', format: 'time' }, 'time', 'after', 'before'),
  },
  {
    type: 'DURATION',
    description: 'An ISO-8601 duration such as `PT15M`.',
    properties: bounds(DURATION, 'duration', 'min', 'max'),
  },
  {
    type: 'FILE',
    description: 'A file uploaded with the execution and stored in internal storage; the flow receives its `kestra://` URI.',
    properties: {
      extension: {
        type: STRING,
        default: '.upl',
        versions: { removedIn: '2.0' },
        description: 'Extension given to the stored file.',
      },
      allowedFileExtensions: {
        type: STRING_LIST,
        versions: { since: '2.0' },
        description: 'Extensions the uploaded file may have, e.g. `[".csv", ".json"]`.',
      },
    },
  },
  {
    type: 'JSON',
    description: 'A JSON document, parsed into a value.',
    properties: {
      jsonSchema: {
        type: { kind: 'union', types: [{ kind: 'map', values: ANY }, STRING] },
        versions: { since: '2.0' },
        description: 'JSON Schema (draft 2020-12) the value must satisfy when the execution is created.',
      },
    },
  },
  {
    type: 'YAML',
    description: 'A YAML document, parsed into a value.',
    properties: {},
  },
  {
    type: 'URI',
    description: 'A URI such as `https://example.org/path`.',
    properties: {},
  },
  {
    type: 'SECRET',
    description: 'A sensitive text, stored encrypted and masked in logs. Needs an encryption key on the server.',
    properties: { validator: { type: REGEX, description: 'Regular expression the whole value must match.' } },
  },
  {
    type: 'ARRAY',
    description: 'A list of values of one type, given as a list or a JSON array.',
    properties: {
      itemType: {
        type: { kind: 'enum', values: ITEM_TYPE_VALUES },
        required: true,
        description: 'Type every element is converted to (anything but ARRAY).',
      },
    },
  },
  {
    type: 'MULTISELECT',
    description: 'Several values picked from a list.',
    properties: {
      values: { type: CHOICES, description: 'Allowed values. `{label, value}` items need Kestra 2.0.' },
      options: {
        type: STRING_LIST,
        versions: { removedIn: '2.0' },
        deprecated: { message: '`options` is the old name of `values`.', replacement: 'values' },
        description: 'Old name of `values` (never both).',
      },
      expression: EXPRESSION,
      itemType: {
        type: { kind: 'enum', values: ITEM_TYPE_VALUES },
        default: 'STRING',
        description: 'Type the selected values are converted to.',
      },
      allowCustomValue: ALLOW_CUSTOM,
    },
    outputAllowed: INPUT_ONLY_FROM_2_1,
  },
  {
    type: 'EMAIL',
    description: 'An e-mail address (`local@domain`).',
    properties: {},
    outputAllowed: INPUT_ONLY_FROM_2_1,
  },
  {
    type: 'FORM',
    description:
      'Groups child inputs (one level deep); they are read as `{{ inputs.<form>.<child> }}`. It takes no `defaults` or `prefill` itself.',
    properties: {
      inputs: { type: { kind: 'inputs' }, description: 'The inputs of the group (no nested FORM).' },
    },
    versions: { since: '2.0' },
    outputAllowed: INPUT_ONLY_FROM_2_1,
  },
  {
    type: 'REUSABLE_INPUTS',
    description: 'Enterprise Edition: inlines a shared set of inputs, addressed as `<id>.<childId>`.',
    properties: {
      ref: { type: STRING, required: true, description: 'Id of the reusable input set.' },
    },
    versions: { since: '2.0' },
    outputAllowed: INPUT_ONLY_FROM_2_1,
  },
];
