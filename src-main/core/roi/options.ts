/**
 * The options compared at equal quality: every option reaches the dense baseline's predicted
 * loss L(0, N, D). A sparse model at S needs N/m(S) non-zeros; a smaller dense model can
 * reach the same loss with more data, when more data is available (the fair comparator).
 */
import { equalQualitySparse, extrapolation, loss, lossUnchecked, type Extrapolation } from '../law/law.js';
import { optimalSparsity, type OptimalSparsity } from '../law/optimal.js';
import type { Law } from '../law/presets.js';
import type { BenchmarkResult } from '../hardware/benchmark-result.js';
import { optionCost, type CostInputs } from './costs.js';
import type { Scenario } from './scenario.js';
import { resolveSpeedup, type ResolvedSpeedup } from './speedups.js';

export type OptionKind = 'dense-baseline' | 'sparse' | 'smaller-dense';

export interface ModelOption {
  id: string;
  kind: OptionKind;
  sparsity: number;
  /** m(S); 1 for dense options. */
  multiplier: number;
  nonzero: number;
  denseSize: number;
  trainingData: number;
  loss: number;
  /** True for the option at S_opt. */
  atOptimalSparsity: boolean;
  extrapolation: Extrapolation;
  speedup: ResolvedSpeedup;
}

export interface OptionSet {
  targetLoss: number;
  optimal: OptimalSparsity;
  options: ModelOption[];
  /** Why no smaller dense option is offered, when none is. */
  smallerDenseUnavailable: string | null;
}

const DENSE_SPEEDUP: ResolvedSpeedup = {
  value: 1, low: 1, high: 1, kind: 'measured', variant: 'dense', provider: null, tokens: null, fromSparsities: [0],
  interpolated: false, beyondRange: false, reliable: true, benchmarkId: null, note: 'dense: the reference for every speed-up',
};

/** Sparsities to compare: the candidates, S_opt when asked and positive, or only 0.5 for 2:4. */
export function candidateSparsities(scenario: Scenario, optimal: number): number[] {
  if (scenario.sparsity.pattern === '2:4') return [0.5];
  const list = [...scenario.sparsity.candidates];
  if (scenario.sparsity.includeOptimal && optimal > 0 && !list.some((s) => Math.abs(s - optimal) < 1e-6)) list.push(optimal);
  return [...new Set(list)].sort((a, b) => a - b);
}

/** Data a dense model of `params` needs to reach `target`, or null when no amount suffices. */
function dataForLoss(law: Law, params: number, target: number): number | null {
  const k = law.coefficients;
  const remaining = target - k.c - (k.aS + k.cS) * params ** -k.bN;
  return remaining > 0 ? k.aD / remaining ** (1 / k.bD) : null;
}

/** Smallest dense model that reaches `target` with `data`. */
function sizeForLoss(law: Law, data: number, target: number): number | null {
  const k = law.coefficients;
  const remaining = target - k.c - (k.aD / data) ** k.bD;
  return remaining > 0 ? ((k.aS + k.cS) / remaining) ** (1 / k.bN) : null;
}

function smallerDense(
  law: Law,
  scenario: Scenario,
  target: number,
  inputs: CostInputs,
): { option: ModelOption | null; reason: string | null } {
  const n0 = scenario.baseline.params.value;
  const available = scenario.baseline.availableData.value;
  const smallest = sizeForLoss(law, available, target);
  if (smallest === null || smallest >= n0 * (1 - 1e-9)) {
    return { option: null, reason: 'no more data is available than the baseline already uses' };
  }
  // The cheapest size between the smallest feasible and the baseline: training grows as the
  // model shrinks (more data), inference falls. Scan log-spaced sizes, then refine.
  const totalAt = (size: number) => {
    const data = dataForLoss(law, size, target)!;
    return optionCost({ sparse: false, denseSize: size, trainingData: data, speedup: 1 }, inputs).total;
  };
  let lo = Math.log(smallest);
  let hi = Math.log(n0);
  let best = lo;
  const steps = 48;
  for (let i = 0; i <= steps; i++) {
    const x = lo + ((hi - lo) * i) / steps;
    if (totalAt(Math.exp(x)) < totalAt(Math.exp(best))) best = x;
  }
  const width = (hi - lo) / steps;
  lo = Math.max(lo, best - width);
  hi = Math.min(hi, best + width);
  const golden = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - golden * (hi - lo);
    const b = lo + golden * (hi - lo);
    if (totalAt(Math.exp(a)) < totalAt(Math.exp(b))) hi = b;
    else lo = a;
  }
  const size = Math.exp((lo + hi) / 2);
  if (size >= n0 * 0.999) {
    return { option: null, reason: 'with this inference volume, training a smaller model on more data costs more than it saves' };
  }
  const data = Math.min(dataForLoss(law, size, target)!, available);
  return {
    option: {
      id: 'smaller-dense',
      kind: 'smaller-dense',
      sparsity: 0,
      multiplier: 1,
      nonzero: size,
      denseSize: size,
      trainingData: data,
      loss: lossUnchecked(law.coefficients, 0, size, data),
      atOptimalSparsity: false,
      extrapolation: extrapolation(law, { sparsity: 0, nonzero: size, data }),
      speedup: DENSE_SPEEDUP,
    },
    reason: null,
  };
}

export function buildOptions(
  law: Law,
  scenario: Scenario,
  benchmark: BenchmarkResult | null,
  inputs: CostInputs,
): OptionSet {
  const n0 = scenario.baseline.params.value;
  const d0 = scenario.baseline.trainingData.value;
  const targetLoss = loss(law, { sparsity: 0, nonzero: n0, data: d0 });
  const optimal = optimalSparsity(law, n0, 6 * n0 * d0);
  const speed = scenario.deployment.speedup;
  const options: ModelOption[] = [
    {
      id: 'dense',
      kind: 'dense-baseline',
      sparsity: 0,
      multiplier: 1,
      nonzero: n0,
      denseSize: n0,
      trainingData: d0,
      loss: targetLoss,
      atOptimalSparsity: optimal.sparsity === 0,
      extrapolation: extrapolation(law, { sparsity: 0, nonzero: n0, data: d0 }),
      speedup: DENSE_SPEEDUP,
    },
  ];
  for (const sparsity of candidateSparsities(scenario, optimal.sparsity)) {
    const eq = equalQualitySparse(law, n0, sparsity);
    const isCandidate = scenario.sparsity.candidates.includes(sparsity) || scenario.sparsity.pattern === '2:4';
    options.push({
      id: isCandidate ? `sparse-${sparsity}` : 'sparse-optimal',
      kind: 'sparse',
      sparsity,
      multiplier: eq.multiplier,
      nonzero: eq.nonzero,
      denseSize: eq.denseSize,
      trainingData: d0,
      loss: loss(law, { sparsity, nonzero: eq.nonzero, data: d0 }),
      atOptimalSparsity: Math.abs(sparsity - optimal.sparsity) < 1e-6,
      extrapolation: extrapolation(law, { sparsity, nonzero: eq.nonzero, data: d0 }),
      speedup: resolveSpeedup(
        {
          sparsity,
          pattern: scenario.sparsity.pattern,
          provider: speed.provider,
          tokens: scenario.deployment.unitsPerRequest.value * scenario.baseline.tokensPerUnit.value,
          useUpperBound: speed.useUpperBound,
        },
        speed.source === 'benchmark' ? benchmark : null,
        speed.assumed,
      ),
    });
  }
  const smaller = smallerDense(law, scenario, targetLoss, inputs);
  if (smaller.option) options.push(smaller.option);
  return { targetLoss, optimal, options, smallerDenseUnavailable: smaller.reason };
}
