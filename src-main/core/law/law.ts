/**
 * The sparsity scaling law of Frantar et al. (2023) and the quantities derived from it at
 * equal data: predicted loss, the dense-equivalent multiplier m(S), and the sparse model of
 * equal quality. Optimal sparsity under a compute budget lives in optimal.ts.
 */
import type { LawCoefficients } from './coefficients.js';
import type { Law, ValueRange } from './presets.js';
import { requireFiniteResult, requirePositive, requireSparsity } from '../input.js';

export interface LawPoint {
  /** Fraction of zeroed weights in the pruned layers, 0 ≤ S < 1. */
  sparsity: number;
  /** Non-zero Transformer-block parameters (12·d² per layer; embeddings and heads not counted). */
  nonzero: number;
  /** Training data in the law's unit: images (vision) or tokens (language). */
  data: number;
}

export type ExtrapolationAxis = 'sparsity' | 'nonzero' | 'data';

export interface AxisExtrapolation {
  axis: ExtrapolationAxis;
  value: number;
  range: ValueRange;
  side: 'below' | 'above';
  /**
   * How far outside the fitted range: value/max or min/value for N and D; for sparsity the
   * ratio of remaining density, (1−S_max)/(1−S), which is what the law's (1−S)^b_S term sees.
   */
  factor: number;
}

export interface Extrapolation {
  extrapolates: boolean;
  /** Largest factor over all axes; 1 inside the fitted range. */
  factor: number;
  axes: AxisExtrapolation[];
  /** False when the law carries no fitted range (e.g. hand-entered coefficients). */
  rangeKnown: boolean;
}

function sparsityFactor(k: LawCoefficients, sparsity: number): number {
  return k.aS * (1 - sparsity) ** k.bS + k.cS;
}

function checkPoint(point: LawPoint): void {
  requireSparsity('sparsity', point.sparsity);
  requirePositive('nonzero', point.nonzero);
  requirePositive('data', point.data);
}

/** Evaluates the law with no input checks; callers inside the core use it on values they made. */
export function lossUnchecked(k: LawCoefficients, sparsity: number, nonzero: number, data: number): number {
  return sparsityFactor(k, sparsity) * nonzero ** -k.bN + (k.aD / data) ** k.bD + k.c;
}

/** L(S, N, D): predicted validation loss. */
export function loss(law: Law, point: LawPoint): number {
  checkPoint(point);
  return requireFiniteResult('loss', lossUnchecked(law.coefficients, point.sparsity, point.nonzero, point.data));
}

/**
 * m(S): a model with N non-zeros at sparsity S reaches the loss of a dense model with m(S)·N
 * parameters trained on the same data. Independent of N and D.
 */
export function multiplier(law: Law, sparsity: number): number {
  requireSparsity('sparsity', sparsity);
  return requireFiniteResult('multiplier', multiplierUnchecked(law.coefficients, sparsity));
}

/** m(S) with no input checks, for core code that works on coefficients it made. */
export function multiplierUnchecked(k: LawCoefficients, sparsity: number): number {
  return ((k.aS + k.cS) / sparsityFactor(k, sparsity)) ** (1 / k.bN);
}

/** m(S) as S → 1: the most a sparse model can gain over dense at equal non-zeros, however sparse. */
export function multiplierCeiling(law: Law): number {
  const k = law.coefficients;
  return requireFiniteResult('multiplier ceiling', ((k.aS + k.cS) / k.cS) ** (1 / k.bN));
}

export interface EqualQualitySparse {
  sparsity: number;
  multiplier: number;
  /** Non-zero parameters the sparse model needs: N/m(S). This is what inference must compute. */
  nonzero: number;
  /** Size of the sparse model before pruning, N/(m(S)·(1−S)). This is what training pays for. */
  denseSize: number;
}

/** The sparse model that matches a dense model of `denseParams` block parameters, at equal data. */
export function equalQualitySparse(law: Law, denseParams: number, sparsity: number): EqualQualitySparse {
  requirePositive('denseParams', denseParams);
  const m = multiplier(law, sparsity);
  const nonzero = denseParams / m;
  return { sparsity, multiplier: m, nonzero, denseSize: nonzero / (1 - sparsity) };
}

function axisExtrapolation(
  axis: ExtrapolationAxis,
  value: number,
  range: ValueRange,
): AxisExtrapolation | null {
  if (axis === 'sparsity') {
    if (value <= range.max) return null;
    return { axis, value, range, side: 'above', factor: (1 - range.max) / (1 - value) };
  }
  if (value > range.max) return { axis, value, range, side: 'above', factor: value / range.max };
  if (value < range.min) return { axis, value, range, side: 'below', factor: range.min / value };
  return null;
}

/** Whether a point lies outside the region the law was fitted on, and by how much. */
export function extrapolation(law: Law, point: LawPoint): Extrapolation {
  checkPoint(point);
  const range = law.fittedRange;
  if (!range) return { extrapolates: false, factor: 1, axes: [], rangeKnown: false };
  const axes = [
    axisExtrapolation('sparsity', point.sparsity, range.sparsity),
    axisExtrapolation('nonzero', point.nonzero, range.nonzero),
    axisExtrapolation('data', point.data, range.data),
  ].filter((a): a is AxisExtrapolation => a !== null);
  return {
    extrapolates: axes.length > 0,
    factor: axes.reduce((max, a) => Math.max(max, a.factor), 1),
    axes,
    rangeKnown: true,
  };
}
