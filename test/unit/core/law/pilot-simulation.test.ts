import { describe, expect, it } from 'vitest';
import { lossUnchecked } from '../../../../src-main/core/law/law.js';
import { linearisedWidths, PAPER_RESIDUAL_SPREAD, simulateWidths } from '../../../../src-main/core/law/pilot-simulation.js';
import { PRESETS } from '../../../../src-main/core/law/presets.js';
import { t5Runs, vitRuns } from '../../../support/paper-runs.js';

const TARGETS = { sparsities: [0.5, 0.75], nonzero: 8.5e7, data: 1.8e9 };

function grid(sizes: number[]) {
  const points = [];
  for (const sparsity of [0, 0.5, 0.75]) for (const nonzero of sizes) for (const data of [2e8, 4e8, 8e8, 1.6e9]) points.push({ sparsity, nonzero, data });
  return points;
}

describe('the residual spread of the paper’s runs', () => {
  it('is the RMS of log(measured/predicted) at the published coefficients', () => {
    for (const [family, runs] of [['vit', vitRuns()], ['t5', t5Runs()]] as const) {
      const logs = runs.map((r) => Math.log(r.loss / lossUnchecked(PRESETS[family].coefficients, r.sparsity, r.nonzero, r.data)));
      const rms = Math.sqrt(logs.reduce((s, v) => s + v * v, 0) / logs.length);
      expect(PAPER_RESIDUAL_SPREAD[family].sigma).toBeCloseTo(rms, 5);
    }
  });
});

describe('predicted widths', () => {
  it('shrink with less noise and wider size ranges, and are infinite when one size cannot identify b_N', () => {
    const wide = linearisedWidths(PRESETS.vit, grid([1e6, 4e6, 1.6e7]), 0.01, TARGETS).multiplier[1]!.halfWidth;
    const narrow = linearisedWidths(PRESETS.vit, grid([1e6, 1.4e6, 2e6]), 0.01, TARGETS).multiplier[1]!.halfWidth;
    const quiet = linearisedWidths(PRESETS.vit, grid([1e6, 4e6, 1.6e7]), 0.005, TARGETS).multiplier[1]!.halfWidth;
    expect(narrow).toBeGreaterThan(wide);
    expect(quiet).toBeCloseTo(wide / 2, 6);
    expect(linearisedWidths(PRESETS.vit, grid([4e6]), 0.01, TARGETS).multiplier[1]!.halfWidth).toBe(Infinity);
  });

  it('simulated widths agree with the linearised ones on a well-identified grid, and repeat by seed', () => {
    const points = grid([1e6, 4e6, 1.6e7]);
    const settings = { sigma: 0.01, residuals: { huberDelta: 0.001, logResiduals: true }, realisations: 48, seed: 4, extraStarts: 1 };
    const sim = simulateWidths(PRESETS.vit, points, TARGETS, settings);
    const lin = linearisedWidths(PRESETS.vit, points, 0.01, TARGETS);
    expect(sim.failed).toBe(0);
    sim.multiplier.forEach((m, i) => {
      expect(m.value).toBe(lin.multiplier[i]!.value);
      expect(m.halfWidth / lin.multiplier[i]!.halfWidth).toBeGreaterThan(0.6);
      expect(m.halfWidth / lin.multiplier[i]!.halfWidth).toBeLessThan(1.6);
    });
    expect(simulateWidths(PRESETS.vit, points, TARGETS, settings)).toEqual(sim);
  });
});
