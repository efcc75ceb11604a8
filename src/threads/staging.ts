// Shared memory for inputs that are not on a SharedArrayBuffer. Fresh memory
// costs a page fault per 4 KiB on first write (a new 40 MB buffer took about
// 15 times as long to fill as a reused one), so a pool reuses its buffers
// between calls: each call takes buffers from the free list and gives them back.
import type { TypedArray } from '../index.js';

type TypedArrayConstructor = new (buffer: SharedArrayBuffer, byteOffset: number, length: number) => TypedArray;

/** Buffers kept between calls: one per input (labels, predictions, weights). */
const KEPT = 3;

export class StagingMemory {
  private free: SharedArrayBuffer[] = [];

  /** `data` itself when it is on shared memory, else a copy on a staging buffer that `lease` now holds. */
  share(data: TypedArray, lease: SharedArrayBuffer[]): TypedArray {
    if (data.buffer instanceof SharedArrayBuffer) return data;
    const buffer = this.take(data.byteLength);
    lease.push(buffer);
    // By tag rather than data.constructor, so that a Node Buffer becomes a plain Uint8Array.
    const Constructor = (globalThis as unknown as Record<string, TypedArrayConstructor>)[data[Symbol.toStringTag]]!;
    const copy = new Constructor(buffer, 0, data.length);
    copy.set(data);
    return copy;
  }

  /** Returns a call's buffers once its workers are done with them; the largest few are kept. */
  release(lease: readonly SharedArrayBuffer[]): void {
    this.free = [...this.free, ...lease].sort((a, b) => b.byteLength - a.byteLength).slice(0, KEPT);
  }

  clear(): void {
    this.free = [];
  }

  /** The smallest free buffer that fits, or a new one. */
  private take(byteLength: number): SharedArrayBuffer {
    let best = -1;
    this.free.forEach((buffer, i) => {
      if (buffer.byteLength >= byteLength && (best < 0 || buffer.byteLength < this.free[best]!.byteLength)) best = i;
    });
    if (best < 0) return new SharedArrayBuffer(byteLength);
    return this.free.splice(best, 1)[0]!;
  }
}
