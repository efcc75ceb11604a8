import * as library from 'wasm-metrics';
import * as sklearn from 'wasm-metrics/sklearn';
import { computeAuc } from './auc-case.js';

console.log(JSON.stringify({ ...computeAuc(library, sklearn), resolved: import.meta.resolve('wasm-metrics'),
  resolvedSklearn: import.meta.resolve('wasm-metrics/sklearn') }));
