import { describe, expect, it } from 'vitest';
import { lossUnchecked } from '../../../src-main/core/law/law.js';
import {
  denseOptimalData,
  denseOptimalSize,
  optimalSparsity,
  sparsityThresholdData,
  trainingCompute,
} from '../../../src-main/core/law/optimal.js';
import { PRESETS, type Law } from '../../../src-main/core/law/presets.js';

const { vit, t5 } = PRESETS;

/** Independent check of the closed form: scan S on a grid, then refine by golden section. */
function numericOptimum(law: Law, nonzero: number, denseData: number): number {
  const f = (s: number) => lossUnchecked(law.coefficients, s, nonzero, (1 - s) * denseData);
  let best = 0;
  for (let i = 0; i <= 10_000; i++) {
    const s = Math.min(i / 10_000, 0.999999);
    if (f(s) < f(best)) best = s;
  }
  let lo = Math.max(0, best - 1e-4);
  let hi = Math.min(0.9999999, best + 1e-4);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 100; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (f(a) < f(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

const computeFor = (nonzero: number, denseData: number) => 6 * nonzero * denseData;

describe('optimal sparsity S_opt(N, C)', () => {
  it('matches the method note for ViT at N = 42.5M', () => {
    const n = 42_467_328;
    const expected: [number, number][] = [[1.8e9, 0.2611], [1e10, 0.6972], [1e11, 0.9086], [1e12, 0.9724]];
    for (const [d, s] of expected) expect(optimalSparsity(vit, n, computeFor(n, d)).sparsity).toBeCloseTo(s, 4);
  });

  it('matches the method note for T5 at N = 84.9M (tokens)', () => {
    const n = 84_934_656;
    const expected: [number, number][] = [[6.5536e10, 0.4412], [1e12, 0.6926], [1e13, 0.8145], [1e14, 0.888]];
    for (const [d, s] of expected) expect(optimalSparsity(t5, n, computeFor(n, d)).sparsity).toBeCloseTo(s, 4);
  });

  it('agrees with a numeric search of L(S, N, (1−S)·C/6N)', () => {
    for (const law of [vit, t5]) {
      for (const n of [1e6, 3e7, 5e8]) {
        for (const d of [1e8, 1e9, 1e10, 1e11, 1e12, 1e13]) {
          const closed = optimalSparsity(law, n, computeFor(n, d)).sparsity;
          expect(Math.abs(closed - numericOptimum(law, n, d))).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('is 0 at or below the threshold and positive above it', () => {
    const n = 42_467_328;
    const threshold = sparsityThresholdData(vit, n);
    expect(threshold).toBeCloseTo(1.006e9, -7);
    expect(optimalSparsity(vit, n, computeFor(n, threshold * 0.999)).sparsity).toBe(0);
    expect(optimalSparsity(vit, n, computeFor(n, 1e8)).sparsity).toBe(0);
    expect(optimalSparsity(vit, n, computeFor(n, threshold * 1.01)).sparsity).toBeGreaterThan(0);
  });

  it('rises with compute, stays in [0, 1), and never loses to dense', () => {
    for (const law of [vit, t5]) {
      let previous = 0;
      for (let exponent = 15; exponent <= 26; exponent += 0.5) {
        const result = optimalSparsity(law, 1e7, 10 ** exponent);
        expect(result.sparsity).toBeGreaterThanOrEqual(previous);
        expect(result.sparsity).toBeLessThan(1);
        expect(result.loss).toBeLessThanOrEqual(result.denseLoss + 1e-12);
        previous = result.sparsity;
      }
      expect(previous).toBeGreaterThan(0.9);
    }
  });

  it('reports the data and size it implies, charged at dense cost', () => {
    const n = 42_467_328;
    const c = computeFor(n, 1e10);
    const result = optimalSparsity(vit, n, c);
    expect(result.denseData).toBeCloseTo(1e10, 0);
    expect(result.data).toBeCloseTo((1 - result.sparsity) * 1e10, 0);
    expect(result.denseSize).toBeCloseTo(n / (1 - result.sparsity), 0);
    expect(trainingCompute(n, result.sparsity, result.data) / c).toBeCloseTo(1, 12);
    expect(result.computeUnit.isFlops).toBe(false);
    expect(optimalSparsity(t5, n, c).computeUnit.isFlops).toBe(true);
  });
});

describe('thresholds', () => {
  it('D_thr / D_opt is 1.2706 for ViT and 3.0148 for T5, whatever N', () => {
    for (const n of [1e6, 4.2e7, 1e9]) {
      expect(sparsityThresholdData(vit, n) / denseOptimalData(vit, n)).toBeCloseTo(1.2705521, 6);
      expect(sparsityThresholdData(t5, n) / denseOptimalData(t5, n)).toBeCloseTo(3.0147537, 6);
      expect(optimalSparsity(t5, n, 1e20).denseOptimal.thresholdRatio).toBeCloseTo(3.0147537, 6);
    }
  });

  it('dense compute-optimal data for the note’s example sizes', () => {
    expect(denseOptimalData(vit, 42_467_328)).toBeCloseTo(7.917e8, -6);
    expect(denseOptimalData(t5, 84_934_656)).toBeCloseTo(1.53e9, -7);
    expect(sparsityThresholdData(t5, 84_934_656)).toBeCloseTo(4.613e9, -7);
  });

  it('the dense compute-optimal size and data are consistent: D_opt(N_opt(C)) = C/(6·N_opt)', () => {
    for (const law of [vit, t5]) {
      for (const c of [1e17, 1e20, 1e23]) {
        const n = denseOptimalSize(law, c);
        expect(denseOptimalData(law, n) / (c / (6 * n))).toBeCloseTo(1, 9);
      }
    }
  });

  it('the dense compute-optimal size minimizes dense loss at fixed compute', () => {
    const c = 1e21;
    const n = denseOptimalSize(t5, c);
    const at = (size: number) => lossUnchecked(t5.coefficients, 0, size, c / (6 * size));
    expect(at(n)).toBeLessThan(at(n * 1.05));
    expect(at(n)).toBeLessThan(at(n / 1.05));
  });
});
