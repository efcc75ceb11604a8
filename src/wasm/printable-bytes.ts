// Decoding of the embedded kernels' text form (encoder: scripts/printable-bytes.mjs).
// The text is printable ASCII without quotes, backslash, `$` or `<`; a byte's
// frequency rank is one character, or two for the rarest values. Unlike base64
// it keeps byte sequences aligned, so the bundle gzips about as well as the raw
// .wasm files would. The loop runs in a 169-byte WebAssembly module
// (assembly/decoder/), and the build precomputes its tables: at start-up a
// JavaScript loop over 40 KB would cost milliseconds, this a fraction of one.
import { printableDecoding } from './generated/kernels.js';

export interface PrintableDecoding {
  /** The decoder module's bytes. */
  readonly module: ArrayLike<number>;
  /** Its memory's first 384 bytes: the alphabet digit of each ASCII code, then the byte value of each rank. */
  readonly tables: ArrayLike<number>;
  /** Digits below `singles` are whole codes; the others start two-digit codes. */
  readonly singles: number;
  readonly radix: number;
}

interface DecoderExports {
  memory: WebAssembly.Memory;
  decodePrintable(codes: number, codeCount: number, out: number, singles: number, radix: number): number;
}

const PAGE_BYTES = 65536;

/** The `length` bytes encoded by `text`, or undefined when it decodes to another length (a damaged build). */
export function decodePrintable(text: string, length: number, decoding: PrintableDecoding = printableDecoding): Uint8Array<ArrayBuffer> | undefined {
  const decoder = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(decoding.module)), {})
    .exports as unknown as DecoderExports;
  const codesAt = decoding.tables.length;
  const out = codesAt + text.length;
  decoder.memory.grow(Math.ceil((out + length) / PAGE_BYTES));
  const memory = new Uint8Array(decoder.memory.buffer);
  memory.set(decoding.tables);
  new TextEncoder().encodeInto(text, memory.subarray(codesAt, out));
  const written = decoder.decodePrintable(codesAt, text.length, out, decoding.singles, decoding.radix);
  return written === length ? memory.slice(out, out + length) : undefined;
}
