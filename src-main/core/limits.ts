/**
 * Upper (and lower) limits on the counts people and the renderer pass in: fit starts, bootstrap
 * resamples, seeds, threads, benchmark shapes, CSV rows and bytes. The CLI's parser and the IPC
 * contract read the same numbers, so an input refused on one side is refused on the other.
 */
import { InputError } from './input.js';

export interface CountLimit {
  min: number;
  max: number;
}

export const LIMITS = {
  /** Random starts of the fitter: 64 is the default; 1000 already takes minutes on large CSVs. */
  starts: { min: 1, max: 1000 },
  /** Bootstrap resamples; 0 means none, and one resample gives no interval (see BOOTSTRAP_OFF). */
  bootstrap: { min: 0, max: 2000 },
  /** Seeds of the fitter, the Monte Carlo and the hardware check: pure-rand's 32-bit seed. */
  seed: { min: 0, max: 0xffffffff },
  /** ONNX Runtime intra-op threads. */
  threads: { min: 1, max: 256 },
  /** Tokens per request in the hardware check, and how many token counts one run may list. */
  tokens: { min: 1, max: 65_536 },
  tokenCounts: { min: 1, max: 8 },
  /** Width of the benchmarked block and of its feed-forward layer. */
  dModel: { min: 1, max: 65_536 },
  ffnWidth: { min: 1, max: 262_144 },
  /** Scenario revisions (a guard against typos such as 1e9, not a real ceiling). */
  revision: { min: 1, max: 1_000_000_000 },
  /** Runs in one pilot CSV, and its size in bytes (the IPC contract carries the same text). */
  csvRows: { min: 1, max: 10_000 },
  csvBytes: { min: 1, max: 10_000_000 },
  /** A JSON document read from a file or imported over IPC. */
  documentBytes: { min: 1, max: 50_000_000 },
  /** Names of scenarios and fits, in characters. */
  nameLength: { min: 1, max: 200 },
} as const satisfies Record<string, CountLimit>;

/** One resample gives no interval: the bootstrap is off (0) or runs at least this many. */
export const MIN_BOOTSTRAP = 2;

/**
 * The fitter's work grows with runs × (starts + 4 per resample); about 35 µs per unit on a
 * 2-core laptop. Ten million units are a few minutes: beyond that a fit would look like a hang.
 */
export const MAX_FIT_WORK = 10_000_000;
const STARTS_PER_RESAMPLE = 4;

/** Refuses a fit that would run for many minutes, naming what to reduce. */
export function checkFitWork(rows: number, starts: number, resamples: number, names: { starts: string; bootstrap: string; rows: string }): void {
  const work = rows * (starts + STARTS_PER_RESAMPLE * resamples);
  if (work > MAX_FIT_WORK) {
    throw new InputError(
      resamples > 0 ? names.bootstrap : names.starts,
      `${rows} runs × (${starts} starts + ${STARTS_PER_RESAMPLE}·${resamples} resamples) is too much work for one fit ` +
        `(limit ${MAX_FIT_WORK.toLocaleString('en-US')} run-fits); lower ${names.starts} or ${names.bootstrap}, or fit fewer runs (${names.rows})`,
    );
  }
}

/** Checks a bootstrap count: 0 (off) or from MIN_BOOTSTRAP to the limit. */
export function checkBootstrap(field: string, resamples: number): number {
  if (resamples !== 0 && resamples < MIN_BOOTSTRAP) {
    throw new InputError(field, `must be 0 (no bootstrap) or at least ${MIN_BOOTSTRAP} resamples (got ${resamples})`);
  }
  return resamples;
}
