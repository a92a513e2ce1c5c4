/**
 * Savings of an option against the dense baseline, and the break-even points derived from
 * them: payback month, break-even inference volume and break-even speed-up.
 */
import { DAYS_PER_MONTH, growthSum, optionCost, type CostInputs, type OptionCost } from './costs.js';
import type { ModelOption } from './options.js';

export function shapeOf(option: ModelOption, denseSizeScale = 1) {
  return {
    sparse: option.kind === 'sparse',
    denseSize: option.denseSize * denseSizeScale,
    trainingData: option.trainingData,
    speedup: option.speedup.value,
  };
}

/** TCO(baseline) − TCO(option); positive means the option is cheaper over the horizon. */
export function savingsOf(option: ModelOption, baseline: ModelOption, x: CostInputs, denseSizeScale = 1): number {
  return optionCost(shapeOf(baseline), x).total - optionCost(shapeOf(option, denseSizeScale), x).total;
}

export interface BreakEven {
  /**
   * The month (1-based) from whose end on cumulative savings stay ≥ 0; 0 when they never fall
   * below 0; null when they are below 0 at the end of `limitMonths`.
   */
  paybackMonth: number | null;
  /** Requests per day at which savings over the horizon are zero; null when no volume changes the verdict. */
  requestsPerDay: number | null;
  /** Speed-up at which savings over the horizon are zero; null if no speed-up suffices. */
  speedup: number | null;
  /** Cumulative savings at the end of each month of the horizon. */
  cumulativeSavings: number[];
}

export function breakEven(
  option: ModelOption,
  optionCostValue: OptionCost,
  baselineCost: OptionCost,
  x: CostInputs,
  limitMonths = 240,
): BreakEven {
  const upfrontGap = baselineCost.upfront - optionCostValue.upfront;
  const perRequestGap = baselineCost.costPerRequest - optionCostValue.costPerRequest;
  const cumulativeSavings: number[] = [];
  const months = Math.max(limitMonths, x.horizonMonths);
  // The last month that ends behind (0: behind from the start); payback is the month after it.
  let lastBehind = upfrontGap < 0 ? 0 : -1;
  let cumulative = upfrontGap;
  for (let t = 0; t < months; t++) {
    cumulative += x.requestsPerDay * DAYS_PER_MONTH * (1 + x.growthPerMonth) ** t * perRequestGap;
    if (t < x.horizonMonths) cumulativeSavings.push(cumulative);
    if (cumulative < 0) lastBehind = t + 1;
  }
  const paybackMonth = lastBehind === months ? null : lastBehind < 0 ? 0 : lastBehind + 1;

  // Savings are linear in volume: zero at −upfront gap / (per-request gap · request-months).
  const requestMonths = DAYS_PER_MONTH * growthSum(x.growthPerMonth, x.horizonMonths);
  const volume = perRequestGap !== 0 ? -upfrontGap / (perRequestGap * requestMonths) : null;
  const requestsPerDay = volume !== null && volume >= 0 && Number.isFinite(volume) ? volume : null;

  // Inference cost of the option is proportional to 1/speed-up: solve savings(s) = 0.
  let speedup: number | null = null;
  if (option.kind === 'sparse' && optionCostValue.requests > 0) {
    const costAtUnitSpeedup = optionCostValue.costPerRequest * option.speedup.value * x.speedupFactor;
    const affordable = baselineCost.costPerRequest + upfrontGap / optionCostValue.requests;
    speedup = affordable > 0 ? costAtUnitSpeedup / affordable : null;
  }
  return { paybackMonth, requestsPerDay, speedup, cumulativeSavings };
}
