// Kernel registration for the Cloudflare Workers entries: workerd forbids
// compiling WebAssembly from bytes, so the kernels are imported as a precompiled
// module (the SIMD build; V8 on Workers always supports it).
// @ts-expect-error -- resolved by the bundler as a WebAssembly.Module
import simdModule from '../../build/kernels.simd.wasm';
import { registerKernelSource } from './runtime.js';

registerKernelSource({
  build: 'simd',
  instantiateSync: (build) => (build === 'simd' ? new WebAssembly.Instance(simdModule as WebAssembly.Module, {}) : undefined),
  instantiate: async () => new WebAssembly.Instance(simdModule as WebAssembly.Module, {}),
});
