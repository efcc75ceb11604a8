// `node examples/worker/dev.mjs`: builds the Worker and serves it with
// miniflare on http://127.0.0.1:8787/ (PORT to change). Works on Node 20;
// `wrangler dev` (wrangler.jsonc) needs Node 22.
import { buildWorker } from './build.mjs';
import { startWorker } from './miniflare-options.mjs';

const worker = startWorker(await buildWorker(), Number(process.env.PORT ?? 8787));
console.log(`merging metric states on ${await worker.ready}runs/<run> (Ctrl-C to stop)`);
process.on('SIGINT', () => worker.dispose().then(() => process.exit(0)));
