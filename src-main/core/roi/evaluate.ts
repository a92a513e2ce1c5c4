/**
 * The decision engine's entry point: a scenario (and optionally a benchmark result) in; the options
 * at equal quality with their costs, savings, payback and deployment time, the law's and the inputs'
 * uncertainty, sensitivity against the recommended action, and the recommendation out. Pure, seeded
 * and fast enough to run on every keystroke (10,000 draws in well under 100 ms; `npm run bench`).
 */
import { heldOutVerdict, parseCoefficientsDocument } from '../law/coefficients-file.js';
import { presetBootstrapVectors } from '../law/preset-bootstrap.js';
import type { LawCoefficients } from '../law/coefficients.js';
import { effectiveData } from '../law/effective-data.js';
import type { OptimalSparsity } from '../law/optimal.js';
import { PRESETS, type Law } from '../law/presets.js';
import type { BenchmarkResult } from '../hardware/benchmark-result.js';
import { InputError } from '../input.js';
import { costInputsFrom, cumulativeCost, optionCost, type CostInputs, type OptionCost } from './costs.js';
import { planFleet, type FleetPlan } from './fleet.js';
import { idealSpeedup, prunableShare } from './ideal-speedup.js';
import { lawDraws, type LawDraws } from './law-uncertainty.js';
import { monteCarlo, type MonteCarloResult } from './montecarlo.js';
import { buildOptions, type ModelOption } from './options.js';
import { effectiveRanges, type EffectiveRange } from './ranges.js';
import { recommend, type Note, type Recommendation } from './recommend.js';
import { dataUnitOf, rangeApplies, UNCERTAIN_INPUTS, type Scenario } from './scenario.js';
import { switchingValues, tornado, type Comparison, type SwitchingValue, type TornadoBar } from './sensitivity.js';
import { publishedLookup } from './published-lookup.js';
import { assumedSpeedup, measuredSpeedup, publishedSpeedup, type PublishedLookup, type ResolvedSpeedup, type SpeedupRequest } from './speedups.js';

/** compared: competes for the recommendation; lower-quality: shown apart; below-floor and misses-latency: never recommended. */
export type OptionGroup = 'compared' | 'lower-quality' | 'below-floor' | 'misses-latency';

export interface EvaluatedOption extends ModelOption {
  cost: OptionCost;
  /** Present value: cost(baseline) − cost(option) over the horizon; positive means cheaper. */
  savings: number;
  /** Month (1-based) from whose end cumulative discounted savings stay ≥ 0; 0: never behind; null: not within the horizon. */
  paybackMonth: number | null;
  /** Cumulative discounted savings at the end of each month of the horizon. */
  cumulativeSavings: number[];
  /** Month from which it serves (an existing model keeps serving until then); 0 for planned models. */
  deployMonth: number;
  group: OptionGroup;
  /** Fleet deployments: the purchase plan and latency; null when metered. */
  fleet: FleetPlan | null;
}

export interface DataPosition {
  dataUnit: 'images' | 'tokens';
  uniqueData: number;
  passes: number;
  effectiveData: number;
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
  status: Scenario['baseline']['status'];
  deploymentKind: Scenario['deployment']['kind'];
  law: Pick<Law, 'id' | 'name' | 'dataUnit' | 'source' | 'coefficients' | 'fittedRange'>;
  targetLoss: number;
  optimal: OptimalSparsity;
  dataPosition: DataPosition;
  inputs: CostInputs;
  /** Amdahl: share of inference FLOPs in prunable weights, and the ideal speed-up at each option's sparsity. */
  physical: { prunableShare: number; contextTokens: number };
  options: EvaluatedOption[];
  denseUnavailable: string | null;
  headlineId: string;
  /** The sparse option the verdict is about (cheapest compared sparse option), if any. */
  bestSparseId: string | null;
  /** The cheapest compared non-sparse option. */
  alternativeId: string;
  ranges: EffectiveRange[];
  tornado: TornadoBar[];
  switchingValues: SwitchingValue[];
  monteCarlo: MonteCarloResult;
  lawUncertainty: { vectors: number; source: string | null; infeasible: { id: string; draws: number }[] };
  recommendation: Recommendation;
  benchmarkId: string | null;
}

export interface EvaluateOptions {
  /** Published speed-ups for a deployment target (resources/published-speedups.json). */
  published?: PublishedLookup | null;
  /** Bootstrap coefficient vectors for the law's uncertainty (presets ship them; custom laws carry theirs). */
  lawVectors?: readonly LawCoefficients[] | null;
}

export function lawForScenario(scenario: Scenario): Law {
  return scenario.family.kind === 'preset'
    ? PRESETS[scenario.family.preset]
    : parseCoefficientsDocument(scenario.family.coefficients, 'scenario.family.coefficients');
}

/** Tokens a token attends over, for the physical bound: tokens per image, or tokens per request. */
export function contextTokens(s: Scenario): number {
  return s.baseline.tokensPerUnit.unit === 'tokens/image'
    ? s.baseline.tokensPerUnit.value
    : s.deployment.unitsPerRequest.value + s.deployment.outputTokensPerRequest.value;
}

/** A custom law's held-out verdict (core/law/held-out.ts), or 'unvalidated' when it was never checked. */
function customLawVerdict(s: Scenario): 'extrapolates-well' | 'use-with-care' | 'unreliable' | 'unvalidated' | null {
  if (s.family.kind !== 'custom') return null;
  return heldOutVerdict(s.family.coefficients) ?? 'unvalidated';
}

/** The law's bootstrap vectors: the preset's shipped ones, or those a custom fit carries (none without a bootstrap). */
export function lawVectorsFor(s: Scenario): readonly LawCoefficients[] {
  return s.family.kind === 'preset' ? presetBootstrapVectors(s.family.preset) : (s.family.coefficients.uncertainty?.vectors ?? []);
}

export function evaluateScenario(scenario: Scenario, benchmark: BenchmarkResult | null = null, settings: EvaluateOptions = {}): RoiResult {
  const law = lawForScenario(scenario);
  const x = costInputsFrom(scenario);
  const speed = scenario.deployment.speedup;
  const pattern = scenario.sparsity.pattern;
  const share = prunableShare({ params: scenario.baseline.params.value, contextTokens: contextTokens(scenario) });
  const boundAt = (sparsity: number) => idealSpeedup(share, sparsity, pattern);
  if (speed.source === 'unanswered') {
    throw new InputError('deployment.speedup.source', 'choose how the speed-up is known: measured, published or assumed');
  }
  speed.assumed.forEach((a, i) => {
    const bound = idealSpeedup(share, a.sparsity, pattern);
    for (const key of ['value', 'high'] as const) {
      if (a[key] > bound * (1 + 1e-9)) {
        throw new InputError(
          `deployment.speedup.assumed.${i}.${key}`,
          `×${a[key]} is above the physical bound ×${bound.toPrecision(3)} at sparsity ${a.sparsity} (only the block weights speed up; docs/method.md)`,
        );
      }
    }
  });
  const tokens = x.tokensPerRequest;
  const speedupAt = (sparsity: number): ResolvedSpeedup => {
    const request: SpeedupRequest = { sparsity, pattern, provider: speed.provider, tokens, useUpperBound: speed.useUpperBound, bound: boundAt(sparsity) };
    if (speed.source === 'measured') return measuredSpeedup(request, benchmark);
    if (speed.source === 'published') {
      const published = publishedSpeedup(request, speed.publishedTarget ?? '', settings.published === undefined ? publishedLookup : settings.published);
      // No end-to-end figure matches: say so, and fall back to the user's assumption when there is one.
      if (published.kind === 'none' && speed.assumed.length > 0) {
        const assumed = assumedSpeedup(speed.assumed, sparsity, request.bound);
        return { ...assumed, note: `${published.note}; the assumption is used instead` };
      }
      return published;
    }
    return assumedSpeedup(speed.assumed, sparsity, request.bound);
  };
  const dense: ResolvedSpeedup = {
    value: 1, low: 1, high: 1, kind: 'measured', evidence: null, variant: 'dense', provider: null, tokens: null, fromSparsities: [0],
    interpolated: false, beyondRange: false, reliable: true, benchmarkId: null, bound: 1, clipped: false, citations: [],
    note: 'dense: the reference for every speed-up',
  };
  const set = buildOptions({ law, scenario, inputs: x, speedupAt, dense });
  const baseline = set.options[0]!;
  const baseFlops = optionCost(baseline.shape, x, 1).flopsPerRequest;
  const costOf = (o: ModelOption, y: CostInputs = x) => optionCost(o.shape, y, baseFlops);
  const baselineCost = costOf(baseline);
  const floor = scenario.decision.qualityFloor.value;
  const fleetDeployment = scenario.deployment.kind === 'fleet' ? scenario.deployment : null;

  const horizon = x.horizonMonths;
  const baselineUpTo = cumulativeCost(baseline.shape, x, baseFlops);

  const options: EvaluatedOption[] = set.options.map((option, index) => {
    const cost = index === 0 ? baselineCost : costOf(option);
    const fleet = fleetDeployment
      ? planFleet(
          x.fleet!,
          {
            requestsPerSecondPerDevice: Math.min(1e12, x.fleetBaseRequestsPerSecond * (baseFlops / cost.flopsPerRequest)),
            latencyMs: x.fleetBaseLatencyMs * (cost.flopsPerRequest / baseFlops),
            deployMonth: x.status === 'trained' ? Math.min(horizon, Math.ceil(cost.deployMonths - 1e-9)) : 0,
            statusQuo: { requestsPerSecondPerDevice: x.fleetBaseRequestsPerSecond },
          },
          fleetDeployment.latencyBudgetMs.value,
        )
      : null;
    const optionUpTo = index === 0 ? baselineUpTo : cumulativeCost(option.shape, x, baseFlops);
    const cumulativeSavings = Array.from(baselineUpTo, (b, t) => b - optionUpTo[t]!);
    let lastBehind = -1;
    cumulativeSavings.forEach((v, t) => {
      if (v < 0) lastBehind = t;
    });
    const paybackMonth = lastBehind === horizon - 1 ? null : lastBehind < 0 ? 0 : lastBehind + 2;
    // Today's model (or the plan) is always an option, even when it already misses the takt time.
    const group: OptionGroup =
      index > 0 && fleet && !fleet.meetsLatency
        ? 'misses-latency'
        : option.quality === 'equal'
          ? 'compared'
          : option.quality === 'lower'
            ? scenario.decision.acceptLowerQuality
              ? 'compared'
              : 'lower-quality'
            : 'below-floor';
    return {
      ...option,
      cost,
      savings: baselineCost.total - cost.total,
      paybackMonth,
      cumulativeSavings,
      deployMonth: x.status === 'trained' ? Math.min(horizon, Math.ceil(cost.deployMonths - 1e-9)) : 0,
      group,
      fleet,
    };
  });

  const compared = options.filter((o) => o.group === 'compared');
  const cheapest = (list: EvaluatedOption[]) => list.reduce<EvaluatedOption | null>((a, b) => (a === null || b.cost.total < a.cost.total ? b : a), null);
  const isSparse = (o: ModelOption) => o.kind === 'sparse' || o.kind === 'pruned';
  // The baseline always competes: keeping today's model (or the plan) is always possible.
  const headline = cheapest(compared) ?? options[0]!;
  const sparse = cheapest(compared.filter(isSparse));
  const alternative = cheapest(compared.filter((o) => !isSparse(o))) ?? options[0]!;
  const materiality = scenario.decision.materiality.value * baselineCost.total;

  const vectors = settings.lawVectors === undefined ? lawVectorsFor(scenario) : settings.lawVectors;
  const draws: LawDraws | null =
    scenario.uncertainty.law && vectors && vectors.length > 0
      ? lawDraws(vectors, options, {
          params: scenario.baseline.params.value,
          uniqueData: scenario.baseline.uniqueData.value,
          passes: scenario.baseline.passes.value,
        }, scenario.family.kind === 'preset' ? `bootstrap of the paper’s runs (${vectors.length} coefficient vectors)` : `bootstrap of the fit’s runs (${vectors.length} coefficient vectors)`)
      : null;
  const ranges = effectiveRanges(scenario);
  const mc = monteCarlo(options, x, ranges, {
    draws: scenario.uncertainty.draws,
    seed: scenario.uncertainty.seed,
    law: draws,
    eligible: options.map((o) => o.group === 'compared'),
    headlineIndex: options.indexOf(headline),
    materiality,
    baseFlops,
  });

  const comparison: Comparison | null = sparse ? { sparse, other: alternative, baseFlops } : null;
  const switchInputs = UNCERTAIN_INPUTS.filter((i) => rangeApplies(i, scenario).ok && i !== 'inferenceUtilisation');
  const switching = comparison ? switchingValues(comparison, x, switchInputs) : [];
  const notes: Note[] = [];
  if (options.some((o) => o.fleet !== null && !o.fleet.meetsLatency)) notes.push('latency-budget-missed');
  if (options.some((o) => o.fleet?.warnings.includes('out-of-capacity-at-start'))) notes.push('out-of-capacity-at-start');
  if (x.status === 'planned') notes.push('planned-deploy-time-not-charged');
  const noVolume = x.metered
    ? x.metered.requestsPerDay === 0
    : x.fleet!.lines.every((l) => l.peakRequestsPerSecond === 0) && x.fleet!.steps.every((st) => st.addLines === 0 || st.peakRequestsPerSecondPerLine === 0);
  const d0 = effectiveData(scenario.baseline.uniqueData.value, scenario.baseline.passes.value);
  const pilotDays = Math.min(10, x.engineeringDays);
  const pilotCost = pilotDays * x.dayRate * (1 + x.riskBuffer) + ((x.oneShotGpuHoursPerBillion * scenario.baseline.params.value) / 1e9) * x.trainingPricePerHour;
  const recommendation = recommend({
    options,
    headline,
    sparse,
    sparseReference: sparse ?? cheapest(options.filter(isSparse)),
    alternative,
    advantage: sparse ? alternative.cost.total - sparse.cost.total : -Infinity,
    upfront: (o) => {
      const c = (o as EvaluatedOption).cost;
      return { upfront: c.upfront, pruning: c.pruning, engineering: c.engineering };
    },
    paybackMonth: (o) => (o as EvaluatedOption).paybackMonth,
    monteCarlo: mc,
    optimal: set.optimal,
    effectiveData: d0,
    dataUnit: dataUnitOf(scenario),
    horizonMonths: horizon,
    materiality,
    qualityFloor: floor,
    crossArchitecture: scenario.family.kind === 'preset' && scenario.family.preset === 't5' && scenario.architecture.kind === 'decoder-only',
    passes: scenario.baseline.passes.value,
    imagesData: dataUnitOf(scenario) === 'images',
    customLawVerdict: customLawVerdict(scenario),
    noVolume,
    switching,
    pilotCost,
    pilotDays,
    notes,
  });
  const dataUnit = dataUnitOf(scenario);
  return {
    scenarioName: scenario.name,
    currency: scenario.currency,
    status: scenario.baseline.status,
    deploymentKind: scenario.deployment.kind,
    law: { id: law.id, name: law.name, dataUnit: law.dataUnit, source: law.source, coefficients: law.coefficients, fittedRange: law.fittedRange },
    targetLoss: set.targetLoss,
    optimal: set.optimal,
    dataPosition: {
      dataUnit,
      uniqueData: scenario.baseline.uniqueData.value,
      passes: scenario.baseline.passes.value,
      effectiveData: d0,
      availableData: scenario.data.available.value,
      thresholdData: set.optimal.threshold.data,
      trainingRatio: d0 / set.optimal.threshold.data,
      availableRatio: scenario.data.available.value / set.optimal.threshold.data,
      denseOptimalData: set.optimal.denseOptimal.data,
    },
    inputs: x,
    physical: { prunableShare: share, contextTokens: contextTokens(scenario) },
    options,
    denseUnavailable: set.denseUnavailable,
    headlineId: headline.id,
    bestSparseId: sparse?.id ?? null,
    alternativeId: alternative.id,
    ranges,
    tornado: comparison ? tornado(comparison, x, ranges) : [],
    switchingValues: switching,
    monteCarlo: mc,
    lawUncertainty: {
      vectors: draws?.vectors ?? 0,
      source: draws?.source ?? null,
      infeasible: draws ? options.map((o, i) => ({ id: o.id, draws: draws.infeasible[i]! })).filter((v) => v.draws > 0) : [],
    },
    recommendation,
    benchmarkId: benchmark?.id ?? null,
  };
}
