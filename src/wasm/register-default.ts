// Kernel registration for the default ESM entries ('wasm-metrics' and
// 'wasm-metrics/sklearn'): embedded bytes, WASM_METRICS_BUILD honoured, ready
// when the import resolves. One module, so both entries share one registration.
import { registerEmbeddedKernels } from './embedded.js';
import { scalarRequested } from './scalar-requested.js';

await registerEmbeddedKernels(scalarRequested());
