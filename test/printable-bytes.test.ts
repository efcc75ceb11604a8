// The text form the kernels are embedded in: the build-time encoder
// (scripts/printable-bytes.mjs) and the runtime decoder (a tiny wasm module)
// must agree on every byte, and the text must survive any JS string literal.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ALPHABET, byteOrderOf, decodingOf, encodePrintable } from '../scripts/printable-bytes.mjs';
import { decodePrintable } from '../src/wasm/printable-bytes.js';
import { kernelSourceFromBytes } from '../src/wasm/bytes-source.js';
import { printableDecoding, scalarKernels, simdKernels } from '../src/wasm/generated/kernels.js';

const IDENTITY_ORDER = Array.from({ length: 256 }, (_, value) => value);

/** The built decoder module with the tables for `byteOrder`. */
const decodingFor = (byteOrder: readonly number[]) => ({ module: printableDecoding.module, ...decodingOf(byteOrder) });

describe('printable encoding', () => {
  test('the alphabet is printable ASCII without quotes, backslash, $ and <', () => {
    expect(ALPHABET).toHaveLength(95 - 6);
    expect(ALPHABET).toMatch(/^[ -~]+$/);
    expect(ALPHABET).not.toMatch(/["'`\\$<]/);
  });

  test('hand-derived codes: ranks below 87 are one character, the rest a prefix and a digit', () => {
    // 89 characters: ranks 0..86 are ALPHABET[rank]; rank r >= 87 is ALPHABET[87 + floor((r - 87) / 89)]
    // then ALPHABET[(r - 87) % 89]. ALPHABET ends '{|}~' (indices 85..88) and index 79 is 'u'.
    // Identity order: byte value = rank. 87 -> '}' ' ', 255 -> 168 = 1·89 + 79 -> '~' 'u'.
    expect(encodePrintable(Uint8Array.of(0, 1, 86, 87, 255), IDENTITY_ORDER)).toBe(' !|} ~u');
    expect(decodePrintable(' !|} ~u', 5, decodingFor(IDENTITY_ORDER))).toEqual(Uint8Array.of(0, 1, 86, 87, 255));
  });

  test('the most frequent byte value takes the first character', () => {
    const order = byteOrderOf([Uint8Array.of(7, 7, 7, 3, 3, 250)]);
    expect(order.slice(0, 5)).toEqual([7, 3, 250, 0, 1]);
    expect(encodePrintable(Uint8Array.of(7, 3, 250), order)).toBe(' !#');
  });

  test('any bytes round-trip through encoder and decoder', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (bytes, ownOrder) => {
      const order = ownOrder ? byteOrderOf([bytes]) : IDENTITY_ORDER;
      const text = encodePrintable(bytes, order);
      expect(text).toMatch(/^[ -~]*$/);
      expect(decodePrintable(text, bytes.length, decodingFor(order))).toEqual(bytes);
    }), { seed: 20261122, numRuns: 200 });
  });

  test('the embedded texts decode to the built .wasm files', () => {
    for (const [kernels, file] of [[simdKernels, 'kernels.simd.wasm'], [scalarKernels, 'kernels.scalar.wasm']] as const) {
      const built = readFileSync(new URL(`../build/${file}`, import.meta.url));
      const decoded = decodePrintable(kernels.text, kernels.length)!;
      expect(decoded.length).toBe(built.length);
      expect(built.compare(decoded), file).toBe(0);
    }
  });

  test('a text that decodes to another length gives no bytes', () => {
    expect(decodePrintable(' !', 3, decodingFor(IDENTITY_ORDER))).toBeUndefined();
  });

  test('kernels that did not decode stop the registration with WASM_UNAVAILABLE', () => {
    expect(() => kernelSourceFromBytes(() => undefined, false)).toThrow(expect.objectContaining({ code: 'WASM_UNAVAILABLE' }));
    expect(() => kernelSourceFromBytes(() => undefined, true).instantiateSync('scalar'))
      .toThrow(expect.objectContaining({ code: 'WASM_UNAVAILABLE' }));
  });
});
