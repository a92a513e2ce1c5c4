/**
 * The ROI engine's entry point: a scenario (and optionally a hardware-check result) in, the
 * equal-quality options with their costs, savings, break-even points, sensitivity, Monte Carlo
 * and recommendation out. Pure and fast enough to run on every keystroke.
 */
import { parseCoefficientsDocument } from '../law/coefficients-file.js';
import type { OptimalSparsity } from '../law/optimal.js';
import { LAW_UNCERTAINTY_CITATION, PRESETS, type Law } from '../law/presets.js';
import type { BenchmarkResult } from '../hardware/benchmark-result.js';
import { costInputsFrom, optionCost, type CostInputs, type OptionCost } from './costs.js';
import { monteCarlo, type LawUncertainty, type MonteCarloResult } from './montecarlo.js';
import { buildOptions, type ModelOption } from './options.js';
import { effectiveRanges, type EffectiveRange } from './ranges.js';
import { recommend, type Recommendation } from './recommend.js';
import { breakEven, shapeOf, type BreakEven } from './savings.js';
import { dataUnitOf, type Scenario } from './scenario.js';
import { switchingValues, tornado, type SwitchingValue, type TornadoBar } from './sensitivity.js';

export interface EvaluatedOption extends ModelOption {
  cost: OptionCost;
  /** TCO(baseline) − TCO(option) over the horizon. */
  savings: number;
  breakEven: BreakEven;
}

export interface DataPosition {
  dataUnit: 'images' | 'tokens';
  trainingData: number;
  availableData: number;
  /** Dense-equivalent data above which sparsity pays for the baseline's size. */
  thresholdData: number;
  trainingRatio: number;
  availableRatio: number;
  /** Data at which the dense baseline would be compute-optimal. */
  denseOptimalData: number;
}

export interface RoiResult {
  scenarioName: string;
  currency: string;
  law: Pick<Law, 'id' | 'name' | 'dataUnit' | 'source' | 'coefficients' | 'fittedRange'>;
  targetLoss: number;
  optimal: OptimalSparsity;
  dataPosition: DataPosition;
  inputs: CostInputs;
  options: EvaluatedOption[];
  smallerDenseUnavailable: string | null;
  /** The sparse option with the largest savings in the base case. */
  bestSparseId: string;
  ranges: EffectiveRange[];
  tornado: TornadoBar[];
  switchingValues: SwitchingValue[];
  monteCarlo: MonteCarloResult;
  recommendation: Recommendation;
  benchmarkId: string | null;
}

export function lawForScenario(scenario: Scenario): Law {
  return scenario.family.kind === 'preset'
    ? PRESETS[scenario.family.preset]
    : parseCoefficientsDocument(scenario.family.coefficients, 'scenario.family.coefficients');
}

/** A custom law fitted without a bootstrap carries a wide, stated spread. */
const CUSTOM_LAW_UNCERTAINTY: LawUncertainty = {
  low: 0.8,
  high: 1.2,
  source: 'Sparsity Advisor default for custom fits: ±20 % on m(S) − 1 (2026-11-27)',
};

function lawUncertaintyFor(scenario: Scenario): LawUncertainty | null {
  if (!scenario.uncertainty.law) return null;
  if (scenario.family.kind === 'custom') {
    const own = scenario.family.coefficients.uncertainty;
    return own
      ? { ...own.multiplierExcess90, source: `bootstrap of the fit’s runs (${own.resamples} resamples, seed ${own.seed})` }
      : CUSTOM_LAW_UNCERTAINTY;
  }
  const preset = PRESETS[scenario.family.preset];
  return { ...preset.multiplierExcess90, source: LAW_UNCERTAINTY_CITATION };
}

export function evaluateScenario(scenario: Scenario, benchmark: BenchmarkResult | null = null): RoiResult {
  const law = lawForScenario(scenario);
  const inputs = costInputsFrom(scenario);
  const set = buildOptions(law, scenario, benchmark, inputs);
  const baseline = set.options[0]!;
  const baselineCost = optionCost(shapeOf(baseline), inputs);
  const options: EvaluatedOption[] = set.options.map((option) => {
    const cost = optionCost(shapeOf(option), inputs);
    return {
      ...option,
      cost,
      savings: baselineCost.total - cost.total,
      breakEven: breakEven(option, cost, baselineCost, inputs),
    };
  });
  const sparse = options.filter((o) => o.kind === 'sparse');
  const best = sparse.reduce((a, b) => (b.savings > a.savings ? b : a));
  const smaller = options.find((o) => o.kind === 'smaller-dense') ?? null;
  const ranges = effectiveRanges(scenario, inputs, best.speedup);
  const mc = monteCarlo(best, baseline, smaller, inputs, ranges, {
    draws: scenario.uncertainty.draws,
    seed: scenario.uncertainty.seed,
    law: lawUncertaintyFor(scenario),
  });
  const dataUnit = dataUnitOf(scenario);
  const trainingData = scenario.baseline.trainingData.value;
  const availableData = scenario.baseline.availableData.value;
  const recommendation = recommend({
    option: best,
    cost: best.cost,
    baselineCost,
    breakEven: best.breakEven,
    monteCarlo: mc,
    optimal: set.optimal,
    trainingData,
    dataUnit,
    horizonMonths: inputs.horizonMonths,
    route: inputs.route,
    lawHasRange: law.fittedRange !== null,
    smallerDense: smaller ? { savings: smaller.savings } : null,
    savings: best.savings,
    requestsPerDay: inputs.requestsPerDay,
  });
  return {
    scenarioName: scenario.name,
    currency: scenario.currency,
    law: { id: law.id, name: law.name, dataUnit: law.dataUnit, source: law.source, coefficients: law.coefficients, fittedRange: law.fittedRange },
    targetLoss: set.targetLoss,
    optimal: set.optimal,
    dataPosition: {
      dataUnit,
      trainingData,
      availableData,
      thresholdData: set.optimal.threshold.data,
      trainingRatio: trainingData / set.optimal.threshold.data,
      availableRatio: availableData / set.optimal.threshold.data,
      denseOptimalData: set.optimal.denseOptimal.data,
    },
    inputs,
    options,
    smallerDenseUnavailable: set.smallerDenseUnavailable,
    bestSparseId: best.id,
    ranges,
    tornado: tornado(best, baseline, inputs, ranges),
    switchingValues: switchingValues(best, baseline, inputs),
    monteCarlo: mc,
    recommendation,
    benchmarkId: benchmark?.id ?? null,
  };
}

