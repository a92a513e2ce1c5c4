/**
 * The GPU lane: the hardware check on WebGPU. On machines without a GPU, Mesa ≥ 25's lavapipe (a
 * Vulkan driver running on the CPU; .ci/install-mesa installs it) provides a software adapter,
 * so CI exercises the whole GPU path — every variant builds, runs and matches the CPU's output —
 * with quick shapes. In CI (CI=true) the lane must run and fails when WebGPU is unavailable;
 * elsewhere it is skipped, saying why.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benchmarkResultSchema, type BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import { GPU_OUTPUT_TOLERANCE } from '../../src-main/core/hardware/speedup-table.js';
import { runHardwareCheck, type HardwareCheckProgress } from '../../src-main/bench/run-hardware-check.js';
import { BenchWorker, resolveWorkerEntry } from '../../src-main/bench/worker-process.js';
import type { WorkerMessage } from '../../src-main/bench/worker-protocol.js';
import { REPO_ROOT } from '../support/cli.js';

const IN_CI = process.env.CI === 'true';

/** The provider's own probe, in a child as the check runs it: null when WebGPU works here, else why not. */
async function webgpuProblem(): Promise<string | null> {
  const worker = BenchWorker.start();
  try {
    let error: string | null = 'no answer from the probe';
    const outcome = await worker.runTask(
      { type: 'probe', provider: 'webgpu' },
      (m: WorkerMessage) => {
        if (m.type === 'probe-result') error = m.error;
      },
      undefined,
      60_000,
    );
    return outcome.status === 'done' ? error : `the probe ${outcome.status}`;
  } finally {
    worker.kill();
  }
}

const problem = await webgpuProblem();
const lane = IN_CI || problem === null ? describe : describe.skip;
const title = problem === null || IN_CI ? 'WebGPU lane' : `WebGPU lane (skipped: ${problem}; install Mesa ≥ 25, see .ci/install-mesa)`;
if (lane === describe.skip) console.warn(title);

lane(title, () => {
  it('has a WebGPU adapter (in CI it must: .ci/install-mesa provides lavapipe)', () => {
    expect(problem, 'WebGPU is unavailable on this CI machine').toBeNull();
  });

  describe('quick suite on cpu and webgpu', () => {
    let result: BenchmarkResult;

    it('runs every variant on WebGPU and checks each against the CPU', async () => {
      result = await runHardwareCheck({ quick: true, providers: ['cpu', 'webgpu'] });
      expect(benchmarkResultSchema.safeParse(result).success).toBe(true);
      expect(result.inventory.providers.find((p) => p.provider === 'webgpu')).toEqual({ provider: 'webgpu', available: true, error: null });
      const gpu = result.table.filter((r) => r.provider === 'webgpu');
      const tolerance = GPU_OUTPUT_TOLERANCE.fp32;
      for (const variant of ['dense', 'zeroed-dense', 'upper-bound'] as const) {
        const rows = gpu.filter((r) => r.variant === variant);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.kind, row.note).not.toBe('unavailable');
          expect(row.medianMs).toBeGreaterThan(0);
          const match = /output matches the CPU's within ([\d.e+-]+) \(relative, tolerance ([\d.e+-]+)\)/.exec(row.note);
          expect(match, row.note).not.toBeNull();
          expect(Number(match![1])).toBeLessThanOrEqual(tolerance);
          expect(Number(match![2])).toBe(tolerance);
        }
      }
      // 2:4 has no WebGPU path; its model still builds, runs and matches the CPU.
      const structured = gpu.find((r) => r.variant === 'structured-2:4')!;
      expect(structured.kind).toBe('same-as-unstructured');
      expect(structured.note).toMatch(/2:4 model run on this provider: output matches the CPU's within [\d.e+-]+ \(relative, tolerance 0\.0001\)/);
    }, 240_000);

    it('identifies the adapter, enumerated by the OS', () => {
      const adapter = result.inventory.adapters.find((a) => a.provider === 'webgpu')!;
      expect(adapter.note).toContain('enumerated by the OS, not reported by ORT');
      if (process.platform === 'linux') expect(adapter.source).toBe('vulkaninfo');
      // lavapipe on a GPU-less machine: its rows say they are no performance figure.
      if (adapter.type === 'software') {
        expect(result.table.filter((r) => r.provider === 'webgpu').every((r) => r.note.includes('not a performance figure'))).toBe(true);
      }
    });
  });

  it('reports progress on the GPU path and stops within a second when cancelled', async () => {
    const controller = new AbortController();
    const progress: HardwareCheckProgress[] = [];
    let abortedAt = 0;
    const result = await runHardwareCheck(
      { dModel: 64, ffnWidth: 256, tokens: [1], sparsities: [0.5], timeBudgetMsPerCase: 60_000, minIterations: 100_000, providers: ['webgpu'] },
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          if (abortedAt === 0 && p.current.startsWith('webgpu dense')) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
      },
    );
    expect(abortedAt).toBeGreaterThan(0);
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(result.cancelled).toBe(true);
    expect(benchmarkResultSchema.safeParse(result).success).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
    expect(progress.some((p) => p.current === 'webgpu structured-2:4 model, output check')).toBe(true);
  }, 120_000);

  describe('a GPU that disappears mid-run', () => {
    afterEach(() => {
      delete process.env.BENCH_FAULT_PROVIDER;
      delete process.env.BENCH_FAULT_AFTER_RUNS;
    });

    it('ends that provider\'s rows with the error and keeps the CPU rows', async () => {
      process.env.BENCH_FAULT_PROVIDER = 'webgpu';
      process.env.BENCH_FAULT_AFTER_RUNS = '12';
      const entry = { ...resolveWorkerEntry(), file: path.join(REPO_ROOT, 'test/support/faulty-bench-worker.ts') };
      const result = await runHardwareCheck(
        { dModel: 32, ffnWidth: 64, tokens: [1], sparsities: [0.5, 0.9], timeBudgetMsPerCase: 6, minIterations: 4, providers: ['cpu', 'webgpu'], workerEntry: entry },
      );
      expect(benchmarkResultSchema.safeParse(result).success).toBe(true);
      expect(result.cancelled).toBe(false);
      const gpu = result.table.filter((r) => r.provider === 'webgpu');
      const ended = gpu.filter((r) => r.kind === 'unavailable' && r.note.includes('simulated fault: the webgpu device was lost'));
      expect(ended.length).toBeGreaterThan(0);
      for (const row of gpu.filter((r) => r.kind === 'measured')) {
        expect(row.reliable).toBe(false);
        expect(row.note).toContain('the provider failed later in this run (simulated fault');
      }
      const cpu = result.table.filter((r) => r.provider === 'cpu');
      expect(cpu.filter((r) => r.variant === 'dense' || r.variant === 'zeroed-dense').every((r) => r.kind === 'measured')).toBe(true);
      // The run went on after the GPU failed: the sparse kernel (a later, separate child) was measured.
      if (process.platform === 'linux') expect(cpu.filter((r) => r.variant === 'sparse-kernel').every((r) => r.kind === 'measured')).toBe(true);
    }, 120_000);
  });
});
