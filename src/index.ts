// Default entry (Node ESM, Bun, and any runtime without a more specific export
// condition): kernels from the .wasm files beside this file in dist/ (embedded
// bytes where they are not there), ready when the import resolves.
import { registerDefaultKernels } from './wasm/register-default.js';

export * from './api.js';

await registerDefaultKernels(import.meta.url);
