// CommonJS entry for require() in Node and Bun: both compile the embedded module synchronously.
import { registerEmbeddedKernels } from './wasm/embedded.js';
import { scalarRequested } from './wasm/scalar-requested.js';

export * from './api.js';

void registerEmbeddedKernels(scalarRequested());
