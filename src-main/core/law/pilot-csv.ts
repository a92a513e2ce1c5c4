/**
 * A pilot plan's runs as the CSV the fitter reads (runs-csv.ts), with an empty `loss` column to
 * fill in after training. The extra columns (dense size, GPU-hours) are for the team; the fitter
 * ignores columns it does not know. Used by the CLI `pilot-plan --csv` and the app's export.
 */
import Papa from 'papaparse';
import type { PilotRun } from './pilot-design.js';

export const PILOT_CSV_COLUMNS = ['label', 'sparsity', 'nonzero_params', 'dense_params', 'data', 'gpu_hours', 'loss'] as const;

export function pilotRunsCsv(runs: readonly Pick<PilotRun, 'label' | 'sparsity' | 'nonzero' | 'denseParams' | 'data' | 'gpuHours'>[]): string {
  const rows = runs.map((r) => [
    r.label,
    String(r.sparsity),
    String(r.nonzero),
    String(Math.round(r.denseParams)),
    String(r.data),
    r.gpuHours.toPrecision(4),
    '',
  ]);
  return `${Papa.unparse({ fields: [...PILOT_CSV_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}
