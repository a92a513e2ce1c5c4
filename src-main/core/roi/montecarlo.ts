/**
 * Seeded Monte Carlo over the uncertain inputs (triangular or lognormal ranges) and the law's
 * own uncertainty (a factor on m(S) − 1): the distribution of the best sparse option's savings.
 * The same seed gives the same numbers.
 */
import { probit, quantileSorted } from 'simple-statistics';
import type { CostInputs } from './costs.js';
import type { ModelOption } from './options.js';
import { INPUT_FIELD, type EffectiveRange } from './ranges.js';
import { savingsOf } from './savings.js';
import { seededRandom, type Random } from '../random.js';

/** z of the 95th percentile: a 90 % interval spans ±1.645 σ. */
const Z95 = 1.6448536269514722;

export interface LawUncertainty {
  /** 90 % interval of the factor on m(S) − 1. */
  low: number;
  high: number;
  source: string;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  probabilityPositive: number;
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  /** P(best sparse option saves more than the smaller dense model), when there is one. */
  probabilityBeatsSmallerDense: number | null;
  histogram: { from: number; to: number; count: number }[];
  lawUncertainty: LawUncertainty | null;
}

function triangular(random: Random, low: number, mode: number, high: number): number {
  if (high <= low) return low;
  const m = Math.min(Math.max(mode, low), high);
  const u = random();
  const cut = (m - low) / (high - low);
  return u < cut ? low + Math.sqrt(u * (high - low) * (m - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - m));
}

/** Lognormal whose 5th and 95th percentiles are low and high. */
function lognormal(random: Random, low: number, high: number): number {
  const mu = (Math.log(low) + Math.log(high)) / 2;
  const sigma = (Math.log(high) - Math.log(low)) / (2 * Z95);
  // probit is the standard normal quantile; keep u away from 0 where it diverges.
  return Math.exp(mu + sigma * probit(Math.max(random(), 1e-12)));
}

function sample(random: Random, range: EffectiveRange): number {
  return range.distribution === 'lognormal' ? lognormal(random, range.low, range.high) : triangular(random, range.low, range.base, range.high);
}

function histogram(sorted: number[], bins: number): MonteCarloResult['histogram'] {
  const from = quantileSorted(sorted, 0.005);
  const to = quantileSorted(sorted, 0.995);
  if (!(to > from)) return [{ from, to, count: sorted.length }];
  const width = (to - from) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of sorted) {
    if (v < from || v > to) continue;
    counts[Math.min(bins - 1, Math.floor((v - from) / width))]!++;
  }
  return counts.map((count, i) => ({ from: from + i * width, to: from + (i + 1) * width, count }));
}

export function monteCarlo(
  option: ModelOption,
  baseline: ModelOption,
  smallerDense: ModelOption | null,
  x: CostInputs,
  ranges: EffectiveRange[],
  settings: { draws: number; seed: number; law: LawUncertainty | null },
): MonteCarloResult {
  const random = seededRandom(settings.seed, 'uncertainty.seed');
  const savings = new Float64Array(settings.draws);
  let beatsSmaller = 0;
  let positive = 0;
  let sum = 0;
  const excess = option.multiplier - 1;
  for (let i = 0; i < settings.draws; i++) {
    const drawn: CostInputs = { ...x };
    for (const range of ranges) {
      const field = INPUT_FIELD[range.input];
      (drawn[field] as number) = sample(random, range);
    }
    if (drawn.horizonMonths !== x.horizonMonths) drawn.horizonMonths = Math.round(drawn.horizonMonths);
    let scale = 1;
    if (settings.law && option.kind === 'sparse' && excess > 0) {
      // A different m(S) changes the size of the equal-quality sparse model; its training,
      // retraining and inference costs scale with that size (engineering does not).
      const factor = lognormal(random, settings.law.low, settings.law.high);
      scale = option.multiplier / (1 + excess * factor);
    }
    const value = savingsOf(option, baseline, drawn, scale);
    savings[i] = value;
    sum += value;
    if (value > 0) positive++;
    if (smallerDense && value > savingsOf(smallerDense, baseline, drawn)) beatsSmaller++;
  }
  const sorted = Array.from(savings.sort());
  const q = (p: number) => quantileSorted(sorted, p);
  return {
    draws: settings.draws,
    seed: settings.seed,
    probabilityPositive: positive / settings.draws,
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    mean: sum / settings.draws,
    probabilityBeatsSmallerDense: smallerDense ? beatsSmaller / settings.draws : null,
    histogram: histogram(sorted, 30),
    lawUncertainty: settings.law,
  };
}
