import { describe, expect, it } from 'vitest';
import { coefficientsDocumentFromFit } from '../../../src-main/core/law/coefficients-file.js';
import { fitLaw } from '../../../src-main/core/law/fit.js';
import { multiplierUnchecked } from '../../../src-main/core/law/law.js';
import { runPilotJob } from '../../../src-main/fit/pilot-job.js';
import { t5Runs } from '../../support/paper-runs.js';

const JOB = { family: 't5' as const, coefficients: null, budgetGpuHours: 100, gpuFlops: 312e12, utilisation: 0.4, seed: 0 };

describe('the app’s pilot job', () => {
  it('plans from the preset, or from a custom law the user fitted', () => {
    const preset = runPilotJob(JOB);
    expect(preset.plan.lawName).toContain('T5');
    expect(preset.csv.trim().split('\n')).toHaveLength(preset.plan.runs.length + 1);
    const fit = fitLaw(t5Runs(), { huberDelta: 0.001, logResiduals: true, starts: 4, seed: 1, dataUnit: 'tokens' });
    const custom = runPilotJob({ ...JOB, coefficients: coefficientsDocumentFromFit(fit, 'our law', 'fit of 48 runs'), targetSparsities: [0.75] });
    expect(custom.plan.lawName).toBe('our law');
    expect(custom.plan.prediction.multiplier[0]!.value).toBeCloseTo(multiplierUnchecked(fit.coefficients, 0.75), 12);
  });

  it('refuses a custom law whose data unit is not the family’s', () => {
    const fit = fitLaw(t5Runs(), { huberDelta: 0.001, logResiduals: true, starts: 2, seed: 1, dataUnit: 'images' });
    expect(() => runPilotJob({ ...JOB, coefficients: coefficientsDocumentFromFit(fit, 'images law', 'x') })).toThrow(/coefficients: .*images/);
  });
});
