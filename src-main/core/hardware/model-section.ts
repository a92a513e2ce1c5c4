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

/** A weight layer the run pruned, or left dense and why. */
export const modelLayerSchema = z
  .object({
    /** The node's name, else its weight's. */
    name: z.string().min(1).max(512),
    opType: z.enum(['MatMul', 'Gemm', 'Conv']),
    params: z.number().int().nonnegative(),
    /** Weights summed into one output (K, or C_in/group·kh·kw for Conv). */
    reductionSize: z.number().int().positive(),
    /** Why it was chosen or left dense. */
    reason: z.string().max(300),
  })
  .strict();

/**
 * One shape of prunable MatMul/Gemm layer timed in isolation through ORT's C API: the input
 * of the sparse-kernel estimate. `count` layers of the model share the shape; the first one's
 * weights were timed.
 */
export const layerTimingSchema = z
  .object({
    name: z.string().min(1).max(512),
    m: z.number().int().positive(),
    k: z.number().int().positive(),
    n: z.number().int().positive(),
    count: z.number().int().positive(),
    denseMedianMs: z.number().nonnegative().nullable(),
    sparse: z
      .array(
        z
          .object({
            sparsity: z.number().min(0).lt(1),
            medianMs: z.number().nonnegative().nullable(),
            /** max |sparse − zeroed dense| / max |zeroed dense| of this layer's output. */
            relativeDifference: z.number().nonnegative().nullable(),
          })
          .strict(),
      )
      .max(16),
  })
  .strict();

export const modelSectionSchema = z
  .object({
    /** Base name only, never a path. */
    fileName: z.string().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
    /** Bytes of external data files the model references (0 when the weights are inside the file). */
    externalDataBytes: z.number().int().nonnegative(),
    irVersion: z.number().int().nonnegative().nullable(),
    opset: z.number().int().nonnegative().nullable(),
    producer: z.string().max(200),
    /** How the default rule read the model: Transformer blocks, or CNN/MLP layers between the first and the last. */
    family: z.enum(['transformer', 'cnn', 'mlp']),
    /** Which layers were pruned: the default rule, every candidate, or layers named by the user. */
    selection: z.enum(['default', 'all', 'named']),
    inputs: z.array(modelInputSchema).min(1).max(64),
    /** Requests per run: the batch dimension of the inputs (1 by default). */
    batch: z.number().int().positive(),
    ops: z.array(opCountSchema).max(512),
    totalParams: z.number().int().nonnegative(),
    prunableParams: z.number().int().nonnegative(),
    /** prunableParams / totalParams. */
    prunableShare: z.number().min(0).max(1),
    pattern: z.enum(['unstructured', '2:4']),
    prunedLayers: z.array(modelLayerSchema).max(8192),
    leftDense: z.array(modelLayerSchema).max(8192),
    /**
     * Relative output change of each pruned variant against dense on one provider, ‖y − y_dense‖ / ‖y_dense‖ over
     * the float outputs (null when there are none): a sanity figure, not accuracy. `finite` is false when any output
     * of the pruned model is NaN or infinite.
     */
    outputChange: z
      .array(
        z
          .object({
            provider: z.string().min(1).max(32),
            sparsity: z.number().min(0).lt(1),
            relative: z.number().nonnegative().nullable(),
            finite: z.boolean(),
          })
          .strict(),
      )
      .max(128),
    /** Where the nodes ran on each provider (one profiled run, nodes as ORT ran them after its fusions); ops a GPU provider cannot run fall back to the CPU. */
    placement: z
      .array(z.object({ provider: z.string().min(1).max(32), nodesByProvider: z.record(z.string().max(64), z.number().int().nonnegative()) }).strict())
      .max(8),
    /** Isolated layer timings behind the sparse-kernel estimate (CPU, C API); empty when none ran. */
    layerTimings: z.array(layerTimingSchema).max(4096),
  })
  .strict();

export type ModelSection = z.infer<typeof modelSectionSchema>;
export type ModelLayer = z.infer<typeof modelLayerSchema>;
export type LayerTiming = z.infer<typeof layerTimingSchema>;
