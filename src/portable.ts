// Entry for browsers and Deno: the embedded kernels without any access to
// Node's globals, ready when the import resolves.
import './wasm/register-portable.js';

export * from './api.js';
