// The scratch arena: one region of wasm memory, reserved once, through which
// inputs of any length stream in row-aligned chunks. It grows only when a
// metric needs longer rows or more thresholds than any before it, never with
// the number of samples.
import type { KernelExports } from './exports.js';
import { MetricError } from '../errors.js';

/** Elements per chunk: 16K samples keep a chunk's inputs resident in L2 (measured fastest). */
export const CHUNK_ELEMENTS = 16384;

const REGION_NAMES = ['predictions', 'labels', 'weights', 'columnPredictions', 'columnLabels', 'columnWeights', 'scratch'] as const;
export type RegionName = (typeof REGION_NAMES)[number];

export class Arena {
  readonly kernels: KernelExports;
  /** Capacity of every region, in elements of up to 8 bytes. */
  capacity = 0;
  private outputBytes = 0;
  private readonly base: number;
  private readonly regions = new Map<RegionName, number>();
  private outputAddress = 0;
  f32!: Float32Array;
  f64!: Float64Array;
  u8!: Uint8Array;

  constructor(kernels: KernelExports) {
    this.kernels = kernels;
    this.base = kernels.heapBase() >>> 0;
    this.reserve(CHUNK_ELEMENTS, 4096);
  }

  /** Makes room for chunks of `elements` and an output area of `outputBytes`; returns true if views changed. */
  reserve(elements: number, outputBytes: number): void {
    if (elements <= this.capacity && outputBytes <= this.outputBytes) return;
    this.capacity = Math.max(this.capacity, elements);
    this.outputBytes = Math.max(this.outputBytes, Math.ceil(outputBytes / 16) * 16);
    const regionBytes = this.capacity * 8;
    let address = this.base;
    for (const name of REGION_NAMES) {
      this.regions.set(name, address);
      address += regionBytes;
    }
    this.outputAddress = address;
    const end = address + this.outputBytes;
    if (this.kernels.ensureMemory(end) === 0) {
      throw new MetricError('WASM_UNAVAILABLE', `WebAssembly memory could not grow to ${end} bytes.`);
    }
    this.refreshViews();
  }

  /**
   * First address past the regions and the output area. Whole-input work (the
   * exact-ranking sort) lays out its buffers from here for the length of one
   * call; they are not arena regions and hold nothing between calls.
   */
  get end(): number {
    return this.outputAddress + this.outputBytes;
  }

  /** Grows memory (only if needed) so that addresses below `endAddress` are usable; refreshes the views when it grew. */
  ensureAddressable(endAddress: number): void {
    const memory = this.kernels.memory;
    if (memory.buffer.byteLength < endAddress) this.kernels.ensureMemory(endAddress);
    if (memory.buffer.byteLength < endAddress) {
      throw new MetricError('WASM_UNAVAILABLE', `WebAssembly memory could not grow to ${endAddress} bytes.`);
    }
    if (this.u8.buffer !== memory.buffer) this.refreshViews();
  }

  private refreshViews(): void {
    const buffer = this.kernels.memory.buffer;
    this.f32 = new Float32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }

  address(region: RegionName): number {
    return this.regions.get(region)!;
  }

  get output(): number {
    return this.outputAddress;
  }

  /** Zeroes the first `count` f64 slots of the output area. */
  clearOutput(count: number): void {
    this.f64.fill(0, this.outputAddress >>> 3, (this.outputAddress >>> 3) + count);
  }

  /** Copies `count` f64 output slots out of wasm memory. */
  readOutput(count: number, offset = 0): Float64Array {
    const start = (this.outputAddress >>> 3) + offset;
    return this.f64.slice(start, start + count);
  }
}
