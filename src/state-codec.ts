// Saved-state bytes: "WMST", format version (u32 LE), header length (u32 LE),
// a UTF-8 JSON header { className, config, arrays: [[name, length], ...] },
// zero padding to a multiple of 8, then every array as little-endian float64.
import { StateError } from './errors.js';

export const STATE_FORMAT_VERSION = 1;
const MAGIC = [0x57, 0x4d, 0x53, 0x54]; // "WMST"

export interface SavedState {
  readonly className: string;
  readonly config: Record<string, unknown>;
  readonly arrays: ReadonlyArray<readonly [string, Float64Array]>;
}

export function encodeState(state: SavedState): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({
    className: state.className,
    config: state.config,
    arrays: state.arrays.map(([name, values]) => [name, values.length]),
  }));
  const payloadStart = Math.ceil((12 + header.length) / 8) * 8;
  const total = state.arrays.reduce((sum, [, values]) => sum + values.length * 8, payloadStart);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, STATE_FORMAT_VERSION, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  let offset = payloadStart;
  for (const [, values] of state.arrays) {
    for (const value of values) {
      view.setFloat64(offset, value, true);
      offset += 8;
    }
  }
  return bytes;
}

function corrupt(reason: string): never {
  throw new StateError('CORRUPT_STATE', `Not a saved wasm-metrics state: ${reason}.`);
}

export function decodeState(bytes: Uint8Array): SavedState {
  if (!(bytes instanceof Uint8Array)) corrupt('expected a Uint8Array');
  if (bytes.length < 12 || MAGIC.some((byte, i) => bytes[i] !== byte)) corrupt('missing the WMST header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== STATE_FORMAT_VERSION) {
    throw new StateError('STATE_MISMATCH', `Saved state has format version ${version}; this library reads version ${STATE_FORMAT_VERSION}.`);
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
  if (!layout.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Number.isInteger(entry[1]) && entry[1] >= 0)) {
    corrupt('bad array layout');
  }
  const payloadStart = Math.ceil((12 + headerLength) / 8) * 8;
  const expected = (layout as Array<[string, number]>).reduce((sum, [, length]) => sum + length * 8, payloadStart);
  if (expected !== bytes.length) corrupt(`expected ${expected} bytes, received ${bytes.length}`);
  let offset = payloadStart;
  const decoded = (layout as Array<[string, number]>).map(([name, length]): [string, Float64Array] => {
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++, offset += 8) values[i] = view.getFloat64(offset, true);
    return [name, values];
  });
  return { className: className as string, config: config as Record<string, unknown>, arrays: decoded };
}
