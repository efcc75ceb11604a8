// Saved-state bytes: "WMST", format version (u32 LE), header length (u32 LE),
// a UTF-8 JSON header { className, config, arrays: [[name, length, type?], ...] },
// zero padding to a multiple of 8, then every array little-endian, each padded
// to a multiple of 8 bytes. Arrays without a type are float64; version 2 adds the
// types 'f32', 'u8' and 'i32' (exact metrics save their samples compactly).
// Version 1 (float64 only, the same layout) is still read.
import { StateError } from './errors.js';

export const STATE_FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2];
const MAGIC = [0x57, 0x4d, 0x53, 0x54]; // "WMST"

/** An array of saved state: fixed float64 state, or a typed column of growable state. */
export type StateArray = Float64Array | Float32Array | Uint8Array | Int32Array;
type ArrayType = 'f64' | 'f32' | 'u8' | 'i32';

const ELEMENT_BYTES: Record<ArrayType, number> = { f64: 8, f32: 4, u8: 1, i32: 4 };
const TYPED: Record<ArrayType, (length: number) => StateArray> = {
  f64: (length) => new Float64Array(length), f32: (length) => new Float32Array(length),
  u8: (length) => new Uint8Array(length), i32: (length) => new Int32Array(length),
};

export interface SavedState {
  readonly className: string;
  readonly config: Record<string, unknown>;
  readonly arrays: ReadonlyArray<readonly [string, StateArray]>;
}

function typeOf(values: StateArray): ArrayType {
  return values instanceof Float64Array ? 'f64' : values instanceof Float32Array ? 'f32' : values instanceof Uint8Array ? 'u8' : 'i32';
}

const padded = (bytes: number): number => Math.ceil(bytes / 8) * 8;
const littleEndianHost = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Copies values into bytes at offset as little-endian elements. */
function writeArray(view: DataView, bytes: Uint8Array, offset: number, values: StateArray): void {
  if (littleEndianHost) {
    bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), offset);
    return;
  }
  const step = ELEMENT_BYTES[typeOf(values)];
  for (let i = 0; i < values.length; i++, offset += step) {
    if (values instanceof Float64Array) view.setFloat64(offset, values[i]!, true);
    else if (values instanceof Float32Array) view.setFloat32(offset, values[i]!, true);
    else if (values instanceof Int32Array) view.setInt32(offset, values[i]!, true);
    else view.setUint8(offset, values[i]!);
  }
}

function readArray(view: DataView, bytes: Uint8Array, offset: number, type: ArrayType, length: number): StateArray {
  const values = TYPED[type](length);
  if (littleEndianHost) {
    new Uint8Array(values.buffer).set(bytes.subarray(offset, offset + length * ELEMENT_BYTES[type]));
    return values;
  }
  const step = ELEMENT_BYTES[type];
  for (let i = 0; i < length; i++, offset += step) {
    values[i] = type === 'f64' ? view.getFloat64(offset, true) : type === 'f32' ? view.getFloat32(offset, true)
      : type === 'i32' ? view.getInt32(offset, true) : view.getUint8(offset);
  }
  return values;
}

export function encodeState(state: SavedState): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({
    className: state.className,
    config: state.config,
    arrays: state.arrays.map(([name, values]) => (values instanceof Float64Array ? [name, values.length] : [name, values.length, typeOf(values)])),
  }));
  const payloadStart = padded(12 + header.length);
  const total = state.arrays.reduce((sum, [, values]) => sum + padded(values.byteLength), payloadStart);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, STATE_FORMAT_VERSION, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  let offset = payloadStart;
  for (const [, values] of state.arrays) {
    writeArray(view, bytes, offset, values);
    offset += padded(values.byteLength);
  }
  return bytes;
}

function corrupt(reason: string): never {
  throw new StateError('CORRUPT_STATE', `Not a saved wasm-metrics state: ${reason}.`);
}

function isLayoutEntry(entry: unknown, version: number): entry is [string, number, ArrayType?] {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1]) || entry[1] < 0) return false;
  if (entry.length === 2) return true;
  return version >= 2 && entry.length === 3 && ['f32', 'u8', 'i32'].includes(entry[2] as string);
}

export function decodeState(bytes: Uint8Array): SavedState {
  if (!(bytes instanceof Uint8Array)) corrupt('expected a Uint8Array');
  if (bytes.length < 12 || MAGIC.some((byte, i) => bytes[i] !== byte)) corrupt('missing the WMST header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (!READABLE_VERSIONS.includes(version)) {
    throw new StateError('STATE_MISMATCH', `Saved state has format version ${version}; this library reads versions ${READABLE_VERSIONS.join(' and ')}.`);
  }
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) corrupt('truncated header');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    corrupt('unreadable header');
  }
  const { className, config, arrays } = (header ?? {}) as Partial<{ className: unknown; config: unknown; arrays: unknown }>;
  if (typeof className !== 'string' || !config || typeof config !== 'object' || !Array.isArray(arrays)) corrupt('incomplete header');
  const layout = arrays as unknown[];
  if (!layout.every((entry) => isLayoutEntry(entry, version))) corrupt('bad array layout');
  const entries = (layout as Array<[string, number, ArrayType?]>).map(([name, length, type = 'f64']) => ({ name, length, type }));
  const payloadStart = padded(12 + headerLength);
  const expected = entries.reduce((sum, { length, type }) => sum + padded(length * ELEMENT_BYTES[type]), payloadStart);
  if (expected !== bytes.length) corrupt(`expected ${expected} bytes, received ${bytes.length}`);
  let offset = payloadStart;
  const decoded = entries.map(({ name, length, type }): [string, StateArray] => {
    const values = readArray(view, bytes, offset, type, length);
    offset += padded(length * ELEMENT_BYTES[type]);
    return [name, values];
  });
  return { className: className as string, config: config as Record<string, unknown>, arrays: decoded };
}
