// Entry of the esbuild and Vite bundles; the page reads window.consumerResult.
import * as library from 'wasm-metrics';
import * as sklearn from 'wasm-metrics/sklearn';
import { computeAuc } from './auc-case.js';

try {
  window.consumerResult = computeAuc(library, sklearn);
} catch (error) {
  window.consumerResult = { error: String(error) };
}
