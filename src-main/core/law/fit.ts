/**
 * Fits the law's seven coefficients to training runs by the authors' procedure: the mean
 * Huber loss of residuals (linear residuals with δ = 0.01 as for ViT, or log residuals with
 * δ = 0.001 as for T5), minimized by BFGS from many random starts in normalized units.
 * Deterministic for a given seed.
 */
import {
  checkCoefficients,
  fromNormalized,
  toNormalized,
  type DataUnit,
  type LawCoefficients,
  type Normalization,
  type NormalizedCoefficients,
} from './coefficients.js';
import { lossUnchecked } from './law.js';
import { minimizeBfgs, type MinimizeOptions, type Objective } from './minimize.js';
import type { FittedRange, Law } from './presets.js';
import { InputError, requireInteger, requirePositive, requireSparsity } from '../input.js';
import { seededRandom, type Random } from '../random.js';

export interface Run {
  sparsity: number;
  /** Non-zero block parameters. */
  nonzero: number;
  /** Training data in the fit's data unit. */
  data: number;
  loss: number;
  label?: string;
}

export interface ResidualSettings {
  huberDelta: number;
  logResiduals: boolean;
}

export interface FitSettings extends ResidualSettings {
  starts: number;
  seed: number;
  dataUnit: DataUnit;
  /** Units for the optimizer; by default 1e6 non-zeros and the power of ten nearest the median data. */
  normalization?: Normalization;
}

/** The authors' settings: δ = 0.01 on linear residuals (ViT), δ = 0.001 on log residuals (T5). */
export function defaultHuberDelta(logResiduals: boolean): number {
  return logResiduals ? 1e-3 : 1e-2;
}

export const DEFAULT_STARTS = 64;
export const PARAMETER_COUNT = 7;

export interface RunDiagnostic {
  label: string;
  sparsity: number;
  nonzero: number;
  data: number;
  measured: number;
  predicted: number;
  /** (predicted − measured) / measured */
  relativeError: number;
}

export interface FitDiagnostics {
  rmse: number;
  maxRelativeError: number;
  runs: RunDiagnostic[];
  ranges: FittedRange;
}

export interface LawFit {
  coefficients: LawCoefficients;
  normalized: NormalizedCoefficients;
  normalization: Normalization;
  dataUnit: DataUnit;
  objective: number;
  settings: Required<FitSettings>;
  search: {
    starts: number;
    /** Starts whose result is a usable law (all coefficients positive) and finite. */
    usable: number;
    /** Starts that ended within 1 % of the best objective: low values mean a rugged surface. */
    withinOnePercent: number;
    evaluations: number;
  };
  diagnostics: FitDiagnostics;
}

function distinctCount(values: number[]): number {
  return new Set(values.map((v) => v.toPrecision(12))).size;
}

/**
 * Refuses run sets that cannot identify the law. The sparsity factor a(1−S)^b + c has three
 * unknowns, and the data term e·D^−f shares its offset with the constant g, so each needs at
 * least three distinct levels; N^−d needs two model sizes; seven coefficients need more than
 * seven runs.
 */
export function checkDesign(runs: readonly Run[]): void {
  if (runs.length <= PARAMETER_COUNT) {
    throw new InputError('runs', `need at least ${PARAMETER_COUNT + 1} runs to fit ${PARAMETER_COUNT} coefficients (got ${runs.length})`);
  }
  runs.forEach((r, i) => {
    const at = r.label ?? `run ${i + 1}`;
    requireSparsity(`${at}.sparsity`, r.sparsity);
    requirePositive(`${at}.nonzero_params`, r.nonzero);
    requirePositive(`${at}.data`, r.data);
    requirePositive(`${at}.loss`, r.loss);
  });
  const levels = (pick: (r: Run) => number) => distinctCount(runs.map(pick));
  const sparsities = levels((r) => r.sparsity);
  if (sparsities < 3) {
    throw new InputError('runs', `need runs at 3 or more sparsity levels to identify a_S, b_S and c_S (got ${sparsities})`);
  }
  const dataLevels = levels((r) => r.data);
  if (dataLevels < 3) {
    throw new InputError('runs', `need runs at 3 or more data volumes to identify a_D, b_D and c (got ${dataLevels})`);
  }
  const sizes = levels((r) => r.nonzero);
  if (sizes < 2) {
    throw new InputError('runs', `need runs at 2 or more model sizes to identify b_N (got ${sizes})`);
  }
}

/** 1e6 non-zeros, and the power of ten nearest the median data of the runs. */
export function defaultNormalization(runs: readonly Pick<Run, 'data'>[]): Normalization {
  const logs = runs.map((r) => Math.log10(r.data)).sort((a, b) => a - b);
  const median = logs[Math.floor(logs.length / 2)]!;
  return { nonzeroUnit: 1e6, dataUnit: 10 ** Math.round(median) };
}

/** Mean Huber loss of the residuals, with its gradient, over runs in normalized units. */
export function huberObjective(runs: readonly Run[], normalization: Normalization, residuals: ResidualSettings): Objective {
  const n = runs.length;
  const logDensity = new Float64Array(n);
  const logN = new Float64Array(n);
  const logD = new Float64Array(n);
  const target = new Float64Array(n);
  runs.forEach((r, i) => {
    logDensity[i] = Math.log1p(-r.sparsity);
    logN[i] = Math.log(r.nonzero / normalization.nonzeroUnit);
    logD[i] = Math.log(r.data / normalization.dataUnit);
    target[i] = residuals.logResiduals ? Math.log(r.loss) : r.loss;
  });
  const delta = residuals.huberDelta;
  const useLog = residuals.logResiduals;

  return (x, grad) => {
    const a = x[0]!, b = x[1]!, c = x[2]!, d = x[3]!, e = x[4]!, f = x[5]!, g = x[6]!;
    let total = 0;
    let ga = 0, gb = 0, gc = 0, gd = 0, ge = 0, gf = 0, gg = 0;
    for (let i = 0; i < n; i++) {
      const densityPow = Math.exp(b * logDensity[i]!);
      const sparsityFactor = a * densityPow + c;
      const nTerm = Math.exp(-d * logN[i]!);
      const dTerm = Math.exp(-f * logD[i]!);
      const predicted = sparsityFactor * nTerm + e * dTerm + g;
      let residual: number;
      let scale: number;
      if (useLog) {
        if (!(predicted > 0)) return Infinity;
        residual = Math.log(predicted) - target[i]!;
        scale = 1 / predicted;
      } else {
        residual = predicted - target[i]!;
        scale = 1;
      }
      if (!Number.isFinite(residual)) return Infinity;
      const r = Math.abs(residual);
      total += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
      // dHuber/dresidual, times dresidual/dpredicted
      const psi = (residual > delta ? delta : residual < -delta ? -delta : residual) * scale;
      ga += psi * densityPow * nTerm;
      gb += psi * a * densityPow * logDensity[i]! * nTerm;
      gc += psi * nTerm;
      gd -= psi * sparsityFactor * nTerm * logN[i]!;
      ge += psi * dTerm;
      gf -= psi * e * dTerm * logD[i]!;
      gg += psi;
    }
    grad[0] = ga / n; grad[1] = gb / n; grad[2] = gc / n; grad[3] = gd / n;
    grad[4] = ge / n; grad[5] = gf / n; grad[6] = gg / n;
    return total / n;
  };
}

/** The fitting objective at given coefficients, e.g. to compare a fit with the published one. */
export function objectiveAt(runs: readonly Run[], coefficients: LawCoefficients, residuals: ResidualSettings): number {
  const units = defaultNormalization(runs);
  const objective = huberObjective(runs, units, residuals);
  return objective(Float64Array.from(toNormalized(coefficients, units)), new Float64Array(PARAMETER_COUNT));
}

function rangeOf(values: number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

export function diagnose(coefficients: LawCoefficients, runs: readonly Run[]): FitDiagnostics {
  const rows = runs.map((r, i): RunDiagnostic => {
    const predicted = lossUnchecked(coefficients, r.sparsity, r.nonzero, r.data);
    return {
      label: r.label ?? `run ${i + 1}`,
      sparsity: r.sparsity,
      nonzero: r.nonzero,
      data: r.data,
      measured: r.loss,
      predicted,
      relativeError: (predicted - r.loss) / r.loss,
    };
  });
  const squared = rows.reduce((s, r) => s + (r.predicted - r.measured) ** 2, 0);
  return {
    rmse: Math.sqrt(squared / rows.length),
    maxRelativeError: rows.reduce((m, r) => Math.max(m, Math.abs(r.relativeError)), 0),
    runs: rows,
    ranges: {
      sparsity: rangeOf(runs.map((r) => r.sparsity)),
      nonzero: rangeOf(runs.map((r) => r.nonzero)),
      data: rangeOf(runs.map((r) => r.data)),
    },
  };
}

function isUsable(x: NormalizedCoefficients, units: Normalization): boolean {
  try {
    checkCoefficients(fromNormalized(x, units));
    return true;
  } catch {
    return false;
  }
}

const MINIMIZE: MinimizeOptions = { gradientTolerance: 1e-13, maxIterations: 3000 };

interface StartResult {
  x: NormalizedCoefficients;
  value: number;
  evaluations: number;
  usable: boolean;
}

/** Minimizes from each start; returns every outcome so callers can judge the surface. */
export function minimizeFromStarts(
  objective: Objective,
  starts: readonly NormalizedCoefficients[],
  units: Normalization,
  options: MinimizeOptions = MINIMIZE,
): StartResult[] {
  return starts.map((start) => {
    const result = minimizeBfgs(objective, start, options);
    const x = Array.from(result.x) as unknown as NormalizedCoefficients;
    const usable = Number.isFinite(result.value) && isUsable(x, units);
    return { x, value: result.value, evaluations: result.evaluations, usable };
  });
}

/** x0 ~ U(0,1)^7, as in the authors' notebook. */
export function randomStarts(random: Random, count: number): NormalizedCoefficients[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: PARAMETER_COUNT }, () => random()) as unknown as NormalizedCoefficients,
  );
}

export function fitLaw(runs: readonly Run[], settings: FitSettings): LawFit {
  checkDesign(runs);
  requireInteger('starts', settings.starts, 1);
  requirePositive('huberDelta', settings.huberDelta);
  const normalization = settings.normalization ?? defaultNormalization(runs);
  const objective = huberObjective(runs, normalization, settings);
  const outcomes = minimizeFromStarts(objective, randomStarts(seededRandom(settings.seed), settings.starts), normalization);
  const usable = outcomes.filter((o) => o.usable);
  if (usable.length === 0) {
    throw new InputError(
      'runs',
      `no start out of ${settings.starts} reached a usable law (every coefficient positive); the runs may not follow the law`,
    );
  }
  const best = usable.reduce((a, b) => (b.value < a.value ? b : a));
  const coefficients = fromNormalized(best.x, normalization);
  return {
    coefficients,
    normalized: best.x,
    normalization,
    dataUnit: settings.dataUnit,
    objective: best.value,
    settings: { ...settings, normalization },
    search: {
      starts: settings.starts,
      usable: usable.length,
      withinOnePercent: usable.filter((o) => o.value <= best.value * 1.01).length,
      evaluations: outcomes.reduce((s, o) => s + o.evaluations, 0),
    },
    diagnostics: diagnose(coefficients, runs),
  };
}

/** A law built from a fit, carrying the range of its runs as the fitted range. */
export function lawFromFit(fit: LawFit, name: string, citation: string): Law {
  return {
    id: 'custom',
    name,
    dataUnit: fit.dataUnit,
    coefficients: fit.coefficients,
    fittedRange: fit.diagnostics.ranges,
    source: { kind: 'fit', citation },
  };
}
