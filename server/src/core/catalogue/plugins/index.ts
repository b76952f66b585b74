import type { PluginTypeDef } from '../types';
import { CORE_LOG } from './core-log';

/** Every plugin definition the studio ships. Add a plugin family by adding its file here. */
export const ALL_PLUGIN_DEFINITIONS: readonly PluginTypeDef[] = [...CORE_LOG];
