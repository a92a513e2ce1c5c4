/**
 * Valid documents of every kind the store keeps, built here rather than read from files so each
 * test says what it stores: a scenario on a preset, a scenario on a custom law, a fit of runs
 * generated from the T5 law, and a benchmark result.
 */
import { BENCHMARK_FORMAT, BENCHMARK_VERSION, type BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import { coefficientsDocumentFromFit, type CoefficientsDocument } from '../../src-main/core/law/coefficients-file.js';
import { fitLaw, type LawFit, type Run } from '../../src-main/core/law/fit.js';
import { loss } from '../../src-main/core/law/law.js';
import { PRESETS } from '../../src-main/core/law/presets.js';
import { parseScenario, SCENARIO_FORMAT, type Scenario } from '../../src-main/core/roi/scenario.js';
import { readScenario } from '../../src-main/core/roi/scenario-migrate.js';

/** A vision scenario on the ViT preset with assumed speed-ups; every field inside the schema's ranges. */
export function sampleScenario(name = 'Line 3 defect detector'): Scenario {
  // Written as a version 1 document: the store reads it through the migration, as it reads old rows.
  return readScenario({
    format: SCENARIO_FORMAT,
    version: 1,
    name,
    description: 'Prune the inspection model before the new camera line goes live.',
    currency: 'JPY',
    family: { kind: 'preset', preset: 'vit' },
    baseline: {
      params: { value: 85e6, unit: 'params', source: { kind: 'user', note: 'ViT-B/16 blocks', date: '2026-11-27' } },
      trainingData: { value: 1e9, unit: 'images' },
      availableData: { value: 4e9, unit: 'images', source: { kind: 'assumed', note: 'archive of line images' } },
      tokensPerUnit: { value: 197, unit: 'tokens/image' },
    },
    sparsity: { candidates: [0.5, 0.75], includeOptimal: true, pattern: 'unstructured' },
    training: {
      pricePerHour: { value: 600, unit: 'currency/hour' },
      peakFlops: { value: 3.12e14, unit: 'FLOP/s', source: { kind: 'default', note: 'A100 bf16 dense' } },
      utilisation: { value: 0.4, unit: 'fraction' },
    },
    pruning: { route: 'gradual', retrainFraction: { value: 0, unit: 'fraction of original run' } },
    engineering: {
      personDays: { value: 20, unit: 'person-days' },
      dayRate: { value: 80_000, unit: 'currency/person-day' },
      tooling: { value: 0, unit: 'currency' },
      riskBuffer: { value: 0.2, unit: 'fraction' },
    },
    deployment: {
      requestsPerDay: { value: 200_000, unit: 'requests/day' },
      unitsPerRequest: { value: 1, unit: 'images/request' },
      growthPerMonth: { value: 0.02, unit: 'fraction/month' },
      horizonMonths: { value: 36, unit: 'months' },
      pricePerHour: { value: 250, unit: 'currency/hour' },
      peakFlops: { value: 1e13, unit: 'FLOP/s' },
      utilisation: { value: 0.3, unit: 'fraction' },
      speedup: {
        source: 'assumed',
        provider: 'cpu',
        useUpperBound: false,
        assumed: [
          { sparsity: 0.5, value: 1.3 },
          { sparsity: 0.75, value: 1.7, source: { kind: 'example', note: 'vendor slide' } },
        ],
      },
    },
    uncertainty: {
      seed: 42,
      draws: 1000,
      ranges: { speedup: { low: 1, high: 1.6, distribution: 'triangular' }, engineeringDays: { low: 10, high: 40, distribution: 'lognormal' } },
      law: true,
    },
  });
}

/** A language scenario whose law is a custom coefficients document (data in tokens). */
export function customLawScenario(coefficients: CoefficientsDocument, name = 'Document search on our own law'): Scenario {
  const base = sampleScenario(name);
  return parseScenario({
    ...base,
    family: { kind: 'custom', coefficients },
    architecture: { kind: 'decoder-only' },
    baseline: {
      status: 'planned',
      params: { value: 2e8, unit: 'params' },
      uniqueData: { value: 2e10, unit: 'tokens' },
      passes: { value: 1, unit: 'passes' },
      tokensPerUnit: { value: 1, unit: 'tokens/token' },
    },
    data: { available: { value: 1e11, unit: 'tokens' }, costPerUnit: base.data.costPerUnit },
    pruning: { ...base.pruning, retrainData: { value: 0, unit: 'tokens' } },
    deployment: { ...base.deployment, unitsPerRequest: { value: 512, unit: 'tokens/request' } },
  });
}

/** 24 runs on a 4 × 2 × 3 grid whose losses follow the T5 preset exactly. */
export function syntheticRuns(): Run[] {
  const runs: Run[] = [];
  for (const sparsity of [0, 0.5, 0.75, 0.875]) {
    for (const nonzero of [1e7, 4e7]) {
      for (const data of [1e9, 4e9, 1.6e10]) {
        runs.push({ sparsity, nonzero, data, loss: loss(PRESETS.t5, { sparsity, nonzero, data }), label: `s${sparsity}-n${nonzero}-d${data}` });
      }
    }
  }
  return runs;
}

export interface SampleFit {
  runs: Run[];
  fit: LawFit;
  document: CoefficientsDocument;
}

export function sampleFit(name = 'pilot runs'): SampleFit {
  const runs = syntheticRuns();
  const fit = fitLaw(runs, { huberDelta: 1e-3, logResiduals: true, starts: 4, seed: 1, dataUnit: 'tokens' });
  return { runs, fit, document: coefficientsDocumentFromFit(fit, name, `fit of ${runs.length} synthetic runs`) };
}

export function sampleBenchmark(id = 'run-2026-11-27-a', fingerprint = 'machine-a', cpuModel = 'Example CPU 8C'): BenchmarkResult {
  return {
    format: BENCHMARK_FORMAT,
    version: BENCHMARK_VERSION,
    id,
    createdAt: '2026-11-27T09:00:00.000Z',
    appVersion: '0.1.0',
    role: 'development',
    inventory: {
      cpu: { model: cpuModel, cores: 8, isaFlags: ['avx2', 'fma'], lastLevelCacheBytes: 16 * 1024 * 1024 },
      memoryBytes: 32 * 1024 ** 3,
      gpus: [{ name: 'Example GPU', driver: null }],
      os: { platform: 'linux', release: '6.1.0', arch: 'x64' },
      ortVersion: '1.30.0',
      providers: [
        { provider: 'cpu', available: true, error: null },
        { provider: 'cuda', available: false, error: 'CUDA provider libraries are not installed' },
      ],
      adapters: [{ provider: 'cuda', vendor: null, name: null, driver: null, type: 'unknown', source: 'none', note: 'not identified: nvidia-smi not found' }],
      fingerprint,
    },
    settings: {
      quick: true,
      threads: 4,
      dModel: 768,
      ffnWidth: 3072,
      chainLayers: 4,
      tokens: [197],
      sparsities: [0.5],
      providers: ['cpu', 'cuda'],
      timeBudgetMsPerCase: 200,
      minIterations: 10,
      seed: 7,
    },
    timings: [
      { provider: 'cpu', variant: 'dense', sparsity: 0, tokens: 197, warmups: 3, samplesMs: [4.1, 4.0, 4.2] },
      { provider: 'cpu', variant: 'zeroed-dense', sparsity: 0.5, tokens: 197, warmups: 3, samplesMs: [4.0, 4.1, 4.1] },
    ],
    table: [
      {
        provider: 'cpu', variant: 'dense', pattern: 'unstructured', sparsity: 0, tokens: 197, kind: 'measured',
        medianMs: 4.1, p10Ms: 4.0, p90Ms: 4.2, iterations: 3, usefulGflops: 140, speedup: null, reliable: false,
        note: 'dense baseline; too few iterations to trust',
      },
      {
        provider: 'cpu', variant: 'zeroed-dense', pattern: 'unstructured', sparsity: 0.5, tokens: 197, kind: 'measured',
        medianMs: 4.1, p10Ms: 4.0, p90Ms: 4.1, iterations: 3, usefulGflops: 70,
        speedup: { value: 1, low: 0.97, high: 1.05 }, reliable: false, note: 'dense with zeroed weights (measured; no sparse kernel)',
      },
    ],
    cancelled: false,
  };
}
