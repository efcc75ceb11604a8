// A Cloudflare Worker that merges metric states sent by many clients.
//   POST   /runs/<run>  multipart/form-data, one saved state per metric (see state-form.js)
//   GET    /runs/<run>  the merged metrics as JSON
//   DELETE /runs/<run>  forget the run
// Each run is one Durable Object, so every request for a run is handled by the
// same object one merge at a time, whichever isolate or location took it; the
// merged state is kept in the object's storage.
import { DurableObject } from 'cloudflare:workers';
import { MetricError } from 'wasm-metrics';
import { createMetrics } from './metric-set.js';
import { statesFromRequest } from './state-form.js';

const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const failure = (status, code, message) => json({ error: { code, message } }, status);

export class MetricsMerger extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.metrics = createMetrics();
    this.clients = 0;
    // Requests wait until the stored state is loaded.
    ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.get('merged');
      if (!stored) return;
      this.clients = stored.clients;
      for (const name of this.metrics.names) this.metrics.get(name).loadState(stored.states[name]);
    });
  }

  summary(run) {
    return { run, clients: this.clients, metrics: this.metrics.result() };
  }

  async fetch(request) {
    const run = new URL(request.url).pathname.split('/')[2];
    if (request.method === 'GET') return json(this.summary(run));
    if (request.method === 'DELETE') {
      await this.ctx.storage.deleteAll();
      this.metrics = createMetrics();
      this.clients = 0;
      return json(this.summary(run));
    }
    let incoming;
    try {
      incoming = await statesFromRequest(request, createMetrics);
    } catch (error) {
      if (error instanceof MetricError) return failure(400, error.code, error.message);
      throw error;
    }
    // Every part was loaded above, so the merge cannot fail halfway; nothing awaits between it and the put.
    for (const name of this.metrics.names) this.metrics.get(name).mergeState(incoming.get(name));
    this.clients += 1;
    const states = Object.fromEntries(this.metrics.names.map((name) => [name, this.metrics.get(name).saveState()]));
    await this.ctx.storage.put('merged', { clients: this.clients, states });
    return json(this.summary(run));
  }
}

export default {
  async fetch(request, env) {
    const match = /^\/runs\/([A-Za-z0-9_-]{1,64})$/.exec(new URL(request.url).pathname);
    if (!match) return failure(404, 'NOT_FOUND', 'Use /runs/<run>, where <run> is 1 to 64 letters, digits, _ or -.');
    if (!['GET', 'POST', 'DELETE'].includes(request.method)) return failure(405, 'METHOD_NOT_ALLOWED', 'Use GET, POST or DELETE.');
    return env.MERGER.get(env.MERGER.idFromName(match[1])).fetch(request);
  },
};
