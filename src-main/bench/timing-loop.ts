/**
 * Times repeated calls of one prepared case: the first call is discarded (it allocates and
 * pages in the weights), then a few warm-ups, then calls until the round's time budget is spent
 * and its share of the minimum iterations is reached. Each call is timed on its own with the
 * monotonic high-resolution clock, in milliseconds.
 */

export interface RoundSettings {
  /** Time this round may spend timing, ms. */
  budgetMs: number;
  /** Iterations this round should reach before stopping at the budget. */
  minIterations: number;
  warmups: number;
  /** When the first call takes longer than this (ms), only it is discarded: warm-ups would cost seconds. */
  slowCallMs: number;
  /** Stop after budgetMs × overrun even below minIterations; the case then reports too few iterations. */
  overrun: number;
  /** Stop at this many iterations even within the budget. */
  maxIterations: number;
}

export interface RoundTimes {
  samplesMs: number[];
  /** Untimed calls before the samples, the discarded first call included. */
  warmups: number;
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** One call's time in ms, to 0.1 µs: finer than the clock's jitter, and short in the JSON document. */
function sampleMs(start: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - start) / 100) / 10_000;
}

function shouldStop(spentMs: number, count: number, s: RoundSettings): boolean {
  if (count >= s.maxIterations) return true;
  if (count >= s.minIterations && spentMs >= s.budgetMs) return true;
  return count >= 1 && spentMs >= s.budgetMs * s.overrun;
}

/** For onnxruntime-node, whose run() returns a promise. */
export async function timeRoundAsync(call: () => Promise<unknown>, s: RoundSettings): Promise<RoundTimes> {
  const first = process.hrtime.bigint();
  await call();
  const warmups = elapsedMs(first) > s.slowCallMs ? 0 : s.warmups;
  for (let i = 0; i < warmups; i++) await call();
  const samplesMs: number[] = [];
  const start = process.hrtime.bigint();
  do {
    const t = process.hrtime.bigint();
    await call();
    samplesMs.push(sampleMs(t));
  } while (!shouldStop(elapsedMs(start), samplesMs.length, s));
  return { samplesMs, warmups: warmups + 1 };
}

/** For the C API through koffi, whose calls are synchronous: no promise in the timed region. */
export function timeRoundSync(call: () => void, s: RoundSettings): RoundTimes {
  const first = process.hrtime.bigint();
  call();
  const warmups = elapsedMs(first) > s.slowCallMs ? 0 : s.warmups;
  for (let i = 0; i < warmups; i++) call();
  const samplesMs: number[] = [];
  const start = process.hrtime.bigint();
  do {
    const t = process.hrtime.bigint();
    call();
    samplesMs.push(sampleMs(t));
  } while (!shouldStop(elapsedMs(start), samplesMs.length, s));
  return { samplesMs, warmups: warmups + 1 };
}

/** One round's share of a case's budget and minimum iterations. */
export function roundSettings(job: {
  budgetMsPerCase: number;
  minIterations: number;
  rounds: number;
  warmups: number;
  slowCallMs: number;
  budgetOverrun: number;
  maxIterations: number;
}): RoundSettings {
  const minIterations = Math.ceil(job.minIterations / job.rounds);
  return {
    budgetMs: job.budgetMsPerCase / job.rounds,
    minIterations,
    warmups: job.warmups,
    slowCallMs: job.slowCallMs,
    overrun: job.budgetOverrun,
    maxIterations: Math.max(minIterations, Math.ceil(job.maxIterations / job.rounds)),
  };
}
