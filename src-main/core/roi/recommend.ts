/**
 * The recommendation: one of five levels, a calibrated likelihood phrase from P(savings > 0),
 * a confidence grade that drops for assumed inputs and extrapolation, and three reasons in the
 * terms of the checklist (data volume, hardware, pruning cost), each with its numbers.
 */
import type { OptimalSparsity } from '../law/optimal.js';
import type { ModelOption } from './options.js';
import type { MonteCarloResult } from './montecarlo.js';
import type { BreakEven } from './savings.js';
import type { OptionCost } from './costs.js';

export const LEVELS = ['go', 'go-with-conditions', 'pilot-first', 'not-now', 'no'] as const;
export type Level = (typeof LEVELS)[number];

/** IPCC AR5 calibrated likelihood language. */
export const LIKELIHOODS = [
  { phrase: 'virtually-certain', min: 0.99 },
  { phrase: 'very-likely', min: 0.9 },
  { phrase: 'likely', min: 0.66 },
  { phrase: 'about-as-likely-as-not', min: 0.33 },
  { phrase: 'unlikely', min: 0.1 },
  { phrase: 'very-unlikely', min: 0.01 },
  { phrase: 'exceptionally-unlikely', min: 0 },
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number]['phrase'];

export const CONFIDENCES = ['high', 'medium', 'low', 'very-low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type ConfidenceReason =
  | 'speedup-assumed'
  | 'speedup-upper-bound'
  | 'speedup-unreliable'
  | 'law-extrapolated'
  | 'law-far-extrapolated'
  | 'prune-retrain-route'
  | 'custom-law-without-range';

export type Condition =
  | 'confirm-speedup-on-deployment-hardware'
  | 'smaller-dense-cheaper'
  | 'payback-late-in-horizon'
  | 'check-extrapolation';

export type Cap = 'optimal-sparsity-zero' | 'no-measured-speedup' | 'no-inference-volume';

export function likelihoodOf(probability: number): Likelihood {
  return LIKELIHOODS.find((l) => probability >= l.min)!.phrase;
}

function levelFromProbability(p: number): Level {
  if (p >= 0.9) return 'go';
  if (p >= 0.66) return 'go-with-conditions';
  if (p >= 0.33) return 'pilot-first';
  if (p >= 0.1) return 'not-now';
  return 'no';
}

const rank = (level: Level) => LEVELS.indexOf(level);
/** The more cautious of two levels. */
const atMost = (level: Level, cap: Level): Level => (rank(level) >= rank(cap) ? level : cap);

export interface Reasons {
  dataVolume: {
    optimalSparsity: number;
    trainingData: number;
    thresholdData: number;
    /** Training data / threshold: above 1, sparsity pays at equal compute. */
    ratio: number;
    dataUnit: string;
  };
  hardware: {
    sparsity: number;
    speedup: number;
    speedupLow: number;
    speedupHigh: number;
    kind: ModelOption['speedup']['kind'];
    note: string;
    /** Speed-up at which the option just pays over the horizon; null if none suffices. */
    breakEvenSpeedup: number | null;
    provider: string | null;
  };
  pruningCost: {
    upfrontExtra: number;
    pruning: number;
    engineering: number;
    paybackMonth: number | null;
    horizonMonths: number;
  };
}

export interface Recommendation {
  level: Level;
  /** The option the recommendation is about: the sparse option with the largest savings in the base case. */
  optionId: string | null;
  probability: number;
  likelihood: Likelihood;
  confidence: Confidence;
  confidenceReasons: ConfidenceReason[];
  conditions: Condition[];
  caps: Cap[];
  reasons: Reasons;
}

export interface RecommendationInput {
  option: ModelOption;
  cost: OptionCost;
  baselineCost: OptionCost;
  breakEven: BreakEven;
  monteCarlo: MonteCarloResult;
  optimal: OptimalSparsity;
  trainingData: number;
  dataUnit: string;
  horizonMonths: number;
  route: 'gradual' | 'prune-retrain';
  lawHasRange: boolean;
  smallerDense: { savings: number } | null;
  savings: number;
  requestsPerDay: number;
}

export function recommend(input: RecommendationInput): Recommendation {
  const { option, monteCarlo, optimal } = input;
  const p = monteCarlo.probabilityPositive;

  const confidenceReasons: ConfidenceReason[] = [];
  if (option.speedup.kind === 'assumed') confidenceReasons.push('speedup-assumed');
  if (option.speedup.kind === 'upper-bound') confidenceReasons.push('speedup-upper-bound');
  if (option.speedup.kind === 'measured' && !option.speedup.reliable) confidenceReasons.push('speedup-unreliable');
  if (option.extrapolation.factor > 10) confidenceReasons.push('law-far-extrapolated');
  else if (option.extrapolation.factor > 2) confidenceReasons.push('law-extrapolated');
  if (input.route === 'prune-retrain') confidenceReasons.push('prune-retrain-route');
  if (!input.lawHasRange) confidenceReasons.push('custom-law-without-range');
  const drop = confidenceReasons.reduce((n, r) => n + (r === 'law-far-extrapolated' ? 2 : 1), 0);
  const confidence = CONFIDENCES[Math.min(CONFIDENCES.length - 1, drop)]!;

  let level = levelFromProbability(p);
  const caps: Cap[] = [];
  if (optimal.sparsity === 0) {
    caps.push('optimal-sparsity-zero');
    level = atMost(level, 'not-now');
  }
  const pruningCostIncurred = input.cost.upfront > input.baselineCost.upfront;
  if (option.speedup.kind === 'measured' && option.speedup.value <= 1 && pruningCostIncurred) {
    caps.push('no-measured-speedup');
    level = atMost(level, 'not-now');
  }
  if (input.requestsPerDay === 0) {
    caps.push('no-inference-volume');
    level = atMost(level, 'no');
  }

  const conditions: Condition[] = [];
  if (option.speedup.kind !== 'measured') conditions.push('confirm-speedup-on-deployment-hardware');
  if (input.smallerDense && input.smallerDense.savings > input.savings) conditions.push('smaller-dense-cheaper');
  const payback = input.breakEven.paybackMonth;
  if (payback !== null && payback > input.horizonMonths * 0.75 && payback <= input.horizonMonths) conditions.push('payback-late-in-horizon');
  if (option.extrapolation.extrapolates) conditions.push('check-extrapolation');
  // A confident "Go" needs measured evidence and no open condition.
  if (level === 'go' && (conditions.length > 0 || CONFIDENCES.indexOf(confidence) >= 2)) level = 'go-with-conditions';

  return {
    level,
    optionId: option.id,
    probability: p,
    likelihood: likelihoodOf(p),
    confidence,
    confidenceReasons,
    conditions,
    caps,
    reasons: {
      dataVolume: {
        optimalSparsity: optimal.sparsity,
        trainingData: input.trainingData,
        thresholdData: optimal.threshold.data,
        ratio: optimal.threshold.dataRatio,
        dataUnit: input.dataUnit,
      },
      hardware: {
        sparsity: option.sparsity,
        speedup: option.speedup.value,
        speedupLow: option.speedup.low,
        speedupHigh: option.speedup.high,
        kind: option.speedup.kind,
        note: option.speedup.note,
        breakEvenSpeedup: input.breakEven.speedup,
        provider: option.speedup.provider,
      },
      pruningCost: {
        upfrontExtra: input.cost.upfront - input.baselineCost.upfront,
        pruning: input.cost.pruning,
        engineering: input.cost.engineering,
        paybackMonth: payback,
        horizonMonths: input.horizonMonths,
      },
    },
  };
}
