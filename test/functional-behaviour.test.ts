// Behaviour of the classification functional API beyond the scikit-learn
// fixture: warnings through onWarning, option checks, hand-derived values at
// the edges (clipping epsilons, F-beta limits, label order), and input forms.
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../src/index.js';
import {
  accuracyScore, balancedAccuracyScore, precisionRecallFscoreSupport, precisionScore, recallScore, f1Score,
  fbetaScore, confusionMatrix, cohenKappaScore, logLoss, brierScoreLoss, topKAccuracyScore,
  type ClassificationWarning,
} from '../src/sklearn.js';
import { expectMetricError } from './support/errors.js';

function collecting(): { warnings: ClassificationWarning[]; onWarning: (warning: ClassificationWarning) => void } {
  const warnings: ClassificationWarning[] = [];
  return { warnings, onWarning: (warning) => warnings.push(warning) };
}

describe('warnings', () => {
  test('ill-defined scores with zeroDivision "warn" carry scikit-learn\'s messages', () => {
    const { warnings, onWarning } = collecting();
    expect(precisionScore([0, 1, 2], [0, 0, 0], { average: 'macro', onWarning })).toBeCloseTo(1 / 9, 15);
    expect(recallScore([0, 0], [1, 0], { average: 'micro', onWarning })).toBe(0.5);
    expect(f1Score([0, 1, 1], [0, 1, 0], { labels: [0, 1, 2], average: 'macro', onWarning })).toBeCloseTo(4 / 9, 15);
    expect(warnings).toEqual([
      { category: 'UndefinedMetricWarning', message: 'Precision is ill-defined and being set to 0.0 in labels with no predicted samples. ' +
        'Use `zero_division` parameter to control this behavior.' },
      { category: 'UndefinedMetricWarning', message: 'F-score is ill-defined and being set to 0.0 in labels with no true nor ' +
        'predicted samples. Use `zero_division` parameter to control this behavior.' },
    ]);
  });

  test('per-sample averages name samples; micro averages say "due to"', () => {
    const { warnings, onWarning } = collecting();
    precisionRecallFscoreSupport([[0, 1], [1, 0]], [[0, 0], [1, 0]], { average: 'samples', onWarning });
    precisionScore([0, 0], [0, 0], { labels: [1], average: 'micro', onWarning });
    expect(warnings.map((warning) => warning.message)).toEqual([
      'Precision is ill-defined and being set to 0.0 in samples with no predicted labels. Use `zero_division` parameter to control this behavior.',
      'Precision is ill-defined and being set to 0.0 due to no predicted samples. Use `zero_division` parameter to control this behavior.',
    ]);
  });

  test('no warning when zeroDivision is a number', () => {
    const { warnings, onWarning } = collecting();
    expect(precisionScore([0, 1, 2], [0, 0, 0], { average: 'macro', zeroDivision: 1, onWarning })).toBeCloseTo((1 / 3 + 1 + 1) / 3, 15);
    expect(precisionScore([0, 1, 2], [0, 0, 0], { average: 'macro', zeroDivision: NaN, onWarning })).toBeCloseTo(1 / 3, 15);
    expect(warnings).toEqual([]);
  });

  test('posLabel ignored outside average "binary"', () => {
    const { warnings, onWarning } = collecting();
    f1Score([0, 1, 2], [0, 1, 1], { average: 'macro', posLabel: 2, onWarning });
    expect(warnings).toEqual([{ category: 'UserWarning', message: 'Note that pos_label (set to 2) is ignored when average != \'binary\' ' +
      '(got "macro"). You may use labels=[pos_label] to specify a single positive class.' }]);
  });

  test('balanced accuracy drops classes absent from y_true, with a warning', () => {
    const { warnings, onWarning } = collecting();
    expect(balancedAccuracyScore([0, 0, 1], [0, 2, 1], { onWarning })).toBe(0.75);
    expect(warnings).toEqual([{ category: 'UserWarning', message: 'y_pred contains classes not in y_true' }]);
  });

  test('probabilities not summing to 1 are scored as given, with a warning', () => {
    const { warnings, onWarning } = collecting();
    // Current scikit-learn: no renormalisation (1.2.1 divided [0.2, 0.3] by 0.5 and scored 0.51).
    expect(logLoss([1, 0], [[0.2, 0.3], [0.6, 0.4]], { onWarning })).toBeCloseTo((-Math.log(0.3) - Math.log(0.6)) / 2, 15);
    expect(warnings).toEqual([{ category: 'UserWarning', message: 'The y_prob values do not sum to one. Make sure to pass probabilities.' }]);
  });

  test('labels given out of order are sorted, as LabelBinarizer sorts them, with a warning', () => {
    const { warnings, onWarning } = collecting();
    const rows = [[0.9, 0.1], [0.3, 0.7]];
    expect(logLoss([0, 1], rows, { labels: [1, 0], onWarning })).toBe(logLoss([0, 1], rows));
    expect(warnings[0]!.message).toMatch(/^Labels passed were \[1, 0\]\. But this function assumes labels are ordered/);
  });

  test('top-k with k >= classes', () => {
    const { warnings, onWarning } = collecting();
    expect(topKAccuracyScore([0, 1], [0.2, 0.9], { k: 2, onWarning })).toBe(1);
    expect(warnings[0]).toEqual({ category: 'UndefinedMetricWarning',
      message: "'k' (2) greater than or equal to 'n_classes' (2) will result in a perfect score and is therefore meaningless." });
  });

  test('kappa 0/0 returns replaceUndefinedBy (NaN by default) with a warning', () => {
    const { warnings, onWarning } = collecting();
    expect(cohenKappaScore([1, 1], [1, 1], { onWarning })).toBeNaN();
    expect(cohenKappaScore([1, 1], [1, 1], { replaceUndefinedBy: 0 })).toBe(0);
    expect(warnings.map((warning) => warning.category)).toEqual(['UndefinedMetricWarning']);
  });
});

describe('options', () => {
  test('an unknown option names the closest known one', () => {
    const error = expectMetricError(() => f1Score([0, 1], [0, 1], { sample_weight: [1, 1] } as never), 'UNKNOWN_CONFIG_KEY', /sampleWeight/);
    expect(error).toBeInstanceOf(ConfigError);
  });

  test.each([
    ['fbetaScore without beta', () => fbetaScore([0, 1], [0, 1], {} as never)],
    ['negative beta', () => fbetaScore([0, 1], [0, 1], { beta: -1 })],
    ['k = 0', () => topKAccuracyScore([0, 1], [0.1, 0.2], { k: 0 })],
    ['normalize not boolean', () => accuracyScore([0, 1], [0, 1], { normalize: 'yes' as never })],
    ['duplicate labels', () => confusionMatrix([0, 1], [0, 1], { labels: [0, 1, 0] })],
    ['labels of mixed types', () => confusionMatrix([0, 1], [0, 1], { labels: [0, 'a'] })],
    ['string labels for numeric data', () => f1Score([0, 1], [0, 1], { labels: ['a'], average: 'macro' })],
    ['unknown normalize', () => confusionMatrix([0, 1], [0, 1], { normalize: 'rows' as never })],
    ['unknown kappa weights', () => cohenKappaScore([0, 1], [0, 1], { weights: 'cubic' as never })],
    ['replaceUndefinedBy out of range', () => cohenKappaScore([0, 1], [0, 1], { replaceUndefinedBy: 2 })],
    ['scaleByHalf not boolean', () => brierScoreLoss([0, 1], [0.1, 0.9], { scaleByHalf: 'yes' as never })],
    ['multilabel column out of range', () => f1Score([[0, 1], [1, 1]], [[0, 1], [1, 0]], { labels: [2], average: 'macro' })],
  ])('%s', (_name, call) => {
    expectMetricError(call, 'INVALID_CONFIG');
  });
});

describe('edge values derived by hand', () => {
  test('log loss clips with the machine epsilon of the prediction dtype', () => {
    // y = [1, 0], p(positive) = [0, 0]: -log(eps) and -log(1 - eps), averaged.
    expect(logLoss([1, 0], [0, 0])).toBe((52 * Math.LN2 - Math.log1p(-(2 ** -52))) / 2);
    expect(logLoss([1, 0], new Float32Array([0, 0]))).toBe((23 * Math.LN2 - Math.log1p(-(2 ** -23))) / 2);
    // A duck-typed float32 tensor (as TF.js gives) is float32 too.
    const tensor = { shape: [2], dtype: 'float32', dataSync: () => new Float32Array([0, 0]) };
    expect(logLoss([1, 0], tensor)).toBe(logLoss([1, 0], new Float32Array([0, 0])));
  });

  test('F-beta tends to precision at beta = 0 and to recall at beta = Infinity', () => {
    const yTrue = [0, 1, 2, 0, 1, 2, 2], yPred = [0, 2, 1, 0, 0, 1, 2];
    expect(fbetaScore(yTrue, yPred, { beta: 0, average: null })).toEqual(precisionScore(yTrue, yPred, { average: null }));
    expect(fbetaScore(yTrue, yPred, { beta: Infinity, average: null })).toEqual(recallScore(yTrue, yPred, { average: null }));
  });

  test('normalized confusion matrices turn 0/0 into 0', () => {
    expect(confusionMatrix([0, 0], [0, 1], { labels: [0, 1], normalize: 'true' })).toEqual([[0.5, 0.5], [0, 0]]);
    expect(confusionMatrix([0, 0], [0, 1], { labels: [0, 1], normalize: 'pred' })).toEqual([[1, 1], [0, 0]]);
  });

  test('string labels sort by code point, as numpy sorts them', () => {
    // 'B' (66) before 'a' (97); U+FF5E before U+1F600, although its UTF-16 unit 0xFF5E is above the surrogate 0xD83D.
    expect(confusionMatrix(['a', 'B', 'a'], ['B', 'B', 'a'])).toEqual([[1, 0], [1, 1]]);
    expect(confusionMatrix(['\u{1F600}', '\uFF5E'], ['\u{1F600}', '\u{1F600}'])).toEqual([[0, 1], [0, 1]]);
  });

  test('booleans are the labels 0 and 1', () => {
    const yTrue = [true, false, true, true], yPred = [true, true, false, true];
    expect(f1Score(yTrue, yPred)).toBe(f1Score([1, 0, 1, 1], [1, 1, 0, 1]));
    expect(brierScoreLoss(yTrue, [0.8, 0.3, 0.4, 0.9])).toBeCloseTo((0.04 + 0.09 + 0.36 + 0.01) / 4, 15);
  });

  test('subset accuracy needs every label of a sample', () => {
    expect(accuracyScore([[0, 1], [1, 1]], [[1, 1], [1, 1]])).toBe(0.5);
    expect(accuracyScore([[0, 1], [1, 1]], [[0, 1], [1, 1]], { sampleWeight: [2, 0], normalize: false })).toBe(2);
  });

  test('inputs are not modified', () => {
    const yTrue = Float64Array.of(-1, 1, 1, -1), yPred = Float64Array.of(1, 1, -1, -1), weight = Float64Array.of(1, 2, 3, 4);
    confusionMatrix(yTrue, yPred, { sampleWeight: weight });
    expect([...yTrue, ...yPred, ...weight]).toEqual([-1, 1, 1, -1, 1, 1, -1, -1, 1, 2, 3, 4]);
  });
});

describe('input errors', () => {
  test.each([
    ['empty input', () => accuracyScore([], []), 'INVALID_INPUT'],
    ['weights summing to zero', () => accuracyScore([0, 1], [0, 1], { sampleWeight: [0, 0] }), 'INVALID_INPUT'],
    ['NaN weight', () => f1Score([0, 1], [0, 1], { sampleWeight: [1, NaN] }), 'NON_FINITE'],
    ['mixed strings and numbers in one array', () => accuracyScore(['a', 1] as never, ['a', 'b']), 'INVALID_INPUT'],
    ['widths of multilabel targets differ', () => f1Score([[0, 1], [1, 1]], [[0, 1, 0], [1, 0, 0]]), 'SHAPE_MISMATCH'],
    ['rank-3 labels', () => accuracyScore([[[0]]], [[[0]]]), 'INVALID_INPUT'],
    ['y_true values outside labels', () => logLoss([0, 3], [[0.5, 0.5], [0.5, 0.5]], { labels: [0, 1] }), 'INVALID_INPUT'],
    ['probability below 0', () => brierScoreLoss([0, 1], [[0.5, 0.5], [1.5, -0.5]]), 'INVALID_INPUT'],
    ['infinite score', () => topKAccuracyScore([0, 1, 2], [[0, 1, 2], [0, Infinity, 1], [1, 2, 3]], { k: 1 }), 'NON_FINITE'],
  ] as const)('%s', (_name, call, code) => {
    expectMetricError(call, code);
  });
});
