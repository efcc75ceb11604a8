// CommonJS entry for browser bundlers resolving require(). The build takes this
// API from the CommonJS module shared with 'wasm-metrics/sklearn'
// (src/portable-require-shared.ts): `await ready()` before the first update.
export * from './api.js';
