/**
 * Seeded bootstrap over runs: refit on resampled run sets and report percentile intervals for
 * the coefficients and for what the app uses them for (m(S), S_opt, predicted loss). The
 * successful resample vectors are kept, so a custom law and the presets can carry their own
 * spread (see trust.ts, coefficients-file.ts and cli/make-law-bootstrap.ts).
 */
import { quantileSorted } from 'simple-statistics';
import {
  COEFFICIENT_NAMES,
  fromNormalized,
  type LawCoefficients,
  type Normalization,
  type NormalizedCoefficients,
} from './coefficients.js';
import { huberObjective, minimizeFromStarts, randomStarts, type LawFit, type ResidualSettings, type Run } from './fit.js';
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
  /** The successful resamples' coefficients (paper units), in the order they were drawn. */
  samples: LawCoefficients[];
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
export const EXTRA_STARTS = 3;

/** The median and the two tails of a two-sided percentile interval at `level`. */
export function percentileInterval(values: number[], level: number): Interval {
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

/** Where each resample's refit starts and how it measures residuals: a LawFit, or a preset's published fit. */
export interface BootstrapStart {
  normalized: NormalizedCoefficients;
  normalization: Normalization;
  settings: ResidualSettings;
}

export interface DrawSettings {
  seed: number;
  /** Draw exactly this many resamples (failures included)… */
  resamples?: number;
  /** …or keep drawing until this many succeed, giving up after `maxDraws`. */
  successes?: number;
  maxDraws?: number;
  /** Random restarts per resample besides the warm start; default EXTRA_STARTS. */
  extraStarts?: number;
  onResample?: (done: number, total: number) => void;
}

export interface DrawnVectors {
  samples: LawCoefficients[];
  drawn: number;
  failed: number;
}

/**
 * Refits resampled run sets (with replacement, same count) from the warm start plus random
 * restarts and keeps the best usable refit of each. The random sequence is one stream: the
 * resample's indices, then its restarts, so a given seed always draws the same vectors.
 */
export function drawBootstrapVectors(runs: readonly Run[], start: BootstrapStart, settings: DrawSettings): DrawnVectors {
  const extraStarts = settings.extraStarts ?? EXTRA_STARTS;
  requireInteger('extraStarts', extraStarts, 0);
  const target = settings.successes;
  const limit = target === undefined ? settings.resamples! : (settings.maxDraws ?? target * 10);
  if (target !== undefined) requireInteger('successes', target, 1);
  requireInteger(target === undefined ? 'resamples' : 'maxDraws', limit, 1);
  const random = seededRandom(settings.seed);
  const samples: LawCoefficients[] = [];
  let failed = 0;
  let drawn = 0;
  while (drawn < limit && (target === undefined || samples.length < target)) {
    drawn++;
    const resampled = runs.map(() => runs[randomIndex(random, runs.length)]!);
    const objective = huberObjective(resampled, start.normalization, start.settings);
    const outcomes = minimizeFromStarts(
      objective,
      [start.normalized, ...randomStarts(random, extraStarts)],
      start.normalization,
    ).filter((o) => o.usable);
    if (outcomes.length === 0) failed++;
    else samples.push(fromNormalized(outcomes.reduce((x, y) => (y.value < x.value ? y : x)).x, start.normalization));
    settings.onResample?.(target === undefined ? drawn : samples.length, target ?? limit);
  }
  if (target !== undefined && samples.length < target) {
    throw new Error(`bootstrap: only ${samples.length} of ${drawn} resamples gave a usable fit (wanted ${target})`);
  }
  return { samples, drawn, failed };
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

  const { samples, failed } = drawBootstrapVectors(runs, fit, {
    seed: settings.seed,
    resamples: settings.resamples,
    onResample: settings.onResample,
  });
  if (samples.length < 2) {
    throw new Error(`bootstrap: only ${samples.length} of ${settings.resamples} resamples gave a usable fit`);
  }

  const { reference, level } = settings;
  const coefficients = Object.fromEntries(
    COEFFICIENT_NAMES.map((name) => [name, percentileInterval(samples.map((k) => k[name]), level)]),
  ) as Record<keyof LawCoefficients, Interval>;
  return {
    resamples: settings.resamples,
    failed,
    samples,
    seed: settings.seed,
    level,
    reference,
    coefficients,
    multiplier: settings.multiplierSparsities.map((sparsity) => ({
      sparsity,
      interval: percentileInterval(samples.map((k) => multiplier(lawOf(k, fit.dataUnit), sparsity)), level),
    })),
    optimalSparsity: percentileInterval(
      samples.map((k) => optimalSparsity(lawOf(k, fit.dataUnit), reference.nonzero, 6 * reference.nonzero * reference.data).sparsity),
      level,
    ),
    loss: percentileInterval(
      samples.map((k) => lossUnchecked(k, reference.sparsity, reference.nonzero, reference.data)),
      level,
    ),
  };
}
