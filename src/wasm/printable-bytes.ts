// Decoding of the embedded kernels' text form (encoder: scripts/printable-bytes.mjs).
// The text is printable ASCII without quotes, backslash, `$` or `<`; a byte's
// frequency rank is one character, or two for the rarest values. Unlike base64
// it keeps byte sequences aligned, so the bundle gzips about as well as the raw
// .wasm files would. The loop runs in a 169-byte WebAssembly module
// (assembly/decoder/): in JavaScript it would cost milliseconds at start-up.
import { decoderModule } from './generated/kernels.js';
import { MetricError } from '../errors.js';

const EXCLUDED = `"'\`\\$<`;
const FIRST_PRINTABLE = 32;
const PRINTABLE_COUNT = 95;
// Memory layout of the decoder module (fixed in assembly/decoder/printable.ts).
const DIGITS_AT = 0;
const BYTES_AT = 128;
const CODES_AT = 384;
const PAGE_BYTES = 65536;

interface DecoderExports {
  memory: WebAssembly.Memory;
  decodePrintable(codes: number, codeCount: number, out: number, singles: number, radix: number): number;
}

/**
 * Bytes from `text`. `byteOrder` lists the 256 byte values by rank as hex
 * digits; `length` is the number of bytes the text encodes.
 */
export function decodePrintable(text: string, byteOrder: string, length: number): Uint8Array<ArrayBuffer> {
  const decoder = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(decoderModule)), {})
    .exports as unknown as DecoderExports;
  const out = CODES_AT + text.length;
  decoder.memory.grow(Math.ceil((out + length) / PAGE_BYTES));
  const memory = new Uint8Array(decoder.memory.buffer);
  let radix = 0;
  for (let code = FIRST_PRINTABLE; code < FIRST_PRINTABLE + PRINTABLE_COUNT; code++) {
    if (!EXCLUDED.includes(String.fromCharCode(code))) memory[DIGITS_AT + code] = radix++;
  }
  for (let rank = 0; rank < 256; rank++) memory[BYTES_AT + rank] = parseInt(byteOrder.slice(2 * rank, 2 * rank + 2), 16);
  new TextEncoder().encodeInto(text, memory.subarray(CODES_AT, out));
  const written = decoder.decodePrintable(CODES_AT, text.length, out, radix - 2, radix);
  if (written !== length) throw new MetricError('WASM_UNAVAILABLE', `The embedded kernels decode to ${written} bytes instead of ${length}.`);
  return memory.slice(out, out + length);
}
