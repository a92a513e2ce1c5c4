/**
 * Seeded Monte Carlo over the uncertain inputs, the speed-ups (one shared quantile per draw: a
 * machine that is faster for one sparsity is faster for all) and the law's own uncertainty (one
 * bootstrap vector per draw). In each draw every option is costed and the cheapest sparse and the
 * cheapest non-sparse option are chosen again, so the probabilities compare the best of each side.
 * The same seed gives the same numbers.
 */
import { probit, quantileSorted } from 'simple-statistics';
import { seededRandom, type Random } from '../random.js';
import { flopsPerRequest, runningCost, upfrontCost, deployMonthOf, type CostInputs } from './costs.js';
import type { LawDraws } from './law-uncertainty.js';
import type { ModelOption } from './options.js';
import { copyInputs, setInput, type EffectiveRange } from './ranges.js';

/** z of the 95th percentile: a 90 % interval spans ±1.645 σ. */
const Z95 = 1.6448536269514722;

export interface Distribution {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  probabilityPositive: number;
  histogram: { from: number; to: number; count: number }[];
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  /** Savings of the best sparse option over the best non-sparse option, both chosen per draw. */
  sparseAdvantage: Distribution;
  /** P(sparse advantage > materiality): the probability behind the verdict on sparsity. */
  probabilitySparseMaterial: number;
  /** Savings of the headline option against the baseline. */
  headlineSavings: Distribution;
  /** Per option: P(it is the cheapest of the options compared) and P(it saves against the baseline); 0 for options not compared. */
  perOption: { id: string; probabilityCheapest: number; probabilitySaves: number; infeasibleDraws: number }[];
  /** Draws in which no sparse option was feasible. */
  noSparseDraws: number;
  lawDrawsUsed: number;
  lawSource: string | null;
}

function triangularAt(u: number, low: number, mode: number, high: number): number {
  if (!(high > low)) return low;
  const m = Math.min(Math.max(mode, low), high);
  const cut = (m - low) / (high - low);
  return u < cut ? low + Math.sqrt(u * (high - low) * (m - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - m));
}

/** Lognormal whose 5th and 95th percentiles are low and high. */
function lognormalAt(u: number, low: number, high: number): number {
  const mu = (Math.log(low) + Math.log(high)) / 2;
  const sigma = (Math.log(high) - Math.log(low)) / (2 * Z95);
  return Math.exp(mu + sigma * probit(Math.min(Math.max(u, 1e-12), 1 - 1e-12)));
}

function sample(random: Random, range: EffectiveRange): number {
  const u = random();
  return range.distribution === 'lognormal' ? lognormalAt(u, range.low, range.high) : triangularAt(u, range.low, range.base, range.high);
}

export function distribution(values: Float64Array, bins = 30): Distribution {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(sorted, p);
  let sum = 0;
  let positive = 0;
  for (const v of sorted) {
    sum += v;
    if (v > 0) positive++;
  }
  const from = q(0.005);
  const to = q(0.995);
  let histogram: Distribution['histogram'] = [{ from, to, count: sorted.length }];
  if (to > from) {
    const width = (to - from) / bins;
    const counts = new Array<number>(bins).fill(0);
    for (const v of sorted) {
      if (v < from || v > to) continue;
      counts[Math.min(bins - 1, Math.floor((v - from) / width))]!++;
    }
    histogram = counts.map((count, i) => ({ from: from + i * width, to: from + (i + 1) * width, count }));
  }
  return { p10: q(0.1), p50: q(0.5), p90: q(0.9), mean: sum / sorted.length, probabilityPositive: positive / sorted.length, histogram };
}

export interface MonteCarloSettings {
  draws: number;
  seed: number;
  law: LawDraws | null;
  /** Options that may be chosen (equal quality, meeting the latency budget, or lower quality when accepted). */
  eligible: boolean[];
  headlineIndex: number;
  materiality: number;
  baseFlops: number;
}

/** Total cost of option `o` in one draw. */
export function drawCost(option: ModelOption, x: CostInputs, sizeScale: number, speedup: number, baseFlops: number): number {
  const shape = option.shape;
  const up = upfrontCost(shape, x, sizeScale);
  const speed = option.kind === 'baseline' || option.kind === 'dense' ? shape.speedup : speedup;
  return up.upfront + runningCost(flopsPerRequest(shape, x, sizeScale, speed), baseFlops, deployMonthOf(up.deployMonths, x), x);
}

export function monteCarlo(options: readonly ModelOption[], x: CostInputs, ranges: readonly EffectiveRange[], settings: MonteCarloSettings): MonteCarloResult {
  const random = seededRandom(settings.seed, 'uncertainty.seed');
  const n = settings.draws;
  const advantage = new Float64Array(n);
  const headline = new Float64Array(n);
  const cheapest = new Array<number>(options.length).fill(0);
  const saves = new Array<number>(options.length).fill(0);
  const infeasible = new Array<number>(options.length).fill(0);
  const costs = new Float64Array(options.length);
  let material = 0;
  let noSparse = 0;
  const law = settings.law;
  const drawn = copyInputs(x);
  for (let i = 0; i < n; i++) {
    for (const range of ranges) setInput(drawn, range.input, sample(random, range));
    const u = random();
    const vector = law && law.vectors > 0 ? Math.floor(random() * law.vectors) : -1;
    let bestSparse = Infinity;
    let bestOther = Infinity;
    let bestIndex = -1;
    for (let o = 0; o < options.length; o++) {
      const option = options[o]!;
      // Options that never compete (lower quality, below the floor, over the takt time) are not drawn.
      if (!settings.eligible[o] && o !== 0 && o !== settings.headlineIndex) {
        costs[o] = Infinity;
        continue;
      }
      const scale = vector >= 0 ? law!.sizeFactor[o]![vector]! : 1;
      if (!Number.isFinite(scale)) {
        infeasible[o]!++;
        costs[o] = Infinity;
        continue;
      }
      const s = option.speedup;
      const speed = triangularAt(u, s.low, s.value, s.high);
      const cost = drawCost(option, drawn, scale, speed, settings.baseFlops);
      costs[o] = cost;
      if (!settings.eligible[o]) continue;
      if (cost < (bestIndex < 0 ? Infinity : costs[bestIndex]!)) bestIndex = o;
      if (option.kind === 'sparse' || option.kind === 'pruned') bestSparse = Math.min(bestSparse, cost);
      else bestOther = Math.min(bestOther, cost);
    }
    const base = costs[0]!;
    for (let o = 0; o < options.length; o++) if (costs[o]! < base) saves[o]!++;
    if (bestIndex >= 0) cheapest[bestIndex]!++;
    if (!Number.isFinite(bestSparse) || !Number.isFinite(bestOther)) {
      noSparse++;
      advantage[i] = -settings.materiality;
    } else {
      advantage[i] = bestOther - bestSparse;
      if (advantage[i]! > settings.materiality) material++;
    }
    // When the law makes the headline option infeasible in a draw, the team would take the next best.
    const h = costs[settings.headlineIndex]!;
    headline[i] = base - (Number.isFinite(h) ? h : bestIndex >= 0 ? costs[bestIndex]! : base);
  }
  return {
    draws: n,
    seed: settings.seed,
    sparseAdvantage: distribution(advantage),
    probabilitySparseMaterial: material / n,
    headlineSavings: distribution(headline),
    perOption: options.map((o, k) => ({ id: o.id, probabilityCheapest: cheapest[k]! / n, probabilitySaves: saves[k]! / n, infeasibleDraws: infeasible[k]! })),
    noSparseDraws: noSparse,
    lawDrawsUsed: law?.vectors ?? 0,
    lawSource: law?.source ?? null,
  };
}
