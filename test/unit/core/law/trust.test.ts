import { beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFit, defaultReference, type BootstrapResult } from '../../../../src-main/core/law/bootstrap.js';
import { fitLaw, type LawFit } from '../../../../src-main/core/law/fit.js';
import { multiplierUnchecked } from '../../../../src-main/core/law/law.js';
import { coefficientStatus, trustReport, type TrustReport } from '../../../../src-main/core/law/trust.js';
import { t5Runs, vitRuns } from '../../../support/paper-runs.js';

describe('coefficient status', () => {
  it('reads tight, wide and unidentifiable from the interval around the median', () => {
    expect(coefficientStatus('aS', { low: 0.95, median: 1, high: 1.08 })).toBe('tight');
    expect(coefficientStatus('aS', { low: 0.6, median: 1, high: 1.9 })).toBe('wide');
    expect(coefficientStatus('aD', { low: 4e8, median: 8e8, high: 1e18 })).toBe('unidentifiable');
    expect(coefficientStatus('bD', { low: 0.04, median: 0.38, high: 1.1 })).toBe('unidentifiable');
  });

  it('judges the constant c by its width, and calls an interval across zero unidentifiable', () => {
    expect(coefficientStatus('c', { low: 4.4, median: 4.5, high: 4.6 })).toBe('tight');
    expect(coefficientStatus('c', { low: 3, median: 4.5, high: 6 })).toBe('wide');
    expect(coefficientStatus('c', { low: -1.1, median: 0.79, high: 1.06 })).toBe('unidentifiable');
  });
});

describe('which numbers of a fit to trust', () => {
  let t5: TrustReport;
  let t5Boot: BootstrapResult;
  let t5Fit: LawFit;
  let vit: TrustReport;
  beforeAll(() => {
    const runs = t5Runs();
    t5Fit = fitLaw(runs, { huberDelta: 0.001, logResiduals: true, starts: 8, seed: 1, dataUnit: 'tokens' });
    t5Boot = bootstrapFit(runs, t5Fit, { resamples: 100, seed: 0, level: 0.95, reference: defaultReference(runs), multiplierSparsities: [0.5, 0.75] });
    t5 = trustReport(t5Fit, t5Boot);
    const v = vitRuns();
    const vitFit = fitLaw(v, { huberDelta: 0.01, logResiduals: false, starts: 8, seed: 0, dataUnit: 'images' });
    vit = trustReport(vitFit, bootstrapFit(v, vitFit, { resamples: 30, seed: 3, level: 0.95, reference: defaultReference(v), multiplierSparsities: [0.75] }));
  });

  it('shows T5’s data term as unidentifiable while m(S) stays within ±10 %', () => {
    const status = Object.fromEntries(t5.coefficients.map((c) => [c.name, c.status]));
    expect(status.aD).toBe('unidentifiable');
    expect(status.c).toBe('unidentifiable');
    const multipliers = t5.quantities.filter((q) => q.kind === 'multiplier');
    expect(multipliers).toHaveLength(2);
    for (const q of multipliers) expect(q.flagged).toBe(false);
    expect(t5.unidentifiableButTight).toBe(true);
  });

  it('reports each derived quantity with the full fit’s value and the bootstrap’s interval', () => {
    const m75 = t5.quantities.find((q) => q.kind === 'multiplier' && q.sparsity === 0.75)!;
    expect(m75.value).toBeCloseTo(multiplierUnchecked(t5Fit.coefficients, 0.75), 12);
    expect(m75.interval).toEqual(t5Boot.multiplier.find((m) => m.sparsity === 0.75)!.interval);
    expect(m75.spread).toBeCloseTo(Math.max(m75.interval.high / m75.interval.median - 1, 1 - m75.interval.low / m75.interval.median), 12);
    const size = t5.quantities.find((q) => q.kind === 'equal-quality-size' && q.sparsity === 0.75)!;
    expect(size.value).toBeCloseTo(1 / m75.value, 12);
    expect(size.interval.median).toBeCloseTo(1 / m75.interval.median, 2);
    const sOpt = t5.quantities.find((q) => q.kind === 'optimal-sparsity')!;
    expect(sOpt.spreadUnit).toBe('points');
    expect(sOpt.interval).toEqual(t5Boot.optimalSparsity);
  });

  it('flags a quantity exactly when its interval reaches beyond ±10 %', () => {
    for (const q of [...t5.quantities, ...vit.quantities]) expect(q.flagged).toBe(q.spread > 0.1);
    expect(vit.coefficients.find((c) => c.name === 'c')!.status).not.toBe('unidentifiable');
  });
});
