import { describe, expect, it } from 'vitest';
import { resolveSpeedup, type SpeedupRequest } from '../../../../src-main/core/roi/speedups.js';
import { benchmarkDocument, measuredRow } from '../../../support/scenarios.js';

const request = (patch: Partial<SpeedupRequest> = {}): SpeedupRequest => ({
  sparsity: 0.75, pattern: 'unstructured', provider: 'cpu', tokens: 197, useUpperBound: false, ...patch,
});

const bench = benchmarkDocument([
  measuredRow('cpu', 0.5, 1.0),
  measuredRow('cpu', 0.75, 1.1),
  measuredRow('cpu', 0.75, 1.6, { variant: 'sparse-kernel', note: 'measured sparse kernel' }),
  measuredRow('cpu', 0.9, 2.5, { variant: 'sparse-kernel', reliable: false }),
  measuredRow('cpu', 0.9, 1.2),
  measuredRow('cpu', 0.75, 4, { variant: 'upper-bound', kind: 'upper-bound', note: 'upper bound' }),
  measuredRow('cpu', 0.5, 1.9, { variant: 'structured-2:4', pattern: '2:4', kind: 'same-as-unstructured', speedup: null }),
  measuredRow('tensorrt', 0.5, 1.4, { variant: 'structured-2:4', pattern: '2:4' }),
]);

describe('resolving speed-ups', () => {
  it('takes the faster measured variant at a benchmarked sparsity', () => {
    const s = resolveSpeedup(request(), bench, []);
    expect(s).toMatchObject({ value: 1.6, kind: 'measured', variant: 'sparse-kernel', interpolated: false, benchmarkId: 'bench-test' });
  });

  it('prefers reliable rows over faster unreliable ones', () => {
    expect(resolveSpeedup(request({ sparsity: 0.9 }), bench, []).value).toBe(1.2);
  });

  it('interpolates between benchmarked sparsities, and from dense below the first', () => {
    const between = resolveSpeedup(request({ sparsity: 0.625 }), bench, []);
    expect(between.interpolated).toBe(true);
    expect(between.value).toBeCloseTo(Math.sqrt(1.0 * 1.6), 9);
    expect(between.fromSparsities).toEqual([0.5, 0.75]);
    expect(resolveSpeedup(request({ sparsity: 0.25 }), bench, []).value).toBeCloseTo(1, 9);
    const beyond = resolveSpeedup(request({ sparsity: 0.97 }), bench, []);
    expect(beyond).toMatchObject({ value: 1.2, beyondRange: true });
  });

  it('uses upper-bound rows only when asked, and labels them', () => {
    const s = resolveSpeedup(request({ useUpperBound: true }), bench, []);
    expect(s.kind).toBe('upper-bound');
    expect(s.value).toBe(4);
    expect(s.note).toContain('upper bound');
  });

  it('2:4 counts as measured only where a provider accelerates it; elsewhere it runs like 50 % unstructured', () => {
    const trt = resolveSpeedup(request({ pattern: '2:4', provider: 'tensorrt' }), bench, []);
    expect(trt).toMatchObject({ value: 1.4, variant: 'structured-2:4', kind: 'measured' });
    const cpu = resolveSpeedup(request({ pattern: '2:4' }), bench, []);
    expect(cpu.value).toBe(1.0);
    expect(cpu.note).toContain('runs like 50 % unstructured');
  });

  it('falls back to the assumptions, saying why', () => {
    const s = resolveSpeedup(request({ provider: 'dml' }), bench, [{ sparsity: 0.75, value: 2 }]);
    expect(s).toMatchObject({ value: 2, kind: 'assumed' });
    expect(s.note).toContain('no rows for dml');
    const none = resolveSpeedup(request(), null, []);
    expect(none).toMatchObject({ value: 1, kind: 'assumed' });
    expect(none.note).toContain('no hardware check');
  });

  it('picks the rows whose tokens per request are closest', () => {
    const multi = benchmarkDocument([measuredRow('cpu', 0.75, 1.5, { tokens: 1 }), measuredRow('cpu', 0.75, 1.1, { tokens: 256 })]);
    expect(resolveSpeedup(request({ tokens: 4 }), multi, []).value).toBe(1.5);
    expect(resolveSpeedup(request({ tokens: 197 }), multi, []).value).toBe(1.1);
  });

  it('never offers the rows of a software GPU as a speed-up: it falls back to the assumptions, saying why', () => {
    const webgpu = benchmarkDocument([measuredRow('webgpu', 0.75, 1.3), measuredRow('cpu', 0.75, 1.1)]);
    const software = {
      ...webgpu,
      inventory: {
        ...webgpu.inventory,
        adapters: [{ provider: 'webgpu' as const, vendor: 'Mesa', name: 'llvmpipe (LLVM 15.0.6, 256 bits)', driver: 'llvmpipe', type: 'software' as const, source: 'vulkaninfo' as const, note: 'enumerated by the OS, not reported by ORT' }],
      },
    };
    const s = resolveSpeedup(request({ provider: 'webgpu' }), software, [{ sparsity: 0.75, value: 1.05 }]);
    expect(s).toMatchObject({ kind: 'assumed', value: 1.05, benchmarkId: null });
    expect(s.note).toContain('llvmpipe');
    expect(s.note).toContain('software GPU — checks that the GPU path works, not a performance figure');
    // The same rows on a hardware adapter are measured; the CPU rows of the same run still count.
    expect(resolveSpeedup(request({ provider: 'webgpu' }), webgpu, []).kind).toBe('measured');
    expect(resolveSpeedup(request({ provider: 'cpu' }), software, []).kind).toBe('measured');
  });
});
