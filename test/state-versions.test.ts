// Saved-state format versions: bytes written in version 1 (every array float64,
// no type in the layout) still load, into the same result and the same state
// as the metric that produced them; version 2 adds typed arrays.
import { describe, expect, test } from 'vitest';
import {
  AUC, BinaryAUROC, MeanIoU, Precision, R2Score, STATE_FORMAT_VERSION, type ArrayInput, type Metric,
} from '../src/index.js';
import { expectMetricError } from './support/errors.js';
import { sameBytes, savedArrays } from './support/state.js';

/** Version-1 bytes as that format defined them: "WMST", 1, header length, JSON header, padding to 8, float64 payload. */
function encodeVersion1(className: string, config: Record<string, unknown>, arrays: Map<string, number[]>): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ className, config, arrays: [...arrays].map(([name, values]) => [name, values.length]) }));
  const start = Math.ceil((12 + header.length) / 8) * 8;
  const values = [...arrays.values()].flat();
  const bytes = new Uint8Array(start + 8 * values.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x57, 0x4d, 0x53, 0x54]);
  view.setUint32(4, 1, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  values.forEach((value, i) => view.setFloat64(start + 8 * i, value, true));
  return bytes;
}

const CASES: ReadonlyArray<readonly [string, () => Metric, ArrayInput, ArrayInput]> = [
  ['AUC', () => new AUC({ numThresholds: 7 }), [1, 0, 1, 0], [0.9, 0.2, 0.45, 0.6]],
  ['Precision', () => new Precision({ thresholds: [0.3, 0.7] }), [1, 0, 1, 0], [0.9, 0.2, 0.45, 0.6]],
  ['R2Score (shaped on first update)', () => new R2Score(), [1.5, 2, 3.5, 0.5], [1.2, 2.4, 3, 1]],
  ['MeanIoU', () => new MeanIoU({ numClasses: 3 }), [0, 1, 2, 1], [0, 2, 2, 1]],
];

describe('version 1 saved states still load', () => {
  test.each(CASES)('%s', (_name, make, yTrue, yPred) => {
    const original = make();
    original.updateState(yTrue, yPred);
    const version1 = encodeVersion1(original.className, original.getConfig(), savedArrays(original.saveState()));
    const restored = make();
    restored.loadState(version1);
    expect(restored.result()).toEqual(original.result());
    expect(sameBytes(restored.saveState(), original.saveState())).toBe(true);
  });

  test('a version-1 header cannot carry typed arrays', () => {
    const metric = new BinaryAUROC();
    metric.updateState([0, 1], Float32Array.of(0.25, 0.5));
    const bytes = metric.saveState();
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(STATE_FORMAT_VERSION);
    const relabelled = bytes.slice();
    new DataView(relabelled.buffer).setUint32(4, 1, true);
    expectMetricError(() => new BinaryAUROC().loadState(relabelled), 'CORRUPT_STATE', /layout/);
  });
});
