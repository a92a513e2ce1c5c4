/**
 * The coefficients document: what `fit --save` writes and `--coefficients` reads. Validated with
 * a strict schema (unknown keys are errors); each error names the field. Documents from before
 * the held-out block and the bootstrap vectors stay readable: both are optional.
 */
import { z } from 'zod';
import { checkCoefficients, type LawCoefficients } from './coefficients.js';
import { probit } from 'simple-statistics';
import type { BootstrapResult } from './bootstrap.js';
import type { LawFit } from './fit.js';
import { SIZE_EQUIVALENT_THRESHOLDS, type HeldOutValidation, type Verdict } from './held-out.js';
import { multiplierUnchecked } from './law.js';
import type { Law } from './presets.js';
import { parseDocument } from '../schema.js';

export const COEFFICIENTS_FORMAT = 'sparsity-advisor/coefficients';
export const COEFFICIENTS_VERSION = 1;

/** At most this many bootstrap vectors travel with a document (the first ones drawn). */
export const MAX_STORED_VECTORS = 1000;

const positive = z.number().positive();
const fraction = z.number().nonnegative();
const range = z.object({ min: z.number(), max: z.number() }).strict().refine((r) => r.min <= r.max, 'min must not exceed max');

/** The seven coefficients in paper units (coefficients.ts). */
export const lawCoefficientsSchema = z
  .object({
    aS: positive,
    bS: positive,
    cS: positive,
    bN: positive,
    aD: positive,
    bD: positive,
    c: z.number(),
  })
  .strict();

export const VERDICTS = ['extrapolates-well', 'use-with-care', 'unreliable'] as const satisfies readonly Verdict[];
const heldOutKind = z.enum(['largest-size', 'longest-training']);

const heldOutCheckSchema = z.discriminatedUnion('possible', [
  z
    .object({
      kind: heldOutKind,
      possible: z.literal(true),
      leftOutLevel: positive,
      leftOutRuns: z.number().int().positive(),
      fittedRuns: z.number().int().positive(),
      meanAbsRelativeError: fraction,
      worstRelativeError: z.number(),
      meanAbsSizeError: fraction,
      worstSizeError: z.number(),
      verdict: z.enum(VERDICTS),
    })
    .strict(),
  z
    .object({
      kind: heldOutKind,
      possible: z.literal(false),
      reason: z.discriminatedUnion('code', [
        z.object({ code: z.literal('too-few-data-levels'), levels: z.number().int().nonnegative() }).strict(),
        z.object({ code: z.literal('design'), message: z.string() }).strict(),
        z.object({ code: z.literal('no-usable-refit'), message: z.string() }).strict(),
      ]),
    })
    .strict(),
]);

export const coefficientsDocumentSchema = z.object({
  format: z.literal(COEFFICIENTS_FORMAT),
  version: z.literal(COEFFICIENTS_VERSION),
  name: z.string().min(1),
  dataUnit: z.enum(['images', 'tokens']),
  coefficients: lawCoefficientsSchema,
  fittedRange: z
    .object({
      sparsity: range,
      nonzero: range,
      data: range,
    })
    .strict()
    .nullable(),
  source: z.object({ kind: z.enum(['preset', 'fit', 'file']), citation: z.string().min(1) }).strict(),
  /**
   * The law's own uncertainty from a bootstrap of its runs: a 90 % interval of a factor on
   * m(S) − 1, which the ROI Monte Carlo draws from. Absent without a bootstrap.
   */
  uncertainty: z
    .object({
      multiplierExcess90: z
        .object({ low: positive, high: positive })
        .strict()
        .refine((r) => r.low <= 1 && r.high >= 1, 'must contain 1'),
      resamples: z.number().int().positive(),
      seed: z.number().int().nonnegative(),
      /** Resamples without a usable refit (absent in older documents). */
      failed: z.number().int().nonnegative().optional(),
      /** The successful resamples' coefficients in paper units, at most MAX_STORED_VECTORS (absent in older documents). */
      vectors: z.array(lawCoefficientsSchema).min(1).max(MAX_STORED_VECTORS).optional(),
    })
    .strict()
    .optional(),
  /**
   * Held-out validation (held-out.ts): the largest model size, and the longest training when the
   * runs have at least 4 data levels, left out and predicted by a refit on the rest. Absent in
   * older documents and in hand-made ones.
   */
  validation: z
    .object({
      method: z.literal('held-out'),
      /** Size-equivalent error bounds of the verdicts (SIZE_EQUIVALENT_THRESHOLDS). */
      thresholds: z.object({ extrapolatesWell: positive, useWithCare: positive }).strict(),
      verdict: z.enum(VERDICTS).nullable(),
      checks: z.array(heldOutCheckSchema).min(1),
    })
    .strict()
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
    .strict()
    .optional(),
}).strict();

export type CoefficientsDocument = z.infer<typeof coefficientsDocumentSchema>;

/**
 * An exported fit (store/transfer.ts) is this document plus its `runs` and `diagnostics`; both
 * are set aside here so the exported file also works as `--coefficients FILE`. Any other
 * unknown key is an error.
 */
function withoutExportFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { runs: _runs, diagnostics: _diagnostics, ...document } = value as Record<string, unknown>;
  return document;
}

export function parseCoefficientsDocument(value: unknown, root = 'coefficients file'): Law {
  const doc = parseDocument(coefficientsDocumentSchema, withoutExportFields(value), root);
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
    failed: bootstrap.failed,
    vectors: bootstrap.samples.slice(0, MAX_STORED_VECTORS).map((k) => ({ ...k })),
  };
}

/** The document's form of a held-out validation: the summaries, without the per-run rows. */
export function validationBlock(validation: HeldOutValidation): NonNullable<CoefficientsDocument['validation']> {
  return {
    method: 'held-out',
    thresholds: { ...SIZE_EQUIVALENT_THRESHOLDS },
    verdict: validation.verdict,
    checks: validation.checks.map((c) =>
      c.possible
        ? {
            kind: c.kind,
            possible: true as const,
            leftOutLevel: c.leftOutLevel,
            leftOutRuns: c.runs.length,
            fittedRuns: c.fittedRuns,
            meanAbsRelativeError: c.meanAbsRelativeError,
            worstRelativeError: c.worstRelativeError,
            meanAbsSizeError: c.meanAbsSizeError,
            worstSizeError: c.worstSizeError,
            verdict: c.verdict,
          }
        : { kind: c.kind, possible: false as const, reason: c.reason },
    ),
  };
}

/**
 * The held-out verdict a custom law carries: how well its fit predicted the runs it had not
 * seen, in size-equivalent terms. null for documents without a held-out check (older or
 * hand-made ones) and when no check was possible.
 */
export function heldOutVerdict(doc: CoefficientsDocument): Verdict | null {
  return doc.validation?.verdict ?? null;
}

export function coefficientsDocumentFromFit(
  fit: LawFit,
  name: string,
  citation: string,
  bootstrap?: BootstrapResult,
  validation?: HeldOutValidation,
): CoefficientsDocument {
  return {
    format: COEFFICIENTS_FORMAT,
    version: COEFFICIENTS_VERSION,
    name,
    dataUnit: fit.dataUnit,
    coefficients: checkCoefficients({ ...fit.coefficients }),
    fittedRange: fit.diagnostics.ranges,
    source: { kind: 'fit', citation },
    ...(bootstrap ? { uncertainty: multiplierExcessFromBootstrap(fit, bootstrap) } : {}),
    ...(validation ? { validation: validationBlock(validation) } : {}),
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
