// Whole-batch scans that decide how a batch is treated before it is counted.
import { arena } from './runtime.js';
import { CHUNK_ELEMENTS } from './arena.js';
import type { TypedArray } from '../tensor.js';

/** True when every value is 0 or 1 (as float32, like Keras's cast). */
export function allZeroOrOne(values: TypedArray): boolean {
  const a = arena();
  a.reserve(CHUNK_ELEMENTS, 16);
  const region = a.address('labels');
  for (let first = 0; first < values.length; first += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, values.length - first);
    a.f32.set(values.subarray(first, first + count), region >>> 2);
    if (!a.kernels.allZeroOrOne(region, 0, count)) return false;
  }
  return true;
}
