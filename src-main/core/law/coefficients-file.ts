/**
 * The coefficients document: what `fit --save` writes and `--coefficients` reads. Validated with
 * a schema; each error names the field.
 */
import { z } from 'zod';
import { checkCoefficients, type LawCoefficients } from './coefficients.js';
import type { LawFit } from './fit.js';
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

export function coefficientsDocumentFromFit(fit: LawFit, name: string, citation: string): CoefficientsDocument {
  return {
    format: COEFFICIENTS_FORMAT,
    version: COEFFICIENTS_VERSION,
    name,
    dataUnit: fit.dataUnit,
    coefficients: checkCoefficients({ ...fit.coefficients }),
    fittedRange: fit.diagnostics.ranges,
    source: { kind: 'fit', citation },
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
