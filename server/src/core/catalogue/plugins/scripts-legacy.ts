import type { PluginTypeDef, PropertyMap } from '../types';
import { ANY_MAP, BOOLEAN, INPUT_FILES, INTEGER, STRING, STRING_LIST, STRING_MAP } from '../common';
import { DOCKER_CONTAINER_PROPERTIES } from './core-runner';

/**
 * Legacy script tasks `io.kestra.core.tasks.scripts.*` (flow-model.md §6.5). They are separate deprecated classes
 * (not aliases) shipped by the scripts plugin; a 2.0 server no longer accepts them.
 */

const BASH_PROPERTIES: PropertyMap = {
  commands: { type: { kind: 'list', items: STRING, minItems: 1 }, required: true, dynamic: true, description: 'Commands to run.' },
  interpreter: { type: STRING, default: '/bin/sh', description: 'Interpreter binary.' },
  interpreterArgs: { type: STRING_LIST, default: ['-c'], description: 'Arguments given to the interpreter before the commands.' },
  exitOnFailed: { type: BOOLEAN, default: true, description: 'Stop at the first failing command.' },
  runner: {
    type: { kind: 'enum', values: ['PROCESS', 'DOCKER'] },
    default: 'PROCESS',
    description: 'Run on the worker host (the default for these legacy tasks) or in Docker.',
  },
  dockerOptions: {
    type: {
      kind: 'object',
      name: 'dockerOptions',
      properties: {
        image: { type: STRING, required: true, dynamic: true, description: 'Image to run.' },
        ...DOCKER_CONTAINER_PROPERTIES,
      },
    },
    description: 'Docker settings when `runner` is `DOCKER`.',
  },
  env: { type: STRING_MAP, dynamic: true, description: 'Extra environment variables.' },
  inputFiles: { type: INPUT_FILES, dynamic: true, description: 'Files to create in the working directory: file name → content.' },
  outputFiles: { type: STRING_LIST, description: 'Names of files the commands write and that are uploaded afterwards.' },
  files: {
    type: STRING_LIST,
    deprecated: { message: 'Use `outputFiles`.', replacement: 'outputFiles' },
    description: 'Old name of `outputFiles`.',
  },
  outputsFiles: {
    type: STRING_LIST,
    deprecated: { message: 'Use `outputFiles`.', replacement: 'outputFiles' },
    description: 'Old name of `outputFiles`.',
  },
  outputDirs: {
    type: STRING_LIST,
    deprecated: { message: 'Use `outputFiles`.', replacement: 'outputFiles' },
    description: 'Folders whose files are all uploaded.',
  },
  warningOnStdErr: { type: BOOLEAN, default: true, description: 'End in WARNING when anything is written to stderr.' },
};

const LEGACY_OUTPUTS = {
  vars: { type: ANY_MAP, description: 'Values printed as `::{"outputs": {…}}::` lines.' },
  stdOutLineCount: { type: INTEGER, description: 'Number of lines written to stdout.' },
  stdErrLineCount: { type: INTEGER, description: 'Number of lines written to stderr.' },
  exitCode: { type: INTEGER, description: 'Exit code of the commands.' },
  files: { type: STRING_MAP, description: 'Deprecated map of uploaded files.' },
  outputFiles: { type: STRING_MAP, description: 'Uploaded files: name → `kestra://` URI.' },
};

function legacy(name: string, description: string, properties: PropertyMap, replacement: string): PluginTypeDef {
  return {
    type: `io.kestra.core.tasks.scripts.${name}`,
    category: 'task',
    description,
    properties,
    outputs: LEGACY_OUTPUTS,
    outputsComplete: false,
    versions: { removedIn: '2.0' },
    deprecated: { message: `Legacy script task: use \`${replacement}\` (or the matching Script type).`, replacement },
  };
}

export const SCRIPTS_LEGACY: readonly PluginTypeDef[] = [
  legacy(
    'Bash',
    'Legacy task running shell commands, on the worker host by default.',
    BASH_PROPERTIES,
    'io.kestra.plugin.scripts.shell.Commands',
  ),
  legacy(
    'Python',
    'Legacy task running Python in a virtual environment; expects a `main.py` among the input files.',
    {
      ...BASH_PROPERTIES,
      commands: {
        type: { kind: 'list', items: STRING, minItems: 1 },
        default: ['./bin/python main.py'],
        dynamic: true,
        description: 'Commands to run inside the virtual environment.',
      },
      pythonPath: { type: STRING, default: 'python', description: 'Python binary used to create the environment.' },
      requirements: { type: STRING_LIST, dynamic: true, description: 'pip requirements installed into the environment.' },
      virtualEnv: { type: BOOLEAN, default: true, description: 'Create a virtual environment.' },
      args: { type: STRING_LIST, dynamic: true, description: 'Arguments passed to the script.' },
      // verify: only PIP is documented for the legacy task.
      packageManager: { type: { kind: 'enum', values: ['PIP', 'UV'] }, default: 'PIP', description: 'Tool installing the requirements.' },
    },
    'io.kestra.plugin.scripts.python.Commands',
  ),
  legacy(
    'Node',
    'Legacy task running Node.js scripts.',
    {
      ...BASH_PROPERTIES,
      nodePath: { type: STRING, default: 'node', description: 'Node.js binary.' },
      npmPath: { type: STRING, default: 'npm', description: 'npm binary.' },
      args: { type: STRING_LIST, dynamic: true, description: 'Arguments passed to the script.' },
    },
    'io.kestra.plugin.scripts.node.Commands',
  ),
];
