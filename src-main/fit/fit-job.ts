/**
 * A fit of the law to pilot runs from a CSV, with its held-out validation and bootstrap: the
 * work the desktop app runs in a worker thread. Pure apart from progress reporting, so it is
 * tested directly.
 */
import { bootstrapFit, DEFAULT_MULTIPLIER_SPARSITIES, defaultReference, type BootstrapResult } from '../core/law/bootstrap.js';
import { coefficientsDocumentFromFit, type CoefficientsDocument } from '../core/law/coefficients-file.js';
import { COEFFICIENT_NAMES } from '../core/law/coefficients.js';
import { defaultHuberDelta, fitLaw, type Run } from '../core/law/fit.js';
import { validateHeldOut, type HeldOutValidation } from '../core/law/held-out.js';
import { parseRunsCsv } from '../core/law/runs-csv.js';
import { trustReport, type TrustReport } from '../core/law/trust.js';
import { checkBootstrap, checkFitWork } from '../core/limits.js';

export interface FitJob {
  csv: string;
  fileName: string;
  dataUnit: 'images' | 'tokens';
  logResiduals: boolean;
  starts: number;
  seed: number;
  bootstrap: number;
}

export interface FitOutcome {
  document: CoefficientsDocument;
  runs: Run[];
  predicted: number[];
  objective: number;
  rmse: number;
  maxRelativeError: number;
  /** 95 % intervals of the coefficients and of m(S), keyed "aS" … "c" and "m(0.75)"; null without a bootstrap. */
  intervals: Record<string, { low: number; median: number; high: number }> | null;
  /** The held-out checks with their left-out runs (the document carries the summary). */
  heldOut: HeldOutValidation;
  /** Which numbers to trust; null without a bootstrap. */
  trust: TrustReport | null;
}

export function runFitJob(job: FitJob, onProgress: (fraction: number, current: string) => void = () => {}): FitOutcome {
  const runs = parseRunsCsv(job.csv);
  checkFitWork(runs.length, job.starts, checkBootstrap('bootstrap', job.bootstrap), { starts: 'starts', bootstrap: 'bootstrap', rows: 'csv' });
  onProgress(0, `fitting ${runs.length} runs`);
  const fit = fitLaw(runs, {
    huberDelta: defaultHuberDelta(job.logResiduals),
    logResiduals: job.logResiduals,
    starts: job.starts,
    seed: job.seed,
    dataUnit: job.dataUnit,
  });
  onProgress(0, 'held-out checks');
  const heldOut = validateHeldOut(runs, fit.settings);
  let intervals: FitOutcome['intervals'] = null;
  let bootstrap: BootstrapResult | undefined;
  if (job.bootstrap > 0) {
    const result = bootstrapFit(runs, fit, {
      resamples: job.bootstrap,
      seed: job.seed,
      level: 0.95,
      reference: defaultReference(runs),
      multiplierSparsities: DEFAULT_MULTIPLIER_SPARSITIES,
      onResample: (done, total) => onProgress(done / total, `bootstrap ${done}/${total}`),
    });
    bootstrap = result;
    intervals = Object.fromEntries([
      ...COEFFICIENT_NAMES.map((name) => [name, result.coefficients[name]] as const),
      ...result.multiplier.map((m) => [`m(${m.sparsity})`, m.interval] as const),
    ]);
  }
  onProgress(1, 'done');
  return {
    document: coefficientsDocumentFromFit(fit, `fit of ${job.fileName}`, `fit of ${runs.length} runs from ${job.fileName}`, bootstrap, heldOut),
    runs,
    predicted: fit.diagnostics.runs.map((r) => r.predicted),
    objective: fit.objective,
    rmse: fit.diagnostics.rmse,
    maxRelativeError: fit.diagnostics.maxRelativeError,
    intervals,
    heldOut,
    trust: bootstrap ? trustReport(fit, bootstrap) : null,
  };
}
