import { beforeAll, describe, expect, it } from 'vitest';
import { fitLaw, type Run } from '../../../../src-main/core/law/fit.js';
import {
  lossPerRelativeSize,
  sizeEquivalentError,
  validateHeldOut,
  verdictOf,
  worseVerdict,
  type HeldOutValidation,
} from '../../../../src-main/core/law/held-out.js';
import { lossUnchecked } from '../../../../src-main/core/law/law.js';
import { PRESETS } from '../../../../src-main/core/law/presets.js';
import { t5Runs, vitRuns } from '../../../support/paper-runs.js';

const VIT = { huberDelta: 0.01, logResiduals: false, starts: 16, seed: 0, dataUnit: 'images' as const };
const T5 = { huberDelta: 0.001, logResiduals: true, starts: 16, seed: 0, dataUnit: 'tokens' as const };

function possible(v: HeldOutValidation, kind: 'largest-size' | 'longest-training') {
  const c = v.checks.find((x) => x.kind === kind)!;
  if (!c.possible) throw new Error(`${kind} check was not possible`);
  return c;
}

describe('the size-equivalent conversion', () => {
  const k = PRESETS.t5.coefficients;

  it('turns the loss gap of a slightly larger model back into its size difference', () => {
    for (const [sparsity, nonzero] of [[0, 8.5e7], [0.75, 6e8], [0.5, 2e6]] as const) {
      for (const epsilon of [0.01, -0.02]) {
        const gap = lossUnchecked(k, sparsity, nonzero, 3e10) - lossUnchecked(k, sparsity, nonzero * (1 + epsilon), 3e10);
        expect(sizeEquivalentError(k, sparsity, nonzero, gap)).toBeCloseTo(Math.log1p(epsilon), 3);
      }
    }
  });

  it('makes 1 % of loss worth about 9–17 % of model size for T5, more for ViT', () => {
    const t5 = (0.01 * lossUnchecked(k, 0, 8.49e7, 6.55e10)) / lossPerRelativeSize(k, 0, 8.49e7);
    expect(t5).toBeGreaterThan(0.09);
    expect(t5).toBeLessThan(0.17);
    const v = PRESETS.vit.coefficients;
    const vit = (0.01 * lossUnchecked(v, 0, 4.25e7, 1.8e9)) / lossPerRelativeSize(v, 0, 4.25e7);
    expect(vit).toBeGreaterThan(t5);
  });

  it('grades size-equivalent errors at ±10 % and ±25 %', () => {
    expect(verdictOf(0.1)).toBe('extrapolates-well');
    expect(verdictOf(-0.1001)).toBe('use-with-care');
    expect(verdictOf(0.25)).toBe('use-with-care');
    expect(verdictOf(0.2501)).toBe('unreliable');
    expect(worseVerdict('use-with-care', 'extrapolates-well')).toBe('use-with-care');
    expect(worseVerdict('use-with-care', 'unreliable')).toBe('unreliable');
  });
});

describe('held-out validation on runs made by a known law', () => {
  const truth = PRESETS.t5.coefficients;
  const grid: Run[] = [];
  for (const sparsity of [0, 0.5, 0.75])
    for (const nonzero of [2e6, 8e6, 3.2e7])
      for (const data of [5e9, 1e10, 2e10, 4e10]) grid.push({ sparsity, nonzero, data, loss: lossUnchecked(truth, sparsity, nonzero, data) });
  const settings = { huberDelta: 0.01, logResiduals: false, starts: 8, seed: 3, dataUnit: 'tokens' as const };

  it('finds exact runs predicted exactly: extrapolates well', () => {
    const v = validateHeldOut(grid, settings);
    expect(v.verdict).toBe('extrapolates-well');
    for (const kind of ['largest-size', 'longest-training'] as const) {
      const c = possible(v, kind);
      expect(c.meanAbsSizeError).toBeLessThan(1e-3);
      expect(c.runs).toHaveLength(kind === 'largest-size' ? 12 : 9);
    }
  });

  it('calls a law unreliable when the largest models beat it by a third of their size', () => {
    // The largest models reach the loss the law gives a model 1.4× as large: a 34 % size gap.
    const better = grid.map((r) => (r.nonzero === 3.2e7 ? { ...r, loss: lossUnchecked(truth, r.sparsity, 1.4 * r.nonzero, r.data) } : r));
    const v = validateHeldOut(better, settings);
    const size = possible(v, 'largest-size');
    // First order in the loss gap: (1 − 1.4^−b_N)/b_N = 0.323, a little below ln 1.4.
    expect(size.meanAbsSizeError).toBeGreaterThan(0.3);
    expect(size.meanAbsSizeError).toBeLessThan(Math.log(1.4));
    expect(size.worstSizeError).toBeGreaterThan(0);
    expect(size.verdict).toBe('unreliable');
    expect(v.verdict).toBe('unreliable');
  });

  it('says why a check is not possible when the rest cannot identify the law', () => {
    const twoSizes = grid.filter((r) => r.nonzero !== 8e6);
    const v = validateHeldOut(twoSizes, settings);
    const size = v.checks.find((c) => c.kind === 'largest-size')!;
    expect(size.possible).toBe(false);
    if (!size.possible) expect(size.reason).toMatchObject({ code: 'design', message: expect.stringMatching(/2 or more model sizes/) });
    expect(v.verdict).toBe(possible(v, 'longest-training').verdict);
  });
});

describe('held-out validation on the paper’s runs', () => {
  let vit: HeldOutValidation;
  let t5: HeldOutValidation;
  beforeAll(() => {
    const runs = vitRuns();
    vit = validateHeldOut(runs, fitLaw(runs, VIT).settings);
    const t5runs = t5Runs();
    t5 = validateHeldOut(t5runs, fitLaw(t5runs, T5).settings);
  });

  it('ViT: leaves out 42.5M non-zeros (12 runs) and 1.8B images (28 runs)', () => {
    const size = possible(vit, 'largest-size');
    expect(size.leftOutLevel).toBeCloseTo(42_467_328, 0);
    expect(size.runs).toHaveLength(12);
    expect(size.fittedRuns).toBe(100);
    const data = possible(vit, 'longest-training');
    expect(data.leftOutLevel).toBe(1.8e9);
    expect(data.runs).toHaveLength(28);
    // Errors of about 1 % of loss, which ViT's flat loss curve turns into 10–25 % of model size.
    expect(size.meanAbsRelativeError).toBeGreaterThan(0.005);
    expect(size.meanAbsRelativeError).toBeLessThan(0.02);
    expect(size.meanAbsSizeError).toBeGreaterThan(size.meanAbsRelativeError * 10);
    expect(vit.verdict).not.toBeNull();
  });

  it('T5: the longest-training check is impossible with 3 data levels, and says so', () => {
    const data = t5.checks.find((c) => c.kind === 'longest-training')!;
    expect(data.possible).toBe(false);
    if (!data.possible) expect(data.reason).toEqual({ code: 'too-few-data-levels', levels: 3 });
    const size = possible(t5, 'largest-size');
    expect(size.leftOutLevel).toBeCloseTo(84_934_656, 0);
    expect(size.runs).toHaveLength(12);
    expect(t5.verdict).toBe(size.verdict);
  });

  it('is stable by seed', () => {
    const runs = t5Runs();
    const other = validateHeldOut(runs, fitLaw(runs, { ...T5, seed: 7 }).settings);
    const a = possible(t5, 'largest-size');
    const b = possible(other, 'largest-size');
    expect(b.meanAbsRelativeError).toBeCloseTo(a.meanAbsRelativeError, 4);
    expect(b.meanAbsSizeError).toBeCloseTo(a.meanAbsSizeError, 3);
    expect(other.verdict).toBe(t5.verdict);
    const vitRunsList = vitRuns();
    const vitOther = validateHeldOut(vitRunsList, fitLaw(vitRunsList, { ...VIT, seed: 5 }).settings);
    expect(possible(vitOther, 'largest-size').meanAbsSizeError).toBeCloseTo(possible(vit, 'largest-size').meanAbsSizeError, 3);
    expect(possible(vitOther, 'longest-training').meanAbsSizeError).toBeCloseTo(possible(vit, 'longest-training').meanAbsSizeError, 3);
  });
});
