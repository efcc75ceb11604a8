// The 'wasm-metrics/sklearn' entry for Cloudflare Workers, built with src/workerd.ts.
import './wasm/register-workerd.js';

export * from './sklearn-api.js';
