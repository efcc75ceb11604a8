// The one CommonJS module behind both require() entries for browser bundlers
// (dist/chunks/portable-require.cjs), as src/require-shared.ts for Node: the
// embedded kernels without any access to Node's globals. Where synchronous
// compilation is refused, the kernels arrive asynchronously: `await ready()`
// before the first update.
import { registerEmbeddedKernels } from './wasm/embedded.js';

export * as core from './api.js';
export * as sklearn from './sklearn-api.js';

void registerEmbeddedKernels();
