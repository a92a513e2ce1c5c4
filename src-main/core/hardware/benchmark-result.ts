/**
 * The hardware-check result: one versioned JSON document per benchmark run. The benchmark
 * runner writes it, the store keeps it, the ROI engine reads its speed-up table, and a
 * manager can carry it from the deployment machine to a laptop. Every row says what kind of
 * number it is.
 */
import { z } from 'zod';
import { modelSectionSchema } from './model-section.js';

export const BENCHMARK_FORMAT = 'sparsity-advisor/benchmark';
/** Version 2 added role, inventory.adapters, the model section and estimate rows, and made every schema strict. */
export const BENCHMARK_VERSION = 2;

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
 * (the row points at that one). unavailable: could not run here; `note` says why.
 * estimate: an estimate from layer timings (the own-model benchmark), not a timed whole model.
 */
export const ROW_KINDS = ['measured', 'upper-bound', 'same-as-unstructured', 'unavailable', 'estimate'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/**
 * The role of the machine the check ran on, set by the person running or importing it. Only a
 * run on the deployment machine counts as "measured on the deployment machine"; a development
 * laptop's figures say what that laptop does.
 */
export const MACHINE_ROLES = ['deployment', 'development'] as const;
export type MachineRole = (typeof MACHINE_ROLES)[number];

/**
 * What kind of processor a provider's adapter is. software: a GPU emulated on the CPU (Mesa's
 * llvmpipe/lavapipe, SwiftShader, Microsoft WARP): it checks that the GPU path works and is no
 * performance figure. unknown: not identified (no tool, no answer, or a format-v1 document).
 */
export const ADAPTER_TYPES = ['software', 'integrated', 'discrete', 'virtual', 'unknown'] as const;
export type AdapterType = (typeof ADAPTER_TYPES)[number];

/** Where an adapter's identity was read: always the operating system's own listing, never ORT. */
export const ADAPTER_SOURCES = ['vulkaninfo', 'nvidia-smi', 'windows-video-controllers', 'macos-system-profiler', 'none', 'not-recorded'] as const;
export type AdapterSource = (typeof ADAPTER_SOURCES)[number];

/**
 * Largest speed-up a document may state. Skipping the zeros of a layer at sparsity S saves at
 * most 1/(1−S) of its work: ×1000 is 99.9 % sparsity, beyond anything the check runs; a larger
 * figure is a corrupt or hand-edited file, refused.
 */
export const SPEEDUP_CAP = 1000;

/** Run ids: UUIDs in practice; at most 128 characters of a charset safe in file names, URLs and SQL. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const TEXT_MAX = 10_000;
const nonNegative = z.number().nonnegative();
const positive = z.number().positive();
const fraction = z.number().min(0).lt(1);
const text = z.string().max(TEXT_MAX);
const provider = z.enum(PROVIDERS);

export const speedupSchema = z
  .object({
    /** Dense median time / this row's median time; above 1 is faster than dense. */
    value: positive.max(SPEEDUP_CAP),
    /** Interval from the p10/p90 spread of both rows. */
    low: positive.max(SPEEDUP_CAP),
    high: positive.max(SPEEDUP_CAP),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.low > s.value) ctx.addIssue({ code: 'custom', path: ['low'], message: `must not exceed value (${s.low} > ${s.value})` });
    if (s.value > s.high) ctx.addIssue({ code: 'custom', path: ['high'], message: `must not be below value (${s.high} < ${s.value})` });
  });

export const speedupRowSchema = z
  .object({
    provider,
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
    note: text,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.p10Ms !== null && r.medianMs !== null && r.p10Ms > r.medianMs) {
      ctx.addIssue({ code: 'custom', path: ['p10Ms'], message: `must not exceed medianMs (${r.p10Ms} > ${r.medianMs})` });
    }
    if (r.p90Ms !== null && r.medianMs !== null && r.p90Ms < r.medianMs) {
      ctx.addIssue({ code: 'custom', path: ['p90Ms'], message: `must not be below medianMs (${r.p90Ms} < ${r.medianMs})` });
    }
  });

export const providerProbeSchema = z
  .object({
    provider,
    available: z.boolean(),
    /** Why it failed to create a session, when it did. */
    error: text.nullable(),
  })
  .strict();

/**
 * The adapter (GPU) a provider ran on, as the operating system lists it — onnxruntime-node
 * reports none. On Linux `vulkaninfo --summary` (the Vulkan devices WebGPU's Dawn chooses
 * from), for CUDA and TensorRT `nvidia-smi`, on Windows the video controllers, on macOS
 * system_profiler.
 */
export const adapterSchema = z
  .object({
    provider,
    vendor: z.string().max(256).nullable(),
    name: z.string().max(256).nullable(),
    driver: z.string().max(256).nullable(),
    type: z.enum(ADAPTER_TYPES),
    source: z.enum(ADAPTER_SOURCES),
    /** Always says "enumerated by the OS, not reported by ORT", and why an adapter is unknown or software. */
    note: text,
  })
  .strict();

export const inventorySchema = z
  .object({
    cpu: z
      .object({
        model: z.string().max(256),
        cores: z.number().int().positive(),
        isaFlags: z.array(z.string().max(64)).max(256),
        lastLevelCacheBytes: z.number().int().positive().nullable(),
      })
      .strict(),
    memoryBytes: z.number().positive(),
    gpus: z.array(z.object({ name: z.string().max(256), driver: z.string().max(256).nullable() }).strict()).max(64),
    os: z.object({ platform: z.string().max(64), release: z.string().max(256), arch: z.string().max(64) }).strict(),
    ortVersion: z.string().max(64),
    providers: z.array(providerProbeSchema),
    /** One per provider other than the CPU that the run asked for. */
    adapters: z.array(adapterSchema),
    /** Stable hash of CPU model, cores, memory, GPUs and OS: runs from one machine share it. */
    fingerprint: z.string().min(1).max(256),
  })
  .strict();

export const benchmarkSettingsSchema = z
  .object({
    quick: z.boolean(),
    threads: z.number().int().positive(),
    dModel: z.number().int().positive(),
    ffnWidth: z.number().int().positive(),
    /** Layers chained per model so the weights exceed the last-level cache. */
    chainLayers: z.number().int().positive(),
    tokens: z.array(z.number().int().positive()).min(1),
    sparsities: z.array(fraction).min(1),
    providers: z.array(provider).min(1),
    timeBudgetMsPerCase: positive,
    minIterations: z.number().int().positive(),
    seed: z.number().int().nonnegative(),
  })
  .strict();

/**
 * Which runtime timed a case. The sparse kernel and TensorRT's 2:4 tactics are reached only
 * through ORT's C API, in a process of their own, with their own dense reference; the other rows
 * go through onnxruntime-node.
 */
export const TIMING_PATHS = ['onnxruntime-node', 'ort-c-api'] as const;
export type TimingPath = (typeof TIMING_PATHS)[number];

export const rawTimingSchema = z
  .object({
    provider,
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
    /** Arithmetic the provider was allowed (absent: fp32). TensorRT's 2:4 tactics need fp16. */
    precision: z.enum(['fp32', 'fp16']).optional(),
  })
  .strict();

const benchmarkResultObject = z
  .object({
    format: z.literal(BENCHMARK_FORMAT),
    version: z.literal(BENCHMARK_VERSION),
    id: z.string().regex(RUN_ID_PATTERN, 'must be 1 to 128 letters, digits or . _ : - (starting with a letter or digit)'),
    /** ISO 8601 time the run started. */
    createdAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-11-27T09:30:00.000Z' }),
    appVersion: z.string().min(1).max(64),
    /** The machine's role, stated by whoever ran or imported the check (default development). */
    role: z.enum(MACHINE_ROLES),
    inventory: inventorySchema,
    settings: benchmarkSettingsSchema,
    timings: z.array(rawTimingSchema),
    table: z.array(speedupRowSchema),
    /** Present when the check timed the team's own ONNX model rather than the synthetic chains. */
    model: modelSectionSchema.optional(),
    /** True when the run was cancelled before the end; the table holds what finished. */
    cancelled: z.boolean(),
  })
  .strict();

/**
 * Provider and adapter fields must agree with each other: every provider a row, a timing or an
 * adapter names was probed, a row with figures comes from a provider that passed its probe, and
 * every probed provider other than the CPU has its adapter. A file that breaks this was edited
 * or cut, and is refused naming the field.
 */
function checkConsistency(doc: z.infer<typeof benchmarkResultObject>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const probes = new Map<Provider, boolean>();
  doc.inventory.providers.forEach((p, i) => {
    if (probes.has(p.provider)) issue(['inventory', 'providers', i, 'provider'], `lists ${p.provider} twice`);
    probes.set(p.provider, p.available);
  });
  const requested = new Set(doc.settings.providers);
  for (const p of requested) {
    if (!probes.has(p)) issue(['inventory', 'providers'], `has no probe for ${p}, which settings.providers asked for`);
  }
  doc.inventory.providers.forEach((p, i) => {
    if (!requested.has(p.provider)) issue(['inventory', 'providers', i, 'provider'], `${p.provider} is not in settings.providers`);
  });
  const adapters = new Set<Provider>();
  doc.inventory.adapters.forEach((a, i) => {
    if (a.provider === 'cpu') issue(['inventory', 'adapters', i, 'provider'], 'the CPU provider has no adapter entry');
    else if (!probes.has(a.provider)) issue(['inventory', 'adapters', i, 'provider'], `${a.provider} is not in inventory.providers`);
    else if (adapters.has(a.provider)) issue(['inventory', 'adapters', i, 'provider'], `lists ${a.provider} twice`);
    adapters.add(a.provider);
  });
  for (const [p] of probes) {
    if (p !== 'cpu' && !adapters.has(p)) issue(['inventory', 'adapters'], `has no entry for ${p} (use type "unknown" when it was not identified)`);
  }
  doc.table.forEach((row, i) => {
    const available = probes.get(row.provider);
    if (available === undefined) issue(['table', i, 'provider'], `${row.provider} is not in inventory.providers`);
    else if (!available && row.kind !== 'unavailable') {
      issue(['table', i, 'provider'], `${row.provider} failed its probe in inventory.providers, yet this ${row.kind} row has figures`);
    }
  });
  doc.timings.forEach((t, i) => {
    if (probes.get(t.provider) !== true) issue(['timings', i, 'provider'], `${t.provider} did not pass its probe in inventory.providers`);
  });
}

export const benchmarkResultSchema = benchmarkResultObject.superRefine(checkConsistency);

export type Speedup = z.infer<typeof speedupSchema>;
export type SpeedupRow = z.infer<typeof speedupRowSchema>;
export type RawTiming = z.infer<typeof rawTimingSchema>;
export type ProviderProbe = z.infer<typeof providerProbeSchema>;
export type Adapter = z.infer<typeof adapterSchema>;
export type HardwareInventory = z.infer<typeof inventorySchema>;
export type BenchmarkSettings = z.infer<typeof benchmarkSettingsSchema>;
export type BenchmarkResult = z.infer<typeof benchmarkResultSchema>;
