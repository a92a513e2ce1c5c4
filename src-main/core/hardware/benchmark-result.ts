/**
 * The hardware-check result: one versioned JSON document per benchmark run. The benchmark
 * runner writes it, the store keeps it, the ROI engine reads its speed-up table, and a
 * manager can carry it from the deployment machine to a laptop. Every row says what kind of
 * number it is.
 */
import { z } from 'zod';
import { modelSectionSchema } from './model-section.js';

export const BENCHMARK_FORMAT = 'sparsity-advisor/benchmark';
export const BENCHMARK_VERSION = 1;

export const PROVIDERS = ['cpu', 'webgpu', 'dml', 'coreml', 'cuda', 'tensorrt'] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * dense: the unpruned baseline. zeroed-dense: a fraction S of weights set to zero, run as an
 * ordinary dense layer (what a normally exported pruned model does). sparse-kernel: a real
 * sparse kernel (ORT's SparseToDenseMatMul through the C API). structured-2:4: 2:4 sparsity on
 * a provider that accelerates it. upper-bound: a dense layer with its inner dimension shrunk
 * by (1−S), what perfect sparse kernels or channel pruning could give; never a sparse measurement.
 */
export const VARIANTS = ['dense', 'zeroed-dense', 'sparse-kernel', 'structured-2:4', 'upper-bound'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * measured: timed on this machine. upper-bound: timed, but of a proxy for an ideal kernel.
 * same-as-unstructured: 2:4 on a provider with no 2:4 path, which runs like 50 % unstructured
 * (the row points at that one). unavailable: could not run here; `note` says why. estimate: derived
 * from measurements, not measured as a whole (the own-model benchmark's sparse-kernel row: the
 * model's dense time with its prunable layers' isolated dense times swapped for sparse ones).
 */
export const ROW_KINDS = ['measured', 'upper-bound', 'same-as-unstructured', 'unavailable', 'estimate'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

const nonNegative = z.number().nonnegative();
const positive = z.number().positive();
const fraction = z.number().min(0).lt(1);

export const speedupSchema = z.object({
  /** Dense median time / this row's median time; above 1 is faster than dense. */
  value: positive,
  /** Interval from the p10/p90 spread of both rows. */
  low: positive,
  high: positive,
});

export const speedupRowSchema = z.object({
  provider: z.enum(PROVIDERS),
  variant: z.enum(VARIANTS),
  pattern: z.enum(['unstructured', '2:4']),
  /** 0 for the dense row. */
  sparsity: fraction,
  /** Tokens (or patches) per request: the M dimension of every MatMul. */
  tokens: z.number().int().positive(),
  kind: z.enum(ROW_KINDS),
  medianMs: nonNegative.nullable(),
  p10Ms: nonNegative.nullable(),
  p90Ms: nonNegative.nullable(),
  iterations: z.number().int().nonnegative(),
  /** Useful work per second: 2·M·(non-zero weights) / time, in GFLOP/s. */
  usefulGflops: nonNegative.nullable(),
  /** Against the dense row of the same provider, tokens and thread count. */
  speedup: speedupSchema.nullable(),
  /** Too few iterations or too much spread to trust, the way MLPerf marks a run INVALID. */
  reliable: z.boolean(),
  /** The label a person reads, e.g. "upper bound — ideal sparse kernel; not a sparse measurement". */
  note: z.string(),
});

export const providerProbeSchema = z.object({
  provider: z.enum(PROVIDERS),
  available: z.boolean(),
  /** Why it failed to create a session, when it did. */
  error: z.string().nullable(),
});

export const inventorySchema = z.object({
  cpu: z.object({
    model: z.string(),
    cores: z.number().int().positive(),
    isaFlags: z.array(z.string()),
    lastLevelCacheBytes: z.number().int().positive().nullable(),
  }),
  memoryBytes: z.number().positive(),
  gpus: z.array(z.object({ name: z.string(), driver: z.string().nullable() })),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  ortVersion: z.string(),
  providers: z.array(providerProbeSchema),
  /** Stable hash of CPU model, cores, memory, GPUs and OS: runs from one machine share it. */
  fingerprint: z.string().min(1),
});

export const benchmarkSettingsSchema = z.object({
  quick: z.boolean(),
  threads: z.number().int().positive(),
  dModel: z.number().int().positive(),
  ffnWidth: z.number().int().positive(),
  /** Layers chained per model so the weights exceed the last-level cache. */
  chainLayers: z.number().int().positive(),
  tokens: z.array(z.number().int().positive()).min(1),
  sparsities: z.array(fraction).min(1),
  providers: z.array(z.enum(PROVIDERS)).min(1),
  timeBudgetMsPerCase: positive,
  minIterations: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
});

/**
 * Which runtime timed a case. The sparse kernel is reached only through ORT's C API, in its own
 * process, with its own dense reference; the other rows go through onnxruntime-node.
 */
export const TIMING_PATHS = ['onnxruntime-node', 'ort-c-api'] as const;
export type TimingPath = (typeof TIMING_PATHS)[number];

export const rawTimingSchema = z.object({
  provider: z.enum(PROVIDERS),
  variant: z.enum(VARIANTS),
  sparsity: fraction,
  tokens: z.number().int().positive(),
  warmups: z.number().int().nonnegative(),
  samplesMs: z.array(nonNegative),
  /** Optional (added in version 1, absent in older documents, which mean onnxruntime-node). */
  path: z.enum(TIMING_PATHS).optional(),
  /**
   * MatMul layers in the timed chain; samples are for the whole chain. Optional (absent means
   * settings.chainLayers). Upper-bound chains run more layers to exceed the cache; the table
   * scales them to settings.chainLayers.
   */
  layers: z.number().int().positive().optional(),
});

export const benchmarkResultSchema = z.object({
  format: z.literal(BENCHMARK_FORMAT),
  version: z.literal(BENCHMARK_VERSION),
  id: z.string().min(1),
  /** ISO 8601 time the run started. */
  createdAt: z.string().min(1),
  appVersion: z.string().min(1),
  inventory: inventorySchema,
  settings: benchmarkSettingsSchema,
  timings: z.array(rawTimingSchema),
  table: z.array(speedupRowSchema),
  /** True when the run was cancelled before the end; the table holds what finished. */
  cancelled: z.boolean(),
  /** Present when the run measured the user's own ONNX model instead of the synthetic chains. */
  model: modelSectionSchema.optional(),
});

export type Speedup = z.infer<typeof speedupSchema>;
export type SpeedupRow = z.infer<typeof speedupRowSchema>;
export type RawTiming = z.infer<typeof rawTimingSchema>;
export type ProviderProbe = z.infer<typeof providerProbeSchema>;
export type HardwareInventory = z.infer<typeof inventorySchema>;
export type BenchmarkSettings = z.infer<typeof benchmarkSettingsSchema>;
export type BenchmarkResult = z.infer<typeof benchmarkResultSchema>;
