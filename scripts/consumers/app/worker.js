import * as library from 'wasm-metrics';
import { computeAuc } from './auc-case.js';

export default {
  async fetch() {
    try {
      return Response.json(computeAuc(library));
    } catch (error) {
      return Response.json({ error: String(error) });
    }
  },
};
