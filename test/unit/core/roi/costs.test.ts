import { describe, expect, it } from 'vitest';
import {
  costInputsFrom, DAYS_PER_MONTH, deployMonthOf, discountedGrowthSum, monthlyRate, optionCost, runningCost, upfrontCost,
  type CostedShape, type CostInputs,
} from '../../../../src-main/core/roi/costs.js';
import { scenarioWith } from '../../../support/scenarios.js';

const dense = (size: number, seen: number, extra: Partial<CostedShape> = {}): CostedShape => ({
  trainSize: size, seenData: seen, extraUniqueData: 0, engineering: false, prunedExisting: false, inferenceSize: size, speedup: 1, ...extra,
});

/** A metered language scenario with round numbers, so every cost can be checked by hand. */
function roundInputs(patch: (x: CostInputs) => void = () => {}): CostInputs {
  const x = costInputsFrom(
    scenarioWith('t5', (s) => {
      s.architecture.kind = 'decoder-only';
      s.training.pricePerHour.value = 3600; // 1 per second of one accelerator
      s.training.peakFlops.value = 1e12;
      s.training.utilisation.value = 0.5; // 5e11 useful FLOP/s
      s.training.gpus.value = 10;
      s.decision.discountRate.value = 0;
      if (s.deployment.kind !== 'metered') throw new Error('metered expected');
      s.deployment.requestsPerDay.value = 1000;
      s.deployment.unitsPerRequest.value = 100;
      s.deployment.outputTokensPerRequest.value = 0;
      s.deployment.pricePerHour.value = 3600;
      s.deployment.peakFlops.value = 2e9;
      s.deployment.utilisation.value = 0.5; // 1e9 useful FLOP/s at 1 per second
      s.deployment.growthPerMonth.value = 0;
      s.deployment.horizonMonths.value = 12;
    }),
  );
  patch(x);
  return x;
}

describe('cost model', () => {
  it('prices training as 6·N·D FLOPs at the sustained rate, and serving as 2·N per token', () => {
    const x = roundInputs();
    const shape = dense(1e6, 1e9);
    const up = upfrontCost(shape, x);
    expect(up.trainingFlops).toBe(6e15);
    expect(up.training).toBeCloseTo(6e15 / 5e11, 6); // 12,000 seconds at 1 per second
    expect(up.gpuHours).toBeCloseTo(6e15 / 5e11 / 3600, 9);
    const cost = optionCost(shape, x, 2e6 * 100);
    expect(cost.flopsPerRequest).toBe(2e8);
    // 0.2 s per request at 1 per second, 1000 requests a day, 12 months.
    expect(cost.running).toBeCloseTo(0.2 * 1000 * DAYS_PER_MONTH * 12, 6);
  });

  it('an encoder-decoder sends each token through one half: half the FLOPs of a decoder-only model', () => {
    const decoder = roundInputs();
    const encDec = roundInputs((x) => {
      x.inferenceFlopsPerParamToken = 1;
      x.trainingFlopsPerParamToken = 3;
    });
    const shape = dense(1e6, 1e9);
    expect(optionCost(shape, encDec, 1).flopsPerRequest).toBe(optionCost(shape, decoder, 1).flopsPerRequest / 2);
    expect(upfrontCost(shape, encDec).training).toBeCloseTo(upfrontCost(shape, decoder).training / 2, 9);
    const fromScenario = costInputsFrom(scenarioWith('t5'));
    expect(fromScenario.inferenceFlopsPerParamToken).toBe(1);
    expect(fromScenario.trainingFlopsPerParamToken).toBe(3);
  });

  it('present value at 0 % equals the plain sum, and discounting lowers later months', () => {
    expect(discountedGrowthSum(0, 12, 0, 0)).toBe(12);
    expect(discountedGrowthSum(0, 3, 0.1, 0)).toBeCloseTo(1 + 1.1 + 1.21, 12);
    const r = monthlyRate(0.1);
    expect((1 + r) ** 12).toBeCloseTo(1.1, 12);
    const byHand = [0, 1, 2].reduce((sum, t) => sum + 1.1 ** t / (1 + r) ** (t + 1), 0);
    expect(discountedGrowthSum(0, 3, 0.1, r)).toBeCloseTo(byHand, 12);
    expect(discountedGrowthSum(3, 3, 0.1, r)).toBe(0);
    const x0 = roundInputs();
    const x10 = roundInputs((x) => (x.monthlyDiscount = monthlyRate(0.1)));
    expect(runningCost(2e8, 2e8, 0, x10)).toBeLessThan(runningCost(2e8, 2e8, 0, x0));
  });

  it('an existing model is not charged its sunk training, and serves until its replacement is ready', () => {
    const x = roundInputs((y) => (y.status = 'trained'));
    expect(upfrontCost(dense(0, 1e9), x).training).toBe(0);
    // 6e15 FLOPs at 5e11 per second on 10 GPUs: 1,200 s of calendar time, well inside month 1.
    const quick = upfrontCost(dense(1e6, 1e9), x);
    expect(deployMonthOf(quick.deployMonths, x)).toBe(1);
    // Before month 1 the baseline's cost per request applies; afterwards the option's.
    const mixed = runningCost(1e8, 2e8, 1, x);
    expect(mixed).toBeCloseTo(1000 * DAYS_PER_MONTH * (0.2 + 0.1 * 11), 6);
    expect(deployMonthOf(2.3, x)).toBe(3);
    expect(deployMonthOf(2.3, { ...x, status: 'planned' })).toBe(0);
  });

  it('charges data beyond the baseline’s, engineering only for sparse work, and one-shot pruning by parameters', () => {
    const x = roundInputs((y) => {
      y.dataCostPerUnit = 0.001;
      y.engineeringDays = 10;
      y.dayRate = 100;
      y.tooling = 50;
      y.riskBuffer = 0.5;
      y.oneShotGpuHoursPerBillion = 2;
      y.retrainData = 1e8;
    });
    expect(upfrontCost(dense(1e6, 1e9, { extraUniqueData: 5e8 }), x).data).toBeCloseTo(5e5, 6);
    expect(upfrontCost(dense(1e6, 1e9), x).engineering).toBe(0);
    expect(upfrontCost(dense(1e6, 1e9, { engineering: true }), x).engineering).toBeCloseTo((10 * 100 + 50) * 1.5, 9);
    const pruned = upfrontCost({ ...dense(0, 1e8), inferenceSize: 1e9, engineering: true, prunedExisting: true }, x);
    // Retraining the dense shape (1e9) on 1e8 units: 6e17 FLOPs; one-shot: 2 GPU-hours per billion.
    expect(pruned.pruningFlops).toBe(6e17);
    expect(pruned.pruning).toBeCloseTo(6e17 / 5e11 + 2 * 3600, 3);
  });
});
