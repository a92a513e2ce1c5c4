import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import { equalQualitySparse, extrapolation, loss, multiplier } from '../../../src-main/core/law/law.js';
import { optimalSparsity, sparsityThresholdData, trainingCompute } from '../../../src-main/core/law/optimal.js';
import { PRESETS } from '../../../src-main/core/law/presets.js';
import { parseQuantity } from '../../../src-main/core/quantity.js';

const law = PRESETS.vit;
const good = { sparsity: 0.5, nonzero: 1e7, data: 1e9 };
const nonFinite = [NaN, Infinity, -Infinity];

function expectInputError(run: () => unknown, field: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect((error as Error).message).toContain(field);
    return;
  }
  throw new Error(`expected an InputError naming ${field}`);
}

describe('bad inputs are refused with an error naming the input', () => {
  it('sparsity outside [0, 1)', () => {
    for (const s of [-0.1, 1, 1.5, ...nonFinite]) {
      expectInputError(() => loss(law, { ...good, sparsity: s }), 'sparsity');
      expectInputError(() => multiplier(law, s), 'sparsity');
      expectInputError(() => trainingCompute(1e7, s, 1e9), 'sparsity');
    }
  });

  it('non-positive or non-finite N, D and C', () => {
    for (const v of [0, -1, ...nonFinite]) {
      expectInputError(() => loss(law, { ...good, nonzero: v }), 'nonzero');
      expectInputError(() => loss(law, { ...good, data: v }), 'data');
      expectInputError(() => extrapolation(law, { ...good, data: v }), 'data');
      expectInputError(() => optimalSparsity(law, v, 1e18), 'nonzero');
      expectInputError(() => optimalSparsity(law, 1e7, v), 'compute');
      expectInputError(() => sparsityThresholdData(law, v), 'nonzero');
      expectInputError(() => equalQualitySparse(law, v, 0.5), 'denseParams');
    }
  });

  it('values that are not numbers at all', () => {
    expectInputError(() => loss(law, { ...good, nonzero: '1e7' as unknown as number }), 'nonzero');
  });

  it('coefficients that make the law non-finite', () => {
    const broken = { ...law, coefficients: { ...law.coefficients, bN: 400 } };
    expectInputError(() => loss(broken, { ...good, nonzero: 1e-3 }), 'loss');
  });

  it('quantities people type', () => {
    expect(parseQuantity('n', '85M')).toBe(85e6);
    expect(parseQuantity('n', '1.8B')).toBe(1.8e9);
    expect(parseQuantity('n', '2T')).toBe(2e12);
    expect(parseQuantity('n', '1,000,000')).toBe(1e6);
    expect(parseQuantity('n', '6.5536e10')).toBe(6.5536e10);
    for (const bad of ['', 'abc', '5m', '1e', '1e999', '1.2.3', '--1']) expectInputError(() => parseQuantity('n', bad), 'n');
  });
});
