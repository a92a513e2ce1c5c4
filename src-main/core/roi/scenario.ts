/**
 * The scenario, format v2: everything the decision engine needs, as one versioned JSON document.
 * Every number is a quantity with its unit and, where it is not the user's own, a source and a
 * date. Schemas are strict (an unknown key is an error, never silently dropped), every error names
 * its field, and every range is finite and contains its base value, so no NaN can reach a result.
 * Version 1 documents are migrated on read (scenario-migrate.ts); nothing is ever written as v1.
 */
import { z } from 'zod';
import { coefficientsDocumentSchema } from '../law/coefficients-file.js';
import { PROVIDERS } from '../hardware/benchmark-result.js';
import { PRESETS } from '../law/presets.js';
import { isoDateSchema, parseDocument, safeNameSchema } from '../schema.js';

export const SCENARIO_FORMAT = 'sparsity-advisor/scenario';
export const SCENARIO_VERSION = 2;

export const SOURCE_KINDS = ['user', 'default', 'example', 'assumed', 'benchmark', 'published', 'migrated'] as const;

export const sourceSchema = z
  .object({
    /**
     * user: typed by the user; default: the app's default; example: from a worked example; assumed: a
     * stated assumption; benchmark: a measurement; published: a published figure; migrated: filled in
     * when a v1 document was upgraded.
     */
    kind: z.enum(SOURCE_KINDS),
    note: z.string().max(2000),
    /** ISO date the value was taken or last checked. */
    date: isoDateSchema.optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export interface Bounds {
  min: number;
  max: number;
  minExclusive?: boolean;
  integer?: boolean;
}

function bounded(b: Bounds) {
  let value = z.number().finite('must be a finite number');
  value = b.minExclusive ? value.gt(b.min, `must be greater than ${b.min}`) : value.gte(b.min, `must be at least ${b.min}`);
  value = value.lte(b.max, `must be at most ${b.max}`);
  return b.integer ? value.int('must be a whole number') : value;
}

function quantity<U extends string>(unit: U, bounds: Bounds) {
  return z.object({ value: bounded(bounds), unit: z.literal(unit), source: sourceSchema.optional() }).strict();
}

export type Quantity<U extends string = string> = { value: number; unit: U; source?: Source | undefined };

export const DATA_UNITS = ['images', 'tokens'] as const;
export type DataUnit = (typeof DATA_UNITS)[number];

const dataQuantity = (min: number, minExclusive = true) =>
  z
    .object({ value: bounded({ min, max: 1e16, minExclusive }), unit: z.enum(DATA_UNITS), source: sourceSchema.optional() })
    .strict();

/**
 * The physical domain of every input that may carry a range. A range must lie inside it, so a
 * range can never reach a value the input itself would refuse (utilisation of −1, growth of 1e6).
 */
export const INPUT_DOMAINS = {
  requestsPerDay: { min: 0, max: 1e12 },
  growthPerMonth: { min: -0.5, max: 1 },
  demandScale: { min: 0.01, max: 100 },
  engineeringDays: { min: 0, max: 1e5 },
  trainingPricePerHour: { min: 0, max: 1e7 },
  inferencePricePerHour: { min: 0, max: 1e7 },
  inferenceUtilisation: { min: 0, max: 1, minExclusive: true },
  devicePrice: { min: 0, max: 1e10 },
  electricityPrice: { min: 0, max: 1e4 },
  retrainData: { min: 0, max: 1e16 },
  dataCostPerUnit: { min: 0, max: 1e9 },
} as const satisfies Record<string, Bounds>;

/** Inputs that may carry an uncertainty range for the Monte Carlo and the tornado. */
export const UNCERTAIN_INPUTS = Object.keys(INPUT_DOMAINS) as (keyof typeof INPUT_DOMAINS)[];
export type UncertainInput = keyof typeof INPUT_DOMAINS;

const rangeSchema = z
  .object({
    low: z.number().finite('must be a finite number'),
    high: z.number().finite('must be a finite number'),
    /** triangular(low, base, high), or lognormal with low..high as its 90 % interval. */
    distribution: z.enum(['triangular', 'lognormal']),
    source: sourceSchema.optional(),
  })
  .strict();
export type InputRange = z.infer<typeof rangeSchema>;

/** A speed-up in absolute × with its range, for one sparsity: what the user assumes. */
const assumedSpeedupSchema = z
  .object({
    sparsity: z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1'),
    value: z.number().finite().gt(0, 'must be greater than 0').lte(1000, 'must be at most 1000'),
    /** The range in absolute ×; low ≤ value ≤ high. */
    low: z.number().finite().gt(0, 'must be greater than 0'),
    high: z.number().finite().lte(1000, 'must be at most 1000'),
    source: sourceSchema.optional(),
  })
  .strict();
export type AssumedSpeedupEntry = z.infer<typeof assumedSpeedupSchema>;

const speedupSchema = z
  .object({
    /**
     * measured: rows of a hardware check or own-model benchmark; published: a published figure for a
     * deployment target; assumed: the values below; unanswered: the user has not chosen yet (the
     * engine refuses to decide on it).
     */
    source: z.enum(['measured', 'published', 'assumed', 'unanswered']),
    provider: z.enum(PROVIDERS),
    /** The benchmark result the measured speed-ups come from (stored, imported or shipped with an example). */
    benchmarkId: z.string().max(128).nullable(),
    /** Use upper-bound rows (ideal kernels) instead of measured ones; stays labelled. */
    useUpperBound: z.boolean(),
    /** The target in resources/published-speedups.json, with source published. */
    publishedTarget: z.string().max(64).nullable(),
    assumed: z.array(assumedSpeedupSchema).max(20),
  })
  .strict();

const lineSchema = z
  .object({
    name: safeNameSchema,
    /** Devices (line PCs) in service on this line today. */
    devices: bounded({ min: 1, max: 1e5, integer: true }),
    /** Age of today's devices in months; they are replaced when they reach the device life. */
    deviceAgeMonths: bounded({ min: 0, max: 600 }),
    /** Peak demand today: requests (parts) per second that this line must keep up with. */
    peakRequestsPerSecond: bounded({ min: 0, max: 1e7 }),
  })
  .strict();

const stepChangeSchema = z
  .object({
    /** Month (from now, 0-based) in which the change takes effect. */
    month: bounded({ min: 0, max: 240, integer: true }),
    name: safeNameSchema,
    /** New lines that start in that month, each with its own demand; they need devices whatever the model. */
    addLines: bounded({ min: 0, max: 1000, integer: true }),
    peakRequestsPerSecondPerLine: bounded({ min: 0, max: 1e7 }),
  })
  .strict();

const throughputSchema = z
  .object({
    /** Requests per second one device sustains with today's dense model, at the request size above. */
    requestsPerSecond: bounded({ min: 0, max: 1e9, minExclusive: true }),
    /** Latency of one request on one device with today's dense model. */
    latencyMs: bounded({ min: 0, max: 1e7, minExclusive: true }),
    /**
     * measured: the own-model benchmark; estimate: from the hardware check's useful GFLOP/s (MatMuls only,
     * synthetic shapes); entered: typed in; published: from a published figure.
     */
    kind: z.enum(['measured', 'estimate', 'entered', 'published']),
    benchmarkId: z.string().max(128).nullable(),
    source: sourceSchema.optional(),
  })
  .strict();

const commonDeployment = {
  /** Images per request (vision) or input tokens per request (language). */
  unitsPerRequest: z
    .object({
      value: bounded({ min: 0, max: 1e7, minExclusive: true }),
      unit: z.enum(['images/request', 'tokens/request']),
      source: sourceSchema.optional(),
    })
    .strict(),
  /** Generated tokens per request (language); 0 for vision. */
  outputTokensPerRequest: quantity('tokens/request', { min: 0, max: 1e7 }),
  horizonMonths: quantity('months', { min: 1, max: 240, integer: true }),
  growthPerMonth: quantity('fraction/month', INPUT_DOMAINS.growthPerMonth),
  speedup: speedupSchema,
};

const meteredSchema = z
  .object({
    kind: z.literal('metered'),
    ...commonDeployment,
    requestsPerDay: quantity('requests/day', INPUT_DOMAINS.requestsPerDay),
    pricePerHour: quantity('currency/hour', INPUT_DOMAINS.inferencePricePerHour),
    peakFlops: quantity('FLOP/s', { min: 1e6, max: 1e18, minExclusive: true }),
    utilisation: quantity('fraction', INPUT_DOMAINS.inferenceUtilisation),
  })
  .strict();

const fleetSchema = z
  .object({
    kind: z.literal('fleet'),
    ...commonDeployment,
    lines: z.array(lineSchema).min(1, 'must list at least one line').max(200),
    steps: z.array(stepChangeSchema).max(50),
    /** Longest time one request may take on one device (takt time). */
    latencyBudgetMs: quantity('ms', { min: 0, max: 1e7, minExclusive: true }),
    /** Highest share of a device's throughput planned for, leaving headroom for peaks. */
    maxUtilisation: quantity('fraction', { min: 0.05, max: 1 }),
    devicePrice: quantity('currency/device', INPUT_DOMAINS.devicePrice),
    deviceLifeMonths: quantity('months', { min: 1, max: 240, integer: true }),
    powerWatts: quantity('W/device', { min: 0, max: 1e5 }),
    electricityPrice: quantity('currency/kWh', INPUT_DOMAINS.electricityPrice),
    /** Hours per day the lines run. */
    hoursPerDay: quantity('hours/day', { min: 0, max: 24 }),
    throughput: throughputSchema,
  })
  .strict();

export const scenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    name: safeNameSchema,
    description: z.string().max(4000).optional(),
    /** ISO 4217 code; every money quantity is in this currency. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as JPY or USD'),
    family: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('preset'), preset: z.enum(['vit', 't5']) }).strict(),
      z.object({ kind: z.literal('custom'), coefficients: coefficientsDocumentSchema }).strict(),
    ]),
    /**
     * Which way tokens pass through the model. encoder: every token through all of N (ViT);
     * encoder-decoder: each token through one half (T5); decoder-only: every token through all of N.
     */
    architecture: z
      .object({ kind: z.enum(['encoder', 'encoder-decoder', 'decoder-only']), source: sourceSchema.optional() })
      .strict(),
    baseline: z
      .object({
        /** planned: not trained yet; trained: exists, its training cost is sunk. */
        status: z.enum(['planned', 'trained']),
        /** Non-zero Transformer-block parameters of today's dense model. */
        params: quantity('params', { min: 1e3, max: 1e13 }),
        /** Unique data the baseline is (or was) trained on. */
        uniqueData: dataQuantity(0),
        /** Passes (epochs) over the unique data; data seen = unique data × passes. */
        passes: quantity('passes', { min: 1, max: 10_000 }),
        /**
         * Tokens the Transformer processes per image or token of data: 197 for ViT-B/16 at 224×224
         * (14×14 patches + class token), 1 for language. Training and inference FLOPs scale with it.
         */
        tokensPerUnit: z
          .object({
            value: bounded({ min: 1, max: 1e5 }),
            unit: z.enum(['tokens/image', 'tokens/token']),
            source: sourceSchema.optional(),
          })
          .strict(),
      })
      .strict(),
    data: z
      .object({
        /** Unique data available in all (every option may use up to this much). */
        available: dataQuantity(0),
        /** Cost of one more unit of unique data (collection, labelling, licence); 0 when it is free. */
        costPerUnit: quantity('currency/unit', INPUT_DOMAINS.dataCostPerUnit),
      })
      .strict(),
    sparsity: z
      .object({
        candidates: z
          .array(z.number().gt(0, 'must be greater than 0').lte(0.99, 'must be at most 0.99'))
          .min(1, 'must list at least one sparsity')
          .max(12),
        includeOptimal: z.boolean(),
        pattern: z.enum(['unstructured', '2:4']),
      })
      .strict(),
    training: z
      .object({
        pricePerHour: quantity('currency/hour', INPUT_DOMAINS.trainingPricePerHour),
        /** Peak FLOP/s of one training accelerator. */
        peakFlops: quantity('FLOP/s', { min: 1e9, max: 1e18, minExclusive: true }),
        utilisation: quantity('fraction', { min: 0, max: 1, minExclusive: true }),
        /** Accelerators a training run uses at once: GPU-hours ÷ GPUs gives the calendar time to deploy. */
        gpus: quantity('GPUs', { min: 1, max: 1e5, integer: true }),
      })
      .strict(),
    pruning: z
      .object({
        /** Data to retrain on after pruning an existing (trained) model. */
        retrainData: dataQuantity(0, false),
        /** One-shot pruning compute per billion parameters (SparseGPT: about 4 GPU-hours for 175B). */
        oneShotGpuHoursPerBillion: quantity('GPU-hours/billion params', { min: 0, max: 1e4 }),
      })
      .strict(),
    engineering: z
      .object({
        personDays: quantity('person-days', INPUT_DOMAINS.engineeringDays),
        dayRate: quantity('currency/person-day', { min: 0, max: 1e8 }),
        tooling: quantity('currency', { min: 0, max: 1e12 }),
        riskBuffer: quantity('fraction', { min: 0, max: 5 }),
      })
      .strict(),
    deployment: z.discriminatedUnion('kind', [meteredSchema, fleetSchema]),
    decision: z
      .object({
        /** Discount rate per year for present values; 0 gives undiscounted sums. */
        discountRate: quantity('fraction/year', { min: -0.5, max: 1 }),
        /** Savings below this share of the baseline's avoidable costs are "no material difference". */
        materiality: quantity('fraction', { min: 0, max: 0.5 }),
        /** Lowest acceptable quality, as a size equivalent of today's model. */
        qualityFloor: quantity('fraction of today’s size', { min: 0.05, max: 1 }),
        /** Let options of lower quality (at or above the floor) compete for the recommendation. */
        acceptLowerQuality: z.boolean(),
      })
      .strict(),
    uncertainty: z
      .object({
        seed: z.number().int('must be a whole number').min(0, 'must be at least 0').max(0xffffffff, 'must be at most 4294967295'),
        draws: z.number().int('must be a whole number').min(100, 'must be at least 100').max(200_000, 'must be at most 200000'),
        ranges: z.partialRecord(z.enum(UNCERTAIN_INPUTS as [UncertainInput, ...UncertainInput[]]), rangeSchema),
        /** Include the law's own uncertainty (bootstrap coefficient vectors) in the Monte Carlo. */
        law: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const dataUnit = s.family.kind === 'preset' ? PRESETS[s.family.preset].dataUnit : s.family.coefficients.dataUnit;
    for (const [path, unit] of [
      [['baseline', 'uniqueData', 'unit'], s.baseline.uniqueData.unit],
      [['data', 'available', 'unit'], s.data.available.unit],
      [['pruning', 'retrainData', 'unit'], s.pruning.retrainData.unit],
    ] as const) {
      if (unit !== dataUnit) issue([...path], `must be ${dataUnit} for this model family`);
    }
    if (s.deployment.unitsPerRequest.unit !== `${dataUnit}/request`) {
      issue(['deployment', 'unitsPerRequest', 'unit'], `must be ${dataUnit}/request for this model family`);
    }
    const perUnit = dataUnit === 'images' ? 'tokens/image' : 'tokens/token';
    if (s.baseline.tokensPerUnit.unit !== perUnit) issue(['baseline', 'tokensPerUnit', 'unit'], `must be ${perUnit} for this model family`);
    if (dataUnit === 'tokens' && s.baseline.tokensPerUnit.value !== 1) {
      issue(['baseline', 'tokensPerUnit', 'value'], 'must be 1 when data is counted in tokens');
    }
    if (dataUnit === 'images' && s.deployment.outputTokensPerRequest.value !== 0) {
      issue(['deployment', 'outputTokensPerRequest', 'value'], 'must be 0 for a vision model');
    }
    if (dataUnit === 'images' && s.architecture.kind !== 'encoder') {
      issue(['architecture', 'kind'], 'must be encoder for a vision model');
    }
    if (s.data.available.value < s.baseline.uniqueData.value) {
      issue(['baseline', 'uniqueData', 'value'], 'must not exceed the unique data available (data.available)');
    }
    const speed = s.deployment.speedup;
    if (speed.source === 'assumed' && speed.assumed.length === 0) {
      issue(['deployment', 'speedup', 'assumed'], 'must list at least one assumed speed-up when the source is assumed');
    }
    if (speed.source === 'published' && !speed.publishedTarget) {
      issue(['deployment', 'speedup', 'publishedTarget'], 'must name a deployment target when the source is published');
    }
    const seen = new Set<number>();
    speed.assumed.forEach((entry, i) => {
      if (seen.has(entry.sparsity)) issue(['deployment', 'speedup', 'assumed', i, 'sparsity'], 'must not repeat a sparsity already assumed');
      seen.add(entry.sparsity);
      if (!(entry.low <= entry.value)) issue(['deployment', 'speedup', 'assumed', i, 'low'], 'must not exceed the assumed value');
      if (!(entry.value <= entry.high)) issue(['deployment', 'speedup', 'assumed', i, 'high'], 'must not be below the assumed value');
    });
    const candidates = new Set<number>();
    s.sparsity.candidates.forEach((c, i) => {
      if (candidates.has(c)) issue(['sparsity', 'candidates', i], 'must not repeat a sparsity');
      candidates.add(c);
    });
    const deployment = s.deployment;
    if (deployment.kind === 'fleet') {
      deployment.steps.forEach((step, i) => {
        if (step.month >= s.deployment.horizonMonths.value) issue(['deployment', 'steps', i, 'month'], 'must fall inside the horizon');
      });
    }
    for (const [key, range] of Object.entries(s.uncertainty.ranges) as [UncertainInput, InputRange | undefined][]) {
      if (!range) continue;
      const path = ['uncertainty', 'ranges', key];
      const applies = rangeApplies(key, s);
      if (!applies.ok) {
        issue(path, applies.why);
        continue;
      }
      const base = baseValueOf(key, s);
      const domain: Bounds = INPUT_DOMAINS[key];
      const below = (v: number) => (domain.minExclusive ? v <= domain.min : v < domain.min);
      if (below(range.low) || range.low > domain.max) issue([...path, 'low'], `must lie within ${domain.min}…${domain.max}`);
      else if (below(range.high) || range.high > domain.max) issue([...path, 'high'], `must lie within ${domain.min}…${domain.max}`);
      else if (range.low > base) issue([...path, 'low'], `must not exceed the base value ${base}`);
      else if (range.high < base) issue([...path, 'high'], `must not be below the base value ${base}`);
      else if (range.distribution === 'lognormal' && range.low <= 0) issue([...path, 'low'], 'must be greater than 0 for a lognormal range');
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type MeteredDeployment = z.infer<typeof meteredSchema>;
export type FleetDeployment = z.infer<typeof fleetSchema>;
export type ProductionLine = z.infer<typeof lineSchema>;
export type StepChange = z.infer<typeof stepChangeSchema>;
export type SpeedupChoice = z.infer<typeof speedupSchema>;

/** Which inputs a range may be given for: metered inputs only for metered deployments, and so on. */
export function rangeApplies(input: UncertainInput, s: Scenario): { ok: true } | { ok: false; why: string } {
  const metered = s.deployment.kind === 'metered';
  switch (input) {
    case 'requestsPerDay':
    case 'inferencePricePerHour':
    case 'inferenceUtilisation':
      return metered ? { ok: true } : { ok: false, why: 'applies only to a metered deployment' };
    case 'demandScale':
    case 'devicePrice':
    case 'electricityPrice':
      return metered ? { ok: false, why: 'applies only to a fleet of owned devices' } : { ok: true };
    case 'retrainData':
      return s.baseline.status === 'trained' ? { ok: true } : { ok: false, why: 'applies only to an existing (trained) model' };
    default:
      return { ok: true };
  }
}

/** The base value of an uncertain input, in its own unit (demandScale is a factor with base 1). */
export function baseValueOf(input: UncertainInput, s: Scenario): number {
  const d = s.deployment;
  switch (input) {
    case 'requestsPerDay':
      return d.kind === 'metered' ? d.requestsPerDay.value : 0;
    case 'growthPerMonth':
      return d.growthPerMonth.value;
    case 'demandScale':
      return 1;
    case 'engineeringDays':
      return s.engineering.personDays.value;
    case 'trainingPricePerHour':
      return s.training.pricePerHour.value;
    case 'inferencePricePerHour':
      return d.kind === 'metered' ? d.pricePerHour.value : 0;
    case 'inferenceUtilisation':
      return d.kind === 'metered' ? d.utilisation.value : 0;
    case 'devicePrice':
      return d.kind === 'fleet' ? d.devicePrice.value : 0;
    case 'electricityPrice':
      return d.kind === 'fleet' ? d.electricityPrice.value : 0;
    case 'retrainData':
      return s.pruning.retrainData.value;
    case 'dataCostPerUnit':
      return s.data.costPerUnit.value;
  }
}

export function dataUnitOf(scenario: Scenario): DataUnit {
  return scenario.family.kind === 'preset' ? PRESETS[scenario.family.preset].dataUnit : scenario.family.coefficients.dataUnit;
}

/** Parses a version 2 document; use `readScenario` (scenario-migrate.ts) for documents that may be v1. */
export function parseScenario(value: unknown, root = 'scenario'): Scenario {
  return parseDocument(scenarioSchema, value, root);
}
