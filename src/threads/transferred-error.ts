// Rebuilds a worker's MetricError in the main thread with its class and code,
// naming the rows of the shard it came from.
import { ConfigError, InputError, MetricError, StateError } from '../index.js';
import type { TransferredError } from './protocol.js';

export function rebuildError(error: TransferredError, firstRow: number, endRow: number): MetricError {
  const origin = firstRow + error.rowOffset;
  const where = ` (in rows ${firstRow} to ${endRow - 1}, evaluated by a worker thread: indices in this message count from row ${origin})`;
  const message = `${error.message}${where}`;
  switch (error.name) {
    case 'InputError': return new InputError(error.code, message);
    case 'ConfigError': return new ConfigError(error.code, message, error.unknownKey);
    case 'StateError': return new StateError(error.code, message);
    default: return new MetricError(error.code, message);
  }
}
