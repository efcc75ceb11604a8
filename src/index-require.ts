// CommonJS entry for Node's require(): Node compiles the embedded module synchronously.
import './wasm/embedded.js';

export * from './api.js';
