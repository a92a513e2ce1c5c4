/**
 * The law-bootstrap document: coefficient vectors from a seeded bootstrap of the paper's runs,
 * with their provenance. Written by cli/make-law-bootstrap.ts into resources/law-bootstrap/,
 * read by preset-bootstrap.ts. Strict: an unknown key is an error.
 */
import { z } from 'zod';
import { lawCoefficientsSchema } from './coefficients-file.js';

export const LAW_BOOTSTRAP_FORMAT = 'sparsity-advisor/law-bootstrap';
export const LAW_BOOTSTRAP_VERSION = 1;

/** At least this many successful vectors per family. */
export const MIN_LAW_BOOTSTRAP_VECTORS = 200;

export const lawBootstrapDocumentSchema = z
  .object({
    format: z.literal(LAW_BOOTSTRAP_FORMAT),
    version: z.literal(LAW_BOOTSTRAP_VERSION),
    family: z.enum(['vit', 't5']),
    units: z.string().min(1),
    provenance: z
      .object({
        data: z.array(z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), runs: z.number().int().positive() }).strict()).min(1),
        method: z.string().min(1),
        seed: z.number().int().nonnegative(),
        successes: z.number().int().positive(),
        drawn: z.number().int().positive(),
        failed: z.number().int().nonnegative(),
        fitter: z
          .object({
            objective: z.string(),
            huberDelta: z.number().positive(),
            logResiduals: z.boolean(),
            normalization: z.object({ nonzeroUnit: z.number().positive(), dataUnit: z.number().positive() }).strict(),
            warmStart: z.string(),
            extraStarts: z.number().int().nonnegative(),
            optimizer: z.string(),
          })
          .strict(),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        appVersion: z.string().min(1),
        generator: z.string().min(1),
      })
      .strict(),
    /** m(S) of the vectors (median and 90 % interval) beside the preset's value. */
    summary: z.array(
      z.object({ quantity: z.string(), preset: z.number(), median: z.number(), p05: z.number(), p95: z.number() }).strict(),
    ),
    vectors: z.array(lawCoefficientsSchema).min(MIN_LAW_BOOTSTRAP_VECTORS),
  })
  .strict()
  .refine((d) => d.vectors.length === d.provenance.successes, { message: 'vectors must number provenance.successes', path: ['vectors'] })
  .refine((d) => d.provenance.drawn === d.provenance.successes + d.provenance.failed, {
    message: 'drawn must equal successes + failed',
    path: ['provenance', 'drawn'],
  });

export type LawBootstrapDocument = z.infer<typeof lawBootstrapDocumentSchema>;
