// Small layout helpers used between the chunk copy and the counting kernels:
// column gathers (class_id, multi-label), weight broadcasting, logits, top-k.

/** dst[j] = src[offset + j*stride] for j < count; element size 1, 4 or 8 bytes. */
export function gatherStrided(src: usize, dst: usize, elementBytes: i32, count: i32, offset: i32, stride: i32): void {
  if (elementBytes == 1) gatherOf<u8>(src, dst, count, offset, stride);
  else if (elementBytes == 4) gatherOf<u32>(src, dst, count, offset, stride);
  else gatherOf<u64>(src, dst, count, offset, stride);
}

function gatherOf<T>(src: usize, dst: usize, count: i32, offset: i32, stride: i32): void {
  let from = src + <usize>offset * sizeof<T>();
  const step = <usize>stride * sizeof<T>();
  for (let j = 0; j < count; j++) {
    store<T>(dst + <usize>j * sizeof<T>(), load<T>(from));
    from += step;
  }
}

/** Dense f64 weights from one weight per row: dst[r*K + k] = rowWeights[r]. */
export function expandRowWeights(rowWeights: usize, dst: usize, rows: i32, rowLength: i32): void {
  for (let r = 0; r < rows; r++) {
    const w = load<f64>(rowWeights + (<usize>r << 3));
    const rowStart = dst + (<usize>(r * rowLength) << 3);
    for (let k = 0; k < rowLength; k++) store<f64>(rowStart + (<usize>k << 3), w);
  }
}

/** Dense f64 weights from one pattern repeated on every row: dst[r*K + k] = pattern[k]. */
export function tileRowPattern(pattern: usize, dst: usize, rows: i32, rowLength: i32): void {
  const rowBytes = <usize>rowLength << 3;
  for (let r = 0; r < rows; r++) memory.copy(dst + <usize>r * rowBytes, pattern, rowBytes);
}

/** In place: weights[r*K + k] *= columnWeights[k]. */
export function scaleColumns(weights: usize, columnWeights: usize, rows: i32, rowLength: i32): void {
  for (let r = 0; r < rows; r++) {
    const rowStart = weights + (<usize>(r * rowLength) << 3);
    for (let k = 0; k < rowLength; k++) {
      const at = rowStart + (<usize>k << 3);
      store<f64>(at, load<f64>(at) * load<f64>(columnWeights + (<usize>k << 3)));
    }
  }
}

/** In place: f32 logits to probabilities, 1/(1+e^-x) evaluated in f64 and rounded once. */
export function sigmoidF32(values: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const at = values + (<usize>i << 2);
    const x = <f64>load<f32>(at);
    store<f32>(at, <f32>(1.0 / (1.0 + Math.exp(-x))));
  }
}

const NEG_INF: f32 = -1e10;

/**
 * In place, per row of length K: keeps the k largest predictions (ties broken
 * by lowest index, as Keras's top_k) and sets the others to -1e10.
 * `scratch` must hold K f32 values.
 */
export function filterTopK(values: usize, rows: i32, rowLength: i32, k: i32, scratch: usize): void {
  if (k >= rowLength) return;
  const rowBytes = <usize>rowLength << 2;
  for (let r = 0; r < rows; r++) {
    const row = values + <usize>r * rowBytes;
    memory.copy(scratch, row, rowBytes);
    // The k-th largest value sits at ascending position K-k.
    const kth = selectAscending(scratch, rowLength, rowLength - k);
    let greater = 0;
    for (let j = 0; j < rowLength; j++) if (load<f32>(row + (<usize>j << 2)) > kth) greater++;
    let equalKept = k - greater;
    for (let j = 0; j < rowLength; j++) {
      const at = row + (<usize>j << 2);
      const x = load<f32>(at);
      if (x > kth) continue;
      if (x == kth && equalKept > 0) { equalKept--; continue; }
      store<f32>(at, NEG_INF);
    }
  }
}

/** Quickselect: the value that would sit at index `target` if a[0..n) were sorted ascending (NaN-free input). */
function selectAscending(a: usize, n: i32, target: i32): f32 {
  let lo = 0, hi = n - 1;
  while (lo < hi) {
    const pivot = load<f32>(a + (<usize>((lo + hi) >>> 1) << 2));
    let i = lo, j = hi;
    while (i <= j) {
      while (load<f32>(a + (<usize>i << 2)) < pivot) i++;
      while (load<f32>(a + (<usize>j << 2)) > pivot) j--;
      if (i <= j) {
        const ai = a + (<usize>i << 2), aj = a + (<usize>j << 2);
        const t = load<f32>(ai); store<f32>(ai, load<f32>(aj)); store<f32>(aj, t);
        i++; j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return load<f32>(a + (<usize>target << 2));
}

/** Number of rows (of length K) holding at least one non-zero f64 weight. */
export function countNonZeroRows(weights: usize, rows: i32, rowLength: i32): i32 {
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const rowStart = weights + (<usize>(r * rowLength) << 3);
    for (let k = 0; k < rowLength; k++) {
      if (load<f64>(rowStart + (<usize>k << 3)) != 0) { count++; break; }
    }
  }
  return count;
}
