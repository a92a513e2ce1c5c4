/**
 * Optimal sparsity under a training budget, and the data thresholds around it.
 *
 * Cost convention: training is charged at the model's dense size, C = 6·N/(1−S)·D, because
 * gradual magnitude pruning starts dense and common training stacks do not exploit sparsity.
 * With D_dense = C/(6N) the sparse model then sees D = (1−S)·D_dense, and minimizing
 * L(S, N, (1−S)·D_dense) over S has the closed form below (derivation in docs/method.md).
 */
import type { DataUnit, LawCoefficients } from './coefficients.js';
import type { Law } from './presets.js';
import { extrapolation, lossUnchecked, type Extrapolation } from './law.js';
import { requireFiniteResult, requirePositive, requireSparsity } from '../input.js';

export interface ComputeUnit {
  unit: string;
  /** Whether 6·N·D is a count of FLOPs: true for tokens, not for images (an image is many tokens). */
  isFlops: boolean;
}

export function computeUnit(dataUnit: DataUnit): ComputeUnit {
  return dataUnit === 'tokens'
    ? { unit: 'FLOPs (6·N·D)', isFlops: true }
    : { unit: '6·N·D in parameter-images (not FLOPs)', isFlops: false };
}

/** Training compute charged at the dense size: 6·N/(1−S)·D. */
export function trainingCompute(nonzero: number, sparsity: number, data: number): number {
  requirePositive('nonzero', nonzero);
  requireSparsity('sparsity', sparsity);
  requirePositive('data', data);
  return (6 * nonzero * data) / (1 - sparsity);
}

function unclippedDensity(k: LawCoefficients, nonzero: number, denseData: number): number {
  const constant = (k.bD * k.aD ** k.bD * nonzero ** k.bN) / (k.aS * k.bS);
  return constant ** (1 / (k.bS + k.bD)) * denseData ** (-k.bD / (k.bS + k.bD));
}

/**
 * Dense-equivalent data D_dense = C/(6N) above which S_opt > 0 for N non-zeros:
 * D_thr = a_D·(b_D·N^b_N / (a_S·b_S))^(1/b_D).
 */
export function sparsityThresholdData(law: Law, nonzero: number): number {
  requirePositive('nonzero', nonzero);
  const k = law.coefficients;
  return requireFiniteResult('threshold data', k.aD * ((k.bD * nonzero ** k.bN) / (k.aS * k.bS)) ** (1 / k.bD));
}

/**
 * Data at which a dense model of N parameters is compute-optimal (the Chinchilla point of the
 * dense law): D_opt = a_D·(b_D·N^b_N / (b_N·(a_S + c_S)))^(1/b_D).
 */
export function denseOptimalData(law: Law, nonzero: number): number {
  requirePositive('nonzero', nonzero);
  const k = law.coefficients;
  return requireFiniteResult(
    'dense compute-optimal data',
    k.aD * ((k.bD * nonzero ** k.bN) / (k.bN * (k.aS + k.cS))) ** (1 / k.bD),
  );
}

/** Dense compute-optimal size for compute C: N_opt = [b_N(a_S+c_S)/(b_D·a_D^b_D)]^(1/(b_N+b_D))·(C/6)^(b_D/(b_N+b_D)). */
export function denseOptimalSize(law: Law, compute: number): number {
  requirePositive('compute', compute);
  const k = law.coefficients;
  const constant = ((k.bN * (k.aS + k.cS)) / (k.bD * k.aD ** k.bD)) ** (1 / (k.bN + k.bD));
  return requireFiniteResult('dense compute-optimal size', constant * (compute / 6) ** (k.bD / (k.bN + k.bD)));
}

export interface OptimalSparsity {
  nonzero: number;
  compute: number;
  computeUnit: ComputeUnit;
  /** Data a dense model of N parameters would see for the same compute, C/(6N). */
  denseData: number;
  /** S_opt; 0 means sparsity does not pay at this budget. */
  sparsity: number;
  /** Data the optimal sparse model trains on, (1 − S_opt)·D_dense. */
  data: number;
  /** Size before pruning, N/(1 − S_opt): the model that training pays for. */
  denseSize: number;
  loss: number;
  /** Loss of the dense model with the same N and compute, for comparison. */
  denseLoss: number;
  threshold: {
    /** Dense-equivalent data above which S_opt > 0. */
    data: number;
    compute: number;
    /** D_dense / D_thr: above 1 sparsity pays. */
    dataRatio: number;
  };
  denseOptimal: {
    /** Data at which the dense model of N parameters is compute-optimal. */
    data: number;
    /** D_thr / D_opt: how far past the dense compute-optimal point sparsity starts to pay (independent of N). */
    thresholdRatio: number;
  };
  extrapolation: Extrapolation;
}

/** S_opt(N, C): the sparsity that minimizes loss for N non-zeros and training compute C. */
export function optimalSparsity(law: Law, nonzero: number, compute: number): OptimalSparsity {
  requirePositive('nonzero', nonzero);
  requirePositive('compute', compute);
  const k = law.coefficients;
  const denseData = compute / (6 * nonzero);
  const density = requireFiniteResult('optimal sparsity', unclippedDensity(k, nonzero, denseData));
  const sparsity = Math.max(0, 1 - density);
  const data = (1 - sparsity) * denseData;
  const thresholdData = sparsityThresholdData(law, nonzero);
  const optimalData = denseOptimalData(law, nonzero);
  return {
    nonzero,
    compute,
    computeUnit: computeUnit(law.dataUnit),
    denseData,
    sparsity,
    data,
    denseSize: nonzero / (1 - sparsity),
    loss: requireFiniteResult('loss', lossUnchecked(k, sparsity, nonzero, data)),
    denseLoss: requireFiniteResult('loss', lossUnchecked(k, 0, nonzero, denseData)),
    threshold: { data: thresholdData, compute: 6 * nonzero * thresholdData, dataRatio: denseData / thresholdData },
    denseOptimal: { data: optimalData, thresholdRatio: thresholdData / optimalData },
    extrapolation: extrapolation(law, { sparsity, nonzero, data }),
  };
}
