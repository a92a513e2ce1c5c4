/**
 * The scenario format version 1, kept only so that v1 documents (files and stored revisions) stay
 * readable: scenario-migrate.ts validates them with this schema and upgrades them to version 2.
 */
import { z } from 'zod';
import { coefficientsDocumentSchema } from '../law/coefficients-file.js';
import { PROVIDERS } from '../hardware/benchmark-result.js';
import { PRESETS } from '../law/presets.js';

const SCENARIO_FORMAT = 'sparsity-advisor/scenario';
const SCENARIO_VERSION = 1;

const sourceSchema = z.object({
  /** user: typed by the user; default: the app's default; example: from a worked example; assumed: a stated assumption. */
  kind: z.enum(['user', 'default', 'example', 'assumed', 'benchmark']),
  note: z.string(),
  /** ISO date the value was taken or last checked. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-27').optional(),
});

function quantity<U extends string>(unit: U, min: number, max: number, options: { minExclusive?: boolean } = {}) {
  const value = options.minExclusive
    ? z.number().gt(min, `must be greater than ${min}`).lte(max, `must be at most ${max}`)
    : z.number().gte(min, `must be at least ${min}`).lte(max, `must be at most ${max}`);
  return z.object({ value, unit: z.literal(unit), source: sourceSchema.optional() });
}


const DATA_UNITS = ['images', 'tokens'] as const;
const dataQuantity = z.object({
  value: z.number().gt(0, 'must be greater than 0').lte(1e16, 'must be at most 1e16'),
  unit: z.enum(DATA_UNITS),
  source: sourceSchema.optional(),
});
const perRequestQuantity = z.object({
  value: z.number().gt(0, 'must be greater than 0').lte(1e7, 'must be at most 1e7'),
  unit: z.enum(['images/request', 'tokens/request']),
  source: sourceSchema.optional(),
});

/** Inputs that may carry an uncertainty range for the Monte Carlo and the tornado. */
const UNCERTAIN_INPUTS = [
  'requestsPerDay',
  'growthPerMonth',
  'speedup',
  'engineeringDays',
  'trainingPricePerHour',
  'inferencePricePerHour',
  'inferenceUtilisation',
  'retrainFraction',
] as const;

const rangeSchema = z
  .object({
    low: z.number(),
    high: z.number(),
    /** triangular(low, base, high), or lognormal with low..high as its 90 % interval. */
    distribution: z.enum(['triangular', 'lognormal']),
    source: sourceSchema.optional(),
  })
  .refine((r) => r.low <= r.high, { message: 'low must not exceed high', path: ['low'] });

export const scenarioV1Schema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(4000).optional(),
    /** ISO 4217 code; every money quantity is in this currency. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as JPY or USD'),
    family: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('preset'), preset: z.enum(['vit', 't5']) }),
      z.object({ kind: z.literal('custom'), coefficients: coefficientsDocumentSchema }),
    ]),
    baseline: z.object({
      /** The dense model the team would otherwise train and deploy: non-zero block parameters. */
      params: quantity('params', 1e3, 1e13),
      /** Data the dense baseline is trained on. */
      trainingData: dataQuantity,
      /** Data actually available; a smaller dense model may use more of it. */
      availableData: dataQuantity,
      /**
       * Tokens the Transformer processes per image or token of data: 197 for ViT-B/16 at 224×224
       * (14×14 patches + class token), 1 for language. Training and inference FLOPs scale with it.
       */
      tokensPerUnit: z.object({
        value: z.number().gte(1, 'must be at least 1').lte(1e5, 'must be at most 100000'),
        unit: z.enum(['tokens/image', 'tokens/token']),
        source: sourceSchema.optional(),
      }),
    }),
    sparsity: z.object({
      candidates: z
        .array(z.number().gt(0, 'must be greater than 0').lte(0.99, 'must be at most 0.99'))
        .min(1, 'must list at least one sparsity')
        .max(12),
      includeOptimal: z.boolean(),
      pattern: z.enum(['unstructured', '2:4']),
    }),
    training: z.object({
      pricePerHour: quantity('currency/hour', 0, 1e7),
      /** Peak FLOP/s of one training accelerator. */
      peakFlops: quantity('FLOP/s', 1e9, 1e18, { minExclusive: true }),
      utilisation: quantity('fraction', 0, 1, { minExclusive: true }),
    }),
    pruning: z.object({
      /** gradual: prune during training (the paper's route); prune-retrain: prune a pretrained dense model and retrain. */
      route: z.enum(['gradual', 'prune-retrain']),
      /** Retraining length as a fraction of the original run (prune-retrain only). */
      retrainFraction: quantity('fraction of original run', 0, 5),
    }),
    engineering: z.object({
      personDays: quantity('person-days', 0, 1e5),
      dayRate: quantity('currency/person-day', 0, 1e8),
      tooling: quantity('currency', 0, 1e12),
      riskBuffer: quantity('fraction', 0, 5),
    }),
    deployment: z.object({
      requestsPerDay: quantity('requests/day', 0, 1e12),
      unitsPerRequest: perRequestQuantity,
      growthPerMonth: quantity('fraction/month', -0.5, 2),
      horizonMonths: z.object({
        value: z.number().int('must be a whole number of months').gte(1, 'must be at least 1').lte(240, 'must be at most 240'),
        unit: z.literal('months'),
        source: sourceSchema.optional(),
      }),
      pricePerHour: quantity('currency/hour', 0, 1e7),
      peakFlops: quantity('FLOP/s', 1e6, 1e18, { minExclusive: true }),
      utilisation: quantity('fraction', 0, 1, { minExclusive: true }),
      speedup: z.object({
        /** benchmark: measured rows of a hardware-check result; assumed: the values below. */
        source: z.enum(['benchmark', 'assumed']),
        provider: z.enum(PROVIDERS),
        /** Use upper-bound rows (ideal kernels) instead of measured ones; stays labelled. */
        useUpperBound: z.boolean(),
        assumed: z
          .array(
            z.object({
              sparsity: z.number().gt(0).lt(1),
              value: z.number().gt(0, 'must be greater than 0').lte(1000, 'must be at most 1000'),
              source: sourceSchema.optional(),
            }),
          )
          .max(20),
      }),
    }),
    uncertainty: z.object({
      seed: z.number().int().min(0).max(0xffffffff),
      draws: z.number().int().min(100, 'must be at least 100').max(200_000, 'must be at most 200000'),
      ranges: z.partialRecord(z.enum(UNCERTAIN_INPUTS), rangeSchema),
      /** Include the law's own uncertainty (spread of m(S)) in the Monte Carlo. */
      law: z.boolean(),
    }),
  })
  .superRefine((s, ctx) => {
    const dataUnit = s.family.kind === 'preset' ? PRESETS[s.family.preset].dataUnit : s.family.coefficients.dataUnit;
    for (const field of ['trainingData', 'availableData'] as const) {
      if (s.baseline[field].unit !== dataUnit) {
        ctx.addIssue({ code: 'custom', path: ['baseline', field, 'unit'], message: `must be ${dataUnit} for this model family` });
      }
    }
    if (s.deployment.unitsPerRequest.unit !== `${dataUnit}/request`) {
      ctx.addIssue({ code: 'custom', path: ['deployment', 'unitsPerRequest', 'unit'], message: `must be ${dataUnit}/request for this model family` });
    }
    if (s.baseline.tokensPerUnit.unit !== (dataUnit === 'images' ? 'tokens/image' : 'tokens/token')) {
      ctx.addIssue({ code: 'custom', path: ['baseline', 'tokensPerUnit', 'unit'], message: `must be ${dataUnit === 'images' ? 'tokens/image' : 'tokens/token'} for this model family` });
    }
    if (dataUnit === 'tokens' && s.baseline.tokensPerUnit.value !== 1) {
      ctx.addIssue({ code: 'custom', path: ['baseline', 'tokensPerUnit', 'value'], message: 'must be 1 when data is counted in tokens' });
    }
    if (s.baseline.availableData.value < s.baseline.trainingData.value) {
      ctx.addIssue({ code: 'custom', path: ['baseline', 'availableData', 'value'], message: 'must be at least the training data of the baseline' });
    }
    if (s.deployment.speedup.source === 'assumed' && s.deployment.speedup.assumed.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['deployment', 'speedup', 'assumed'], message: 'must list at least one assumed speed-up when the source is assumed' });
    }
    for (const [key, range] of Object.entries(s.uncertainty.ranges)) {
      if (range && range.distribution === 'lognormal' && range.low <= 0) {
        ctx.addIssue({ code: 'custom', path: ['uncertainty', 'ranges', key, 'low'], message: 'must be greater than 0 for a lognormal range' });
      }
    }
  });

export type ScenarioV1 = z.infer<typeof scenarioV1Schema>;
