// Saved-state bytes in tests: byte equality and the state arrays they hold.

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The state arrays in saved bytes ("WMST", version, header length, JSON header, f64 payload at an 8-byte boundary). */
export function savedArrays(bytes: Uint8Array): Map<string, number[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { arrays: Array<[string, number]> };
  let offset = Math.ceil((12 + headerLength) / 8) * 8;
  const arrays = new Map<string, number[]>();
  for (const [name, length] of header.arrays) {
    arrays.set(name, Array.from({ length }, (_, i) => view.getFloat64(offset + 8 * i, true)));
    offset += 8 * length;
  }
  return arrays;
}
