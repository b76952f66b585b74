import type { PluginTypeDef, PropertyDef } from '../types';
import { NAMESPACE, STRING, STRING_LIST, STRING_MAP } from '../common';

/** Namespace files (`io.kestra.plugin.core.namespace.*`, flow-model.md §5.7). */

const TARGET_NAMESPACE: PropertyDef = { type: NAMESPACE, required: true, dynamic: true, description: 'Namespace whose files are used.' };
const GLOBS: PropertyDef = {
  type: { kind: 'union', types: [STRING, STRING_LIST] },
  dynamic: true,
  description: 'One glob pattern or a list of them, matched against namespace file paths.',
};

export const CORE_NAMESPACE: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.namespace.UploadFiles',
    category: 'task',
    description: 'Uploads files from the task working directory to the files of a namespace.',
    properties: {
      namespace: TARGET_NAMESPACE,
      files: { type: STRING_LIST, dynamic: true, description: 'Glob patterns of local files to upload.' },
      filesMap: {
        type: { kind: 'union', types: [STRING_MAP, STRING] },
        dynamic: true,
        description: 'Explicit uploads: destination path → source file (URI or local path).',
      },
      destination: { type: STRING, default: '/', dynamic: true, description: 'Folder of the namespace to upload into.' },
      conflict: {
        type: { kind: 'enum', values: ['OVERWRITE', 'ERROR', 'SKIP'] },
        default: 'OVERWRITE',
        description: 'What to do when a file already exists.',
      },
    },
    outputs: {
      files: { type: STRING_MAP, description: 'Uploaded files: namespace path → URI.' },
    },
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.namespace.DownloadFiles',
    category: 'task',
    description: 'Copies namespace files into internal storage so later tasks can use them.',
    properties: {
      namespace: TARGET_NAMESPACE,
      files: GLOBS,
      destination: { type: STRING, default: '', dynamic: true, description: 'Prefix added to the paths of the copied files.' },
    },
    outputs: {
      files: { type: STRING_MAP, description: 'Copied files: path → internal-storage URI.' },
    },
    outputsComplete: true,
  },
  {
    type: 'io.kestra.plugin.core.namespace.DeleteFiles',
    category: 'task',
    description: 'Deletes the namespace files matching the given patterns.',
    properties: {
      namespace: TARGET_NAMESPACE,
      files: GLOBS,
    },
    outputs: {
      files: { type: STRING_MAP, description: 'Deleted files.' },
    },
    outputsComplete: true,
  },
];
