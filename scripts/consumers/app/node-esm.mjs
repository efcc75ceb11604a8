import * as library from 'wasm-metrics';
import { computeAuc } from './auc-case.js';

console.log(JSON.stringify({ ...computeAuc(library), resolved: import.meta.resolve('wasm-metrics') }));
