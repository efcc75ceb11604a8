// The 'wasm-metrics/sklearn' entry (Node ESM, Bun, default condition). Built
// together with src/index.ts, so the kernels, the arena and the error classes
// live in chunks both entries import: one instance when both are used.
import { registerDefaultKernels } from './wasm/register-default.js';

export * from './sklearn-api.js';

await registerDefaultKernels(import.meta.url);
