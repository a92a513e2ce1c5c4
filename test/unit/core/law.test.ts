import { describe, expect, it } from 'vitest';
import { fromNormalized, roundedForDisplay, toNormalized } from '../../../src-main/core/law/coefficients.js';
import {
  equalQualitySparse,
  extrapolation,
  loss,
  multiplier,
  multiplierCeiling,
} from '../../../src-main/core/law/law.js';
import { PRESETS, T5_TOKENS_PER_STEP, type Law } from '../../../src-main/core/law/presets.js';

const { vit, t5 } = PRESETS;

/** The notebook's own law in normalized units (N in millions; D in 1e9 images or 1e5 steps). */
function notebookLoss(family: 'vit' | 't5', s: number, nMillions: number, dNormalized: number): number {
  const [a, b, c, d, e, f, g] = PRESETS[family].notebook.coefficients;
  return (a * (1 - s) ** b + c) * nMillions ** -d + e * dNormalized ** -f + g;
}

const steps = (n: number) => n * T5_TOKENS_PER_STEP;

describe('presets in paper units', () => {
  it('convert the notebook coefficients to the values the method note derives', () => {
    expect(vit.coefficients.aS).toBeCloseTo(294.3895961785651, 9);
    expect(vit.coefficients.cS).toBeCloseTo(468.15738289900344, 9);
    expect(vit.coefficients.aD / 237_412_873.842).toBeCloseTo(1, 9);
    expect(t5.coefficients.aS).toBeCloseTo(16.787050107077444, 10);
    expect(t5.coefficients.cS).toBeCloseTo(45.01844735112024, 10);
    expect(t5.coefficients.aD / 689_991_261.918).toBeCloseTo(1, 9);
  });

  it('round to the paper table for display', () => {
    expect(roundedForDisplay(vit.coefficients)).toEqual({
      aS: 294, bS: 0.821, cS: 468, bN: 0.392, aD: 2.37e8, bD: 0.89, c: 4.517,
    });
    expect(roundedForDisplay(t5.coefficients)).toEqual({
      aS: 16.8, bS: 0.722, cS: 45, bN: 0.245, aD: 6.9e8, bD: 0.203, c: 0.651,
    });
  });

  it('give the notebook loss to float precision', () => {
    for (const [s, n, d] of [[0, 0.663552, 0.225], [0.5, 42.467328, 1.8], [0.9375, 1.327104, 0.45]] as const) {
      const raw = loss(vit, { sparsity: s, nonzero: n * 1e6, data: d * 1e9 });
      expect(raw / notebookLoss('vit', s, n, d)).toBeCloseTo(1, 13);
    }
    for (const [s, n, d] of [[0, 1.327104, 2.5], [0.875, 84.934656, 10], [0.75, 603.979776, 5]] as const) {
      const raw = loss(t5, { sparsity: s, nonzero: n * 1e6, data: steps(d * 1e5) });
      expect(raw / notebookLoss('t5', s, n, d)).toBeCloseTo(1, 13);
    }
  });

  it('round-trip between normalized and paper units', () => {
    const back = fromNormalized(toNormalized(t5.coefficients, t5.notebook.normalization), t5.notebook.normalization);
    for (const key of Object.keys(back) as (keyof typeof back)[]) {
      expect(back[key] / t5.coefficients[key]).toBeCloseTo(1, 12);
    }
  });
});

describe('published test points (method note §7)', () => {
  it('ViT predictions', () => {
    expect(loss(vit, { sparsity: 0.5, nonzero: 42_467_328, data: 1.8e9 })).toBeCloseTo(5.328286, 5);
    expect(loss(vit, { sparsity: 0, nonzero: 663_552, data: 2.25e8 })).toBeCloseTo(9.535461, 5);
    expect(loss(vit, { sparsity: 0, nonzero: 1e7, data: 1e9 })).toBeCloseTo(6.164745, 5);
    expect(loss(vit, { sparsity: 0.5, nonzero: 1e7, data: 1e9 })).toBeCloseTo(5.935246, 5);
    expect(loss(vit, { sparsity: 0.75, nonzero: 1e8, data: 1e10 })).toBeCloseTo(4.962085, 5);
  });

  it('T5 predictions', () => {
    expect(loss(t5, { sparsity: 0.875, nonzero: 84_934_656, data: steps(1e6) })).toBeCloseTo(1.603194, 5);
    expect(loss(t5, { sparsity: 0, nonzero: 1_327_104, data: steps(2.5e5) })).toBeCloseTo(3.127287, 5);
    expect(loss(t5, { sparsity: 0, nonzero: 1e8, data: 6.5536e10 })).toBeCloseTo(1.724083, 5);
    expect(loss(t5, { sparsity: 0.5, nonzero: 1e8, data: 6.5536e10 })).toBeCloseTo(1.651813, 5);
    expect(loss(t5, { sparsity: 0.75, nonzero: 1e9, data: 1e11 })).toBeCloseTo(1.333857, 5);
  });

  it('T5-XL extrapolation point: 1.4683 predicted against 1.4828 measured', () => {
    const point = { sparsity: 0.75, nonzero: 603_979_776, data: steps(500_000) };
    const predicted = loss(t5, point);
    expect(predicted).toBeCloseTo(1.4683005585, 8);
    expect((predicted - 1.4827780204906797) / 1.4827780204906797).toBeCloseTo(-0.00976, 4);
    const e = extrapolation(t5, point);
    expect(e.extrapolates).toBe(true);
    expect(e.axes.map((a) => a.axis)).toEqual(['nonzero']);
    expect(e.factor).toBeCloseTo(603_979_776 / 84_934_656, 10);
  });

  it('dense-equivalent multiplier m(S)', () => {
    const table: [Law, number[], number][] = [
      [vit, [1.596, 2.1724, 2.6339, 2.9575], 3.4688],
      [t5, [1.586, 2.1568, 2.63, 2.9807], 3.6432],
    ];
    for (const [law, values, ceiling] of table) {
      [0.5, 0.75, 0.875, 0.9375].forEach((s, i) => expect(multiplier(law, s)).toBeCloseTo(values[i]!, 3));
      expect(multiplierCeiling(law)).toBeCloseTo(ceiling, 3);
    }
    expect(multiplier(vit, 0.75)).toBeCloseTo(2.172, 3);
    expect(multiplier(t5, 0.75)).toBeCloseTo(2.157, 3);
  });
});

describe('properties', () => {
  const laws = [vit, t5];
  const grid = [0, 0.3, 0.5, 0.75, 0.9, 0.99];

  it('loss falls with N and with D at every sparsity', () => {
    for (const law of laws) {
      for (const s of grid) {
        let previous = Infinity;
        for (const n of [1e5, 1e6, 1e7, 1e8, 1e9, 1e10]) {
          const l = loss(law, { sparsity: s, nonzero: n, data: 1e10 });
          expect(l).toBeLessThan(previous);
          previous = l;
        }
        previous = Infinity;
        for (const d of [1e7, 1e8, 1e9, 1e10, 1e11, 1e12]) {
          const l = loss(law, { sparsity: s, nonzero: 1e7, data: d });
          expect(l).toBeLessThan(previous);
          previous = l;
        }
      }
    }
  });

  it('m(S) starts at 1, rises with S and stays below its ceiling', () => {
    for (const law of laws) {
      expect(multiplier(law, 0)).toBeCloseTo(1, 12);
      let previous = 1;
      for (const s of [0.1, 0.5, 0.75, 0.9, 0.99, 0.999999]) {
        const m = multiplier(law, s);
        expect(m).toBeGreaterThan(previous);
        expect(m).toBeLessThan(multiplierCeiling(law));
        previous = m;
      }
      expect(multiplier(law, 1 - 1e-12)).toBeCloseTo(multiplierCeiling(law), 4);
    }
  });

  it('a sparse model matches the dense model m(S) times its size: L(S,N,D) = L(0, m·N, D)', () => {
    for (const law of laws) {
      for (const s of [0.5, 0.75, 0.875]) {
        const sparse = loss(law, { sparsity: s, nonzero: 3e7, data: 5e9 });
        const dense = loss(law, { sparsity: 0, nonzero: multiplier(law, s) * 3e7, data: 5e9 });
        expect(sparse).toBeCloseTo(dense, 12);
      }
    }
  });

  it('the equal-quality sparse model has N/m non-zeros and N/(m(1−S)) weights before pruning', () => {
    const eq = equalQualitySparse(vit, 8e7, 0.75);
    expect(eq.nonzero).toBeCloseTo(8e7 / multiplier(vit, 0.75), 3);
    expect(eq.denseSize).toBeCloseTo(eq.nonzero * 4, 3);
    const sparse = loss(vit, { sparsity: 0.75, nonzero: eq.nonzero, data: 1e9 });
    expect(sparse).toBeCloseTo(loss(vit, { sparsity: 0, nonzero: 8e7, data: 1e9 }), 12);
  });
});

describe('extrapolation', () => {
  it('is absent inside the fitted range', () => {
    expect(extrapolation(vit, { sparsity: 0.5, nonzero: 1e7, data: 1e9 })).toMatchObject({ extrapolates: false, factor: 1 });
  });

  it('names each axis outside the range with its factor', () => {
    const e = extrapolation(vit, { sparsity: 0.96875, nonzero: 1e5, data: 3.6e9 });
    const byAxis = Object.fromEntries(e.axes.map((a) => [a.axis, a]));
    expect(byAxis.sparsity?.factor).toBeCloseTo(2, 12);
    expect(byAxis.nonzero?.side).toBe('below');
    expect(byAxis.nonzero?.factor).toBeCloseTo(6.63552, 10);
    expect(byAxis.data?.factor).toBeCloseTo(2, 12);
    expect(e.factor).toBeCloseTo(6.63552, 10);
  });

  it('says when a law carries no fitted range', () => {
    const e = extrapolation({ ...vit, fittedRange: null }, { sparsity: 0.5, nonzero: 1e12, data: 1e9 });
    expect(e).toMatchObject({ extrapolates: false, rangeKnown: false });
  });
});
