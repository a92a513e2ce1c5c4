import { describe, expect, it } from 'vitest';
import { benchmarkResultSchema, speedupRowSchema, type SpeedupRow } from '../../../../src-main/core/hardware/benchmark-result.js';
import { shortLabel } from '../../../../src-main/core/hardware/row-labels.js';
import { buildSpeedupTable, OUTPUT_TOLERANCE, PROVIDER_PRECISION, type OutputCheck, type TableInput } from '../../../../src-main/core/hardware/speedup-table.js';
import { samplesAround, syntheticDocument, syntheticPlan, syntheticTimings, timing } from './synthetic-run.js';

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

  describe('TensorRT (C API, FP16, sparsity on)', () => {
    const [trtDense, trtStructured] = plan.tensorrtModels;
    /** Dense FP16 1 ms, 2:4 FP16 0.8 ms per request. */
    const trtTimings = plan.suite.tokens.flatMap((tokens) => [
      timing(trtDense!, 'tensorrt', tokens, samplesAround(1), 'ort-c-api'),
      timing(trtStructured!, 'tensorrt', tokens, samplesAround(0.8), 'ort-c-api'),
    ]);
    const evidence = { eligible: ['MatMul_0', 'MatMul_1'], picked: ['MatMul_1'], source: 'build-log' as const };

    it('measures 2:4 against dense FP16 of the same process and says what the build log reported', () => {
      const t = buildSpeedupTable({
        ...input(),
        providers: ['tensorrt'],
        timings: trtTimings,
        tensorrt: { loaded: true, evidence: plan.suite.tokens.map((tokens) => ({ tokens, evidence })), engineCache: '/cache/trt' },
      });
      const structured = find(t, { variant: 'structured-2:4', tokens: 8 });
      expect(structured).toMatchObject({ kind: 'measured', pattern: '2:4', reliable: true });
      expect(structured.speedup!.value).toBeCloseTo(1 / 0.8, 6);
      expect(structured.note).toContain('trt_sparsity_enable=true, FP16');
      expect(structured.note).toContain('picked a sparse implementation for 1 of 2 eligible layer(s) (build log)');
      expect(find(t, { variant: 'dense', tokens: 8 }).note).toContain('engines cached in /cache/trt');
      // Only dense and 2:4 are built on TensorRT; the other rows stay, saying so.
      expect(find(t, { variant: 'zeroed-dense', sparsity: 0.9, tokens: 8 }).note).toContain('not timed on TensorRT');
      expect(find(t, { variant: 'upper-bound', sparsity: 0.9, tokens: 8 }).kind).toBe('unavailable');
    });

    it('says "TRT chose dense" when layers were eligible but none got a sparse implementation', () => {
      const dense = { eligible: ['MatMul_0'], picked: [], source: 'build-log' as const };
      const t = buildSpeedupTable({
        ...input(),
        providers: ['tensorrt'],
        timings: trtTimings,
        tensorrt: { loaded: true, evidence: plan.suite.tokens.map((tokens) => ({ tokens, evidence: dense })), engineCache: null },
      });
      expect(find(t, { variant: 'structured-2:4', tokens: 1 }).note).toContain('TRT chose dense');
    });

    it('leaves one unavailable 2:4 row per token count with the loader\'s error where TensorRT does not load', () => {
      const reason = 'Failed to load library libonnxruntime_providers_shared.so';
      const t = buildSpeedupTable({ ...input(), providers: ['cpu'], tensorrt: { loaded: false, reason } });
      const trt = t.filter((r) => r.provider === 'tensorrt');
      expect(trt.map((r) => [r.variant, r.tokens, r.kind])).toEqual(plan.suite.tokens.map((tokens) => ['structured-2:4', tokens, 'unavailable']));
      expect(trt[0]!.note).toContain(reason);
    });
  });

  describe('GPU output against the CPU', () => {
    const outputChecks = (difference: (variant: string, sparsity: number) => number | null): OutputCheck[] =>
      [...plan.jsModels, plan.structuredModel].flatMap((m) =>
        plan.suite.tokens.map((tokens) => ({
          provider: 'webgpu' as const,
          variant: m.variant,
          sparsity: m.sparsity,
          tokens,
          precision: 'fp32' as const,
          relativeDifference: difference(m.variant, m.sparsity),
        })),
      );

    it('notes a match on every GPU row, the 2:4 model included, and refuses a row that computes something else', () => {
      const t = buildSpeedupTable(input({ outputChecks: outputChecks((v, s) => (v === 'zeroed-dense' && s === 0.9 ? 0.3 : 4e-7)) }));
      expect(find(t, { provider: 'webgpu', variant: 'dense', tokens: 1 }).note).toContain("output matches the CPU's within 4.0e-7 (relative, tolerance 0.0001)");
      expect(find(t, { provider: 'webgpu', variant: 'upper-bound', sparsity: 0.5, tokens: 1 }).note).toContain("output matches the CPU's");
      expect(find(t, { provider: 'webgpu', variant: 'structured-2:4', tokens: 1 }).note).toContain("2:4 model run on this provider: output matches the CPU's");
      const wrong = find(t, { provider: 'webgpu', variant: 'zeroed-dense', sparsity: 0.9, tokens: 1 });
      expect(wrong.kind).toBe('unavailable');
      expect(wrong.speedup).toBeNull();
      expect(wrong.note).toContain("webgpu output differs from the CPU's by 3.00e-1");
      // CPU rows are the reference and carry no such words.
      expect(find(t, { provider: 'cpu', variant: 'dense', tokens: 1 }).note).not.toContain('output matches');
    });

    it('allows a reduced-precision provider its own tolerance (CUDA computes FP32 MatMuls in TF32 by default)', () => {
      expect(PROVIDER_PRECISION).toMatchObject({ cuda: 'tf32', tensorrt: 'fp16', webgpu: 'fp32' });
      const cuda = outputChecks(() => 3e-3).map((c) => ({ ...c, provider: 'cuda' as const, precision: PROVIDER_PRECISION.cuda }));
      const t = buildSpeedupTable({ ...input(), providers: ['cpu', 'cuda'], timings: syntheticTimings(plan, ['cpu', 'cuda'], () => 2), outputChecks: cuda });
      expect(find(t, { provider: 'cuda', variant: 'dense', tokens: 1 }).note).toContain("output matches the CPU's within 3.0e-3 (relative, tolerance 0.01)");
      // The same difference on an FP32 provider is refused.
      const webgpu = buildSpeedupTable(input({ outputChecks: outputChecks(() => 3e-3) }));
      expect(find(webgpu, { provider: 'webgpu', variant: 'dense', tokens: 1 }).kind).toBe('unavailable');
    });

    it('says so when the CPU did not run, so nothing could be compared', () => {
      const t = buildSpeedupTable(input({ outputChecks: outputChecks(() => null) }));
      expect(find(t, { provider: 'webgpu', variant: 'zeroed-dense', sparsity: 0.5, tokens: 8 }).note).toContain('output not checked: the CPU was not in this run');
    });
  });

  it('keeps the rows a provider finished before it failed, unreliable and naming the error', () => {
    const base = input();
    const early = base.timings.filter((t) => !(t.provider === 'webgpu' && t.variant === 'upper-bound'));
    const t = buildSpeedupTable({ ...base, timings: early, providerErrors: { webgpu: 'Device lost (GPU removed)' } });
    const zeroed = find(t, { provider: 'webgpu', variant: 'zeroed-dense', sparsity: 0.5, tokens: 1 });
    expect(zeroed.kind).toBe('measured');
    expect(zeroed.reliable).toBe(false);
    expect(zeroed.note).toContain('the provider failed later in this run (Device lost (GPU removed))');
    expect(find(t, { provider: 'webgpu', variant: 'upper-bound', sparsity: 0.5, tokens: 1 }).note).toBe('not measured: Device lost (GPU removed)');
    // The CPU's rows are untouched.
    expect(t.filter((r) => r.provider === 'cpu')).toEqual(buildSpeedupTable(base).filter((r) => r.provider === 'cpu'));
  });

  it('gives estimate rows (the own-model benchmark) their own short label', () => {
    expect(shortLabel({ kind: 'estimate', variant: 'zeroed-dense', reliable: true })).toBe('estimate');
    expect(shortLabel({ kind: 'estimate', variant: 'zeroed-dense', reliable: false })).toBe('estimate, unreliable');
  });

  it('says on every row of a software GPU that it is no performance figure', () => {
    const t = buildSpeedupTable(input({ softwareProviders: ['webgpu'] }));
    expect(t.filter((r) => r.provider === 'webgpu').every((r) => r.note.endsWith('software GPU — checks that the GPU path works, not a performance figure'))).toBe(true);
    expect(t.filter((r) => r.provider === 'cpu').some((r) => r.note.includes('software GPU'))).toBe(false);
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
