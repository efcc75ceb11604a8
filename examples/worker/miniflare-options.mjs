// The Worker under miniflare (workerd on 127.0.0.1): its bundle, its
// WebAssembly module and the Durable Object namespace that wrangler.jsonc declares.
import { dirname } from 'node:path';
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';

export function startWorker({ script, wasm }, port = 0) {
  return new Miniflare(convertV4MiniflareOptions({
    modules: [{ type: 'ESModule', path: script }, { type: 'CompiledWasm', path: wasm }],
    modulesRoot: dirname(script),
    compatibilityDate: '2025-09-01',
    durableObjects: { MERGER: { className: 'MetricsMerger', useSQLite: true } },
    host: '127.0.0.1', port,
  }));
}
