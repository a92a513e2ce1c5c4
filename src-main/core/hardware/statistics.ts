/**
 * Statistics of benchmark timings: median and p10/p90 of pooled samples, the speed-up of a row
 * against its dense baseline with an interval, and the rule that marks a case unreliable.
 * All times are in milliseconds.
 */
import { InputError } from '../input.js';
import type { Speedup } from './benchmark-result.js';

export interface TimingSummary {
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  iterations: number;
}

/**
 * Quantile q ∈ [0, 1] by linear interpolation between order statistics (Hyndman–Fan type 7,
 * the default of NumPy and R), so p10/p90 of a few samples still move with the data.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new InputError('samples', 'no samples to take a quantile of');
  if (!(q >= 0 && q <= 1)) throw new InputError('quantile', `must be in [0, 1] (got ${q})`);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const weight = position - below;
  return sorted[below]! * (1 - weight) + sorted[above]! * weight;
}

export function summarize(samplesMs: readonly number[]): TimingSummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    medianMs: quantile(sorted, 0.5),
    p10Ms: quantile(sorted, 0.1),
    p90Ms: quantile(sorted, 0.9),
    iterations: sorted.length,
  };
}

/** Multiplies every time by a factor, e.g. to express a longer chain per settings.chainLayers layers. */
export function scaleSummary(summary: TimingSummary, factor: number): TimingSummary {
  return {
    medianMs: summary.medianMs * factor,
    p10Ms: summary.p10Ms * factor,
    p90Ms: summary.p90Ms * factor,
    iterations: summary.iterations,
  };
}

/**
 * Dense median / row median, with the interval from the least and most favourable ends of both
 * spreads: dense p10 / row p90 up to dense p90 / row p10. Null when a time is zero, which only a
 * broken clock gives.
 */
export function speedupAgainst(dense: TimingSummary, row: TimingSummary): Speedup | null {
  const times = [dense.medianMs, dense.p10Ms, dense.p90Ms, row.medianMs, row.p10Ms, row.p90Ms];
  if (times.some((t) => !(t > 0) || !Number.isFinite(t))) return null;
  return {
    value: dense.medianMs / row.medianMs,
    low: dense.p10Ms / row.p90Ms,
    high: dense.p90Ms / row.p10Ms,
  };
}

/** (p90 − p10) / median: 0.3 means the middle 80 % of runs spread over 30 % of the median. */
export function relativeSpread(summary: TimingSummary): number {
  return (summary.p90Ms - summary.p10Ms) / summary.medianMs;
}

export interface ReliabilityRule {
  minIterations: number;
  /** Largest acceptable relativeSpread. */
  maxRelativeSpread: number;
}

export type Reliability = { reliable: true } | { reliable: false; reason: string };

/** Like an MLPerf INVALID run: too few iterations or too wide a spread to trust the median. */
export function reliability(summary: TimingSummary, rule: ReliabilityRule): Reliability {
  if (summary.iterations < rule.minIterations) {
    return { reliable: false, reason: `only ${summary.iterations} iterations (minimum ${rule.minIterations})` };
  }
  const spread = relativeSpread(summary);
  if (!(spread <= rule.maxRelativeSpread)) {
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    return {
      reliable: false,
      reason: `p10–p90 spread is ${pct(spread)} of the median (limit ${pct(rule.maxRelativeSpread)})`,
    };
  }
  return { reliable: true };
}
