// What every consumer must report: the hand-derived AUC, computed by the SIMD
// kernels (every runtime checked here supports them), and by rocAucScore from
// 'wasm-metrics/sklearn' sharing the core's modules.
import { expectedAuc } from './app/auc-case.js';

const TOLERANCE = 1e-12;

/** Problems with a consumer's { value, build, sklearnValue, shared } (or { error }); empty when it is right. */
export function aucProblems(result) {
  if (result?.error) return [result.error];
  const problems = [];
  if (!(Math.abs(result?.value - expectedAuc) <= TOLERANCE)) problems.push(`AUC ${result?.value}, expected ${expectedAuc}`);
  if (result?.build !== 'simd') problems.push(`kernel build ${result?.build}, expected simd`);
  if (!(Math.abs(result?.sklearnValue - expectedAuc) <= TOLERANCE)) problems.push(`rocAucScore ${result?.sklearnValue}, expected ${expectedAuc}`);
  if (result?.shared !== true) problems.push('wasm-metrics/sklearn does not share the core\'s modules (its errors are not the core\'s InputError)');
  return problems;
}

/** References to Node's globals or its build switch, which a browser bundle must not contain. */
export function nodeOnlyCode(code) {
  return [...new Set(code.match(/\bprocess\b|\bBuffer\b|WASM_METRICS_BUILD|\bnode:[a-z_]+/g) ?? [])];
}
