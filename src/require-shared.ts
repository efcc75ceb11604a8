// The one CommonJS module behind both require() entries in Node and Bun
// (dist/chunks/require.cjs): dist/index.cjs re-exports `core`, dist/sklearn.cjs
// `sklearn`, so requiring both gives one kernel instance, one arena and one set
// of error classes. Both compile the kernels synchronously.
import { registerRequireKernels } from './wasm/register-require.js';

export * as core from './api.js';
export * as sklearn from './sklearn-api.js';

registerRequireKernels();
