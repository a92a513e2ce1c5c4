/**
 * The `model` section of a benchmark result (format v2): which ONNX file the team's own model
 * benchmark measured, what it contains and how much of it pruning can touch. The model itself is
 * never stored, only its name, hash and inventory. Owned by the own-model benchmark; the
 * benchmark result schema embeds it.
 */
import { z } from 'zod';

export const modelInputSchema = z
  .object({
    name: z.string().min(1).max(256),
    /** ONNX element type name, e.g. float32, int64. */
    dtype: z.string().min(1).max(32),
    shape: z.array(z.number().int().positive().max(1_000_000)).max(8),
  })
  .strict();

export const opCountSchema = z
  .object({
    opType: z.string().min(1).max(64),
    nodes: z.number().int().nonnegative(),
    /** Weight parameters held by initializers feeding nodes of this op type. */
    params: z.number().int().nonnegative(),
    /** Of those, the ones the chosen pruning touches. */
    prunableParams: z.number().int().nonnegative(),
  })
  .strict();

export const modelSectionSchema = z
  .object({
    /** Base name only, never a path. */
    fileName: z.string().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
    opset: z.number().int().nonnegative().nullable(),
    inputs: z.array(modelInputSchema).min(1).max(64),
    /** Requests per run: the batch dimension of the inputs (1 by default). */
    batch: z.number().int().positive(),
    ops: z.array(opCountSchema).max(512),
    totalParams: z.number().int().nonnegative(),
    prunableParams: z.number().int().nonnegative(),
    /** prunableParams / totalParams. */
    prunableShare: z.number().min(0).max(1),
    pattern: z.enum(['unstructured', '2:4']),
    /** Relative output change of each pruned variant against dense: a sanity figure, not accuracy. */
    outputChange: z.array(z.object({ sparsity: z.number().min(0).lt(1), relative: z.number().nonnegative() }).strict()).max(16),
    /** Where the nodes ran on each provider (one profiled run); ops a GPU provider cannot run fall back to the CPU. */
    placement: z
      .array(z.object({ provider: z.string().min(1).max(32), nodesByProvider: z.record(z.string().max(64), z.number().int().nonnegative()) }).strict())
      .max(8),
  })
  .strict();

export type ModelSection = z.infer<typeof modelSectionSchema>;
