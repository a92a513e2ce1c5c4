/**
 * How precisely a pilot grid will pin m(S) and S_opt. A fast linearised screen (the Fisher
 * information of log-loss residuals) ranks grids; a seeded simulation then predicts the width:
 * draw noisy pilot results from the current law with the residual spread measured on the paper's
 * runs, refit, repeat. Pure and deterministic; used by pilot-plan.ts (docs/method.md §4.8).
 */
import { probit } from 'simple-statistics';
import { COEFFICIENT_NAMES, fromNormalized, toNormalized, type LawCoefficients } from './coefficients.js';
import { defaultNormalization, huberObjective, minimizeFromStarts, randomStarts, type ResidualSettings } from './fit.js';
import { lossUnchecked, multiplierUnchecked } from './law.js';
import type { MinimizeOptions } from './minimize.js';
import { optimalSparsity } from './optimal.js';
import type { Law, PresetId } from './presets.js';
import { seededRandom, type Random } from '../random.js';

/**
 * Residual spread of the published laws on the paper's runs: the RMS of log(measured/predicted)
 * over the 112 ViT and 48 T5 runs (test/unit/core/law/pilot-simulation.test.ts re-derives it).
 * It includes the law's lack of fit as well as run-to-run noise.
 */
export const PAPER_RESIDUAL_SPREAD: Readonly<Record<PresetId, { sigma: number; source: string }>> = {
  vit: { sigma: 0.01055, source: 'RMS of log residuals of the published ViT law over the paper’s 112 runs (Sparsity Advisor, 2026)' },
  t5: { sigma: 0.01038, source: 'RMS of log residuals of the published T5 law over the paper’s 48 runs (Sparsity Advisor, 2026)' },
};

/** The level of the predicted intervals: 95 %, as the CLI's and the app's bootstrap report. */
export const PREDICTION_LEVEL = 0.95;

export interface PlannedPoint {
  sparsity: number;
  nonzero: number;
  data: number;
}

export interface Targets {
  sparsities: number[];
  /** S_opt is read at this model size and compute 6·N·D. */
  nonzero: number;
  data: number;
}

export interface WidthPrediction {
  /** Relative half-width of the m(S) interval per target sparsity: the interval is m·e^(±h). */
  multiplier: { sparsity: number; value: number; halfWidth: number }[];
  /** Half-width of the S_opt interval in absolute terms (0.05 = 5 percentage points). */
  optimalSparsity: { value: number; halfWidth: number };
}

export interface Simulated extends WidthPrediction {
  realisations: number;
  /** Realisations whose refit gave no usable law; left out of the widths. */
  failed: number;
}

const Z = probit(0.5 + PREDICTION_LEVEL / 2);

function lawOf(k: LawCoefficients, dataUnit: Law['dataUnit']): Law {
  return { id: 'simulated', name: 'simulated pilot', dataUnit, coefficients: k, fittedRange: null, source: { kind: 'fit', citation: 'simulated pilot' } };
}

function sOptOf(k: LawCoefficients, dataUnit: Law['dataUnit'], targets: Targets): number {
  return optimalSparsity(lawOf(k, dataUnit), targets.nonzero, 6 * targets.nonzero * targets.data).sparsity;
}

/** Coefficients as free parameters: logs of the positive ones, c as it is. */
function toParameters(k: LawCoefficients): number[] {
  return COEFFICIENT_NAMES.map((name) => (name === 'c' ? k.c : Math.log(k[name])));
}

function fromParameters(p: readonly number[]): LawCoefficients {
  return Object.fromEntries(COEFFICIENT_NAMES.map((name, i) => [name, name === 'c' ? p[i]! : Math.exp(p[i]!)])) as unknown as LawCoefficients;
}

function gradient(f: (k: LawCoefficients) => number, p: readonly number[]): number[] {
  return p.map((_, i) => {
    const h = 1e-5 * Math.max(1, Math.abs(p[i]!));
    const up = [...p];
    const down = [...p];
    up[i]! += h;
    down[i]! -= h;
    return (f(fromParameters(up)) - f(fromParameters(down))) / (2 * h);
  });
}

/** Solves A·x = b for a symmetric positive definite A by Cholesky; null when A is (nearly) singular. */
function solveSpd(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const l = a.map((row) => row.map(() => 0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 1e-14 * a[i]![i]!)) return null;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/**
 * Linearised widths: Cov ≈ σ²·(JᵀJ)⁻¹ for log-loss residuals with spread σ, propagated to
 * log m(S) and S_opt by their gradients. Only for ranking grids: it ignores the Huber loss,
 * the positivity constraints and other basins, which the simulation sees. Infinity when the
 * grid cannot identify the law.
 */
export function linearisedWidths(truth: Law, points: readonly PlannedPoint[], sigma: number, targets: Targets): WidthPrediction {
  const p = toParameters(truth.coefficients);
  const rows = points.map((pt) => gradient((k) => Math.log(lossUnchecked(k, pt.sparsity, pt.nonzero, pt.data)), p));
  const info = p.map((_, i) => p.map((__, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0) / sigma ** 2));
  const spread = (g: number[]): number => {
    const x = solveSpd(info, g);
    if (!x) return Infinity;
    return Z * Math.sqrt(Math.max(0, g.reduce((s, gi, i) => s + gi * x[i]!, 0)));
  };
  const k = truth.coefficients;
  return {
    multiplier: targets.sparsities.map((sparsity) => ({
      sparsity,
      value: multiplierUnchecked(k, sparsity),
      halfWidth: spread(gradient((c) => Math.log(multiplierUnchecked(c, sparsity)), p)),
    })),
    optimalSparsity: { value: sOptOf(k, truth.dataUnit, targets), halfWidth: spread(gradient((c) => sOptOf(c, truth.dataUnit, targets), p)) },
  };
}

/** A standard normal draw; u is kept away from 0, where the quantile diverges. */
export function standardNormal(random: Random): number {
  return probit(Math.max(random(), 1e-12));
}

/** Noisy pilot results from a law: each loss times e^(σ·z). */
export function drawLosses(truth: LawCoefficients, points: readonly PlannedPoint[], sigma: number, random: Random): number[] {
  return points.map((pt) => lossUnchecked(truth, pt.sparsity, pt.nonzero, pt.data) * Math.exp(sigma * standardNormal(random)));
}

export interface SimulationSettings {
  sigma: number;
  residuals: ResidualSettings;
  realisations: number;
  seed: number;
  /** Random restarts per refit besides the warm start at the current law. */
  extraStarts: number;
  /** Minimizer settings; a looser tolerance than a real fit's keeps planning fast. */
  minimize?: MinimizeOptions;
}

function sd(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

/**
 * Simulated widths: refit noisy draws of the pilot results and take z·sd of log m(S) (relative)
 * and of S_opt (points) over the realisations, centred on the current law's values.
 */
export function simulateWidths(truth: Law, points: readonly PlannedPoint[], targets: Targets, settings: SimulationSettings): Simulated {
  const random = seededRandom(settings.seed);
  const units = defaultNormalization(points);
  const warm = toNormalized(truth.coefficients, units);
  const logM: number[][] = targets.sparsities.map(() => []);
  const sOpt: number[] = [];
  let failed = 0;
  for (let r = 0; r < settings.realisations; r++) {
    const losses = drawLosses(truth.coefficients, points, settings.sigma, random);
    const runs = points.map((pt, i) => ({ ...pt, loss: losses[i]! }));
    const objective = huberObjective(runs, units, settings.residuals);
    const outcomes = minimizeFromStarts(objective, [warm, ...randomStarts(random, settings.extraStarts)], units, settings.minimize).filter((o) => o.usable);
    if (outcomes.length === 0) {
      failed++;
      continue;
    }
    const k = fromNormalized(outcomes.reduce((a, b) => (b.value < a.value ? b : a)).x, units);
    targets.sparsities.forEach((s, i) => logM[i]!.push(Math.log(multiplierUnchecked(k, s))));
    sOpt.push(sOptOf(k, truth.dataUnit, targets));
  }
  const ok = settings.realisations - failed;
  const width = (values: number[]) => (ok >= 2 ? Z * sd(values) : Infinity);
  const k = truth.coefficients;
  return {
    realisations: settings.realisations,
    failed,
    multiplier: targets.sparsities.map((sparsity, i) => ({ sparsity, value: multiplierUnchecked(k, sparsity), halfWidth: width(logM[i]!) })),
    optimalSparsity: { value: sOptOf(k, truth.dataUnit, targets), halfWidth: width(sOpt) },
  };
}

/** The planner's score: the widest m(S) interval among the targets (relative half-width). */
export function worstMultiplierWidth(p: WidthPrediction): number {
  return Math.max(...p.multiplier.map((m) => m.halfWidth));
}
