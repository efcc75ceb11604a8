// The standard normal distribution's upper tail and its inverse, accurate to a
// few units in the last place across the range p-values and confidence levels
// use (no dependency; the tail comes from erfc, the quantile from Newton steps on it).

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

/** erf by its all-positive series e^{-x²}·Σ 2ⁿx^{2n+1}/(2n+1)!! (no cancellation; for |x| < 2). */
function erfSeries(x: number): number {
  const twoXSquared = 2 * x * x;
  let term = x, sum = x;
  for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
    term *= twoXSquared / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/** erfc by its continued fraction x + (1/2)/(x + 1/(x + (3/2)/(x + ...))) (modified Lentz; for x ≥ 2). */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x, c = x, d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
}

/** The complementary error function, with full relative precision in the upper tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfSeries(x);
  if (x > 27.3) return 0;   // below the smallest subnormal
  return erfcContinuedFraction(x);
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z * Math.SQRT1_2);
}

/** The z with P(Z > z) = tail, for tail in (0, 0.5]. */
export function normalUpperQuantile(tail: number): number {
  if (!(tail > 0 && tail <= 0.5)) return NaN;
  if (tail === 0.5) return 0;
  // Abramowitz & Stegun 26.2.23 (error < 4.5e-4) as a start, then Newton steps on the exact tail.
  const t = Math.sqrt(-2 * Math.log(tail));
  let z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let step = 0; step < 50; step++) {
    const density = ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
    const change = (normalUpperTail(z) - tail) / density;
    z += change;
    if (Math.abs(change) <= 1e-15 * Math.max(Math.abs(z), 1e-3)) break;
  }
  return z;
}
