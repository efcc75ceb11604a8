// Default entry (Node ESM, Bun, and any runtime without a more specific export
// condition): kernels from embedded bytes, ready when the import resolves.
import './wasm/register-default.js';

export * from './api.js';
