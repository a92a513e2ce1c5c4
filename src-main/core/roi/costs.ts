/**
 * The cost model: what each option costs to train, prune, engineer, feed with data and serve over
 * the horizon, as a present value. Compute is priced by accelerator-hours at the sustained rate peak
 * FLOP/s × utilisation; serving is metered (price per hour) or a fleet of owned devices (fleet.ts).
 * Upfront costs fall at month 0; running costs at the end of each month, discounted monthly. A
 * sunk training cost (an existing model) is never counted, so it can never appear as a saving.
 */
import { fleetInputsFrom, planFleetTotal, type FleetInputs } from './fleet.js';
import type { Scenario } from './scenario.js';

export const DAYS_PER_MONTH = 365.25 / 12;
const SECONDS_PER_HOUR = 3600;
const HOURS_PER_MONTH = 24 * DAYS_PER_MONTH;

export interface MeteredInputs {
  requestsPerDay: number;
  inferencePricePerHour: number;
  inferencePeakFlops: number;
  inferenceUtilisation: number;
}

/** Flat numeric inputs, so the Monte Carlo and the tornado can vary each one. */
export interface CostInputs {
  status: 'planned' | 'trained';
  trainingPricePerHour: number;
  trainingPeakFlops: number;
  trainingUtilisation: number;
  trainingGpus: number;
  engineeringDays: number;
  dayRate: number;
  tooling: number;
  riskBuffer: number;
  dataCostPerUnit: number;
  /** Data to retrain a pruned existing model on. */
  retrainData: number;
  oneShotGpuHoursPerBillion: number;
  /** Tokens per image (vision) or 1 (language). */
  tokensPerUnit: number;
  /**
   * FLOPs per parameter and token at inference: 2 when every token passes through all of N
   * (encoder, decoder-only), 1 for an encoder-decoder, where each token passes through one half.
   */
  inferenceFlopsPerParamToken: number;
  /** The same for training: 6, or 3 for an encoder-decoder. */
  trainingFlopsPerParamToken: number;
  /** Tokens one request sends through the model. */
  tokensPerRequest: number;
  horizonMonths: number;
  growthPerMonth: number;
  /** (1 + yearly rate)^(1/12) − 1. */
  monthlyDiscount: number;
  metered: MeteredInputs | null;
  fleet: FleetInputs | null;
  /** Fleet: requests per second one device sustains with today's dense model, and its latency. */
  fleetBaseRequestsPerSecond: number;
  fleetBaseLatencyMs: number;
}

export function monthlyRate(yearly: number): number {
  return (1 + yearly) ** (1 / 12) - 1;
}

export function costInputsFrom(s: Scenario): CostInputs {
  const d = s.deployment;
  const language = s.baseline.tokensPerUnit.unit === 'tokens/token';
  const encoderDecoder = s.architecture.kind === 'encoder-decoder';
  const tokensPerRequest = language
    ? d.unitsPerRequest.value + d.outputTokensPerRequest.value
    : d.unitsPerRequest.value * s.baseline.tokensPerUnit.value;
  return {
    status: s.baseline.status,
    trainingPricePerHour: s.training.pricePerHour.value,
    trainingPeakFlops: s.training.peakFlops.value,
    trainingUtilisation: s.training.utilisation.value,
    trainingGpus: s.training.gpus.value,
    engineeringDays: s.engineering.personDays.value,
    dayRate: s.engineering.dayRate.value,
    tooling: s.engineering.tooling.value,
    riskBuffer: s.engineering.riskBuffer.value,
    dataCostPerUnit: s.data.costPerUnit.value,
    retrainData: s.pruning.retrainData.value,
    oneShotGpuHoursPerBillion: s.pruning.oneShotGpuHoursPerBillion.value,
    tokensPerUnit: s.baseline.tokensPerUnit.value,
    inferenceFlopsPerParamToken: encoderDecoder ? 1 : 2,
    trainingFlopsPerParamToken: encoderDecoder ? 3 : 6,
    tokensPerRequest,
    horizonMonths: d.horizonMonths.value,
    growthPerMonth: d.growthPerMonth.value,
    monthlyDiscount: monthlyRate(s.decision.discountRate.value),
    metered:
      d.kind === 'metered'
        ? {
            requestsPerDay: d.requestsPerDay.value,
            inferencePricePerHour: d.pricePerHour.value,
            inferencePeakFlops: d.peakFlops.value,
            inferenceUtilisation: d.utilisation.value,
          }
        : null,
    fleet: d.kind === 'fleet' ? fleetInputsFrom(d, s.decision.discountRate.value) : null,
    fleetBaseRequestsPerSecond: d.kind === 'fleet' ? d.throughput.requestsPerSecond : 0,
    fleetBaseLatencyMs: d.kind === 'fleet' ? d.throughput.latencyMs : 0,
  };
}

/** What the cost model needs to know about an option. Sizes are dense-shape parameters. */
export interface CostedShape {
  /** Parameters whose training is paid for (N/(1−S) for sparse training at dense cost); 0 for keep. */
  trainSize: number;
  /** Data seen in training: unique data × passes. */
  seenData: number;
  /** Unique data beyond what the baseline already has: paid at the data cost. */
  extraUniqueData: number;
  /** Sparse work needs pruning engineering; dense options do not. */
  engineering: boolean;
  /** Pruning an existing model: one-shot pruning and retraining of its dense shape. */
  prunedExisting: boolean;
  /** Dense-shape parameters computed at inference. */
  inferenceSize: number;
  /** Inference speed-up on the deployment hardware against the same shape run dense. */
  speedup: number;
}

export interface OptionCost {
  trainingFlops: number;
  training: number;
  /** One-shot pruning and retraining of an existing model. */
  pruningFlops: number;
  pruning: number;
  engineering: number;
  data: number;
  upfront: number;
  /** GPU-hours of training or pruning and retraining, and the calendar months that take on the training GPUs. */
  gpuHours: number;
  deployMonths: number;
  flopsPerRequest: number;
  /** Present value of serving over the horizon (metered price, or fleet capital + power − residual). */
  running: number;
  total: number;
}

function computeCost(flops: number, x: CostInputs): number {
  return (flops / (x.trainingPeakFlops * x.trainingUtilisation) / SECONDS_PER_HOUR) * x.trainingPricePerHour;
}

/** Σ_{t=from}^{to−1} (1+g)^t / (1+r)^(t+1): discounted request-months relative to the first month. */
export function discountedGrowthSum(from: number, to: number, growth: number, monthlyDiscount: number): number {
  if (to <= from) return 0;
  const q = (1 + growth) / (1 + monthlyDiscount);
  const first = (1 + growth) ** from / (1 + monthlyDiscount) ** (from + 1);
  const n = to - from;
  return Math.abs(q - 1) < 1e-12 ? first * n : (first * (q ** n - 1)) / (q - 1);
}

export interface UpfrontCost {
  trainingFlops: number;
  training: number;
  pruningFlops: number;
  pruning: number;
  engineering: number;
  data: number;
  upfront: number;
  gpuHours: number;
  deployMonths: number;
}

export function upfrontCost(shape: CostedShape, x: CostInputs, sizeScale = 1): UpfrontCost {
  const trainingFlops = x.trainingFlopsPerParamToken * shape.trainSize * sizeScale * shape.seenData * x.tokensPerUnit;
  const training = computeCost(trainingFlops, x);
  let pruningFlops = 0;
  let oneShotHours = 0;
  if (shape.prunedExisting) {
    pruningFlops = x.trainingFlopsPerParamToken * shape.inferenceSize * x.retrainData * x.tokensPerUnit;
    oneShotHours = (x.oneShotGpuHoursPerBillion * shape.inferenceSize) / 1e9;
  }
  const pruning = computeCost(pruningFlops, x) + oneShotHours * x.trainingPricePerHour;
  const engineering = shape.engineering ? (x.engineeringDays * x.dayRate + x.tooling) * (1 + x.riskBuffer) : 0;
  const data = shape.extraUniqueData * x.dataCostPerUnit;
  const gpuHours = (trainingFlops + pruningFlops) / (x.trainingPeakFlops * x.trainingUtilisation) / SECONDS_PER_HOUR + oneShotHours;
  // An existing model keeps serving until its replacement is ready; a planned model's options are all
  // compared from their own deployment, so the calendar time is shown but not charged (docs/method.md).
  const deployMonths = gpuHours / x.trainingGpus / HOURS_PER_MONTH;
  return { trainingFlops, training, pruningFlops, pruning, engineering, data, upfront: training + pruning + engineering + data, gpuHours, deployMonths };
}

export function flopsPerRequest(shape: CostedShape, x: CostInputs, sizeScale = 1, speedup = shape.speedup): number {
  return (x.inferenceFlopsPerParamToken * shape.inferenceSize * sizeScale * x.tokensPerRequest) / speedup;
}

/** The month from which an option serves: 0 for planned models, else its calendar time to deploy, rounded up. */
export function deployMonthOf(deployMonths: number, x: CostInputs): number {
  return x.status === 'trained' ? Math.min(x.horizonMonths, Math.ceil(deployMonths - 1e-9)) : 0;
}

function meteredCostPerRequest(flops: number, m: MeteredInputs): number {
  return (flops / (m.inferencePeakFlops * m.inferenceUtilisation) / SECONDS_PER_HOUR) * m.inferencePricePerHour;
}

/**
 * Present value of serving with `flops` per request from `deployMonth` on, and with the baseline's
 * `baseFlops` before it (the existing model keeps serving until its replacement is ready). The
 * fleet's throughput and latency are given for the baseline and scale with the FLOPs ratio.
 */
export function runningCost(flops: number, baseFlops: number, deployMonth: number, x: CostInputs): number {
  if (x.metered) {
    const m = x.metered;
    const perMonth = m.requestsPerDay * DAYS_PER_MONTH;
    return (
      perMonth *
      (meteredCostPerRequest(baseFlops, m) * discountedGrowthSum(0, deployMonth, x.growthPerMonth, x.monthlyDiscount) +
        meteredCostPerRequest(flops, m) * discountedGrowthSum(deployMonth, x.horizonMonths, x.growthPerMonth, x.monthlyDiscount))
    );
  }
  const fleet = x.fleet!;
  // Beyond 10¹² requests per second a device has, for any plant, unlimited capacity: the fleet model's ceiling.
  const requestsPerSecondPerDevice = Math.min(1e12, x.fleetBaseRequestsPerSecond * (baseFlops / flops));
  const latencyMs = x.fleetBaseLatencyMs * (flops / baseFlops);
  // A model a million times heavier than today's cannot be served by any fleet: infeasible, not an error.
  if (!(requestsPerSecondPerDevice > 1e-9) || !(latencyMs <= 1e9)) return Infinity;
  return planFleetTotal(fleet, { requestsPerSecondPerDevice, latencyMs, deployMonth, statusQuo: { requestsPerSecondPerDevice: x.fleetBaseRequestsPerSecond } });
}

/** The full cost of an option; `baseFlops` is the baseline's FLOPs per request (see runningCost). */
export function optionCost(shape: CostedShape, x: CostInputs, baseFlops: number, sizeScale = 1): OptionCost {
  const up = upfrontCost(shape, x, sizeScale);
  const flops = flopsPerRequest(shape, x, sizeScale);
  const deployMonth = deployMonthOf(up.deployMonths, x);
  const running = runningCost(flops, baseFlops, deployMonth, x);
  return { ...up, flopsPerRequest: flops, running, total: up.upfront + running };
}

/**
 * Cumulative present value of an option's cost at the end of each month of the horizon (upfront
 * included): what payback and the savings-over-time chart read. Metered serving is summed month by
 * month; a fleet is re-planned for each shorter horizon, so its residual value is credited at that month.
 */
export function cumulativeCost(shape: CostedShape, x: CostInputs, baseFlops: number): Float64Array {
  const up = upfrontCost(shape, x);
  const flops = flopsPerRequest(shape, x);
  const deployMonth = deployMonthOf(up.deployMonths, x);
  const out = new Float64Array(x.horizonMonths);
  if (x.metered) {
    const m = x.metered;
    const before = meteredCostPerRequest(baseFlops, m) * m.requestsPerDay * DAYS_PER_MONTH;
    const after = meteredCostPerRequest(flops, m) * m.requestsPerDay * DAYS_PER_MONTH;
    let total = up.upfront;
    for (let t = 0; t < x.horizonMonths; t++) {
      total += ((t < deployMonth ? before : after) * (1 + x.growthPerMonth) ** t) / (1 + x.monthlyDiscount) ** (t + 1);
      out[t] = total;
    }
    return out;
  }
  for (let t = 0; t < x.horizonMonths; t++) {
    out[t] = up.upfront + runningCost(flops, baseFlops, Math.min(deployMonth, t + 1), withHorizon(x, t + 1));
  }
  return out;
}

/** The same inputs over a shorter or longer horizon; a fleet's step changes beyond it are dropped. */
export function withHorizon(x: CostInputs, months: number): CostInputs {
  return {
    ...x,
    horizonMonths: months,
    fleet: x.fleet ? { ...x.fleet, horizonMonths: months, steps: x.fleet.steps.filter((step) => step.month < months) } : null,
  };
}
