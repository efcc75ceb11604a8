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
