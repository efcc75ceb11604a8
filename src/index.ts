// Default entry (Node ESM, browsers, Deno, Bun, worker threads): kernels from
// embedded bytes, ready when the import resolves.
import { embeddedReady } from './wasm/embedded.js';

export * from './api.js';

await embeddedReady;
