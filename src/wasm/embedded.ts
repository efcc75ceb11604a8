// Registration of the embedded kernels (browsers, Deno, the CommonJS entries).
import { kernelSourceFromBytes } from './bytes-source.js';
import { embeddedKernelBytes } from './embedded-bytes.js';
import { registerKernelSource } from './runtime.js';

/** Registers the embedded kernels; resolves once they are instantiated (at once where synchronous compilation is allowed). */
export function registerEmbeddedKernels(preferScalar = false): Promise<void> {
  return registerKernelSource(kernelSourceFromBytes(embeddedKernelBytes, preferScalar));
}
