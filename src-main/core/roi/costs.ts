/**
 * The cost model: what each option costs to train, prune, engineer and serve over the horizon.
 * All money is in the scenario's currency; compute is priced by accelerator-hours at the
 * sustained rate peak FLOP/s × utilisation.
 */
import type { Scenario } from './scenario.js';

export const DAYS_PER_MONTH = 365.25 / 12;
const SECONDS_PER_HOUR = 3600;

/** Flat numeric inputs, so the Monte Carlo and the tornado can vary each one. */
export interface CostInputs {
  trainingPricePerHour: number;
  trainingPeakFlops: number;
  trainingUtilisation: number;
  route: 'gradual' | 'prune-retrain';
  retrainFraction: number;
  engineeringDays: number;
  dayRate: number;
  tooling: number;
  riskBuffer: number;
  requestsPerDay: number;
  unitsPerRequest: number;
  /** Tokens per image (vision) or 1 (language): FLOPs scale with tokens, the law with images. */
  tokensPerUnit: number;
  growthPerMonth: number;
  horizonMonths: number;
  inferencePricePerHour: number;
  inferencePeakFlops: number;
  inferenceUtilisation: number;
  /** Multiplies every sparse speed-up: 1 at base; the Monte Carlo varies it within the measured spread. */
  speedupFactor: number;
}

export function costInputsFrom(s: Scenario): CostInputs {
  return {
    trainingPricePerHour: s.training.pricePerHour.value,
    trainingPeakFlops: s.training.peakFlops.value,
    trainingUtilisation: s.training.utilisation.value,
    route: s.pruning.route,
    retrainFraction: s.pruning.retrainFraction.value,
    engineeringDays: s.engineering.personDays.value,
    dayRate: s.engineering.dayRate.value,
    tooling: s.engineering.tooling.value,
    riskBuffer: s.engineering.riskBuffer.value,
    requestsPerDay: s.deployment.requestsPerDay.value,
    unitsPerRequest: s.deployment.unitsPerRequest.value,
    tokensPerUnit: s.baseline.tokensPerUnit.value,
    growthPerMonth: s.deployment.growthPerMonth.value,
    horizonMonths: s.deployment.horizonMonths.value,
    inferencePricePerHour: s.deployment.pricePerHour.value,
    inferencePeakFlops: s.deployment.peakFlops.value,
    inferenceUtilisation: s.deployment.utilisation.value,
    speedupFactor: 1,
  };
}

/** What the cost model needs to know about a model option. */
export interface CostedShape {
  sparse: boolean;
  /** Parameters in the dense shape: what training pays for and what a dense kernel computes. */
  denseSize: number;
  trainingData: number;
  /** Inference speed-up on the deployment hardware relative to the same shape run dense. */
  speedup: number;
}

export interface OptionCost {
  /** Training at dense cost: 6 · dense size · data · tokens per unit FLOPs. */
  trainingFlops: number;
  training: number;
  /** Retraining after pruning a pretrained model (prune-retrain route only). */
  pruningFlops: number;
  pruning: number;
  /** Person-days × day rate + tooling, plus the risk buffer; sparse options only. */
  engineering: number;
  upfront: number;
  /** 2 · dense size · units per request · tokens per unit / speed-up. */
  flopsPerRequest: number;
  costPerRequest: number;
  /** Requests served over the horizon, with growth. */
  requests: number;
  inference: number;
  total: number;
}

/** Σ_{t=0}^{H−1} (1+g)^t: request-months over the horizon relative to the first month. */
export function growthSum(growthPerMonth: number, horizonMonths: number): number {
  if (Math.abs(growthPerMonth) < 1e-12) return horizonMonths;
  return ((1 + growthPerMonth) ** horizonMonths - 1) / growthPerMonth;
}

function computeCost(flops: number, peak: number, utilisation: number, pricePerHour: number): number {
  return (flops / (peak * utilisation) / SECONDS_PER_HOUR) * pricePerHour;
}

export function optionCost(shape: CostedShape, x: CostInputs): OptionCost {
  const trainingFlops = 6 * shape.denseSize * shape.trainingData * x.tokensPerUnit;
  const training = computeCost(trainingFlops, x.trainingPeakFlops, x.trainingUtilisation, x.trainingPricePerHour);
  const pruningFlops = shape.sparse && x.route === 'prune-retrain' ? x.retrainFraction * trainingFlops : 0;
  const pruning = computeCost(pruningFlops, x.trainingPeakFlops, x.trainingUtilisation, x.trainingPricePerHour);
  const engineering = shape.sparse ? (x.engineeringDays * x.dayRate + x.tooling) * (1 + x.riskBuffer) : 0;
  const speedup = shape.sparse ? shape.speedup * x.speedupFactor : shape.speedup;
  const flopsPerRequest = (2 * shape.denseSize * x.unitsPerRequest * x.tokensPerUnit) / speedup;
  const costPerRequest = computeCost(flopsPerRequest, x.inferencePeakFlops, x.inferenceUtilisation, x.inferencePricePerHour);
  const requests = x.requestsPerDay * DAYS_PER_MONTH * growthSum(x.growthPerMonth, x.horizonMonths);
  const inference = requests * costPerRequest;
  const upfront = training + pruning + engineering;
  return {
    trainingFlops, training, pruningFlops, pruning, engineering, upfront,
    flopsPerRequest, costPerRequest, requests, inference, total: upfront + inference,
  };
}
