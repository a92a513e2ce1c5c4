import { describe, expect, it } from 'vitest';
import { BenchWorker, resolveWorkerEntry } from '../../../src-main/bench/worker-process.js';
import type { SuiteJob, WorkerMessage } from '../../../src-main/bench/worker-protocol.js';

/** A dense case that would run for a minute if nothing stopped it. */
const LONG_JOB: SuiteJob = {
  dModel: 16, ffnWidth: 32, seed: 1, threads: 1, tokens: [1], rounds: 1, budgetMsPerCase: 60_000, minIterations: 1,
  warmups: 1, slowCallMs: 100, budgetOverrun: 4, maxIterations: 10_000_000,
  models: [{ kind: 'dense', variant: 'dense', sparsity: 0, layers: 2, nonzeros: 1024, weightBytes: 4096, cacheCold: null }],
};

function alive(pid: number | undefined): boolean {
  try {
    process.kill(pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the process is gone within `ms`: a killed child lingers until Node reaps it, later under load. */
async function goneWithin(pid: number | undefined, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (alive(pid)) {
    if (performance.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('the benchmark child process', () => {
  it('runs from source through tsx, given by absolute URL', () => {
    const entry = resolveWorkerEntry();
    expect(entry.file).toMatch(/worker-entry\.ts$/);
    expect(entry.execArgv).toEqual(['--import', expect.stringMatching(/^file:.*tsx/)]);
  });

  it('is killed at once when its task is cancelled', async () => {
    const worker = BenchWorker.start();
    const controller = new AbortController();
    const messages: WorkerMessage[] = [];
    const outcome = worker.runTask({ type: 'js-suite', provider: 'cpu', job: LONG_JOB, checkModels: [] }, (m) => {
      messages.push(m);
      if (m.type === 'case-start') setTimeout(() => controller.abort(), 50);
    }, controller.signal);
    const result = await outcome;
    expect(result).toEqual({ status: 'cancelled' });
    expect(messages.some((m) => m.type === 'case-start')).toBe(true);
    expect(await goneWithin(worker.pid, 2000)).toBe(true);
  }, 30_000);

  it('stops a task that overruns its time limit and says so', async () => {
    const worker = BenchWorker.start();
    const started = performance.now();
    const result = await worker.runTask({ type: 'js-suite', provider: 'cpu', job: LONG_JOB, checkModels: [] }, () => undefined, undefined, 3000);
    expect(result.status).toBe('crashed');
    expect(result.status === 'crashed' && result.reason).toContain('did not finish within 3 s');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await goneWithin(worker.pid, 2000)).toBe(true);
  }, 30_000);
});
