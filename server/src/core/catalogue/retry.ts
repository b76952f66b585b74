import type { PropertyMap, RetryTypeDef } from './types';
import { BOOLEAN, DURATION, NUMBER } from './common';

/** Properties shared by every retry type (flow-model.md §3; version-2.md §6.1). */
export const COMMON_RETRY_PROPERTIES: PropertyMap = {
  type: {
    type: { kind: 'enum', values: ['constant', 'exponential', 'random'] },
    required: true,
    description: 'Retry policy: `constant`, `exponential` or `random`.',
  },
  maxAttempts: {
    type: { kind: 'integer', minimum: 1 },
    description: 'Total number of attempts, the first one included.',
    aliases: [{ name: 'maxAttempt', versions: { removedIn: '2.0' } }],
  },
  maxDuration: { type: DURATION, description: 'Stop retrying once this much time has passed since the first attempt started.' },
  warningOnRetry: { type: BOOLEAN, default: false, description: 'A success reached after a retry ends WARNING instead of SUCCESS.' },
  behavior: {
    type: { kind: 'enum', values: ['RETRY_FAILED_TASK', 'CREATE_NEW_EXECUTION'] },
    default: 'RETRY_FAILED_TASK',
    description: 'Retry the failed task run in place, or create a new execution.',
  },
};

export const RETRY_TYPES: readonly RetryTypeDef[] = [
  {
    type: 'constant',
    description: 'Waits the same `interval` before every new attempt.',
    properties: {
      interval: { type: DURATION, required: true, description: 'Delay between two attempts (ISO-8601, e.g. `PT30S`).' },
    },
  },
  {
    type: 'exponential',
    description: 'Waits longer before each new attempt: `interval` × `delayFactor` × (attempt − 1), capped by `maxInterval`.',
    properties: {
      interval: { type: DURATION, required: true, description: 'Base delay (ISO-8601).' },
      maxInterval: { type: DURATION, required: true, description: 'Upper bound of the delay between two attempts.' },
      delayFactor: { type: NUMBER, default: 2, description: 'Growth factor of the delay.' },
    },
  },
  {
    type: 'random',
    description: 'Waits a random delay between `minInterval` and `maxInterval` before each new attempt.',
    properties: {
      minInterval: { type: DURATION, required: true, description: 'Lower bound of the delay.' },
      maxInterval: { type: DURATION, required: true, description: 'Upper bound of the delay.' },
    },
  },
];
