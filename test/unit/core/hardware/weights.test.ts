import { describe, expect, it } from 'vitest';
import {
  countNonZero,
  csrOfTranspose,
  denseLayerWeights,
  pruneExactly,
  pruneTwoFour,
  referenceMatMul,
  relativeMaxDifference,
  seededUniform,
  twoFourNonzeros,
  WeightRandom,
  zeroCount,
} from '../../../../src-main/core/hardware/weights.js';

describe('seeded weights', () => {
  it('repeats for the same seed and stream, and differs for another', () => {
    const a = seededUniform(7, 3, 1000, 1);
    expect(seededUniform(7, 3, 1000, 1)).toEqual(a);
    expect(seededUniform(7, 4, 1000, 1)).not.toEqual(a);
    expect(seededUniform(8, 3, 1000, 1)).not.toEqual(a);
  });

  it('stays within [−scale, scale) and is centred', () => {
    const values = seededUniform(1, 1, 100_000, 0.5);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    expect(min).toBeGreaterThanOrEqual(-0.5);
    expect(max).toBeLessThan(0.5);
    // Both ends are reached: the whole range is used.
    expect(max - min).toBeGreaterThan(0.999);
    // Mean of 1e5 uniforms on [−0.5, 0.5): standard error 0.29/√1e5 ≈ 9e-4.
    expect(Math.abs(sum / values.length)).toBeLessThan(5e-3);
  });

  it('keeps the variance of a layer’s output at that of its input', () => {
    const shape = { inner: 512, outer: 256 };
    const w = denseLayerWeights(3, 0, shape);
    const x = seededUniform(3, 99, 8 * shape.inner, Math.sqrt(3)); // unit variance
    const y = referenceMatMul(x, w, 8, shape);
    const variance = y.reduce((s, v) => s + v * v, 0) / y.length;
    expect(variance).toBeGreaterThan(0.8);
    expect(variance).toBeLessThan(1.25);
  });

  it('draws indices uniformly enough to spread zeros evenly', () => {
    const random = new WeightRandom(5, 5);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[random.nextIndex(10)]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('exact pruning', () => {
  const dense = seededUniform(11, 1, 10_001, 1);

  it.each([0.5, 0.75, 0.875, 0.9, 0.95, 0.3333])('zeroes exactly round(S·n) weights at S = %s', (s) => {
    const pruned = pruneExactly(dense, s, 1, 2);
    expect(pruned.length).toBe(dense.length);
    expect(dense.length - countNonZero(pruned)).toBe(zeroCount(dense.length, s));
    expect(zeroCount(10_001, 0.5)).toBe(5001);
  });

  it('keeps every surviving weight, scaled as asked', () => {
    const pruned = pruneExactly(dense, 0.9, 1, 2, 2);
    const changed = Array.from(pruned).filter((v, i) => v !== 0 && v !== Math.fround(dense[i]! * 2));
    expect(changed).toEqual([]);
  });

  it('is seeded: same mask for the same stream, another for another', () => {
    const mask = (p: Float32Array) => Array.from(p, (v) => (v === 0 ? 0 : 1)).join('');
    expect(mask(pruneExactly(dense, 0.75, 1, 2))).toBe(mask(pruneExactly(dense, 0.75, 1, 2)));
    expect(mask(pruneExactly(dense, 0.75, 1, 3))).not.toBe(mask(pruneExactly(dense, 0.75, 1, 2)));
  });

  it('spreads the zeros over the whole matrix, not towards one end', () => {
    const pruned = pruneExactly(new Float32Array(100_000).fill(1), 0.9, 4, 4);
    const zerosIn = (from: number, to: number) => to - from - countNonZero(pruned.subarray(from, to));
    for (let q = 0; q < 4; q++) expect(Math.abs(zerosIn(q * 25_000, (q + 1) * 25_000) - 22_500)).toBeLessThan(300);
  });
});

describe('CSR of the transpose', () => {
  it('lists each output column’s non-zeros in increasing input index', () => {
    // W [K=3, N=2] row-major: W = [[1, 0], [0, 2], [3, 4]]; Wᵀ = [[1, 0, 3], [0, 2, 4]].
    const csr = csrOfTranspose(Float32Array.of(1, 0, 0, 2, 3, 4), { inner: 3, outer: 2 });
    expect(csr.rows).toBe(2);
    expect(csr.columns).toBe(3);
    expect(Array.from(csr.values)).toEqual([1, 3, 2, 4]);
    expect(Array.from(csr.inner, Number)).toEqual([0, 2, 1, 2]);
    expect(Array.from(csr.outer, Number)).toEqual([0, 2, 4]);
  });

  it('rebuilds the pruned matrix exactly', () => {
    const shape = { inner: 37, outer: 23 };
    const w = pruneExactly(seededUniform(2, 2, shape.inner * shape.outer, 1), 0.8, 2, 9);
    const csr = csrOfTranspose(w, shape);
    const rebuilt = new Float32Array(w.length);
    for (let n = 0; n < csr.rows; n++) {
      for (let at = Number(csr.outer[n]); at < Number(csr.outer[n + 1]); at++) rebuilt[Number(csr.inner[at]) * shape.outer + n] = csr.values[at]!;
    }
    expect(rebuilt).toEqual(w);
    expect(csr.values.length).toBe(countNonZero(w));
  });
});

describe('reference MatMul and output comparison', () => {
  it('multiplies a small example by hand', () => {
    // X [2, 3] · W [3, 2]
    const y = referenceMatMul(Float32Array.of(1, 2, 3, 4, 5, 6), Float32Array.of(1, 0, 0, 1, 1, 1), 2, { inner: 3, outer: 2 });
    expect(Array.from(y)).toEqual([4, 5, 10, 11]);
  });

  it('measures the largest difference relative to the reference’s scale', () => {
    expect(relativeMaxDifference(Float32Array.of(1, 2.002), Float32Array.of(1, 2))).toBeCloseTo(0.001, 6);
    expect(relativeMaxDifference(Float32Array.of(1, 2), Float32Array.of(1, 2))).toBe(0);
    expect(relativeMaxDifference(Float32Array.of(1), Float32Array.of(1, 2))).toBe(Infinity);
    expect(relativeMaxDifference(Float32Array.of(NaN), Float32Array.of(1))).toBe(Infinity);
    // An all-zero reference proves nothing.
    expect(relativeMaxDifference(Float32Array.of(0, 0), Float32Array.of(0, 0))).toBe(Infinity);
  });
});

describe('2:4 pruning', () => {
  it('keeps the two largest of every 4 consecutive inputs of each output, scaled', () => {
    // K = 4, N = 2: column 0 is 1, −4, 3, 2 → keeps −4 and 3; column 1 is 0.5 everywhere → keeps the first two.
    const dense = Float32Array.from([1, 0.5, -4, 0.5, 3, 0.5, 2, 0.5]);
    expect(Array.from(pruneTwoFour(dense, { inner: 4, outer: 2 }, 2))).toEqual([0, 1, -8, 1, 6, 0, 0, 0]);
  });

  it('leaves exactly 2 of every 4 along K, and at most 2 in a shorter last group', () => {
    const shape = { inner: 10, outer: 7 };
    const pruned = pruneTwoFour(denseLayerWeights(3, 0, shape), shape);
    for (let c = 0; c < shape.outer; c++) {
      for (let k0 = 0; k0 < shape.inner; k0 += 4) {
        let kept = 0;
        for (let k = k0; k < Math.min(k0 + 4, shape.inner); k++) if (pruned[k * shape.outer + c] !== 0) kept++;
        expect(kept).toBe(2);
      }
    }
    expect(countNonZero(pruned)).toBe(twoFourNonzeros(shape));
    expect(twoFourNonzeros({ inner: 9, outer: 3 })).toBe((4 + 1) * 3);
  });
});
