// The split between the core entry and 'wasm-metrics/sklearn': every function
// of the functional modules is in the sklearn entry and none is in the core.
import { describe, expect, test } from 'vitest';
import * as core from '../src/index.js';
import * as sklearn from '../src/sklearn.js';
import * as classification from '../src/functional/classification.js';
import * as delong from '../src/functional/delong.js';
import * as ranking from '../src/functional/ranking.js';
import * as regression from '../src/functional/regression.js';

const functional = { ...classification, ...delong, ...ranking, ...regression };
const functionNames = Object.keys(functional).filter((name) => typeof functional[name as keyof typeof functional] === 'function');

describe('wasm-metrics/sklearn entry', () => {
  test('exports every function of the functional modules, and only those', () => {
    expect(functionNames.length).toBeGreaterThan(20);
    expect(Object.keys(sklearn).sort()).toEqual([...functionNames].sort());
  });

  test('the core entry exports none of them', () => {
    expect(functionNames.filter((name) => name in core)).toEqual([]);
  });

  test('errors thrown by the sklearn entry are the core\'s classes', () => {
    expect(() => sklearn.rocAucScore([0, 1], [0.5])).toThrow(core.InputError);
  });
});
