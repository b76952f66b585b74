import type { PluginTypeDef } from '../types';
import { CORE_CONDITION } from './core-condition';
import { CORE_DEBUG } from './core-debug';
import { CORE_EXECUTION } from './core-execution';
import { CORE_FLOW } from './core-flow';
import { CORE_FLOW_CONTROL } from './core-flow-control';
import { CORE_FLOW_LOOP } from './core-flow-loop';
import { CORE_HTTP } from './core-http';
import { CORE_KV } from './core-kv';
import { CORE_LOG } from './core-log';
import { CORE_NAMESPACE } from './core-namespace';
import { CORE_OUTPUT } from './core-output';
import { CORE_RUNNER } from './core-runner';
import { CORE_STATE } from './core-state';
import { CORE_STORAGE } from './core-storage';
import { CORE_TEMPLATING } from './core-templating';
import { CORE_TRIGGER } from './core-trigger';
import { CORE_TRIGGER_FLOW } from './core-trigger-flow';
import { SCRIPTS } from './scripts';
import { SCRIPTS_LEGACY } from './scripts-legacy';

/** Every plugin definition the studio ships. Add a plugin family by adding its file here. */
export const ALL_PLUGIN_DEFINITIONS: readonly PluginTypeDef[] = [
  ...CORE_LOG,
  ...CORE_DEBUG,
  ...CORE_OUTPUT,
  ...CORE_TEMPLATING,
  ...CORE_EXECUTION,
  ...CORE_FLOW,
  ...CORE_FLOW_LOOP,
  ...CORE_FLOW_CONTROL,
  ...CORE_HTTP,
  ...CORE_KV,
  ...CORE_STORAGE,
  ...CORE_STATE,
  ...CORE_NAMESPACE,
  ...CORE_TRIGGER,
  ...CORE_TRIGGER_FLOW,
  ...CORE_CONDITION,
  ...CORE_RUNNER,
  ...SCRIPTS,
  ...SCRIPTS_LEGACY,
];
