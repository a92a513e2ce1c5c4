/**
 * Benchmark weights, made at run time from a seed: dense layers, the same layers with exactly
 * round(S·K·N) weights zeroed, and the CSR form the sparse kernel consumes. Every process that
 * builds a model from the same seed gets bit-identical weights, which is what lets the sparse
 * kernel's output (one process) be checked against zeroed dense (another process).
 */

/** One MatMul layer Y[M,N] = X[M,K] · W[K,N]; weights are row-major [K, N] float32. */
export interface LayerShape {
  /** K: the inner (reduction) dimension. */
  inner: number;
  /** N: output features. */
  outer: number;
}

/**
 * A fast 32-bit generator (xoshiro128**, seeded through splitmix32). Weight generation draws
 * tens of millions of numbers per run; this keeps it to milliseconds per layer. Statistical
 * quality only needs to be good enough for benchmark weights and pruning masks.
 */
export class WeightRandom {
  // State in a typed array: as object fields, 32-bit values beyond V8's small integers would be
  // boxed on every step, which made generation five times slower.
  private readonly s = new Int32Array(4);

  constructor(seed: number, stream: number) {
    let x = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream >>> 0, 0x85ebca6b)) | 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
    this.s[3] = this.s[3]! | 1; // the all-zero state is the one state xoshiro cannot leave
  }

  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = rotl(n3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n) for n ≤ 2³²; the bias of the multiply-shift is below 2⁻³² · n. */
  nextIndex(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Streams keep each layer's weights and each pruning mask independent of the others. */
export const STREAM = {
  input: 1,
  denseLayer: (layer: number) => 1000 + layer,
  upperBoundLayer: (layer: number) => 100_000 + layer,
  pruneLayer: (layer: number, sparsity: number) => 1_000_000 + layer * 10_000 + Math.round(sparsity * 10_000),
} as const;

/** Uniform in [−scale, scale). */
export function seededUniform(seed: number, stream: number, count: number, scale: number): Float32Array {
  const random = new WeightRandom(seed, stream);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (random.nextFloat() * 2 - 1) * scale;
  return out;
}

/**
 * Half-width of uniform weights that keep activations at unit variance through a layer with
 * `inner` non-zero inputs per output (Var U(−a, a) = a²/3, summed over `inner` terms). Without it
 * a deep chain shrinks its activations into denormals, and the benchmark would time the FPU's
 * slow path instead of the MatMul.
 */
export function varianceKeepingScale(inner: number): number {
  return Math.sqrt(3 / inner);
}

/** Dense weights of layer `layer` of a chain. */
export function denseLayerWeights(seed: number, layer: number, shape: LayerShape): Float32Array {
  return seededUniform(seed, STREAM.denseLayer(layer), shape.inner * shape.outer, varianceKeepingScale(shape.inner));
}

/** Number of weights zeroed at sparsity S: exactly round(S·count). */
export function zeroCount(count: number, sparsity: number): number {
  return Math.round(sparsity * count);
}

/**
 * A copy of `dense` with exactly round(S·length) entries set to zero, every such subset equally
 * likely: selection sampling (Knuth's Algorithm S) zeroes position i with probability
 * (zeros still needed) / (positions left). One sequential pass and one draw per weight, no index
 * array — a 4M-weight layer takes tens of milliseconds. Survivors are multiplied by survivorScale.
 */
export function pruneExactly(dense: Float32Array, sparsity: number, seed: number, stream: number, survivorScale = 1): Float32Array {
  const length = dense.length;
  let needed = zeroCount(length, sparsity);
  const random = new WeightRandom(seed, stream);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    if (needed > 0 && random.nextFloat() * (length - i) < needed) needed--;
    else out[i] = dense[i]! * survivorScale;
  }
  return out;
}

/**
 * A copy of `dense` [K, N] pruned 2:4 along K, the pattern NVIDIA's sparse tensor cores (and
 * TensorRT's sparse tactics) accelerate: in every group of 4 consecutive inputs of each output,
 * the 2 smallest-magnitude weights are zeroed (a shorter last group keeps at most 2). Survivors
 * are multiplied by survivorScale.
 */
export function pruneTwoFour(dense: Float32Array, shape: LayerShape, survivorScale = 1): Float32Array {
  const { inner: k, outer: n } = shape;
  const out = new Float32Array(dense.length);
  for (let k0 = 0; k0 < k; k0 += 4) {
    const size = Math.min(4, k - k0);
    for (let c = 0; c < n; c++) {
      // The two largest magnitudes of the group (ties keep the earlier input); no allocation per group.
      let first = -1;
      let second = -1;
      for (let i = 0; i < size; i++) {
        const at = (k0 + i) * n + c;
        const m = Math.abs(dense[at]!);
        if (first < 0 || m > Math.abs(dense[first]!)) {
          second = first;
          first = at;
        } else if (second < 0 || m > Math.abs(dense[second]!)) {
          second = at;
        }
      }
      out[first] = dense[first]! * survivorScale;
      if (second >= 0) out[second] = dense[second]! * survivorScale;
    }
  }
  return out;
}

/** Non-zero weights a 2:4 layer keeps: 2 of every 4 inputs per output, all of a last group of 1 or 2. */
export function twoFourNonzeros(shape: LayerShape): number {
  const full = Math.floor(shape.inner / 4);
  const rest = shape.inner % 4;
  return (2 * full + Math.min(2, rest)) * shape.outer;
}

export function countNonZero(weights: Float32Array): number {
  let n = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) n++;
  return n;
}

/**
 * Wᵀ in CSR, the layout `SparseToDenseMatMul` wants for Y = X·W: it multiplies a sparse A by a
 * dense B, so A = Wᵀ [N, K] and B = X [M, K] with transB = 1. Row n of A lists the non-zero
 * W[k][n] in increasing k. Indices are int64, as ORT's CSR fill function takes them.
 */
export interface CsrMatrix {
  rows: number;
  columns: number;
  values: Float32Array;
  /** Column index of each value. */
  inner: BigInt64Array;
  /** rows + 1 offsets into values. */
  outer: BigInt64Array;
}

export function csrOfTranspose(weights: Float32Array, shape: LayerShape): CsrMatrix {
  const { inner: k, outer: n } = shape;
  const counts = new Int32Array(n);
  for (let r = 0; r < k; r++) {
    const row = r * n;
    for (let c = 0; c < n; c++) if (weights[row + c] !== 0) counts[c]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) offsets[c + 1] = offsets[c]! + counts[c]!;
  const nnz = offsets[n]!;
  const values = new Float32Array(nnz);
  const columnOf = new Int32Array(nnz);
  const cursor = offsets.slice(0, n);
  for (let r = 0; r < k; r++) {
    const row = r * n;
    for (let c = 0; c < n; c++) {
      const w = weights[row + c]!;
      if (w !== 0) {
        const at = cursor[c]!++;
        values[at] = w;
        columnOf[at] = r;
      }
    }
  }
  return { rows: n, columns: k, values, inner: toInt64(columnOf), outer: toInt64(offsets) };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Non-negative int32 values widened to int64. On little-endian machines (every platform ORT ships
 * for) it writes the low words through an Int32Array view: converting millions of values one
 * BigInt at a time took a quarter of a second per layer.
 */
function toInt64(values: Int32Array): BigInt64Array {
  const out = new BigInt64Array(values.length);
  if (LITTLE_ENDIAN) {
    const words = new Int32Array(out.buffer);
    for (let i = 0; i < values.length; i++) words[2 * i] = values[i]!;
  } else {
    for (let i = 0; i < values.length; i++) out[i] = BigInt(values[i]!);
  }
  return out;
}

/** Y[M,N] = X[M,K] · W[K,N], plainly, in float64 accumulators: the reference in tests. */
export function referenceMatMul(x: Float32Array, weights: Float32Array, m: number, shape: LayerShape): Float32Array {
  const { inner: k, outer: n } = shape;
  const out = new Float32Array(m * n);
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let r = 0; r < k; r++) {
      const a = x[i * k + r]!;
      if (a === 0) continue;
      const base = r * n;
      for (let c = 0; c < n; c++) row[c]! += a * weights[base + c]!;
    }
    for (let c = 0; c < n; c++) out[i * n + c] = row[c]!;
  }
  return out;
}

/**
 * max |a − b| / max |b|: the error relative to the reference's scale, so one tolerance fits
 * outputs of any magnitude. Infinity when the lengths differ, a value is not finite, or the
 * reference is all zeros.
 */
export function relativeMaxDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return Infinity;
    diff = Math.max(diff, Math.abs(x - y));
    scale = Math.max(scale, Math.abs(y));
  }
  // An all-zero reference checks nothing; report it as a failure rather than a perfect match.
  return scale === 0 ? Infinity : diff / scale;
}
