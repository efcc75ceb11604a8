// The 'wasm-metrics/sklearn' entry for browsers and Deno, built with src/portable.ts.
import './wasm/register-portable.js';

export * from './sklearn-api.js';
