import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, costInputsFrom, growthSum, optionCost } from '../../../../src-main/core/roi/costs.js';
import { evaluateScenario } from '../../../../src-main/core/roi/evaluate.js';
import { savingsOf } from '../../../../src-main/core/roi/savings.js';
import { scenarioWith } from '../../../support/scenarios.js';

/**
 * A scenario with round numbers, checked by hand:
 * 1e8 params, 1e10 tokens, $1/h for 1e15 FLOP/s at 100 % (so $1 per 3.6e18 FLOPs),
 * 1,000 requests/day of 100 tokens, no growth, 12 months, inference $1/h for 1e12 FLOP/s at 100 %.
 */
const handScenario = () =>
  scenarioWith('t5', (s) => {
    s.baseline.params.value = 1e8;
    s.baseline.trainingData.value = 1e10;
    s.baseline.availableData.value = 1e10;
    s.training.pricePerHour.value = 1;
    s.training.peakFlops.value = 1e15;
    s.training.utilisation.value = 1;
    s.engineering.personDays.value = 10;
    s.engineering.dayRate.value = 100;
    s.engineering.tooling.value = 500;
    s.engineering.riskBuffer.value = 0.5;
    s.deployment.requestsPerDay.value = 1000;
    s.deployment.unitsPerRequest.value = 100;
    s.deployment.growthPerMonth.value = 0;
    s.deployment.horizonMonths.value = 12;
    s.deployment.pricePerHour.value = 1;
    s.deployment.peakFlops.value = 1e12;
    s.deployment.utilisation.value = 1;
    s.deployment.speedup = { source: 'assumed', provider: 'cpu', useUpperBound: false, assumed: [{ sparsity: 0.5, value: 2 }] };
    s.sparsity.candidates = [0.5];
    s.sparsity.includeOptimal = false;
  });

describe('cost model, by hand', () => {
  const x = costInputsFrom(handScenario());

  it('prices the dense baseline', () => {
    const cost = optionCost({ sparse: false, denseSize: 1e8, trainingData: 1e10, speedup: 1 }, x);
    expect(cost.trainingFlops).toBe(6e18);
    expect(cost.training).toBeCloseTo(6e18 / 1e15 / 3600, 10); // 1.6667 hours at $1
    expect(cost.engineering).toBe(0);
    expect(cost.flopsPerRequest).toBe(2e10);
    expect(cost.costPerRequest).toBeCloseTo(2e10 / 1e12 / 3600, 15);
    expect(cost.requests).toBeCloseTo(1000 * DAYS_PER_MONTH * 12, 6);
    expect(cost.inference).toBeCloseTo(1000 * DAYS_PER_MONTH * 12 * (0.02 / 3600), 9);
    expect(cost.total).toBeCloseTo(cost.training + cost.inference, 9);
  });

  it('prices a sparse option: engineering with risk buffer, inference divided by the speed-up', () => {
    const cost = optionCost({ sparse: true, denseSize: 2e8, trainingData: 1e10, speedup: 4 }, x);
    expect(cost.engineering).toBe((10 * 100 + 500) * 1.5);
    expect(cost.flopsPerRequest).toBe((2 * 2e8 * 100) / 4);
    expect(cost.pruning).toBe(0);
    const retrain = optionCost({ sparse: true, denseSize: 2e8, trainingData: 1e10, speedup: 4 }, { ...x, route: 'prune-retrain', retrainFraction: 0.5 });
    expect(retrain.pruningFlops).toBe(0.5 * 6 * 2e8 * 1e10);
  });

  it('counts tokens per image in vision FLOPs', () => {
    const vision = costInputsFrom(scenarioWith('vit'));
    const cost = optionCost({ sparse: false, denseSize: 1e8, trainingData: 1e9, speedup: 1 }, vision);
    expect(cost.trainingFlops).toBe(6 * 1e8 * 1e9 * 197);
    expect(cost.flopsPerRequest).toBe(2 * 1e8 * 1 * 197);
  });

  it('sums growing monthly volume as a geometric series', () => {
    expect(growthSum(0, 12)).toBe(12);
    expect(growthSum(0.1, 3)).toBeCloseTo(1 + 1.1 + 1.21, 12);
    expect(growthSum(-0.1, 2)).toBeCloseTo(1.9, 12);
  });

  it('break-even volume, speed-up and payback are consistent with the savings they describe', () => {
    const scenario = handScenario();
    scenario.deployment.requestsPerDay.value = 5e6;
    const result = evaluateScenario(scenario);
    const sparse = result.options.find((o) => o.kind === 'sparse')!;
    const baseline = result.options[0]!;
    const inputs = result.inputs;
    expect(sparse.savings).toBeCloseTo(savingsOf(sparse, baseline, inputs), 6);
    const volume = sparse.breakEven.requestsPerDay!;
    expect(Math.abs(savingsOf(sparse, baseline, { ...inputs, requestsPerDay: volume }))).toBeLessThan(1e-6 * sparse.cost.total);
    const speedup = sparse.breakEven.speedup!;
    expect(Math.abs(savingsOf(sparse, baseline, { ...inputs, speedupFactor: speedup / sparse.speedup.value }))).toBeLessThan(1e-6 * sparse.cost.total);
    const month = sparse.breakEven.paybackMonth!;
    expect(month).toBeGreaterThan(0);
    expect(sparse.breakEven.cumulativeSavings[month - 1]).toBeGreaterThanOrEqual(0);
    if (month > 1) expect(sparse.breakEven.cumulativeSavings[month - 2]).toBeLessThan(0);
    expect(sparse.breakEven.cumulativeSavings.at(-1)).toBeCloseTo(sparse.savings, 4);
  });
});

describe('invariants', () => {
  it('every option costs more over a longer horizon', () => {
    for (const preset of ['vit', 't5'] as const) {
      let previous: number[] | null = null;
      for (const months of [1, 6, 12, 36, 120]) {
        const result = evaluateScenario(scenarioWith(preset, (s) => (s.deployment.horizonMonths.value = months)));
        const totals = result.options.filter((o) => o.kind !== 'smaller-dense').map((o) => o.cost.total);
        if (previous) totals.forEach((t, i) => expect(t).toBeGreaterThan(previous![i]!));
        previous = totals;
      }
    }
  });

  it('a higher speed-up never raises the cost of a sparse option', () => {
    let previous = Infinity;
    for (const speedup of [0.5, 1, 1.5, 2, 4, 8, 20]) {
      const result = evaluateScenario(
        scenarioWith('t5', (s) => {
          s.deployment.speedup = { source: 'assumed', provider: 'cpu', useUpperBound: false, assumed: [{ sparsity: 0.75, value: speedup }] };
        }),
      );
      const sparse = result.options.find((o) => o.id === 'sparse-0.75')!;
      expect(sparse.cost.total).toBeLessThanOrEqual(previous);
      previous = sparse.cost.total;
    }
  });

  it('every option reaches the baseline’s predicted loss', () => {
    const result = evaluateScenario(scenarioWith('vit'));
    for (const option of result.options) expect(option.loss).toBeCloseTo(result.targetLoss, 9);
  });
});

describe('break-even when the option is ahead up front but dearer per request', () => {
  it('reports no payback once it falls behind, and the volume above which it stops paying', async () => {
    const { breakEven } = await import('../../../../src-main/core/roi/savings.js');
    const x = { ...costInputsFrom(scenarioWith('t5')), requestsPerDay: 1000, growthPerMonth: 0, horizonMonths: 12 };
    const base = { upfront: 100, costPerRequest: 0.001, requests: 1000 * DAYS_PER_MONTH * 12 } as Parameters<typeof breakEven>[2];
    const option = { ...base, upfront: 50, costPerRequest: 0.002 };
    const sparse = { kind: 'sparse', speedup: { value: 1 } } as Parameters<typeof breakEven>[0];
    const behind = breakEven(sparse, option, base, x);
    // Ahead by 50 at the start, losing about 30.4 a month: behind from month 2 to the end.
    expect(behind.paybackMonth).toBeNull();
    expect(behind.requestsPerDay).toBeCloseTo(50 / (0.001 * DAYS_PER_MONTH * 12), 6);
    // At one request a day it loses 0.03 a month: still ahead after the 240 months looked at.
    const stays = breakEven(sparse, option, base, { ...x, requestsPerDay: 1 });
    expect(stays.paybackMonth).toBe(0);
  });
});
