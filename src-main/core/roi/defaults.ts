/**
 * A new scenario's starting values, and the defaults that the v1 → v2 migration fills in. Each
 * default carries its source and the date it was set, so the check-your-answers page and the memo
 * can say where a number came from. App assumptions are labelled as such.
 */
import { PRESETS, type PresetId } from '../law/presets.js';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario, type Source } from './scenario.js';

export const DEFAULTS_DATE = '2026-11-29';

export const source = (kind: Source['kind'], note: string, date = DEFAULTS_DATE): Source => ({ kind, note, date });
const assumption = (note: string) => source('assumed', `${note}; replace with your own figure`);

export const DEFAULT_CANDIDATES = [0.5, 0.75, 0.875, 0.9];

/** Japan's MLIT cost-benefit guideline uses a 4 % social discount rate; a company should use its own hurdle rate. */
export const DEFAULT_DISCOUNT_RATE = {
  value: 0.04,
  unit: 'fraction/year' as const,
  source: source(
    'default',
    '4 %/year, the social discount rate of Japan’s MLIT cost-benefit guideline (公共事業評価の費用便益分析に関する技術指針（共通編）, 2008); use your company’s hurdle rate',
  ),
};

/** Below 2 % of the avoidable cost, a difference is within the noise of the inputs: an app assumption. */
export const DEFAULT_MATERIALITY = {
  value: 0.02,
  unit: 'fraction' as const,
  source: source('assumed', 'Sparsity Advisor assumption: savings below 2 % of the baseline’s avoidable cost (present value) are no material difference'),
};

/** A pruned model behaves like a smaller one; 90 % of today's size is the default floor: an app assumption. */
export const DEFAULT_QUALITY_FLOOR = {
  value: 0.9,
  unit: 'fraction of today’s size' as const,
  source: source('assumed', 'Sparsity Advisor assumption: a model that behaves like at least 90 % of today’s model is acceptable'),
};

/** SparseGPT prunes OPT-175B / BLOOM-176B in about 4 hours on one A100 (Frantar & Alistarh 2023, §4 Setup). */
export const DEFAULT_ONE_SHOT_GPU_HOURS_PER_BILLION = {
  value: 4 / 175,
  unit: 'GPU-hours/billion params' as const,
  source: source('published', 'SparseGPT: about 4 A100-hours for a 175B model, scaled by parameters (Frantar & Alistarh 2023, arXiv 2301.00774, §4 Setup)'),
};

export const DEFAULT_DATA_COST = {
  value: 0,
  unit: 'currency/unit' as const,
  source: source('assumed', 'more unique data is taken to be free; set a price per image or token if it must be collected or labelled'),
};

export const DEFAULT_TRAINING_GPUS = {
  value: 8,
  unit: 'GPUs' as const,
  source: assumption('one 8-GPU training server'),
};

export function defaultScenario(preset: PresetId, name = 'New scenario'): Scenario {
  const vision = preset === 'vit';
  const unit = PRESETS[preset].dataUnit;
  const params = PRESETS[preset].paramCountAtScale1;
  const data = PRESETS[preset].fittedRange!.data.max;
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name,
    currency: 'USD',
    family: { kind: 'preset', preset },
    architecture: vision
      ? { kind: 'encoder', source: source('default', 'a Vision Transformer encodes each image once') }
      : { kind: 'encoder-decoder', source: source('default', 'the T5 law was fitted on encoder-decoder models') },
    baseline: {
      status: 'planned',
      params: {
        value: params,
        unit: 'params',
        source: source('default', vision ? 'ViT-B/16 blocks: 12 layers × 12·768²' : 'T5-Base blocks: 24 layers × 12·768²'),
      },
      uniqueData: { value: data, unit, source: source('default', 'the largest training run in the paper’s data') },
      passes: { value: 1, unit: 'passes', source: source('default', 'one pass over the data, as in the paper’s runs') },
      tokensPerUnit: vision
        ? { value: 197, unit: 'tokens/image', source: source('default', 'ViT-B/16 at 224×224: 14×14 patches + class token (Dosovitskiy et al. 2021)') }
        : { value: 1, unit: 'tokens/token', source: source('default', 'language data is counted in tokens') },
    },
    data: {
      available: { value: 2 * data, unit, source: assumption('twice the training data') },
      costPerUnit: DEFAULT_DATA_COST,
    },
    sparsity: { candidates: [...DEFAULT_CANDIDATES], includeOptimal: true, pattern: 'unstructured' },
    training: {
      pricePerHour: { value: 2.5, unit: 'currency/hour', source: assumption('on-demand cloud price of one A100-class GPU') },
      peakFlops: { value: 312e12, unit: 'FLOP/s', source: source('default', 'NVIDIA A100 datasheet: 312 TFLOP/s dense BF16') },
      utilisation: {
        value: 0.4,
        unit: 'fraction',
        source: source('default', 'typical model-FLOPs utilisation; PaLM reports 46.2 % (Chowdhery et al. 2022)'),
      },
      gpus: DEFAULT_TRAINING_GPUS,
    },
    pruning: {
      retrainData: { value: 0.1 * data, unit, source: assumption('retrain on a tenth of the original data; NVIDIA’s 2:4 recipe repeats the whole run (Mishra et al. 2021)') },
      oneShotGpuHoursPerBillion: DEFAULT_ONE_SHOT_GPU_HOURS_PER_BILLION,
    },
    engineering: {
      personDays: { value: 20, unit: 'person-days', source: assumption('four engineer-weeks to prune, validate and ship') },
      dayRate: { value: 800, unit: 'currency/person-day', source: assumption('loaded engineer day rate') },
      tooling: { value: 0, unit: 'currency', source: assumption('open-source tooling') },
      riskBuffer: { value: 0.3, unit: 'fraction', source: assumption('30 % optimism-bias uplift on engineering') },
    },
    deployment: {
      kind: 'metered',
      unitsPerRequest: vision
        ? { value: 1, unit: 'images/request', source: source('default', 'one image per inspection') }
        : { value: 384, unit: 'tokens/request', source: assumption('prompt of a short request') },
      outputTokensPerRequest: vision
        ? { value: 0, unit: 'tokens/request', source: source('default', 'a vision model generates no tokens') }
        : { value: 128, unit: 'tokens/request', source: assumption('answer of a short request') },
      horizonMonths: { value: 36, unit: 'months', source: assumption('three-year horizon') },
      growthPerMonth: { value: 0.02, unit: 'fraction/month', source: assumption('2 % growth per month') },
      speedup: { source: 'unanswered', provider: 'cpu', benchmarkId: null, useUpperBound: false, publishedTarget: null, assumed: [] },
      requestsPerDay: { value: 100_000, unit: 'requests/day', source: assumption('placeholder volume') },
      pricePerHour: { value: 0.5, unit: 'currency/hour', source: assumption('one CPU server hour') },
      peakFlops: { value: 1e12, unit: 'FLOP/s', source: assumption('a few-core AVX-512 server CPU') },
      utilisation: { value: 0.3, unit: 'fraction', source: assumption('sustained share of peak at inference batch sizes') },
    },
    decision: { discountRate: DEFAULT_DISCOUNT_RATE, materiality: DEFAULT_MATERIALITY, qualityFloor: DEFAULT_QUALITY_FLOOR, acceptLowerQuality: false },
    uncertainty: { seed: 1, draws: 10_000, ranges: {}, law: true },
  };
}

/** A fleet deployment with one line, for a scenario that switches from metered to owned devices. */
export function defaultFleet(scenario: Scenario): Extract<Scenario['deployment'], { kind: 'fleet' }> {
  const d = scenario.deployment;
  return {
    kind: 'fleet',
    unitsPerRequest: d.unitsPerRequest,
    outputTokensPerRequest: d.outputTokensPerRequest,
    horizonMonths: d.horizonMonths,
    growthPerMonth: d.growthPerMonth,
    speedup: d.speedup,
    lines: [{ name: 'Line 1', devices: 1, deviceAgeMonths: 0, peakRequestsPerSecond: 1 }],
    steps: [],
    latencyBudgetMs: { value: 500, unit: 'ms', source: assumption('takt time per part') },
    maxUtilisation: { value: 0.8, unit: 'fraction', source: source('assumed', 'Sparsity Advisor assumption: plan devices to 80 % of their throughput, leaving headroom for peaks') },
    devicePrice: { value: 2000, unit: 'currency/device', source: assumption('an industrial PC with installation') },
    deviceLifeMonths: { value: 60, unit: 'months', source: assumption('five-year device life') },
    powerWatts: { value: 150, unit: 'W/device', source: assumption('an industrial PC under load') },
    electricityPrice: { value: 0.2, unit: 'currency/kWh', source: assumption('industrial electricity price') },
    hoursPerDay: { value: 16, unit: 'hours/day', source: assumption('two shifts') },
    throughput: { requestsPerSecond: 10, latencyMs: 100, kind: 'entered', benchmarkId: null, source: assumption('one device’s throughput with today’s model') },
  };
}
