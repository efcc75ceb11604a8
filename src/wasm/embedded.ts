// Registration of the embedded kernels (browsers, Deno, the browser CommonJS entry).
import { registerKernelBytes } from './bytes-source.js';
import { embeddedKernelBytes } from './embedded-bytes.js';

/** Registers the embedded kernels; resolves once they are instantiated (at once where synchronous compilation is allowed). */
export function registerEmbeddedKernels(preferScalar = false): Promise<void> {
  return registerKernelBytes(embeddedKernelBytes, preferScalar);
}
