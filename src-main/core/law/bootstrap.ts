/**
 * Seeded bootstrap over runs: refit on resampled run sets and report percentile intervals for
 * the coefficients and for what the app uses them for (m(S), S_opt, predicted loss).
 */
import { quantileSorted } from 'simple-statistics';
import { COEFFICIENT_NAMES, fromNormalized, type LawCoefficients } from './coefficients.js';
import { huberObjective, minimizeFromStarts, randomStarts, type LawFit, type Run } from './fit.js';
import { lossUnchecked, multiplier } from './law.js';
import { optimalSparsity } from './optimal.js';
import type { Law } from './presets.js';
import { InputError, requireInteger, requirePositive, requireSparsity } from '../input.js';
import { randomIndex, seededRandom } from '../random.js';

export interface Interval {
  low: number;
  median: number;
  high: number;
}

export interface BootstrapReference {
  sparsity: number;
  nonzero: number;
  /** Data for the loss interval, and the dense-equivalent data for the S_opt interval (compute 6·N·D). */
  data: number;
}

export interface BootstrapSettings {
  resamples: number;
  seed: number;
  /** Two-sided coverage of the intervals, e.g. 0.95. */
  level: number;
  reference: BootstrapReference;
  multiplierSparsities: readonly number[];
  /** Called after each resample, e.g. to report progress from a worker. */
  onResample?: (done: number, total: number) => void;
}

export interface BootstrapResult {
  resamples: number;
  /** Resamples whose refit gave no usable law; they are left out of the intervals. */
  failed: number;
  seed: number;
  level: number;
  reference: BootstrapReference;
  coefficients: Record<keyof LawCoefficients, Interval>;
  multiplier: { sparsity: number; interval: Interval }[];
  optimalSparsity: Interval;
  loss: Interval;
}

/** The default reference point: the largest sparsity, size and data among the runs. */
export function defaultReference(runs: readonly Run[]): BootstrapReference {
  return {
    sparsity: Math.max(...runs.map((r) => r.sparsity)),
    nonzero: Math.max(...runs.map((r) => r.nonzero)),
    data: Math.max(...runs.map((r) => r.data)),
  };
}

export const DEFAULT_MULTIPLIER_SPARSITIES = [0.5, 0.75, 0.875, 0.9] as const;

/** Random restarts per resample, on top of the warm start from the full fit. */
const EXTRA_STARTS = 3;

function interval(values: number[], level: number): Interval {
  const sorted = [...values].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return {
    low: quantileSorted(sorted, tail),
    median: quantileSorted(sorted, 0.5),
    high: quantileSorted(sorted, 1 - tail),
  };
}

function lawOf(k: LawCoefficients, dataUnit: Law['dataUnit']): Law {
  return { id: 'bootstrap', name: 'bootstrap sample', dataUnit, coefficients: k, fittedRange: null, source: { kind: 'fit', citation: 'bootstrap sample' } };
}

export function bootstrapFit(runs: readonly Run[], fit: LawFit, settings: BootstrapSettings): BootstrapResult {
  requireInteger('resamples', settings.resamples, 2);
  if (!(settings.level > 0 && settings.level < 1)) {
    throw new InputError('level', `must be between 0 and 1 exclusive (got ${settings.level})`);
  }
  requireSparsity('reference.sparsity', settings.reference.sparsity);
  requirePositive('reference.nonzero', settings.reference.nonzero);
  requirePositive('reference.data', settings.reference.data);
  settings.multiplierSparsities.forEach((s, i) => requireSparsity(`multiplierSparsities[${i}]`, s));

  const random = seededRandom(settings.seed);
  const samples: LawCoefficients[] = [];
  let failed = 0;
  for (let b = 0; b < settings.resamples; b++) {
    const resampled = runs.map(() => runs[randomIndex(random, runs.length)]!);
    const objective = huberObjective(resampled, fit.normalization, fit.settings);
    const outcomes = minimizeFromStarts(
      objective,
      [fit.normalized, ...randomStarts(random, EXTRA_STARTS)],
      fit.normalization,
    ).filter((o) => o.usable);
    if (outcomes.length === 0) {
      failed++;
      settings.onResample?.(b + 1, settings.resamples);
      continue;
    }
    const best = outcomes.reduce((x, y) => (y.value < x.value ? y : x));
    samples.push(fromNormalized(best.x, fit.normalization));
    settings.onResample?.(b + 1, settings.resamples);
  }
  if (samples.length < 2) {
    throw new Error(`bootstrap: only ${samples.length} of ${settings.resamples} resamples gave a usable fit`);
  }

  const { reference, level } = settings;
  const coefficients = Object.fromEntries(
    COEFFICIENT_NAMES.map((name) => [name, interval(samples.map((k) => k[name]), level)]),
  ) as Record<keyof LawCoefficients, Interval>;
  return {
    resamples: settings.resamples,
    failed,
    seed: settings.seed,
    level,
    reference,
    coefficients,
    multiplier: settings.multiplierSparsities.map((sparsity) => ({
      sparsity,
      interval: interval(samples.map((k) => multiplier(lawOf(k, fit.dataUnit), sparsity)), level),
    })),
    optimalSparsity: interval(
      samples.map((k) => optimalSparsity(lawOf(k, fit.dataUnit), reference.nonzero, 6 * reference.nonzero * reference.data).sparsity),
      level,
    ),
    loss: interval(
      samples.map((k) => lossUnchecked(k, reference.sparsity, reference.nonzero, reference.data)),
      level,
    ),
  };
}
