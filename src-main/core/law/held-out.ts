/**
 * Held-out validation of a fit: leave out the runs at the largest model size (and, with at least
 * 4 data levels, those with the longest training), refit on the rest with the same settings, and
 * judge the predictions for the left-out runs in size-equivalent terms (docs/method.md §4.6).
 * Called by every fit (CLI `fit`, the app's fit job); deterministic for the fit's seed.
 */
import type { LawCoefficients } from './coefficients.js';
import { fitLaw, checkDesign, type FitSettings, type Run } from './fit.js';
import { lossUnchecked } from './law.js';
import { InputError } from '../input.js';

export type HeldOutKind = 'largest-size' | 'longest-training';
export type Verdict = 'extrapolates-well' | 'use-with-care' | 'unreliable';

/**
 * Size-equivalent error bounds of the verdicts: within ±10 % the law extrapolates well, up to
 * ±25 % use it with care, beyond that it is unreliable (issue 15; docs/method.md §4.6).
 */
export const SIZE_EQUIVALENT_THRESHOLDS = { extrapolatesWell: 0.1, useWithCare: 0.25 } as const;

/** Fewer than this many data levels leave too few (3) after the longest training is left out. */
export const MIN_DATA_LEVELS_FOR_DATA_CHECK = 4;

export interface HeldOutRun {
  label: string;
  sparsity: number;
  nonzero: number;
  data: number;
  measured: number;
  predicted: number;
  /** (predicted − measured) / measured */
  relativeError: number;
  /**
   * The loss error as a relative error in model size, (predicted − measured)/(N·|∂L/∂N|), with
   * ∂L/∂N of the refitted law at the run: positive when the law predicts a worse model than was measured.
   */
  sizeEquivalentError: number;
}

export interface HeldOutSummary {
  meanAbsRelativeError: number;
  /** The left-out run's relative error with the largest magnitude, signed. */
  worstRelativeError: number;
  meanAbsSizeError: number;
  worstSizeError: number;
  verdict: Verdict;
}

export type HeldOutReason =
  | { code: 'too-few-data-levels'; levels: number }
  | { code: 'design'; message: string }
  | { code: 'no-usable-refit'; message: string };

export type HeldOutCheck =
  | ({
      kind: HeldOutKind;
      possible: true;
      /** The model size (non-zeros) or data level that was left out. */
      leftOutLevel: number;
      fittedRuns: number;
      runs: HeldOutRun[];
      /** The refitted law that made the predictions. */
      coefficients: LawCoefficients;
    } & HeldOutSummary)
  | { kind: HeldOutKind; possible: false; reason: HeldOutReason };

export interface HeldOutValidation {
  checks: HeldOutCheck[];
  /** The worse verdict of the checks that were possible (by mean absolute size-equivalent error); null if none was. */
  verdict: Verdict | null;
}

export function verdictOf(sizeError: number): Verdict {
  const size = Math.abs(sizeError);
  if (size <= SIZE_EQUIVALENT_THRESHOLDS.extrapolatesWell) return 'extrapolates-well';
  if (size <= SIZE_EQUIVALENT_THRESHOLDS.useWithCare) return 'use-with-care';
  return 'unreliable';
}

const VERDICT_ORDER: readonly Verdict[] = ['extrapolates-well', 'use-with-care', 'unreliable'];

export function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_ORDER.indexOf(a) >= VERDICT_ORDER.indexOf(b) ? a : b;
}

/** N·|∂L/∂N| = b_N·(a_S(1−S)^b_S + c_S)·N^−b_N: how much the loss moves per relative change in size. */
export function lossPerRelativeSize(k: LawCoefficients, sparsity: number, nonzero: number): number {
  return k.bN * (k.aS * (1 - sparsity) ** k.bS + k.cS) * nonzero ** -k.bN;
}

/** A loss error converted into the relative model-size error the law implies at that run. */
export function sizeEquivalentError(k: LawCoefficients, sparsity: number, nonzero: number, lossError: number): number {
  return lossError / lossPerRelativeSize(k, sparsity, nonzero);
}

function largestMagnitude(values: number[]): number {
  return values.reduce((worst, v) => (Math.abs(v) > Math.abs(worst) ? v : worst), 0);
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Predictions of a law for left-out runs, and their summary. */
export function judgeHeldOut(k: LawCoefficients, runs: readonly Run[]): { runs: HeldOutRun[] } & HeldOutSummary {
  const rows = runs.map((r, i): HeldOutRun => {
    const predicted = lossUnchecked(k, r.sparsity, r.nonzero, r.data);
    return {
      label: r.label ?? `run ${i + 1}`,
      sparsity: r.sparsity,
      nonzero: r.nonzero,
      data: r.data,
      measured: r.loss,
      predicted,
      relativeError: (predicted - r.loss) / r.loss,
      sizeEquivalentError: sizeEquivalentError(k, r.sparsity, r.nonzero, predicted - r.loss),
    };
  });
  const meanAbsSizeError = mean(rows.map((r) => Math.abs(r.sizeEquivalentError)));
  return {
    runs: rows,
    meanAbsRelativeError: mean(rows.map((r) => Math.abs(r.relativeError))),
    worstRelativeError: largestMagnitude(rows.map((r) => r.relativeError)),
    meanAbsSizeError,
    worstSizeError: largestMagnitude(rows.map((r) => r.sizeEquivalentError)),
    verdict: verdictOf(meanAbsSizeError),
  };
}

function isAtTop(value: number, top: number): boolean {
  return value >= top * (1 - 1e-9);
}

function distinctLevels(values: number[]): number {
  return new Set(values.map((v) => v.toPrecision(12))).size;
}

function check(kind: HeldOutKind, runs: readonly Run[], pick: (r: Run) => number, settings: FitSettings): HeldOutCheck {
  const top = Math.max(...runs.map(pick));
  const kept = runs.filter((r) => !isAtTop(pick(r), top));
  const left = runs.filter((r) => isAtTop(pick(r), top));
  try {
    checkDesign(kept);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { kind, possible: false, reason: { code: 'design', message: error.message } };
  }
  let coefficients: LawCoefficients;
  try {
    coefficients = fitLaw(kept, settings).coefficients;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { kind, possible: false, reason: { code: 'no-usable-refit', message: error.message } };
  }
  return { kind, possible: true, leftOutLevel: top, fittedRuns: kept.length, coefficients, ...judgeHeldOut(coefficients, left) };
}

/**
 * Both held-out checks for a set of runs, refitted with the full fit's settings (pass
 * `fit.settings`, so the normalization, starts and seed are the same).
 */
export function validateHeldOut(runs: readonly Run[], settings: FitSettings): HeldOutValidation {
  const checks: HeldOutCheck[] = [check('largest-size', runs, (r) => r.nonzero, settings)];
  const dataLevels = distinctLevels(runs.map((r) => r.data));
  checks.push(
    dataLevels < MIN_DATA_LEVELS_FOR_DATA_CHECK
      ? { kind: 'longest-training', possible: false, reason: { code: 'too-few-data-levels', levels: dataLevels } }
      : check('longest-training', runs, (r) => r.data, settings),
  );
  const verdicts = checks.flatMap((c) => (c.possible ? [c.verdict] : []));
  return { checks, verdict: verdicts.length === 0 ? null : verdicts.reduce(worseVerdict) };
}

/** The English reason a check was not possible, for the CLI and the documents. */
export function reasonText(reason: HeldOutReason): string {
  switch (reason.code) {
    case 'too-few-data-levels':
      return (
        `only ${reason.levels} data levels: leaving the longest training out would leave ${reason.levels - 1}, ` +
        `and the fitter needs at least 3 to identify a_D, b_D and c`
      );
    case 'design':
      return `the remaining runs cannot identify the law (${reason.message})`;
    case 'no-usable-refit':
      return `the refit on the remaining runs found no usable law (${reason.message})`;
  }
}
