// CommonJS entry for browser bundlers resolving require(): the embedded kernels
// without any access to Node's globals. Where synchronous compilation is refused,
// the kernels arrive asynchronously: `await ready()` before the first update.
import { registerEmbeddedKernels } from './wasm/embedded.js';

export * from './api.js';

void registerEmbeddedKernels();
