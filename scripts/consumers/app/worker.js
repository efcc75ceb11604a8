import * as library from 'wasm-metrics';
import * as sklearn from 'wasm-metrics/sklearn';
import { computeAuc } from './auc-case.js';

export default {
  async fetch() {
    try {
      return Response.json(computeAuc(library, sklearn));
    } catch (error) {
      return Response.json({ error: String(error) });
    }
  },
};
