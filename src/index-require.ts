// CommonJS entry for require() in Node and Bun. The build takes this API from
// the CommonJS module shared with 'wasm-metrics/sklearn' (src/require-shared.ts).
export * from './api.js';
