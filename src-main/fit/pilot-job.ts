/**
 * A pilot plan for the desktop app, run in the fit worker thread (planning takes a few seconds):
 * the family's preset law or the user's custom law, the budget and the GPU, in; the plan and its
 * CSV for the fitter, out. Pure, so it is tested directly.
 */
import { parseCoefficientsDocument, type CoefficientsDocument } from '../core/law/coefficients-file.js';
import { pilotRunsCsv } from '../core/law/pilot-csv.js';
import { planPilot, type PilotPlan } from '../core/law/pilot-plan.js';
import { PRESETS, type PresetId } from '../core/law/presets.js';

export interface PilotJob {
  family: PresetId;
  /** A custom law to draw the simulated pilot results from; null for the family's preset. */
  coefficients: CoefficientsDocument | null;
  budgetGpuHours: number;
  gpuFlops: number;
  utilisation: number;
  tokensPerUnit?: number | undefined;
  targetNonzero?: number | undefined;
  targetSparsities?: number[] | undefined;
  seed: number;
}

export interface PilotOutcome {
  plan: PilotPlan;
  /** The run list as the fitter's CSV, loss column empty. */
  csv: string;
}

export function runPilotJob(job: PilotJob): PilotOutcome {
  const law = job.coefficients === null ? PRESETS[job.family] : parseCoefficientsDocument(job.coefficients, 'coefficients');
  const plan = planPilot({
    law,
    family: job.family,
    budgetGpuHours: job.budgetGpuHours,
    gpuFlops: job.gpuFlops,
    utilisation: job.utilisation,
    tokensPerUnit: job.tokensPerUnit,
    targetNonzero: job.targetNonzero,
    targetSparsities: job.targetSparsities,
    seed: job.seed,
  });
  return { plan, csv: pilotRunsCsv(plan.runs) };
}
