// CommonJS entry of 'wasm-metrics/sklearn' (Node, Bun and browser bundlers). The
// build takes this API from the CommonJS module shared with the core entry.
export * from './sklearn-api.js';
