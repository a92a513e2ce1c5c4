/**
 * The option set, symmetric between dense and sparse: every new model (dense or sparse at each
 * candidate S and at S_opt) may use up to the unique data available, paying for the data it adds,
 * and for each one the engine picks the non-zeros and data that reach today's quality at the lowest
 * total cost. An existing (trained) model adds "keep it" and "prune it to S and retrain", whose
 * quality is modelled as an assumption and shown as a size equivalent of today's model.
 */
import { effectiveData } from '../law/effective-data.js';
import { extrapolation, lossUnchecked, type Extrapolation } from '../law/law.js';
import type { LawCoefficients } from '../law/coefficients.js';
import { optimalSparsity, type OptimalSparsity } from '../law/optimal.js';
import type { Law } from '../law/presets.js';
import { flopsPerRequest, optionCost, type CostedShape, type CostInputs, type OptionCost } from './costs.js';
import type { Scenario } from './scenario.js';
import type { ResolvedSpeedup } from './speedups.js';

/**
 * baseline: the dense model as planned, or (trained) kept as it is; dense: a new dense model, usually
 * smaller and trained on more data; sparse: a new model trained sparse at S (gradual pruning, the
 * paper's route); pruned: the existing model pruned to S and retrained (trained baselines only).
 */
export type OptionKind = 'baseline' | 'dense' | 'sparse' | 'pruned';

/** equal: reaches today's quality; lower: below it but at or above the floor; below-floor: not acceptable. */
export type Quality = 'equal' | 'lower' | 'below-floor';

export interface ModelOption {
  id: string;
  kind: OptionKind;
  sparsity: number;
  pattern: 'unstructured' | '2:4';
  /** Non-zero block parameters: what inference computes with a perfect sparse kernel. */
  nonzero: number;
  /** The dense shape, N/(1−S): what training pays for and what a dense kernel computes. */
  denseShape: number;
  uniqueData: number;
  passes: number;
  /** Data seen in training (unique × passes); for a pruned model, the retraining data. */
  seenData: number;
  /** Data the law is fed: repeated passes count less (Muennighoff et al. 2023). */
  effectiveData: number;
  loss: number;
  /** Behaves like a dense model of this share of today's size (1 = today's quality). */
  sizeEquivalent: number;
  quality: Quality;
  atOptimalSparsity: boolean;
  extrapolation: Extrapolation;
  speedup: ResolvedSpeedup;
  shape: CostedShape;
}

export interface OptionContext {
  law: Law;
  scenario: Scenario;
  inputs: CostInputs;
  /** The speed-up of a sparse model at S (resolved once per sparsity). */
  speedupAt: (sparsity: number) => ResolvedSpeedup;
  dense: ResolvedSpeedup;
}

export interface OptionSet {
  targetLoss: number;
  optimal: OptimalSparsity;
  options: ModelOption[];
  /** Why no new dense model is offered, when none is. */
  denseUnavailable: string | null;
}

/** F(S) = a_S(1−S)^b_S + c_S: the sparsity factor in front of N^−b_N. */
function sparsityFactor(k: LawCoefficients, sparsity: number): number {
  return k.aS * (1 - sparsity) ** k.bS + k.cS;
}

/** Non-zeros that reach `target` at sparsity S with effective data D (closed form); Infinity when no size does. */
export function equalQualityNonzero(k: LawCoefficients, sparsity: number, data: number, target: number): number {
  const room = target - k.c - (k.aD / data) ** k.bD;
  return room > 0 ? (sparsityFactor(k, sparsity) / room) ** (1 / k.bN) : Infinity;
}

/** The dense size whose loss at data D equals `loss`, as a share of `params`; capped at 10. */
export function sizeEquivalentOf(k: LawCoefficients, loss: number, data: number, params: number): number {
  const size = equalQualityNonzero(k, 0, data, loss);
  return Number.isFinite(size) ? Math.min(10, size / params) : 10;
}

/** Sparsities to compare: the candidates and S_opt when asked and positive, or only 0.5 for 2:4. */
export function candidateSparsities(scenario: Scenario, optimal: number): number[] {
  if (scenario.sparsity.pattern === '2:4') return [0.5];
  const list = [...scenario.sparsity.candidates];
  if (scenario.sparsity.includeOptimal && optimal > 0 && !list.some((s) => Math.abs(s - optimal) < 1e-6)) list.push(optimal);
  return [...new Set(list)].sort((a, b) => a - b);
}

/** Log-spaced search for the cheapest unique data in [lo, hi], refined by golden section. */
function cheapestData(lo: number, hi: number, totalAt: (unique: number) => number): number {
  if (!(hi > lo * (1 + 1e-9))) return lo;
  let a = Math.log(lo);
  let b = Math.log(hi);
  const steps = 24;
  let best = a;
  let bestCost = totalAt(lo);
  for (let i = 1; i <= steps; i++) {
    const x = a + ((b - a) * i) / steps;
    const cost = totalAt(Math.exp(x));
    if (cost < bestCost) {
      bestCost = cost;
      best = x;
    }
  }
  const width = (b - a) / steps;
  a = Math.max(a, best - width);
  b = Math.min(b, best + width);
  const golden = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 30; i++) {
    const p = b - golden * (b - a);
    const q = a + golden * (b - a);
    if (totalAt(Math.exp(p)) < totalAt(Math.exp(q))) b = q;
    else a = p;
  }
  const refined = Math.exp((a + b) / 2);
  return totalAt(refined) < bestCost ? refined : Math.exp(best);
}

export function buildOptions(ctx: OptionContext): OptionSet {
  const { law, scenario: s, inputs: x } = ctx;
  const k = law.coefficients;
  const n0 = s.baseline.params.value;
  const u0 = s.baseline.uniqueData.value;
  const passes = s.baseline.passes.value;
  const available = s.data.available.value;
  const d0 = effectiveData(u0, passes);
  const targetLoss = lossUnchecked(k, 0, n0, d0);
  const optimal = optimalSparsity(law, n0, 6 * n0 * d0);
  const trained = s.baseline.status === 'trained';
  const floor = s.decision.qualityFloor.value;
  const pattern = s.sparsity.pattern;

  const baselineShape: CostedShape = {
    trainSize: trained ? 0 : n0, seenData: u0 * passes, extraUniqueData: 0, engineering: false, prunedExisting: false,
    inferenceSize: n0, speedup: 1,
  };
  const baseFlops = flopsPerRequest(baselineShape, x);
  const make = (o: Omit<ModelOption, 'extrapolation' | 'loss' | 'sizeEquivalent' | 'quality'>, loss: number): ModelOption => {
    const sizeEquivalent = loss <= targetLoss * (1 + 1e-12) ? 1 : sizeEquivalentOf(k, loss, d0, n0);
    const quality: Quality = loss <= targetLoss * (1 + 1e-9) ? 'equal' : sizeEquivalent >= floor ? 'lower' : 'below-floor';
    return {
      ...o, loss, sizeEquivalent, quality,
      extrapolation: extrapolation(law, { sparsity: o.sparsity, nonzero: o.nonzero, data: o.effectiveData }),
    };
  };

  const options: ModelOption[] = [
    make(
      {
        id: trained ? 'keep' : 'dense', kind: 'baseline', sparsity: 0, pattern: 'unstructured', nonzero: n0, denseShape: n0,
        uniqueData: u0, passes, seenData: u0 * passes, effectiveData: d0, atOptimalSparsity: optimal.sparsity === 0,
        speedup: ctx.dense, shape: baselineShape,
      },
      targetLoss,
    ),
  ];

  /** A new model at sparsity S (0 = dense) that reaches today's quality with `unique` data. */
  const newModel = (sparsity: number, unique: number, speedup: ResolvedSpeedup): { shape: CostedShape; nonzero: number; cost: OptionCost } | null => {
    const nonzero = equalQualityNonzero(k, sparsity, effectiveData(unique, passes), targetLoss);
    if (!Number.isFinite(nonzero)) return null;
    const denseShape = nonzero / (1 - sparsity);
    const shape: CostedShape = {
      trainSize: denseShape, seenData: unique * passes, extraUniqueData: Math.max(0, unique - u0), engineering: sparsity > 0,
      prunedExisting: false, inferenceSize: denseShape, speedup: speedup.value,
    };
    return { shape, nonzero, cost: optionCost(shape, x, baseFlops) };
  };
  const cheapestNewModel = (sparsity: number, speedup: ResolvedSpeedup) => {
    // The least data that reaches today's quality at this sparsity, up to what is available.
    const lo = u0;
    if (!newModel(sparsity, available, speedup)) return null;
    let floorData = lo;
    if (!newModel(sparsity, lo, speedup)) {
      let a = Math.log(lo);
      let b = Math.log(available);
      for (let i = 0; i < 60; i++) {
        const mid = (a + b) / 2;
        if (newModel(sparsity, Math.exp(mid), speedup)) b = mid;
        else a = mid;
      }
      floorData = Math.exp(b);
    }
    const unique = cheapestData(floorData, available, (u) => newModel(sparsity, u, speedup)?.cost.total ?? Infinity);
    const model = newModel(sparsity, unique, speedup)!;
    // A model no fleet or budget can serve (a cost that is not finite) is no option at all.
    return Number.isFinite(model.cost.total) ? { unique, ...model } : null;
  };

  let denseUnavailable: string | null = null;
  const dense = cheapestNewModel(0, ctx.dense);
  const keepsBaselineShape = dense !== null && dense.unique <= u0 * (1 + 1e-6);
  if (dense === null) denseUnavailable = 'no dense model reaches today’s quality with the data available';
  else if (!trained && keepsBaselineShape) denseUnavailable = 'no more data is available, or more data costs more than it saves';
  else {
    options.push(
      make(
        {
          id: 'dense-new', kind: 'dense', sparsity: 0, pattern: 'unstructured', nonzero: dense.nonzero, denseShape: dense.nonzero,
          uniqueData: dense.unique, passes, seenData: dense.unique * passes, effectiveData: effectiveData(dense.unique, passes),
          atOptimalSparsity: false, speedup: ctx.dense, shape: dense.shape,
        },
        targetLoss,
      ),
    );
  }

  for (const sparsity of candidateSparsities(s, optimal.sparsity)) {
    const speedup = ctx.speedupAt(sparsity);
    const isOptimal = Math.abs(sparsity - optimal.sparsity) < 1e-6;
    const isCandidate = s.sparsity.candidates.includes(sparsity) || pattern === '2:4';
    const model = cheapestNewModel(sparsity, speedup);
    if (model) {
      options.push(
        make(
          {
            id: isCandidate ? `sparse-${sparsity}` : 'sparse-optimal', kind: 'sparse', sparsity, pattern, nonzero: model.nonzero,
            denseShape: model.nonzero / (1 - sparsity), uniqueData: model.unique, passes, seenData: model.unique * passes,
            effectiveData: effectiveData(model.unique, passes), atOptimalSparsity: isOptimal, speedup, shape: model.shape,
          },
          targetLoss,
        ),
      );
    }
    if (trained && isCandidate) {
      // Pruned and retrained: the law's sparse model with (1−S)·N non-zeros, trained on the original data
      // plus the retraining data, which is taken to be further passes over the same unique data. The paper
      // has no law for this; it is an assumption with no stated bias.
      const nonzero = (1 - sparsity) * n0;
      const effective = effectiveData(u0, passes + x.retrainData / u0);
      const shape: CostedShape = {
        trainSize: 0, seenData: x.retrainData, extraUniqueData: 0, engineering: true, prunedExisting: true, inferenceSize: n0,
        speedup: speedup.value,
      };
      options.push(
        make(
          {
            id: `pruned-${sparsity}`, kind: 'pruned', sparsity, pattern, nonzero, denseShape: n0, uniqueData: u0, passes,
            seenData: x.retrainData, effectiveData: effective, atOptimalSparsity: isOptimal, speedup, shape,
          },
          lossUnchecked(k, sparsity, nonzero, effective),
        ),
      );
    }
  }
  return { targetLoss, optimal, options, denseUnavailable };
}
