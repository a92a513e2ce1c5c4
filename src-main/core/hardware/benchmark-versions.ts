/**
 * Reading benchmark results of every format version this app has written. Version 1 documents
 * (before the machine's role and adapter identification) are migrated to version 2: role
 * "development" and every GPU provider's adapter "unknown, not recorded". The store, import, the
 * CLI's --bench files and the ROI engine's callers all read through parseBenchmarkResult, so a v1
 * file keeps working everywhere and never counts as measured on the deployment machine.
 */
import { z } from 'zod';
import { InputError } from '../input.js';
import { parseDocument } from '../schema.js';
import {
  BENCHMARK_FORMAT,
  BENCHMARK_VERSION,
  benchmarkResultSchema,
  PROVIDERS,
  TIMING_PATHS,
  VARIANTS,
  type Adapter,
  type BenchmarkResult,
  type Provider,
} from './benchmark-result.js';

/** Version 1 as the app wrote it: the same fields less role, adapters and model, and objects not strict. */
const v1Speedup = z.object({ value: z.number().positive(), low: z.number().positive(), high: z.number().positive() });
const v1Row = z.object({
  provider: z.enum(PROVIDERS),
  variant: z.enum(VARIANTS),
  pattern: z.enum(['unstructured', '2:4']),
  sparsity: z.number().min(0).lt(1),
  tokens: z.number().int().positive(),
  kind: z.enum(['measured', 'upper-bound', 'same-as-unstructured', 'unavailable']),
  medianMs: z.number().nonnegative().nullable(),
  p10Ms: z.number().nonnegative().nullable(),
  p90Ms: z.number().nonnegative().nullable(),
  iterations: z.number().int().nonnegative(),
  usefulGflops: z.number().nonnegative().nullable(),
  speedup: v1Speedup.nullable(),
  reliable: z.boolean(),
  note: z.string(),
});
const v1Probe = z.object({ provider: z.enum(PROVIDERS), available: z.boolean(), error: z.string().nullable() });
const v1Inventory = z.object({
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
  providers: z.array(v1Probe),
  fingerprint: z.string().min(1),
});
const v1Settings = z.object({
  quick: z.boolean(),
  threads: z.number().int().positive(),
  dModel: z.number().int().positive(),
  ffnWidth: z.number().int().positive(),
  chainLayers: z.number().int().positive(),
  tokens: z.array(z.number().int().positive()).min(1),
  sparsities: z.array(z.number().min(0).lt(1)).min(1),
  providers: z.array(z.enum(PROVIDERS)).min(1),
  timeBudgetMsPerCase: z.number().positive(),
  minIterations: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
});
const v1Timing = z.object({
  provider: z.enum(PROVIDERS),
  variant: z.enum(VARIANTS),
  sparsity: z.number().min(0).lt(1),
  tokens: z.number().int().positive(),
  warmups: z.number().int().nonnegative(),
  samplesMs: z.array(z.number().nonnegative()),
  path: z.enum(TIMING_PATHS).optional(),
  layers: z.number().int().positive().optional(),
});
export const benchmarkResultV1Schema = z.object({
  format: z.literal(BENCHMARK_FORMAT),
  version: z.literal(1),
  id: z.string().min(1),
  createdAt: z.string().min(1),
  appVersion: z.string().min(1),
  inventory: v1Inventory,
  settings: v1Settings,
  timings: z.array(v1Timing),
  table: z.array(v1Row),
  cancelled: z.boolean(),
});
export type BenchmarkResultV1 = z.infer<typeof benchmarkResultV1Schema>;

export const ADAPTER_NOT_RECORDED = 'not recorded: result format version 1 predates adapter identification';

/** An adapter entry that says nobody identified it. */
export function unknownAdapter(provider: Provider, note: string, source: Adapter['source'] = 'not-recorded'): Adapter {
  return { provider, vendor: null, name: null, driver: null, type: 'unknown', source, note };
}

/** Version 1 → 2: the machine's role was never stated, so it is a development machine; adapters are unknown. */
export function migrateBenchmarkV1(doc: BenchmarkResultV1): BenchmarkResult {
  const { inventory, ...rest } = doc;
  return {
    ...rest,
    version: BENCHMARK_VERSION,
    role: 'development',
    inventory: {
      ...inventory,
      adapters: inventory.providers.filter((p) => p.provider !== 'cpu').map((p) => unknownAdapter(p.provider, ADAPTER_NOT_RECORDED)),
    },
  };
}

/**
 * A benchmark result of any known version, as version 2. Errors name the field under `root`;
 * a version this app does not know (a newer app wrote it) is refused naming `root.version`.
 */
export function parseBenchmarkResult(value: unknown, root: string): BenchmarkResult {
  const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { format?: unknown; version?: unknown }) : {};
  if (fields.version === 1) return parseDocument(benchmarkResultSchema, migrateBenchmarkV1(parseDocument(benchmarkResultV1Schema, value, root)), root);
  if (fields.format === BENCHMARK_FORMAT && fields.version !== BENCHMARK_VERSION) {
    throw new InputError(
      `${root}.version`,
      `must be 1 or ${BENCHMARK_VERSION} (got ${JSON.stringify(fields.version) ?? 'nothing'}); a newer version of the app may have written this file`,
    );
  }
  return parseDocument(benchmarkResultSchema, value, root);
}
