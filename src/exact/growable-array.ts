// A typed array that grows by appending (capacity ×1.5), for state that keeps
// every sample. Memory is its length plus at most half again while growing.
export type GrowableType = Float64Array | Float32Array | Uint8Array | Int32Array;

const MIN_CAPACITY = 1024;

export class GrowableArray<T extends GrowableType> {
  private buffer: T;
  private used = 0;

  constructor(private readonly make: (length: number) => T) {
    this.buffer = make(0);
  }

  get length(): number {
    return this.used;
  }

  /** The values held (a view: valid until the next append or clear). */
  view(): T {
    return this.buffer.subarray(0, this.used) as T;
  }

  /** Appends values (converted to this array's element type by TypedArray.set). */
  append(values: ArrayLike<number>): void {
    this.reserve(this.used + values.length);
    this.buffer.set(values, this.used);
    this.used += values.length;
  }

  /** Appends `count` copies of `value`. */
  appendFilled(value: number, count: number): void {
    this.reserve(this.used + count);
    this.buffer.fill(value, this.used, this.used + count);
    this.used += count;
  }

  /** Keeps the first `length` values. */
  truncate(length: number): void {
    this.used = Math.min(this.used, length);
  }

  /** Drops every value and releases the memory. */
  clear(): void {
    this.buffer = this.make(0);
    this.used = 0;
  }

  private reserve(length: number): void {
    if (length <= this.buffer.length) return;
    const grown = this.make(Math.max(length, MIN_CAPACITY, Math.ceil(this.buffer.length * 1.5)));
    grown.set(this.view());
    this.buffer = grown;
  }
}
