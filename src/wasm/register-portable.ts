// Kernel registration for the browser and Deno ESM entries: the embedded kernels
// without any access to Node's globals, ready when the import resolves (browsers
// that refuse to compile large modules synchronously get them asynchronously
// before that).
import { registerEmbeddedKernels } from './embedded.js';

await registerEmbeddedKernels();
