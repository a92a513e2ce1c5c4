/**
 * Which numbers of a fit to trust: every derived quantity the app uses (m(S) at the candidate
 * sparsities, the equal-quality sparse size, S_opt, the loss at the reference) with its bootstrap
 * interval, flagged beyond ±10 %; and each coefficient marked tight, wide or unidentifiable.
 * Called by the CLI `fit` and the app's fit job after a bootstrap (docs/method.md §4.7).
 */
import { COEFFICIENT_NAMES, type LawCoefficients } from './coefficients.js';
import { percentileInterval, type BootstrapResult, type Interval } from './bootstrap.js';
import type { LawFit } from './fit.js';
import { lossUnchecked, multiplierUnchecked } from './law.js';
import { optimalSparsity } from './optimal.js';
import type { Law } from './presets.js';

/** A derived quantity whose interval reaches further than ±10 % (±10 points for S_opt) is flagged. */
export const TRUST_THRESHOLD = 0.1;
/** A coefficient whose interval reaches beyond a factor of 2 either side of its median is unidentifiable. */
export const UNIDENTIFIABLE_FACTOR = 2;

export type QuantityKind = 'multiplier' | 'equal-quality-size' | 'optimal-sparsity' | 'loss';

export interface TrustedQuantity {
  kind: QuantityKind;
  /** For m(S) and the equal-quality size: the sparsity. */
  sparsity: number | null;
  /** The full fit's value. */
  value: number;
  interval: Interval;
  /** Largest distance of an interval end from the median: relative, or in absolute points (S_opt). */
  spread: number;
  spreadUnit: 'relative' | 'points';
  flagged: boolean;
}

export type CoefficientStatus = 'tight' | 'wide' | 'unidentifiable';

export interface CoefficientTrust {
  name: keyof LawCoefficients;
  value: number;
  interval: Interval;
  status: CoefficientStatus;
}

export interface TrustReport {
  level: number;
  threshold: number;
  quantities: TrustedQuantity[];
  coefficients: CoefficientTrust[];
  /** Some coefficients are unidentifiable while every m(S) is within the threshold: read the law through m(S), not its coefficients. */
  unidentifiableButTight: boolean;
}

function relativeSpread(i: Interval): number {
  return Math.max(i.high / i.median - 1, 1 - i.low / i.median);
}

function pointSpread(i: Interval): number {
  return Math.max(i.high - i.median, i.median - i.low);
}

function quantity(kind: QuantityKind, sparsity: number | null, value: number, samples: number[], level: number): TrustedQuantity {
  const interval = percentileInterval(samples, level);
  const points = kind === 'optimal-sparsity';
  const spread = points ? pointSpread(interval) : relativeSpread(interval);
  return { kind, sparsity, value, interval, spread, spreadUnit: points ? 'points' : 'relative', flagged: !(spread <= TRUST_THRESHOLD) };
}

/** Tight within ±10 % of the median; wide within a factor of 2 either side; unidentifiable beyond. The constant c may be 0, so it is judged on its interval's width against its median's size. */
export function coefficientStatus(name: keyof LawCoefficients, i: Interval): CoefficientStatus {
  if (name === 'c') {
    const half = Math.max(i.high - i.median, i.median - i.low);
    const size = Math.abs(i.median);
    if (half <= TRUST_THRESHOLD * size) return 'tight';
    return i.low > 0 || i.high < 0 ? (half <= size ? 'wide' : 'unidentifiable') : 'unidentifiable';
  }
  if (relativeSpread(i) <= TRUST_THRESHOLD) return 'tight';
  return i.high / i.median <= UNIDENTIFIABLE_FACTOR && i.median / i.low <= UNIDENTIFIABLE_FACTOR ? 'wide' : 'unidentifiable';
}

function lawOf(k: LawCoefficients, dataUnit: Law['dataUnit']): Law {
  return { id: 'bootstrap', name: 'bootstrap sample', dataUnit, coefficients: k, fittedRange: null, source: { kind: 'fit', citation: 'bootstrap sample' } };
}

export function trustReport(fit: LawFit, bootstrap: BootstrapResult): TrustReport {
  const { samples, level, reference } = bootstrap;
  const k = fit.coefficients;
  const sOpt = (c: LawCoefficients) =>
    optimalSparsity(lawOf(c, fit.dataUnit), reference.nonzero, 6 * reference.nonzero * reference.data).sparsity;
  const quantities: TrustedQuantity[] = [
    ...bootstrap.multiplier.flatMap(({ sparsity }) => [
      quantity('multiplier', sparsity, multiplierUnchecked(k, sparsity), samples.map((c) => multiplierUnchecked(c, sparsity)), level),
      // Non-zeros the sparse model needs to match a dense one, as a share of the dense size: 1/m(S).
      quantity('equal-quality-size', sparsity, 1 / multiplierUnchecked(k, sparsity), samples.map((c) => 1 / multiplierUnchecked(c, sparsity)), level),
    ]),
    quantity('optimal-sparsity', null, sOpt(k), samples.map(sOpt), level),
    quantity(
      'loss',
      null,
      lossUnchecked(k, reference.sparsity, reference.nonzero, reference.data),
      samples.map((c) => lossUnchecked(c, reference.sparsity, reference.nonzero, reference.data)),
      level,
    ),
  ];
  const coefficients = COEFFICIENT_NAMES.map((name): CoefficientTrust => {
    const interval = bootstrap.coefficients[name];
    return { name, value: k[name], interval, status: coefficientStatus(name, interval) };
  });
  return {
    level,
    threshold: TRUST_THRESHOLD,
    quantities,
    coefficients,
    unidentifiableButTight:
      coefficients.some((c) => c.status === 'unidentifiable') &&
      quantities.filter((q) => q.kind === 'multiplier').every((q) => !q.flagged),
  };
}
