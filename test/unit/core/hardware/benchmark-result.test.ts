import { describe, expect, it } from 'vitest';
import { benchmarkResultSchema, SPEEDUP_CAP, type BenchmarkResult } from '../../../../src-main/core/hardware/benchmark-result.js';
import { InputError } from '../../../../src-main/core/input.js';
import { parseDocument } from '../../../../src-main/core/schema.js';
import { syntheticDocument } from './synthetic-run.js';

/** A deep copy to damage. */
function doc(): BenchmarkResult {
  return JSON.parse(JSON.stringify(syntheticDocument())) as BenchmarkResult;
}

/** The field an import would name, or null when the document is accepted. */
function refusal(value: unknown): string | null {
  try {
    parseDocument(benchmarkResultSchema, value, 'benchmark');
    return null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.field;
  }
}

const measuredIndex = (d: BenchmarkResult) => d.table.findIndex((r) => r.variant === 'zeroed-dense' && r.speedup !== null);

describe('benchmark result format v2', () => {
  it('accepts the document the runner writes, with its role and adapters', () => {
    const d = doc();
    expect(refusal(d)).toBeNull();
    expect(d.version).toBe(2);
    expect(d.role).toBe('development');
    expect(d.inventory.adapters.map((a) => a.provider)).toEqual(['webgpu']);
  });

  it.each([
    ['the top level', (d: Record<string, unknown>) => (d.situation = 'x'), 'benchmark'],
    ['the inventory', (d: any) => (d.inventory.gpuMemory = 1), 'benchmark.inventory'],
    ['a row', (d: any) => (d.table[0].comment = 'hand-edited'), 'benchmark.table.0'],
    ['a speed-up', (d: any) => (d.table[measuredIndex(d)].speedup.median = 1), `benchmark.table.IDX.speedup`],
    ['an adapter', (d: any) => (d.inventory.adapters[0].vram = 8), 'benchmark.inventory.adapters.0'],
  ])('refuses an unknown key in %s instead of dropping it', (_what, damage, field) => {
    const d = doc() as unknown as Record<string, unknown>;
    damage(d);
    expect(refusal(d)).toBe(field.replace('IDX', String(measuredIndex(d as unknown as BenchmarkResult))));
  });

  it('refuses a speed-up above the physical cap, an infinite one, and one outside its own interval', () => {
    const i = measuredIndex(doc());
    const over = doc();
    over.table[i]!.speedup = { value: SPEEDUP_CAP * 2, low: 1, high: SPEEDUP_CAP * 3 };
    expect(refusal(over)).toBe(`benchmark.table.${i}.speedup.value`);
    const infinite = JSON.parse(JSON.stringify(doc()).replace(/"high":([\d.e+-]+)/, '"high":1e999'));
    expect(refusal(infinite)).toMatch(/^benchmark\.table\.\d+\.speedup\.high$/);
    const outside = doc();
    outside.table[i]!.speedup = { value: 1.2, low: 1.3, high: 1.5 };
    expect(refusal(outside)).toBe(`benchmark.table.${i}.speedup.low`);
    const below = doc();
    below.table[i]!.speedup = { value: 1.2, low: 1, high: 1.1 };
    expect(refusal(below)).toBe(`benchmark.table.${i}.speedup.high`);
  });

  it('refuses percentiles on the wrong side of the median', () => {
    const d = doc();
    const i = measuredIndex(d);
    d.table[i]!.p10Ms = d.table[i]!.medianMs! * 2;
    expect(refusal(d)).toBe(`benchmark.table.${i}.p10Ms`);
  });

  it.each(['yesterday', '2026-13-01T00:00:00Z', '2026-01-01', ''])('refuses createdAt %j, which is no ISO 8601 time', (createdAt) => {
    expect(refusal({ ...doc(), createdAt })).toBe('benchmark.createdAt');
  });

  it('accepts an ISO 8601 time with an offset', () => {
    expect(refusal({ ...doc(), createdAt: '2026-11-27T09:30:00+09:00' })).toBeNull();
  });

  it.each(['', 'a'.repeat(129), '../../etc/passwd', 'run 1', "x'; DROP TABLE"])('refuses the id %j', (id) => {
    expect(refusal({ ...doc(), id })).toBe('benchmark.id');
  });

  it('accepts a UUID and a 128-character id', () => {
    expect(refusal({ ...doc(), id: '0b6f1c9e-8f0a-4a57-9a43-3f3b5f1b2c7d' })).toBeNull();
    expect(refusal({ ...doc(), id: 'r'.repeat(128) })).toBeNull();
  });

  it('refuses an unknown role', () => {
    expect(refusal({ ...doc(), role: 'production' })).toBe('benchmark.role');
  });

  describe('provider and adapter fields agree', () => {
    it('refuses a row whose provider was never probed', () => {
      const d = doc();
      d.table[0]!.provider = 'cuda';
      expect(refusal(d)).toBe('benchmark.table.0.provider');
    });

    it('refuses figures from a provider that failed its probe', () => {
      const d = doc();
      const i = measuredIndex(d);
      d.table[i]!.provider = 'webgpu';
      expect(refusal(d)).toBe(`benchmark.table.${i}.provider`);
    });

    it('accepts an unavailable row of a provider that failed its probe (it says why)', () => {
      const d = doc();
      d.table.push({ ...d.table[0]!, provider: 'webgpu', kind: 'unavailable', medianMs: null, p10Ms: null, p90Ms: null, speedup: null, usefulGflops: null, note: 'not measured' });
      expect(refusal(d)).toBeNull();
    });

    it('refuses a timing of a provider that did not pass its probe', () => {
      const d = doc();
      d.timings[0]!.provider = 'webgpu';
      expect(refusal(d)).toBe('benchmark.timings.0.provider');
    });

    it('refuses a missing adapter entry for a probed GPU provider, naming inventory.adapters', () => {
      const d = doc();
      d.inventory.adapters = [];
      expect(refusal(d)).toBe('benchmark.inventory.adapters');
    });

    it('refuses an adapter for the CPU, for an unprobed provider, and a duplicate', () => {
      const base = doc();
      const a = base.inventory.adapters[0]!;
      expect(refusal({ ...base, inventory: { ...base.inventory, adapters: [{ ...a, provider: 'cpu' }, a] } })).toBe('benchmark.inventory.adapters.0.provider');
      expect(refusal({ ...base, inventory: { ...base.inventory, adapters: [a, { ...a, provider: 'cuda' }] } })).toBe('benchmark.inventory.adapters.1.provider');
      expect(refusal({ ...base, inventory: { ...base.inventory, adapters: [a, a] } })).toBe('benchmark.inventory.adapters.1.provider');
    });

    it('refuses probes that do not match the providers the run asked for', () => {
      const d = doc();
      d.inventory.providers = d.inventory.providers.filter((p) => p.provider === 'cpu');
      d.inventory.adapters = [];
      expect(refusal(d)).toBe('benchmark.inventory.providers');
      const twice = doc();
      twice.inventory.providers.push(twice.inventory.providers[0]!);
      expect(refusal(twice)).toMatch(/^benchmark\.inventory\.providers\.\d+\.provider$/);
    });
  });

  it('takes a model section and estimate rows (the own-model benchmark)', () => {
    const d = doc();
    d.table[0] = { ...d.table[0]!, kind: 'estimate', note: 'estimate from layer timings' };
    d.model = {
      fileName: 'vit.onnx',
      sha256: 'a'.repeat(64),
      bytes: 1000,
      externalDataBytes: 0,
      irVersion: 8,
      opset: 17,
      producer: 'pytorch',
      family: 'transformer',
      selection: 'default',
      inputs: [{ name: 'pixel_values', dtype: 'float32', shape: [1, 3, 224, 224] }],
      batch: 1,
      ops: [{ opType: 'MatMul', nodes: 12, params: 1000, prunableParams: 900 }],
      totalParams: 1000,
      prunableParams: 900,
      prunableShare: 0.9,
      pattern: 'unstructured',
      prunedLayers: [],
      leftDense: [],
      outputChange: [],
      placement: [],
      layerTimings: [],
    };
    expect(refusal(d)).toBeNull();
  });
});
