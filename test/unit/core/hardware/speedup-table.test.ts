import { describe, expect, it } from 'vitest';
import { benchmarkResultSchema, speedupRowSchema, type SpeedupRow } from '../../../../src-main/core/hardware/benchmark-result.js';
import { shortLabel } from '../../../../src-main/core/hardware/row-labels.js';
import { buildSpeedupTable, OUTPUT_TOLERANCE, type TableInput } from '../../../../src-main/core/hardware/speedup-table.js';
import { samplesAround, syntheticDocument, syntheticPlan, syntheticTimings } from './synthetic-run.js';

const plan = syntheticPlan();
const checks = plan.suite.sparsities.flatMap((s) => plan.suite.tokens.map((tokens) => ({ sparsity: s, tokens, relativeDifference: 1e-7 })));

/** Dense 2 ms; zeroed 2 ms; sparse kernel 4·(1−S) ms against a C-API dense of 1 ms; upper bound 2·(1−S) ms per dense-depth request. */
function input(overrides: Partial<TableInput> = {}): TableInput {
  const timings = syntheticTimings(plan, ['cpu', 'webgpu'], (m, _tokens, path) => {
    if (path === 'ort-c-api') return m.kind === 'dense' ? 1 : 4 * (1 - m.sparsity);
    if (m.kind === 'upper-bound') return (2 * (1 - m.sparsity) * m.layers) / plan.chainLayers;
    return 2;
  });
  return { plan, providers: ['cpu', 'webgpu'], timings, providerErrors: {}, sparseKernel: { reachable: true, checks }, cancelled: false, ...overrides };
}

const find = (rows: SpeedupRow[], r: Partial<SpeedupRow>) =>
  rows.find((row) => Object.entries(r).every(([k, v]) => row[k as keyof SpeedupRow] === v))!;

describe('speed-up table', () => {
  const rows = buildSpeedupTable(input());

  it('has every row of the schema, in a fixed order per provider and token count', () => {
    for (const row of rows) speedupRowSchema.parse(row);
    const perBlock = 1 + 3 * plan.suite.sparsities.length + 1;
    expect(rows).toHaveLength(2 * plan.suite.tokens.length * perBlock);
    expect(rows.slice(0, perBlock).map((r) => `${r.variant}@${r.sparsity}`)).toEqual([
      'dense@0',
      ...plan.suite.sparsities.map((s) => `zeroed-dense@${s}`),
      ...plan.suite.sparsities.map((s) => `sparse-kernel@${s}`),
      'structured-2:4@0.5',
      ...plan.suite.sparsities.map((s) => `upper-bound@${s}`),
    ]);
  });

  it('puts dense at ×1 and zeroed dense at the ratio of the medians', () => {
    const dense = find(rows, { provider: 'cpu', variant: 'dense', tokens: 8 });
    expect(dense.kind).toBe('measured');
    expect(dense.speedup!.value).toBe(1);
    expect(dense.medianMs).toBeCloseTo(2, 12);
    expect(dense.usefulGflops).toBeCloseTo((2 * 8 * plan.jsModels[0]!.nonzeros) / 2e6, 9);
    const zeroed = find(rows, { provider: 'cpu', variant: 'zeroed-dense', sparsity: 0.9, tokens: 8 });
    expect(zeroed.speedup!.value).toBeCloseTo(1, 12);
    // Useful work counts only the non-zero weights: a tenth of dense at S = 0.9.
    expect(zeroed.usefulGflops! / dense.usefulGflops!).toBeCloseTo(0.1, 3);
  });

  it('compares the sparse kernel with the C-API dense of its own process, not the onnxruntime-node one', () => {
    const sparse = find(rows, { provider: 'cpu', variant: 'sparse-kernel', sparsity: 0.75, tokens: 1 });
    expect(sparse.kind).toBe('measured');
    expect(sparse.speedup!.value).toBeCloseTo(1 / (4 * 0.25), 9);
    expect(sparse.note).toContain('SparseToDenseMatMul');
    expect(sparse.note).toContain('output matches zeroed dense');
    expect(shortLabel(sparse)).toBe('sparse kernel');
  });

  it('scales longer upper-bound chains to the dense chain’s depth and labels them upper bound', () => {
    const ub = find(rows, { provider: 'cpu', variant: 'upper-bound', sparsity: 0.95, tokens: 1 });
    const model = plan.jsModels.find((m) => m.kind === 'upper-bound' && m.sparsity === 0.95)!;
    expect(model.layers).toBeGreaterThan(plan.chainLayers);
    expect(ub.kind).toBe('upper-bound');
    expect(ub.medianMs).toBeCloseTo(2 * 0.05, 9);
    expect(ub.speedup!.value).toBeCloseTo(20, 6);
    expect(ub.note).toContain('upper bound');
    expect(ub.note).toContain('not a sparse measurement');
    expect(shortLabel(ub)).toBe('upper bound');
  });

  it('says "cache-warm, inflated" on an upper bound whose weights fit the cache', () => {
    const big = syntheticPlan({}, 1024 * 1024 * 1024);
    const t = syntheticTimings(big, ['cpu'], () => 1);
    const table = buildSpeedupTable({ plan: big, providers: ['cpu'], timings: t, providerErrors: {}, sparseKernel: { reachable: true, checks }, cancelled: false });
    const ub = find(table, { variant: 'upper-bound', sparsity: 0.5 });
    expect(ub.note).toContain('cache-warm, inflated');
    const coldNote = find(rows, { provider: 'cpu', variant: 'upper-bound', sparsity: 0.5 }).note;
    expect(coldNote).toContain('cache-cold');
    expect(coldNote).not.toContain('inflated');
  });

  it('gives 2:4 the figures of 50 % unstructured zeroed dense, as same-as-unstructured', () => {
    const structured = find(rows, { provider: 'cpu', variant: 'structured-2:4', tokens: 8 });
    const half = find(rows, { provider: 'cpu', variant: 'zeroed-dense', sparsity: 0.5, tokens: 8 });
    expect(structured.kind).toBe('same-as-unstructured');
    expect(structured.pattern).toBe('2:4');
    expect(structured.speedup).toEqual(half.speedup);
    expect(structured.note).toContain('runs like 50 % unstructured');
  });

  it('has no sparse kernel on a GPU provider and says so', () => {
    const gpu = find(rows, { provider: 'webgpu', variant: 'sparse-kernel', sparsity: 0.9 });
    expect(gpu.kind).toBe('unavailable');
    expect(gpu.medianMs).toBeNull();
    expect(gpu.speedup).toBeNull();
    expect(gpu.note).toContain('no sparse kernel');
  });

  it('marks TensorRT 2:4 unavailable: onnxruntime-node cannot turn on its sparsity option', () => {
    const t = buildSpeedupTable({ ...input(), providers: ['tensorrt'], timings: syntheticTimings(plan, ['tensorrt'], () => 1) });
    const structured = find(t, { variant: 'structured-2:4' });
    expect(structured.kind).toBe('unavailable');
    expect(structured.note).toContain('trt_sparsity_enable');
  });

  it('says "no sparse kernel reachable" when the C-API path could not load', () => {
    const t = buildSpeedupTable(input({ sparseKernel: { reachable: false, reason: 'no libonnxruntime in /x' } }));
    const sparse = t.filter((r) => r.provider === 'cpu' && r.variant === 'sparse-kernel');
    expect(sparse.every((r) => r.kind === 'unavailable' && r.note.startsWith('no sparse kernel reachable (no libonnxruntime in /x)'))).toBe(true);
  });

  it('refuses to report a sparse kernel whose output differs from zeroed dense', () => {
    const bad = checks.map((c) => (c.sparsity === 0.9 ? { ...c, relativeDifference: 10 * OUTPUT_TOLERANCE } : c));
    const t = buildSpeedupTable(input({ sparseKernel: { reachable: true, checks: bad } }));
    const row = find(t, { provider: 'cpu', variant: 'sparse-kernel', sparsity: 0.9 });
    expect(row.kind).toBe('unavailable');
    expect(row.note).toContain('differs from zeroed dense');
    expect(find(t, { provider: 'cpu', variant: 'sparse-kernel', sparsity: 0.5 }).kind).toBe('measured');
  });

  it('marks a row and its speed-up unreliable when it or its baseline is too noisy or too short', () => {
    const base = input();
    const timings = base.timings.map((t) => {
      if (t.path === 'onnxruntime-node' && t.provider === 'cpu' && t.variant === 'zeroed-dense' && t.sparsity === 0.5) return { ...t, samplesMs: [2, 2.1, 2] };
      if (t.path === 'onnxruntime-node' && t.provider === 'webgpu' && t.variant === 'dense') return { ...t, samplesMs: samplesAround(2, 21, 0.9) };
      return t;
    });
    const t = buildSpeedupTable({ ...base, timings });
    const short = find(t, { provider: 'cpu', variant: 'zeroed-dense', sparsity: 0.5, tokens: 1 });
    expect(short.reliable).toBe(false);
    expect(short.note).toContain('UNRELIABLE: only 3 iterations (minimum 10)');
    expect(shortLabel(short)).toBe('measured, unreliable');
    const noisyBase = find(t, { provider: 'webgpu', variant: 'zeroed-dense', sparsity: 0.9, tokens: 1 });
    expect(noisyBase.reliable).toBe(false);
    expect(noisyBase.note).toMatch(/dense baseline: p10–p90 spread is \d+ %/);
    expect(find(t, { provider: 'cpu', variant: 'zeroed-dense', sparsity: 0.9, tokens: 1 }).reliable).toBe(true);
  });

  it('keeps rows that were not measured, saying why', () => {
    const base = input();
    const onlyDense = base.timings.filter((t) => t.variant === 'dense');
    const failed = buildSpeedupTable({ ...base, timings: onlyDense, providerErrors: { webgpu: 'the benchmark process killed by SIGSEGV' } });
    const gpuZeroed = find(failed, { provider: 'webgpu', variant: 'zeroed-dense', sparsity: 0.5 });
    expect(gpuZeroed.kind).toBe('unavailable');
    expect(gpuZeroed.note).toBe('not measured: the benchmark process killed by SIGSEGV');
    const cancelled = buildSpeedupTable({ ...base, timings: onlyDense, cancelled: true });
    expect(find(cancelled, { provider: 'cpu', variant: 'upper-bound', sparsity: 0.9 }).note).toContain('cancelled');
  });

  it('builds a document that validates against the result schema', () => {
    const doc = syntheticDocument();
    expect(() => benchmarkResultSchema.parse(doc)).not.toThrow();
    expect(benchmarkResultSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('still reads documents without the optional path and layers of each timing', () => {
    const doc = syntheticDocument();
    const old = { ...doc, timings: doc.timings.map(({ path: _p, layers: _l, ...rest }) => rest) };
    expect(benchmarkResultSchema.safeParse(old).success).toBe(true);
  });

  it('gives one machine one fingerprint whatever the kernel release, and two machines two', () => {
    const doc = syntheticDocument();
    const other = syntheticDocument();
    expect(other.inventory.fingerprint).toBe(doc.inventory.fingerprint);
    expect(doc.inventory.fingerprint).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });
});
