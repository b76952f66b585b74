import type { PluginTypeDef, ValueType } from '../types';
import { BOOLEAN, DATE_TIME, FLOW_ID, INPUT_FILES, INTEGER, NAMESPACE, STRING, STRING_LIST, STRING_MAP, legacyAliases } from '../common';

/** Internal-storage tasks (`io.kestra.plugin.core.storage.*`, flow-model.md §5.6). URIs are `kestra://…` strings. */

const FROM: { type: ValueType; required: true; dynamic: true; description: string } = {
  type: STRING,
  required: true,
  dynamic: true,
  description: 'Internal-storage URI of the file to read.',
};
const URI_OUTPUT = { uri: { type: STRING, description: 'Internal-storage URI of the file produced.' } };
const ITEM_COUNTS = {
  processedItemsTotal: { type: INTEGER, description: 'Number of items read.' },
  droppedItemsTotal: { type: INTEGER, description: 'Number of items left out.' },
};

export const CORE_STORAGE: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.storage.Concat',
    category: 'task',
    description: 'Joins several files from internal storage into one new file.',
    properties: {
      files: {
        type: { kind: 'union', types: [STRING_LIST, STRING] },
        required: true,
        dynamic: true,
        description: 'URIs of the files to join, as a list or a JSON-array string.',
      },
      separator: { type: STRING, dynamic: true, description: 'Text written between two files.' },
      extension: { type: STRING, default: '.tmp', dynamic: true, description: 'Extension of the new file.' },
    },
    outputs: URI_OUTPUT,
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.Concat'),
  },
  {
    type: 'io.kestra.plugin.core.storage.Split',
    category: 'task',
    description: 'Cuts a file from internal storage into several files, by size, by number of parts or by number of rows.',
    properties: {
      from: FROM,
      bytes: { type: STRING, dynamic: true, description: 'Size of each part, e.g. `10MB`.' },
      partitions: { type: INTEGER, dynamic: true, description: 'Number of parts to make.' },
      rows: { type: INTEGER, dynamic: true, description: 'Number of lines per part.' },
      separator: { type: STRING, default: '\n', dynamic: true, description: 'Line separator of the file.' },
    },
    outputs: {
      uris: { type: STRING_LIST, description: 'URIs of the parts, in order.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.Split'),
    notes: ['Set exactly one of `bytes`, `partitions` or `rows`.'],
  },
  {
    type: 'io.kestra.plugin.core.storage.Size',
    category: 'task',
    description: 'Returns the size of a file in internal storage.',
    properties: {
      uri: { type: STRING, required: true, dynamic: true, description: 'Internal-storage URI of the file.' },
    },
    outputs: {
      size: { type: INTEGER, description: 'Size of the file in bytes.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.Size'),
  },
  {
    type: 'io.kestra.plugin.core.storage.Delete',
    category: 'task',
    description: 'Deletes a file from internal storage.',
    properties: {
      uri: { type: STRING, required: true, dynamic: true, description: 'Internal-storage URI of the file to delete.' },
      errorOnMissing: { type: BOOLEAN, default: false, dynamic: true, description: 'Fail when the file does not exist.' },
    },
    outputs: {
      uri: { type: STRING, description: 'URI of the deleted file.' },
      deleted: { type: BOOLEAN, description: 'Whether a file was actually removed.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.Delete'),
  },
  {
    type: 'io.kestra.plugin.core.storage.Reverse',
    category: 'task',
    description: 'Writes a copy of a file with its lines in reverse order.',
    properties: {
      from: FROM,
      separator: { type: STRING, default: '\n', dynamic: true, description: 'Line separator of the file.' },
      charset: { type: STRING, default: 'UTF-8', dynamic: true, description: 'Character set of the file.' },
    },
    outputs: URI_OUTPUT,
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.Reverse'),
  },
  {
    type: 'io.kestra.plugin.core.storage.FilterItems',
    category: 'task',
    description: 'Keeps or drops the items of an ION file according to a Pebble condition evaluated for each item.',
    properties: {
      from: FROM,
      filterCondition: {
        type: STRING,
        required: true,
        description: 'Pebble expression evaluated per item (the item is in scope); a truthy result matches.',
      },
      filterType: {
        type: { kind: 'enum', values: ['INCLUDE', 'EXCLUDE'] },
        default: 'INCLUDE',
        description: 'Keep the matching items, or drop them.',
      },
      errorOrNullBehavior: {
        type: { kind: 'enum', values: ['FAIL', 'INCLUDE', 'EXCLUDE'] },
        default: 'FAIL',
        description: 'What to do with an item whose condition errors or renders null.',
      },
    },
    outputs: { ...URI_OUTPUT, ...ITEM_COUNTS },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.FilterItems'),
  },
  {
    type: 'io.kestra.plugin.core.storage.DeduplicateItems',
    category: 'task',
    description: 'Removes duplicates from an ION file, keeping the last item seen for each computed key.',
    properties: {
      from: FROM,
      expr: { type: STRING, required: true, description: 'Pebble expression computing the deduplication key of each item.' },
    },
    outputs: {
      ...URI_OUTPUT,
      numKeys: { type: INTEGER, description: 'Number of distinct keys.' },
      ...ITEM_COUNTS,
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.DeduplicateItems'),
  },
  {
    type: 'io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles',
    category: 'task',
    description: 'Deletes every file the current execution stored in internal storage so far.',
    properties: {},
    outputs: {
      uris: { type: STRING_LIST, description: 'URIs of the deleted files.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.core.tasks.storages.PurgeExecution', 'io.kestra.plugin.core.storage.PurgeExecution'),
  },
  {
    type: 'io.kestra.plugin.core.storage.LocalFiles',
    category: 'task',
    description: 'Creates files in a local working directory and uploads chosen files back to internal storage.',
    properties: {
      inputs: { type: INPUT_FILES, dynamic: true, description: 'Files to create: file name → content.' },
      outputs: { type: STRING_LIST, dynamic: true, description: 'Glob patterns of the files to upload.' },
    },
    outputs: {
      uris: { type: STRING_MAP, description: 'Uploaded files: relative path → URI.' },
    },
    outputsComplete: true,
    versions: { removedIn: '2.0' },
    deprecated: {
      message: 'LocalFiles is deprecated: use `inputFiles`/`outputFiles` on a script task or a WorkingDirectory.',
      replacement: 'io.kestra.plugin.core.flow.WorkingDirectory',
    },
    aliases: legacyAliases('io.kestra.core.tasks.storages.LocalFiles'),
  },
  {
    type: 'io.kestra.plugin.core.storage.Write',
    category: 'task',
    description: 'Writes a piece of text to a new file in internal storage.',
    properties: {
      content: { type: STRING, required: true, dynamic: true, description: 'Text to write.' },
      extension: { type: STRING, dynamic: true, description: 'Extension of the new file, e.g. `.txt`.' },
    },
    outputs: URI_OUTPUT,
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.storage.PurgeStorage',
    category: 'task',
    description:
      'Administration task that deletes execution files by last-modified date, including those of flows that no longer exist. Runs as a dry run unless told otherwise.',
    properties: {
      namespace: {
        type: NAMESPACE,
        dynamic: true,
        description: 'Namespace to purge (its sub-namespaces too); every namespace when omitted.',
      },
      flowId: { type: FLOW_ID, dynamic: true, description: 'Only purge files of this flow (needs `namespace`).' },
      startDate: { type: DATE_TIME, dynamic: true, description: 'Only purge files last modified after this date.' },
      endDate: { type: DATE_TIME, required: true, dynamic: true, description: 'Only purge files last modified before this date.' },
      dryRun: { type: BOOLEAN, default: true, dynamic: true, description: 'Only count what would be deleted.' },
    },
    outputs: {
      scannedCount: { type: INTEGER, description: 'Number of execution folders examined.' },
      purgedCount: { type: INTEGER, description: 'Number of execution folders matching the window.' },
      deletedFilesCount: { type: INTEGER, description: 'Number of files deleted (0 in a dry run).' },
    },
    outputsComplete: true,
    // verify: the 2.0 release notes call it new; its exact package is taken from the develop sources.
    versions: { since: '2.0' },
  },
];
