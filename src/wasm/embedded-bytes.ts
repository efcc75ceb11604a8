// Both kernel builds embedded as text, for runtimes that compile WebAssembly
// from bytes but have no files to read them from (browsers, Deno), or where the
// files are not beside the code (the Node entry bundled into an application).
// Imports nothing else of the library, so the Node entries can load it as a
// chunk of its own, and only when the .wasm files are missing.
import { scalarKernels, simdKernels } from './generated/kernels.js';
import type { KernelBuild } from './exports.js';
import { decodePrintable } from './printable-bytes.js';

const encoded = { simd: simdKernels, scalar: scalarKernels };
const decoded = new Map<KernelBuild, Uint8Array<ArrayBuffer>>();

/** The build's bytes, decoded once; undefined if the text is damaged. */
export function embeddedKernelBytes(build: KernelBuild): Uint8Array<ArrayBuffer> | undefined {
  let bytes = decoded.get(build);
  if (!bytes) {
    bytes = decodePrintable(encoded[build].text, encoded[build].length);
    if (bytes) decoded.set(build, bytes);
  }
  return bytes;
}
