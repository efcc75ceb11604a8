// Shared by the TF.js examples: scikit-learn's breast cancer features
// (examples/breast_cancer_features.csv, exported by
// scripts/sklearn_fixtures/breast_cancer_features.py), a seeded
// train/validation split standardised with the training split's statistics,
// and a small seeded dense model.
import { readFileSync } from 'node:fs';

/** mulberry32: a small seeded PRNG, so every run sees the same split and choices. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readRows() {
  const text = readFileSync(new URL('./breast_cancer_features.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  const rows = lines.map((line) => line.split(',').map(Number));
  return { features: columns.slice(0, -1), rows };
}

/**
 * Rows shuffled with a seeded Fisher-Yates shuffle, then the first
 * `validationFraction` held out. Features are standardised with the training
 * split's mean and standard deviation only, so nothing about the validation
 * rows leaks into training. Labels are rows of one column, shape (n, 1), as a
 * single sigmoid output predicts them.
 */
export function loadSplit({ seed = 42, validationFraction = 0.2 } = {}) {
  const { features, rows } = readRows();
  const random = prng(seed);
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const held = Math.round(rows.length * validationFraction);
  const pick = (indices) => indices.map((i) => rows[i]);
  const validation = pick(order.slice(0, held));
  const train = pick(order.slice(held));

  const width = features.length;
  const mean = Array.from({ length: width }, (_, c) => train.reduce((s, r) => s + r[c], 0) / train.length);
  const std = Array.from({ length: width }, (_, c) =>
    Math.sqrt(train.reduce((s, r) => s + (r[c] - mean[c]) ** 2, 0) / train.length));
  const split = (part) => ({
    x: part.map((r) => r.slice(0, width).map((v, c) => (v - mean[c]) / std[c])),
    y: part.map((r) => [r[width]]),
  });
  return { features, train: split(train), validation: split(validation) };
}

/** Dense(units, relu) -> Dense(1, sigmoid), with seeded initialisers so every run starts from the same weights. */
export function buildModel(tf, { inputs, units = 8, learningRate = 0.01, seed = 1, metrics = [] }) {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputs], units, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }),
  }));
  model.add(tf.layers.dense({
    units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
  }));
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'binaryCrossentropy', metrics });
  return model;
}
