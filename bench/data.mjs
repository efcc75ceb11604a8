// Deterministic inputs, identical for every implementation and every child
// process (each regenerates them from the same seeds).

/** mulberry32: a small, fast 32-bit PRNG; returns uniform doubles in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Binary classification: predictions uniform in [0, 1), labels 0/1 with P(y = 1) = 0.2 + 0.6·p. */
export function classificationData(n, seed = 1) {
  const random = mulberry32(seed);
  const predictions = new Float32Array(n);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    predictions[i] = random();
    // Uses the stored float32 value so the label depends on exactly what the metrics see.
    labels[i] = random() < 0.2 + 0.6 * predictions[i] ? 1 : 0;
  }
  return { labels, predictions };
}

/** Regression: y = 3 + 2·z and p = 3 + 2·(0.9·z + 0.3·z2), with z, z2 independent standard normals. */
export function regressionData(n, seed = 2) {
  const random = mulberry32(seed);
  const targets = new Float32Array(n);
  const predictions = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    // Box–Muller: one uniform pair gives two independent normals.
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    const z = radius * Math.cos(angle);
    const z2 = radius * Math.sin(angle);
    targets[i] = 3 + 2 * z;
    predictions[i] = 3 + 2 * (0.9 * z + 0.3 * z2);
  }
  return { targets, predictions };
}

/**
 * Multiclass rows: `classes` probabilities per row (summing to 1), the row's
 * class id and its one-hot row. Scores are uniform with a uniform bonus on the
 * true class, so argmax finds it in about 60% of rows. Every 997th row copies
 * the true class's score to class 0, so argmax ties (first index wins) occur.
 */
export function classRowsData(n, classes = 10, seed = 3) {
  const random = mulberry32(seed);
  const ids = new Int32Array(n);
  const oneHot = new Float32Array(n * classes);
  const probabilities = new Float32Array(n * classes);
  const raw = new Float64Array(classes);
  for (let row = 0; row < n; row++) {
    const id = Math.floor(random() * classes);
    for (let j = 0; j < classes; j++) raw[j] = random();
    raw[id] += random();
    if (row % 997 === 0) raw[0] = raw[id];
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += raw[j];
    const at = row * classes;
    for (let j = 0; j < classes; j++) probabilities[at + j] = raw[j] / sum;
    ids[row] = id;
    oneHot[at + id] = 1;
  }
  return { ids, oneHot, probabilities };
}

/**
 * Class id pairs (perf_notes K4): labels uniform over the classes; the
 * prediction equals the label with probability 0.8, otherwise it is uniform.
 */
export function classIdPairsData(n, classes = 10, seed = 4) {
  const random = mulberry32(seed);
  const labels = new Int32Array(n);
  const predictions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = Math.floor(random() * classes);
    labels[i] = label;
    predictions[i] = random() < 0.8 ? label : Math.floor(random() * classes);
  }
  return { labels, predictions };
}
