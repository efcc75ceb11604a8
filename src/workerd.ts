// Cloudflare Workers entry: the kernels imported as a precompiled module.
import './wasm/register-workerd.js';

export * from './api.js';
