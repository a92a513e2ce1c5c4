/**
 * The coefficients document: what `fit --save` writes and `--coefficients` reads. Validated with
 * a schema; each error names the field.
 */
import { z } from 'zod';
import { checkCoefficients, type LawCoefficients } from './coefficients.js';
import { probit } from 'simple-statistics';
import type { BootstrapResult } from './bootstrap.js';
import type { LawFit } from './fit.js';
import { multiplierUnchecked } from './law.js';
import type { Law } from './presets.js';
import { parseDocument } from '../schema.js';

export const COEFFICIENTS_FORMAT = 'sparsity-advisor/coefficients';
export const COEFFICIENTS_VERSION = 1;

const positive = z.number().positive();
const range = z.object({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, 'min must not exceed max');

export const coefficientsDocumentSchema = z.object({
  format: z.literal(COEFFICIENTS_FORMAT),
  version: z.literal(COEFFICIENTS_VERSION),
  name: z.string().min(1),
  dataUnit: z.enum(['images', 'tokens']),
  coefficients: z.object({
    aS: positive,
    bS: positive,
    cS: positive,
    bN: positive,
    aD: positive,
    bD: positive,
    c: z.number(),
  }),
  fittedRange: z
    .object({
      sparsity: range,
      nonzero: range,
      data: range,
    })
    .nullable(),
  source: z.object({ kind: z.enum(['preset', 'fit', 'file']), citation: z.string().min(1) }),
  /**
   * The law's own uncertainty from a bootstrap of its runs: a 90 % interval of a factor on
   * m(S) − 1, which the ROI Monte Carlo draws from. Absent without a bootstrap.
   */
  uncertainty: z
    .object({
      multiplierExcess90: z
        .object({ low: positive, high: positive })
        .refine((r) => r.low <= 1 && r.high >= 1, 'must contain 1'),
      resamples: z.number().int().positive(),
      seed: z.number().int().nonnegative(),
    })
    .optional(),
  fit: z
    .object({
      objective: z.number().nonnegative(),
      huberDelta: positive,
      logResiduals: z.boolean(),
      starts: z.number().int().positive(),
      seed: z.number().int().nonnegative(),
      runs: z.number().int().positive(),
      rmse: z.number().nonnegative(),
      maxRelativeError: z.number().nonnegative(),
    })
    .optional(),
});

export type CoefficientsDocument = z.infer<typeof coefficientsDocumentSchema>;

export function parseCoefficientsDocument(value: unknown, root = 'coefficients file'): Law {
  const doc = parseDocument(coefficientsDocumentSchema, value, root);
  return {
    id: 'custom',
    name: doc.name,
    dataUnit: doc.dataUnit,
    coefficients: checkCoefficients(doc.coefficients as LawCoefficients, `${root}.coefficients`),
    fittedRange: doc.fittedRange,
    source: { kind: 'file', citation: doc.source.citation },
  };
}

/** The z of a two-sided interval's upper end: 1.645 for 90 %, 1.960 for 95 %. */
function zOf(level: number): number {
  return probit(0.5 + level / 2);
}

/**
 * The bootstrap spread of m(0.75) − 1 relative to the fit, as the 90 % factor the Monte Carlo
 * uses. Its interval is read at the bootstrap's own level and rescaled to 90 % on a log scale,
 * as for a lognormal.
 */
export function multiplierExcessFromBootstrap(fit: LawFit, bootstrap: BootstrapResult): CoefficientsDocument['uncertainty'] {
  const at = bootstrap.multiplier.find((m) => m.sparsity === 0.75) ?? bootstrap.multiplier[0];
  if (!at) return undefined;
  const m = multiplierUnchecked(fit.coefficients, at.sparsity);
  const scale = zOf(0.9) / zOf(bootstrap.level);
  const factor = (bound: number) => Math.exp(Math.log(Math.max(bound - 1, 1e-12) / (m - 1)) * scale);
  return {
    multiplierExcess90: { low: Math.min(1, factor(at.interval.low)), high: Math.max(1, factor(at.interval.high)) },
    resamples: bootstrap.resamples,
    seed: bootstrap.seed,
  };
}

export function coefficientsDocumentFromFit(fit: LawFit, name: string, citation: string, bootstrap?: BootstrapResult): CoefficientsDocument {
  return {
    format: COEFFICIENTS_FORMAT,
    version: COEFFICIENTS_VERSION,
    name,
    dataUnit: fit.dataUnit,
    coefficients: checkCoefficients({ ...fit.coefficients }),
    fittedRange: fit.diagnostics.ranges,
    source: { kind: 'fit', citation },
    ...(bootstrap ? { uncertainty: multiplierExcessFromBootstrap(fit, bootstrap) } : {}),
    fit: {
      objective: fit.objective,
      huberDelta: fit.settings.huberDelta,
      logResiduals: fit.settings.logResiduals,
      starts: fit.settings.starts,
      seed: fit.settings.seed,
      runs: fit.diagnostics.runs.length,
      rmse: fit.diagnostics.rmse,
      maxRelativeError: fit.diagnostics.maxRelativeError,
    },
  };
}
