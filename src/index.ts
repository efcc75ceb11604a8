// Default entry (Node ESM, Bun, and any runtime without a more specific export
// condition): kernels from embedded bytes, ready when the import resolves.
import { registerEmbeddedKernels } from './wasm/embedded.js';
import { scalarRequested } from './wasm/scalar-requested.js';

export * from './api.js';

await registerEmbeddedKernels(scalarRequested());
