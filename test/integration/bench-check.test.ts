/**
 * The hardware check end to end through its child processes, on tiny shapes and budgets so the
 * file stays fast on two cores. Timing targets live in `npm run bench`, not here.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkResultSchema, type BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import { InputError } from '../../src-main/core/input.js';
import { runHardwareCheck, type HardwareCheckProgress } from '../../src-main/bench/run-hardware-check.js';

const TINY = { dModel: 32, ffnWidth: 64, tokens: [1, 4], timeBudgetMsPerCase: 6, minIterations: 4, sparsities: [0.5, 0.9] };
/** Whether onnxruntime-node's GPU provider libraries were installed (npm run gpu:install); these machines have none. */
const ortFolder = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node'));
const gpuLibraries = existsSync(path.join(ortFolder, '..', 'bin', 'napi-v6', process.platform, process.arch, 'libonnxruntime_providers_shared.so'));
// DirectML exists only on Windows: elsewhere it must fail its probe. On Windows, CoreML must.
const FOREIGN = process.platform === 'win32' ? 'coreml' : 'dml';

describe('runHardwareCheck', () => {
  let result: BenchmarkResult;
  const progress: HardwareCheckProgress[] = [];

  it('measures the CPU and reports a provider this machine cannot have instead of failing', async () => {
    result = await runHardwareCheck({ ...TINY, providers: ['cpu', FOREIGN] }, { onProgress: (p) => progress.push(p) });
    expect(benchmarkResultSchema.safeParse(result).success).toBe(true);
    expect(result.cancelled).toBe(false);
    const probes = Object.fromEntries(result.inventory.providers.map((p) => [p.provider, p]));
    expect(probes.cpu).toEqual({ provider: 'cpu', available: true, error: null });
    expect(probes[FOREIGN]!.available).toBe(false);
    expect(probes[FOREIGN]!.error).toBeTruthy();
    expect(result.table.every((r) => r.provider === 'cpu')).toBe(true);
    expect(result.inventory.ortVersion).toMatch(/^1\.\d+/);
    expect(result.role).toBe('development');
    expect(result.inventory.adapters.map((a) => a.provider)).toEqual([FOREIGN]);
  }, 60_000);

  it('fills the table for every token count with measured dense, zeroed, 2:4 and upper-bound rows', () => {
    for (const tokens of TINY.tokens) {
      const rows = result.table.filter((r) => r.tokens === tokens);
      expect(rows.map((r) => r.variant)).toEqual([
        'dense', 'zeroed-dense', 'zeroed-dense', 'sparse-kernel', 'sparse-kernel', 'structured-2:4', 'upper-bound', 'upper-bound',
      ]);
      const dense = rows[0]!;
      expect(dense.kind).toBe('measured');
      expect(dense.iterations).toBeGreaterThanOrEqual(TINY.minIterations);
      expect(dense.usefulGflops).toBeGreaterThan(0);
      expect(rows.find((r) => r.variant === 'upper-bound')!.kind).toBe('upper-bound');
      expect(rows.find((r) => r.variant === 'structured-2:4')!.kind).toBe('same-as-unstructured');
    }
    // Each case pools all its rounds: one timing entry per case and path.
    const keys = result.timings.map((t) => `${t.path}|${t.variant}|${t.sparsity}|${t.tokens}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.runIf(process.platform === 'linux')('runs the sparse kernel through the C API and checks it against zeroed dense', () => {
    const sparse = result.table.filter((r) => r.variant === 'sparse-kernel');
    expect(sparse).toHaveLength(4);
    for (const row of sparse) {
      expect(row.kind).toBe('measured');
      expect(row.note).toMatch(/output matches zeroed dense within [\d.e+-]+ \(relative\)/);
      expect(row.speedup!.value).toBeGreaterThan(0);
    }
    expect(result.timings.some((t) => t.path === 'ort-c-api' && t.variant === 'dense')).toBe(true);
  });

  it('reports progress from 0 to 1, never going back', () => {
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
    expect(progress.at(-1)).toEqual({ fraction: 1, current: 'done' });
    expect(progress.some((p) => /cpu zeroed-dense S=0\.9, 4 tokens \(round \d\/\d\)/.test(p.current))).toBe(true);
  });

  it('says "no sparse kernel reachable" when libonnxruntime cannot be loaded', async () => {
    const r = await runHardwareCheck({ ...TINY, tokens: [1], providers: ['cpu'], ortLibraryPath: '/nonexistent/libonnxruntime.so.1' });
    const sparse = r.table.filter((row) => row.variant === 'sparse-kernel');
    expect(sparse.length).toBe(2);
    for (const row of sparse) {
      expect(row.kind).toBe('unavailable');
      expect(row.note).toContain('no sparse kernel reachable');
      expect(row.note).toContain('/nonexistent/libonnxruntime.so.1');
    }
    expect(r.table.find((row) => row.variant === 'zeroed-dense')!.kind).toBe('measured');
  }, 60_000);

  it.runIf(process.platform === 'linux' && !gpuLibraries)('reports TensorRT unavailable with the loader\'s error, in one 2:4 row per token count', async () => {
    const r = await runHardwareCheck({ ...TINY, providers: ['cpu', 'tensorrt'] });
    const probe = r.inventory.providers.find((p) => p.provider === 'tensorrt')!;
    expect(probe.available).toBe(false);
    expect(probe.error).toMatch(/Failed to load library \S*libonnxruntime_providers_shared\.so with error/);
    expect(probe.error).toContain('npm run gpu:install');
    const trt = r.table.filter((row) => row.provider === 'tensorrt');
    expect(trt.map((row) => [row.variant, row.tokens, row.kind])).toEqual(TINY.tokens.map((t) => ['structured-2:4', t, 'unavailable']));
    expect(trt[0]!.note).toContain('libonnxruntime_providers_shared.so');
    expect(r.inventory.adapters.map((a) => a.provider)).toEqual(['tensorrt']);
    expect(r.table.find((row) => row.provider === 'cpu' && row.variant === 'dense')!.kind).toBe('measured');
  }, 60_000);

  it('stops within a second when cancelled, with what finished', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    let lateProgress = 0;
    let settled = false;
    const run = runHardwareCheck(
      { ...TINY, tokens: [1], timeBudgetMsPerCase: 60_000, minIterations: 100_000, providers: ['cpu'] },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (settled) lateProgress++;
          // Abort once the first long case is under way in the child.
          if (abortedAt === 0 && p.current.startsWith('cpu dense')) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
      },
    );
    const r = await run;
    settled = true;
    const stoppedAfterMs = performance.now() - abortedAt;
    expect(abortedAt).toBeGreaterThan(0);
    expect(stoppedAfterMs).toBeLessThan(1000);
    expect(r.cancelled).toBe(true);
    expect(benchmarkResultSchema.safeParse(r).success).toBe(true);
    expect(r.table.find((row) => row.variant === 'upper-bound')!.note).toContain('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lateProgress).toBe(0);
  }, 60_000);

  it('refuses an oversized shape up front, naming the setting, without starting a child', async () => {
    const started = performance.now();
    const error = await runHardwareCheck({ dModel: 30_000, ffnWidth: 120_000, providers: ['cpu'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('dModel/ffnWidth');
    expect((error as Error).message).toMatch(/GiB/);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
