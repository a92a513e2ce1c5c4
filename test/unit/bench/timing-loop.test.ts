import { describe, expect, it } from 'vitest';
import { roundSettings, timeRoundAsync, timeRoundSync, type RoundSettings } from '../../../src-main/bench/timing-loop.js';

/** A call that keeps the CPU busy for `ms` milliseconds, like a benchmark run would. */
function busy(ms: number): () => void {
  return () => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      // spin
    }
  };
}

const base: RoundSettings = { budgetMs: 10, minIterations: 3, warmups: 2, slowCallMs: 100, overrun: 4, maxIterations: 10_000 };

describe('timing one round', () => {
  it('discards the first call, warms up, then times calls until the budget is spent', () => {
    let calls = 0;
    const work = busy(2);
    const { samplesMs, warmups } = timeRoundSync(() => {
      calls++;
      work();
    }, { ...base, overrun: 1000 });
    expect(warmups).toBe(3);
    expect(calls).toBe(warmups + samplesMs.length);
    expect(samplesMs.length).toBeGreaterThanOrEqual(3);
    // 2 ms calls against a 10 ms budget: it stops soon after the budget, never long after it.
    expect(samplesMs.length).toBeLessThanOrEqual(6);
    for (const t of samplesMs) expect(t).toBeGreaterThanOrEqual(2);
  });

  it('runs past the budget to reach the minimum iterations, but not past the overrun limit', () => {
    const enough = timeRoundSync(busy(1), { ...base, budgetMs: 1, minIterations: 8, overrun: 10_000 });
    expect(enough.samplesMs).toHaveLength(8);
    const capped = timeRoundSync(busy(2), { ...base, budgetMs: 4, minIterations: 1000, overrun: 3 });
    expect(capped.samplesMs.length).toBeLessThan(1000);
    // It stopped at budget × overrun = 12 ms of timing, whatever the load made each call cost.
    expect(capped.samplesMs.reduce((a, b) => a + b, 0)).toBeGreaterThan(11);
  });

  it('stops at the iteration cap even within the budget', () => {
    const { samplesMs } = timeRoundSync(() => undefined, { ...base, budgetMs: 1000, maxIterations: 50 });
    expect(samplesMs).toHaveLength(50);
  });

  it('skips the warm-ups when the first call is slow', () => {
    const { samplesMs, warmups } = timeRoundSync(busy(3), { ...base, slowCallMs: 1, budgetMs: 1, minIterations: 1 });
    expect(warmups).toBe(1);
    expect(samplesMs).toHaveLength(1);
  });

  it('times promise-returning calls to their completion', async () => {
    // 2 ms of work that finishes only after a later turn of the event loop, as onnxruntime-node's run() does.
    const work = busy(2);
    const call = () => new Promise<void>((resolve) => setImmediate(() => (work(), resolve())));
    // A generous overrun: on a loaded machine one call can take longer than budget × 4 on its own.
    const { samplesMs } = await timeRoundAsync(call, { ...base, budgetMs: 5, minIterations: 2, overrun: 1000 });
    expect(samplesMs.length).toBeGreaterThanOrEqual(2);
    for (const t of samplesMs) expect(t).toBeGreaterThanOrEqual(2);
  });

  it('splits a case’s budget and minimum iterations over its rounds', () => {
    const s = roundSettings({ budgetMsPerCase: 360, minIterations: 10, rounds: 3, warmups: 3, slowCallMs: 100, budgetOverrun: 4, maxIterations: 600 });
    expect(s.budgetMs).toBe(120);
    expect(s.minIterations).toBe(4);
    expect(s.maxIterations).toBe(200);
  });
});
