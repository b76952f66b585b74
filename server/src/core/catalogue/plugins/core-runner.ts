import type { PluginTypeDef, PropertyMap, ValueType } from '../types';
import { BOOLEAN, INTEGER, NUMBER, STRING, STRING_LIST, STRING_MAP } from '../common';

/** Task runners: where script tasks run (flow-model.md §6.2). Docker is the default runner of script tasks. */

const CREDENTIALS: ValueType = {
  kind: 'object',
  name: 'credentials',
  properties: {
    registry: { type: STRING, dynamic: true, description: 'Registry host, e.g. `ghcr.io`.' },
    username: { type: STRING, dynamic: true, description: 'Registry user name.' },
    password: { type: STRING, dynamic: true, description: 'Registry password.' },
    registryToken: { type: STRING, dynamic: true, description: 'Registry access token.' },
    identityToken: { type: STRING, dynamic: true, description: 'Identity token for the registry.' },
    auth: { type: STRING, dynamic: true, description: 'Base64 `user:password` pair.' },
  },
};

const DEVICE_REQUEST: ValueType = {
  kind: 'object',
  name: 'deviceRequest',
  properties: {
    driver: { type: STRING, dynamic: true, description: 'Device driver, e.g. `nvidia`.' },
    count: { type: INTEGER, description: 'Number of devices; -1 for all.' },
    deviceIds: { type: STRING_LIST, dynamic: true, description: 'Ids of the devices to expose.' },
    capabilities: { type: { kind: 'list', items: STRING_LIST }, description: 'Capabilities requested, e.g. `[[gpu]]`.' },
    options: { type: STRING_MAP, description: 'Driver-specific options.' },
  },
};

const CPU: ValueType = {
  kind: 'object',
  name: 'cpu',
  properties: { cpus: { type: NUMBER, description: 'Number of CPUs the container may use, e.g. `1.5`.' } },
};

const MEMORY: ValueType = {
  kind: 'object',
  name: 'memory',
  properties: {
    memory: { type: STRING, dynamic: true, description: 'Hard memory limit, e.g. `512MB`.' },
    memorySwap: { type: STRING, dynamic: true, description: 'Memory plus swap allowed.' },
    memorySwappiness: { type: STRING, dynamic: true, description: 'Swappiness (0 to 100).' },
    memoryReservation: { type: STRING, dynamic: true, description: 'Soft memory limit.' },
    kernelMemory: { type: STRING, dynamic: true, description: 'Kernel memory limit.' },
    oomKillDisable: { type: BOOLEAN, description: 'Do not kill the container when it runs out of memory.' },
  },
};

const PULL_POLICY: ValueType = { kind: 'enum', values: ['ALWAYS', 'IF_NOT_PRESENT', 'NEVER'] };

/** Container settings shared by the Docker runner and the deprecated `docker` option of script tasks. */
export const DOCKER_CONTAINER_PROPERTIES: PropertyMap = {
  host: { type: STRING, dynamic: true, description: 'Docker API address; the local daemon by default.' },
  config: {
    type: { kind: 'union', types: [STRING, { kind: 'map', values: { kind: 'any' } }] },
    dynamic: true,
    description: 'Content of a Docker `config.json` (e.g. registry credentials), as a string or a map.',
  },
  credentials: { type: CREDENTIALS, description: 'Credentials for a private container registry.' },
  user: { type: STRING, dynamic: true, description: 'User to run as inside the container.' },
  entryPoint: { type: STRING_LIST, default: [''], dynamic: true, description: 'Entrypoint of the container; empty by default.' },
  extraHosts: { type: STRING_LIST, dynamic: true, description: 'Extra `host:ip` entries for the container.' },
  networkMode: { type: STRING, dynamic: true, description: 'Docker network mode, e.g. `host` or `none`.' },
  volumes: {
    type: STRING_LIST,
    dynamic: true,
    description: 'Volumes to mount, `/host/path:/container/path`. Disabled unless the plugin configuration allows it.',
  },
  pullPolicy: { type: PULL_POLICY, default: 'ALWAYS', dynamic: true, description: 'When to pull the image.' },
  deviceRequests: { type: { kind: 'list', items: DEVICE_REQUEST }, description: 'Devices (e.g. GPUs) to expose to the container.' },
  cpu: { type: CPU, description: 'CPU limits.' },
  memory: { type: MEMORY, description: 'Memory limits.' },
  shmSize: { type: STRING, dynamic: true, description: 'Size of `/dev/shm`, e.g. `256MB`.' },
  privileged: { type: BOOLEAN, dynamic: true, description: 'Run the container with extended privileges.' },
};

export const CORE_RUNNER: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.runner.Process',
    category: 'taskRunner',
    description: 'Runs the commands as a process on the worker host itself, without any container.',
    properties: {},
    notes: ['`containerImage` is ignored with this runner.'],
  },
  {
    type: 'io.kestra.plugin.scripts.runner.docker.Docker',
    category: 'taskRunner',
    description: 'Runs the commands in a Docker container built from the task’s `containerImage`. Default runner of script tasks.',
    properties: {
      ...DOCKER_CONTAINER_PROPERTIES,
      // verify: present in recent sources; assumed available in 1.3.
      portBindings: { type: STRING_LIST, dynamic: true, description: 'Published ports, `[ip:]hostPort:containerPort[/protocol]`.' },
      fileHandlingStrategy: {
        type: { kind: 'enum', values: ['VOLUME', 'MOUNT'] },
        default: 'VOLUME',
        dynamic: true,
        description: 'Copy the working files into a Docker volume, or mount the working directory directly.',
      },
      delete: { type: BOOLEAN, default: true, dynamic: true, description: 'Remove the container when the task ends.' },
      wait: { type: BOOLEAN, default: true, dynamic: true, description: 'Wait for the container to exit.' },
    },
    example: 'type: io.kestra.plugin.scripts.runner.docker.Docker\npullPolicy: IF_NOT_PRESENT\nmemory:\n  memory: 512MB',
  },
];
