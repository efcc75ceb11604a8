// Entry for browsers and Deno: the embedded kernels without any access to
// Node's globals, ready when the import resolves (browsers that refuse to
// compile large modules synchronously get them asynchronously before that).
import { registerEmbeddedKernels } from './wasm/embedded.js';

export * from './api.js';

await registerEmbeddedKernels();
