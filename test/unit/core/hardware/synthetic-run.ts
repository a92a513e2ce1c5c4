/**
 * A hardware-check run made of chosen timings instead of measured ones, for testing the table,
 * the document and its files without starting a benchmark.
 */
import { BENCHMARK_FORMAT, BENCHMARK_VERSION, type BenchmarkResult, type Provider, type RawTiming } from '../../../../src-main/core/hardware/benchmark-result.js';
import { planSuite, type ChainModel, type SuitePlan } from '../../../../src-main/core/hardware/chain-plan.js';
import { unknownAdapter } from '../../../../src-main/core/hardware/benchmark-versions.js';
import { machineFingerprint } from '../../../../src-main/core/hardware/fingerprint.js';
import { buildSpeedupTable, type SparseKernelOutcome } from '../../../../src-main/core/hardware/speedup-table.js';
import { resolveSuite, type HardwareCheckOptions } from '../../../../src-main/core/hardware/suite-settings.js';

export const MiB = 1024 * 1024;

export function syntheticPlan(options: HardwareCheckOptions = {}, llc: number | null = 1 * MiB): SuitePlan {
  const suite = resolveSuite({ dModel: 64, ffnWidth: 256, tokens: [1, 8], minIterations: 10, providers: ['cpu', 'webgpu'], ...options }, 4);
  return planSuite(suite, llc);
}

/** `count` samples evenly spread over ±spread·median around `medianMs`. */
export function samplesAround(medianMs: number, count = 21, spread = 0.1): number[] {
  return Array.from({ length: count }, (_, i) => medianMs * (1 - spread + (2 * spread * i) / (count - 1)));
}

export function timing(
  model: ChainModel,
  provider: Provider,
  tokens: number,
  samplesMs: number[],
  path: RawTiming['path'] = 'onnxruntime-node',
): RawTiming {
  return { provider, variant: model.variant, sparsity: model.sparsity, tokens, warmups: 3, samplesMs, path, layers: model.layers };
}

/** Every case of the plan with a chosen median: `ms(model, tokens, path)`. */
export function syntheticTimings(
  plan: SuitePlan,
  providers: Provider[],
  ms: (model: ChainModel, tokens: number, path: 'onnxruntime-node' | 'ort-c-api') => number,
): RawTiming[] {
  const out: RawTiming[] = [];
  for (const tokens of plan.suite.tokens) {
    for (const provider of providers) for (const m of plan.jsModels) out.push(timing(m, provider, tokens, samplesAround(ms(m, tokens, 'onnxruntime-node'))));
    if (providers.includes('cpu')) for (const m of plan.capiModels) out.push(timing(m, 'cpu', tokens, samplesAround(ms(m, tokens, 'ort-c-api')), 'ort-c-api'));
  }
  return out;
}

/** A complete, valid document: dense 2 ms, zeroed 2 ms, sparse 4·(1−S) ms, upper bound 2·(1−S) ms per layer of the dense chain. */
export function syntheticDocument(): BenchmarkResult {
  const plan = syntheticPlan();
  const timings = syntheticTimings(plan, ['cpu'], (m) =>
    m.kind === 'sparse-csr' ? 4 * (1 - m.sparsity) : m.kind === 'upper-bound' ? ((2 * (1 - m.sparsity)) * m.layers) / plan.chainLayers : 2,
  );
  const sparseKernel: SparseKernelOutcome = {
    reachable: true,
    checks: plan.suite.sparsities.flatMap((s) => plan.suite.tokens.map((tokens) => ({ sparsity: s, tokens, relativeDifference: 3e-7 }))),
  };
  const machine = {
    cpu: { model: 'Test CPU', cores: 4, isaFlags: ['avx2', 'fma'], lastLevelCacheBytes: MiB },
    memoryBytes: 16 * 1024 ** 3,
    gpus: [],
    os: { platform: 'linux', release: '6.0', arch: 'x64' },
  };
  return {
    format: BENCHMARK_FORMAT,
    version: BENCHMARK_VERSION,
    id: 'test-run',
    createdAt: '2026-01-01T00:00:00.000Z',
    appVersion: '0.0.0-test',
    role: 'development',
    inventory: {
      ...machine,
      ortVersion: '1.30.0',
      providers: [
        { provider: 'cpu', available: true, error: null },
        { provider: 'webgpu', available: false, error: 'Failed to get a WebGPU adapter' },
      ],
      adapters: [unknownAdapter('webgpu', 'not identified: vulkaninfo not found', 'none')],
      fingerprint: machineFingerprint(machine),
    },
    settings: plan.settings,
    timings,
    table: buildSpeedupTable({ plan, providers: ['cpu'], timings, providerErrors: {}, sparseKernel, cancelled: false }),
    cancelled: false,
  };
}

/** The synthetic document as format version 1 wrote it: no role, no adapters, version 1. */
export function syntheticV1Document(): Record<string, unknown> {
  const { role: _role, model: _model, ...rest } = JSON.parse(JSON.stringify(syntheticDocument())) as BenchmarkResult;
  const { adapters: _adapters, ...inventory } = rest.inventory;
  return { ...rest, version: 1, inventory };
}
