import type { OutputDef, PluginTypeDef, PropertyMap } from '../types';
import { ANY_MAP, BOOLEAN, INPUT_FILES, INTEGER, NAMESPACE_FILES, STRING, STRING_LIST, STRING_MAP } from '../common';
import { DOCKER_CONTAINER_PROPERTIES } from './core-runner';

/** Script tasks of the scripts plugin: shell, python and node `Script`/`Commands` (flow-model.md §6). */

/** Properties of every `AbstractExecScript` task, with the image default of the language. */
function execScriptProperties(defaultImage: string): PropertyMap {
  return {
    taskRunner: {
      type: { kind: 'plugin', category: 'taskRunner' },
      default: { type: 'io.kestra.plugin.scripts.runner.docker.Docker' },
      description: 'Where the commands run: a Docker container by default, or `io.kestra.plugin.core.runner.Process` on the worker host.',
    },
    containerImage: {
      type: STRING,
      default: defaultImage,
      dynamic: true,
      description: 'Container image used by container-based task runners.',
    },
    beforeCommands: { type: STRING_LIST, dynamic: true, description: 'Commands run first, e.g. to install packages.' },
    interpreter: {
      type: { kind: 'list', items: STRING, minItems: 1 },
      default: ['/bin/sh', '-c'],
      dynamic: true,
      description: 'Interpreter that receives the commands.',
    },
    env: { type: STRING_MAP, dynamic: true, description: 'Extra environment variables.' },
    failFast: { type: BOOLEAN, default: true, dynamic: true, description: 'Stop at the first failing command (`set -e` on Unix shells).' },
    warningOnStdErr: {
      type: BOOLEAN,
      default: true,
      dynamic: true,
      deprecated: { message: 'Since Kestra 0.23 output on stderr no longer turns the task into WARNING; this flag has no effect.' },
      description: 'End in WARNING when anything is written to stderr (older versions only).',
    },
    namespaceFiles: { type: NAMESPACE_FILES, description: 'Copy namespace files into the working directory.' },
    inputFiles: {
      type: INPUT_FILES,
      dynamic: true,
      description: 'Files to create in the working directory: file name → content or `kestra://` URI.',
    },
    outputFiles: {
      type: STRING_LIST,
      dynamic: true,
      description:
        "Glob patterns (relative paths) of files to upload to internal storage; read them as `outputs.<id>.outputFiles['name']`.",
    },
    outputDirectory: {
      type: BOOLEAN,
      default: false,
      deprecated: { message: 'Prefer `outputFiles`.', replacement: 'outputFiles' },
      description: 'Provide an `{{ outputDir }}` folder whose files are all uploaded.',
    },
    targetOS: {
      type: { kind: 'enum', values: ['AUTO', 'LINUX', 'WINDOWS'] },
      default: 'AUTO',
      dynamic: true,
      description: 'Operating system the commands are written for.',
    },
    runner: {
      type: { kind: 'enum', values: ['PROCESS', 'DOCKER'] },
      deprecated: { message: 'Use `taskRunner` (Kestra 2.0 ignores `runner`).', replacement: 'taskRunner' },
      description: 'Old way of choosing between the worker process and Docker.',
    },
    docker: {
      type: {
        kind: 'object',
        name: 'dockerOptions',
        properties: {
          image: { type: STRING, required: true, dynamic: true, description: 'Image to run.' },
          ...DOCKER_CONTAINER_PROPERTIES,
        },
      },
      versions: { removedIn: '2.0' },
      deprecated: {
        message: 'Use `taskRunner: {type: io.kestra.plugin.scripts.runner.docker.Docker}` and `containerImage`.',
        replacement: 'taskRunner',
      },
      description: 'Old Docker settings of the task.',
    },
  };
}

const PYTHON_PROPERTIES: PropertyMap = {
  dependencies: { type: STRING_LIST, dynamic: true, description: 'pip requirement specifiers installed before the run.' },
  pythonVersion: { type: STRING, dynamic: true, description: 'Python version to use, e.g. `3.12`.' },
  dependencyCacheEnabled: { type: BOOLEAN, default: true, dynamic: true, description: 'Cache installed dependencies between runs.' },
  packageManager: {
    type: { kind: 'enum', values: ['UV', 'PIP'] },
    default: 'UV',
    dynamic: true,
    description: 'Tool that installs `dependencies`.',
  },
  uvAutoInstallEnabled: { type: BOOLEAN, default: true, dynamic: true, description: 'Install uv automatically when it is missing.' },
  uvInstallerVersion: { type: STRING, dynamic: true, description: 'Version of uv to install.' },
  uvInstallerSha256: { type: STRING, dynamic: true, description: 'Checksum the downloaded uv installer must have.' },
};

export const SCRIPT_OUTPUTS: Readonly<Record<string, OutputDef>> = {
  vars: { type: ANY_MAP, description: 'Values printed by the script as `::{"outputs": {…}}::` lines.' },
  exitCode: { type: INTEGER, description: 'Exit code of the commands.' },
  outputFiles: { type: STRING_MAP, description: 'Uploaded files: relative path → `kestra://` URI.' },
};

const COMMANDS = {
  type: { kind: 'list', items: STRING, minItems: 1 },
  required: true,
  dynamic: true,
  description: 'Commands run one after the other through the interpreter.',
} as const;

function script(
  language: 'shell' | 'python' | 'node',
  kind: 'Script' | 'Commands',
  image: string,
  description: string,
  extra: PropertyMap = {},
): PluginTypeDef {
  const main: PropertyMap =
    kind === 'Script'
      ? {
          script: {
            type: STRING,
            required: true,
            dynamic: true,
            description: 'Inline script content (multi-line), rendered before it runs.',
          },
        }
      : { commands: COMMANDS };
  return {
    type: `io.kestra.plugin.scripts.${language}.${kind}`,
    category: 'task',
    description,
    properties: { ...execScriptProperties(image), ...extra, ...main },
    outputs: SCRIPT_OUTPUTS,
    // `vars` is open-ended: whatever the script prints.
    outputsComplete: false,
    notes: ['Runs in Docker unless `taskRunner` says otherwise.'],
  };
}

export const SCRIPTS: readonly PluginTypeDef[] = [
  script('shell', 'Commands', 'ubuntu', 'Runs a list of shell commands.'),
  script('shell', 'Script', 'ubuntu', 'Runs an inline shell script.'),
  // verify: plugin 1.9 defaults to `python:3.13-slim`; older plugin versions used `python`.
  script(
    'python',
    'Commands',
    'python:3.13-slim',
    'Runs a list of commands in a Python environment (e.g. `python main.py`).',
    PYTHON_PROPERTIES,
  ),
  script('python', 'Script', 'python:3.13-slim', 'Runs an inline Python script.', PYTHON_PROPERTIES),
  script('node', 'Commands', 'node', 'Runs a list of commands in a Node.js environment.'),
  script('node', 'Script', 'node', 'Runs an inline JavaScript script with Node.js.'),
];
