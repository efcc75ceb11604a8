// The './threads' entry (Node only): metrics evaluated across worker threads
// with piscina. The core library is imported as the package itself, so
// metrics and collections made with 'wasm-metrics' are the ones merged into.
export { ThreadPool, evaluateInThreads, type ThreadPoolOptions, type ThreadEvaluateOptions } from './pool.js';
