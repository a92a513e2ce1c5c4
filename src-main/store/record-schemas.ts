/**
 * Schemas for what the store keeps beside the core's own documents: a fit's runs and
 * diagnostics (core has TypeScript types for them but no schema) and a memo's record. They
 * mirror Run, RunDiagnostic and FitDiagnostics in core/law/fit.ts; the `satisfies` checks
 * below fail to compile if those types drift.
 */
import { z } from 'zod';
import type { FitDiagnostics, Run } from '../core/law/fit.js';

const positive = z.number().positive();
const range = z.object({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, 'min must not exceed max');

export const runSchema = z.object({
  sparsity: z.number().min(0, 'must be at least 0').lt(1, 'must be below 1'),
  nonzero: positive,
  data: positive,
  loss: positive,
  label: z.string().optional(),
});

export const runsSchema = z.array(runSchema);

export const fitDiagnosticsSchema = z.object({
  rmse: z.number().nonnegative(),
  maxRelativeError: z.number().nonnegative(),
  runs: z.array(
    z.object({
      label: z.string(),
      sparsity: z.number(),
      nonzero: z.number(),
      data: z.number(),
      measured: z.number(),
      predicted: z.number(),
      relativeError: z.number(),
    }),
  ),
  ranges: z.object({ sparsity: range, nonzero: range, data: range }),
});

// Compile-time guards: a stored fit must be readable as the core's types and vice versa.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type RunSchemaMatchesCore = Assert<Same<z.infer<typeof runSchema>, Run>>;
export type DiagnosticsSchemaMatchesCore = Assert<Same<z.infer<typeof fitDiagnosticsSchema>, FitDiagnostics>>;

export const MEMO_LANGUAGES = ['ja', 'en'] as const;

export const memoInputSchema = z.object({
  filePath: z.string().min(1, 'must not be empty'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits'),
  language: z.enum(MEMO_LANGUAGES),
  scenarioId: z.string().min(1, 'must not be empty'),
  scenarioRevision: z.number().int().min(1, 'must be at least 1'),
  appVersion: z.string().min(1, 'must not be empty'),
});

export type MemoInput = z.infer<typeof memoInputSchema>;
