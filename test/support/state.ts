// Saved-state bytes in tests: byte equality and the state arrays they hold.

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * The state arrays in saved bytes ("WMST", version, header length, JSON header, then each array at an
 * 8-byte boundary: float64 unless its layout entry names 'f32', 'u8' or 'i32').
 */
export function savedArrays(bytes: Uint8Array): Map<string, number[]> {
  return new Map([...savedLayout(bytes)].map(([name, array]) => [name, array.values]));
}

/** Each saved array's byte offset and values. */
export function savedLayout(bytes: Uint8Array): Map<string, { offset: number; values: number[] }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { arrays: Array<[string, number, string?]> };
  let offset = Math.ceil((12 + headerLength) / 8) * 8;
  const arrays = new Map<string, { offset: number; values: number[] }>();
  for (const [name, length, type = 'f64'] of header.arrays) {
    const size = { f64: 8, f32: 4, u8: 1, i32: 4 }[type]!;
    const read = (at: number): number => (type === 'f64' ? view.getFloat64(at, true) : type === 'f32' ? view.getFloat32(at, true)
      : type === 'i32' ? view.getInt32(at, true) : view.getUint8(at));
    arrays.set(name, { offset, values: Array.from({ length }, (_, i) => read(offset + size * i)) });
    offset += Math.ceil((size * length) / 8) * 8;
  }
  return arrays;
}
