/**
 * The own-model table: dense and pruned rows per provider, the sparse-kernel estimate from
 * layer timings with its arithmetic, and the rows of a provider the model failed on.
 */
import { describe, expect, it } from 'vitest';
import type { RawTiming } from '../../../../src-main/core/hardware/benchmark-result.js';
import { benchmarkResultSchema } from '../../../../src-main/core/hardware/benchmark-result.js';
import { summarize } from '../../../../src-main/core/hardware/statistics.js';
import { buildModelTable, estimateAt, type LayerMeasurement, type ModelTableInput } from '../../../../src-main/core/own-model/model-table.js';

const RULE = { minIterations: 5, maxRelativeSpread: 0.5 };
const around = (ms: number) => Array.from({ length: 21 }, (_, i) => ms * (0.95 + i * 0.005));

function timing(provider: RawTiming['provider'], variant: RawTiming['variant'], sparsity: number, ms: number): RawTiming {
  return { provider, variant, sparsity, tokens: 1, warmups: 2, samplesMs: around(ms), path: 'onnxruntime-node' };
}

const layers: LayerMeasurement[] = [
  { name: 'q', m: 8, k: 64, n: 64, count: 4, denseSamplesMs: around(0.1), sparse: [{ sparsity: 0.9, samplesMs: around(0.05), relativeDifference: 1e-7 }] },
  { name: 'up', m: 8, k: 64, n: 256, count: 1, denseSamplesMs: around(0.3), sparse: [{ sparsity: 0.9, samplesMs: around(0.5), relativeDifference: 2e-7 }] },
];

function input(over: Partial<ModelTableInput> = {}): ModelTableInput {
  return {
    providers: ['cpu', 'webgpu'],
    ran: ['cpu'],
    sparsities: [0.9],
    pattern: 'unstructured',
    batch: 1,
    threads: 1,
    timings: [timing('cpu', 'dense', 0, 2), timing('cpu', 'zeroed-dense', 0.9, 1.9)],
    providerErrors: { webgpu: 'the model does not run on webgpu: no adapter' },
    layers: { reachable: true, measured: layers, untimed: [] },
    convLayers: 0,
    rule: RULE,
    cancelled: false,
    ...over,
  };
}

describe('estimate from layer timings', () => {
  it('is the dense model time minus the dense layers plus the sparse layers, each times its count', () => {
    const dense = summarize(around(2));
    const parts = estimateAt(dense, layers, 0.9, RULE)!;
    const m = (s: number[]) => summarize(s).medianMs;
    expect(parts.medianMs).toBeCloseTo(m(around(2)) - 4 * m(around(0.1)) - m(around(0.3)) + 4 * m(around(0.05)) + m(around(0.5)), 12);
    expect(parts.p10Ms).toBeLessThan(parts.medianMs);
    expect(parts.p90Ms).toBeGreaterThan(parts.medianMs);
    expect(parts.worstDifference).toBe(2e-7);
  });

  it('becomes an estimate row on the CPU, labelled as such, with a speed-up against the measured dense model', () => {
    const rows = buildModelTable(input());
    const row = rows.find((r) => r.provider === 'cpu' && r.variant === 'sparse-kernel')!;
    expect(row.kind).toBe('estimate');
    expect(row.note).toMatch(/^estimate from layer timings, not a whole-model measurement/);
    expect(row.speedup!.value).toBeCloseTo(summarize(around(2)).medianMs / row.medianMs!, 12);
    expect(row.reliable).toBe(true);
  });

  it('refuses an estimate whose sparse outputs disagree with zeroed dense', () => {
    const bad = [{ ...layers[0]!, sparse: [{ sparsity: 0.9, samplesMs: around(0.05), relativeDifference: 0.3 }] }];
    const row = buildModelTable(input({ layers: { reachable: true, measured: bad, untimed: [] } })).find((r) => r.variant === 'sparse-kernel')!;
    expect(row.kind).toBe('unavailable');
    expect(row.note).toMatch(/differs from zeroed dense/);
  });

  it('says when isolated layers add up to more than the whole model', () => {
    const slow = [{ ...layers[0]!, count: 1, denseSamplesMs: around(1), sparse: [{ sparsity: 0.9, samplesMs: around(0.1), relativeDifference: 1e-7 }] }];
    const row = buildModelTable(input({ timings: [timing('cpu', 'dense', 0, 0.5)], layers: { reachable: true, measured: slow, untimed: [] } })).find((r) => r.variant === 'sparse-kernel')!;
    expect(row.kind).toBe('unavailable');
    expect(row.note).toMatch(/isolated dense layers take longer than the whole model/);
  });
});

describe('buildModelTable', () => {
  it('keeps the rows of a provider the model failed on, each saying why', () => {
    const rows = buildModelTable(input());
    const gpu = rows.filter((r) => r.provider === 'webgpu');
    expect(gpu.map((r) => r.variant)).toEqual(['dense', 'zeroed-dense', 'sparse-kernel']);
    expect(gpu.every((r) => r.kind === 'unavailable')).toBe(true);
    expect(gpu[0]!.note).toContain('no adapter');
    expect(rows.filter((r) => r.provider === 'cpu').map((r) => r.kind)).toEqual(['measured', 'measured', 'estimate']);
  });

  it('adds the 2:4 rows for a 2:4 run: pruned rows with the 2:4 pattern and no 2:4 kernel', () => {
    const rows = buildModelTable(input({ pattern: '2:4', sparsities: [0.5], timings: [timing('cpu', 'dense', 0, 2), timing('cpu', 'zeroed-dense', 0.5, 2)], layers: { reachable: false, reason: 'not run' } }));
    expect(rows.find((r) => r.provider === 'cpu' && r.variant === 'zeroed-dense')!.pattern).toBe('2:4');
    expect(rows.filter((r) => r.variant === 'structured-2:4').map((r) => r.kind)).toEqual(['unavailable', 'unavailable']);
  });

  it('gives rows the result schema accepts', () => {
    const rows = buildModelTable(input());
    const row = benchmarkResultSchema.shape.table.element;
    for (const r of rows) expect(row.safeParse(r).success).toBe(true);
  });
});
