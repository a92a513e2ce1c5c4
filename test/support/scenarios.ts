/** Scenario and benchmark documents for tests, built from the app's own defaults and examples. */
import { unknownAdapter } from '../../src-main/core/hardware/benchmark-versions.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchmarkResult, SpeedupRow } from '../../src-main/core/hardware/benchmark-result.js';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { parseScenario, type Scenario } from '../../src-main/core/roi/scenario.js';
import { readScenario } from '../../src-main/core/roi/scenario-migrate.js';
import { REPO_ROOT } from './cli.js';

export const EXAMPLES = ['visual-inspection', 'internal-documents', 'existing-language-model'] as const;

export function exampleScenario(name: (typeof EXAMPLES)[number], language: 'en' | 'ja' = 'en'): Scenario {
  const file = path.join(REPO_ROOT, 'resources/scenarios', `${name}.${language}.json`);
  return readScenario(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** A validated copy of the default scenario with `patch` applied to the parsed object (speed-up assumed ×1.5 at 50 % unless patched). */
export function scenarioWith(preset: 'vit' | 't5', patch: (s: Scenario) => void = () => {}): Scenario {
  const scenario = structuredClone(defaultScenario(preset));
  scenario.deployment.speedup = { ...scenario.deployment.speedup, source: 'assumed', assumed: [{ sparsity: 0.5, value: 1.5, low: 1.3, high: 1.6 }] };
  patch(scenario);
  return parseScenario(scenario);
}

export function measuredRow(provider: SpeedupRow['provider'], sparsity: number, speedup: number, extra: Partial<SpeedupRow> = {}): SpeedupRow {
  return {
    provider,
    variant: 'zeroed-dense',
    pattern: 'unstructured',
    sparsity,
    tokens: 197,
    kind: 'measured',
    medianMs: 1 / speedup,
    p10Ms: 0.9 / speedup,
    p90Ms: 1.1 / speedup,
    iterations: 100,
    usefulGflops: 10,
    speedup: { value: speedup, low: speedup * 0.9, high: speedup * 1.1 },
    reliable: true,
    note: 'dense with zeroed weights (measured; no sparse kernel)',
    ...extra,
  };
}

export function benchmarkDocument(table: SpeedupRow[]): BenchmarkResult {
  // Every provider a row names is probed (available unless its rows are all unavailable), with an adapter entry off the CPU.
  const providers = [...new Set(['cpu' as const, ...table.map((r) => r.provider)])];
  const probes = providers.map((provider) => {
    const available = provider === 'cpu' || table.some((r) => r.provider === provider && r.kind !== 'unavailable');
    return { provider, available, error: available ? null : 'not available on this machine' };
  });
  const adapters = providers.filter((p) => p !== 'cpu').map((p) => unknownAdapter(p, 'not identified in this test'));
  return {
    format: 'sparsity-advisor/benchmark',
    version: 2,
    id: 'bench-test',
    createdAt: '2026-11-27T00:00:00.000Z',
    appVersion: '0.1.0',
    role: 'development',
    inventory: {
      cpu: { model: 'Test CPU', cores: 2, isaFlags: ['avx2'], lastLevelCacheBytes: 32 * 1024 * 1024 },
      memoryBytes: 24 * 1024 ** 3,
      gpus: [],
      os: { platform: 'linux', release: '6.1', arch: 'x64' },
      ortVersion: '1.30.0',
      providers: probes,
      adapters,
      fingerprint: 'test-machine',
    },
    settings: {
      quick: true, threads: 1, dModel: 768, ffnWidth: 3072, chainLayers: 4, tokens: [197],
      sparsities: [0.5, 0.75, 0.875, 0.9, 0.95], providers, timeBudgetMsPerCase: 100, minIterations: 10, seed: 1,
    },
    timings: [],
    table,
    cancelled: false,
  };
}
