// Finds the --label and --score columns in the CSV header.
import { closestNames } from '../suggest.js';
import { UsageError } from './errors.js';

/** Index of `name` in `header`, or a UsageError listing the columns and the closest match. */
export function columnIndex(header: readonly string[], name: string, option: string): number {
  const index = header.indexOf(name);
  if (index >= 0) return index;
  const available = header.map((column) => `'${column}'`).join(', ');
  const [closest] = closestNames(name, header, 1);
  const hint = closest === undefined ? '' : ` Did you mean '${closest}'?`;
  throw new UsageError(`${option}: no column '${name}' in the header. Available columns: ${available}.${hint}`);
}
