/**
 * sparsity-advisor pilot-plan: which pilot training runs to do within a GPU budget, what each
 * costs and how precisely a custom fit of them will pin m(S) and S_opt (core/law/pilot-plan.ts).
 * `--csv FILE` writes the run list for the fitter with an empty loss column; an existing file is
 * kept unless --force.
 */
import { InputError, requirePositive } from '../core/input.js';
import { pilotRunsCsv } from '../core/law/pilot-csv.js';
import { DEFAULT_TOKENS_PER_UNIT, planPilot, type PilotPlan, type PlanSummary } from '../core/law/pilot-plan.js';
import { isPresetId } from '../core/law/presets.js';
import { parseQuantity } from '../core/quantity.js';
import { checkOutputTarget, writeOutputFile } from '../io/safe-write.js';
import { LIMITS } from '../core/limits.js';
import type { CommandResult } from './command.js';
import { num, percent, table } from './format.js';
import { integer, lawFromOptions, type Values, optionalQuantity, optionalString, parseOptions, quantity, requiredString } from './options.js';

export const PILOT_PLAN_USAGE =
  'pilot-plan --family vit|t5 [--coefficients FILE] --budget-gpu-hours H --gpu-flops F --utilisation U [--tokens-per-unit T]' +
  ' [--target-nonzero N] [--target-sparsities S,S...] [--target-data D] [--seed N] [--csv FILE] [--force] [--json]';

function positiveFlag(values: Values, name: string): number {
  return requirePositive(`--${name}`, quantity(values, name));
}

function sparsityList(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const values = text.split(',').map((part) => parseQuantity('--target-sparsities', part));
  values.forEach((s) => {
    if (!(s > 0 && s < 1)) throw new InputError('--target-sparsities', `each must be above 0 and below 1 (got ${s})`);
  });
  return values;
}

function widthsText(p: PlanSummary): string[] {
  const s = p.prediction.optimalSparsity;
  return [
    ...p.prediction.multiplier.map(
      (m) => `  m(${m.sparsity}) ${num(m.value)}  [${num(m.low)}, ${num(m.high)}]  ±${percent(m.halfWidth, 1)}`,
    ),
    `  S_opt ${percent(s.value, 1)}  [${percent(s.low, 1)}, ${percent(s.high, 1)}]  ±${num(s.halfWidthPoints * 100, 3)} points`,
  ];
}

function planText(plan: PilotPlan, csv: string | null): string {
  const unit = plan.dataUnit;
  const h = plan.hardware;
  const shape = plan.shape;
  const perUnit = unit === 'images' ? 'image' : 'token';
  const failed = plan.prediction.failed;
  return [
    `Pilot plan: ${plan.lawName}; budget ${num(plan.budgetGpuHours)} GPU-hours at ${num(h.gpuFlops / 1e12)} TFLOP/s × ${percent(h.utilisation, 0)} ` +
      `utilisation, ${num(h.tokensPerUnit)} tokens per ${perUnit}`,
    `Grid: ${shape.sparsities.length} sparsities (${shape.sparsities.join(', ')}) × ${plan.sizes.length} sizes ` +
      `(${num(plan.sizes[0]!)}–${num(plan.sizes[plan.sizes.length - 1]!)} non-zeros, step ${shape.sizeStep}×) × ` +
      `${plan.dataLevels.length} data amounts (${num(plan.dataLevels[0]!)}–${num(plan.dataLevels[plan.dataLevels.length - 1]!)} ${unit}, step ${shape.dataStep}×) ` +
      `= ${plan.runs.length} runs, ${num(plan.totalGpuHours)} GPU-hours (${num(plan.totalFlops)} FLOPs)`,
    '',
    table([
      ['run', 'S', 'non-zeros', 'dense size', `data (${unit})`, 'GPU-hours'],
      ...plan.runs.map((r) => [r.label, String(r.sparsity), num(r.nonzero), num(r.denseParams), num(r.data), num(r.gpuHours, 3)]),
    ]),
    '',
    `Predicted ${percent(plan.prediction.level, 0)} intervals after fitting these runs (seeded simulation, seed ${plan.seed}: ` +
      `${plan.prediction.realisations} noisy realisations${failed > 0 ? `, ${failed} without a usable fit` : ''}; ` +
      `residual spread ${percent(plan.noise.sigma, 2)} of loss, ${plan.noise.source}):`,
    ...widthsText(plan),
    `  (S_opt at ${num(plan.targets.nonzero)} non-zeros and compute 6·N·${num(plan.targets.data)} ${unit})`,
    '',
    `Extrapolation: the largest run has ${num(plan.extrapolation.largestNonzero)} non-zeros, ` +
      `${num(plan.extrapolation.factor, 3)}× below the target model (${num(plan.targets.nonzero)}).` +
      (plan.extrapolation.capsAtPilotFirst
        ? ' Beyond 3× the decision engine still caps its verdict at "Pilot first".'
        : ''),
    `Twice the budget (${num(plan.doubled.budgetGpuHours)} GPU-hours): ${plan.doubled.runs.length} runs, largest ` +
      `${num(plan.doubled.extrapolation.largestNonzero)} non-zeros (${num(plan.doubled.extrapolation.factor, 3)}× below the target):`,
    ...widthsText(plan.doubled),
    `Smallest budget for a valid plan: ${num(plan.minimumBudgetGpuHours)} GPU-hours. Runs stay at or above ` +
      `${num(plan.floors.nonzero)} non-zeros and ${num(plan.floors.data)} ${unit} (${plan.floors.source}).`,
    ...(csv !== null ? [`Run list for the fitter (loss column empty) written to ${csv}`] : []),
  ].join('\n');
}

export function pilotPlanCommand(argv: string[]): CommandResult {
  const values = parseOptions(argv, {
    family: { type: 'string' },
    coefficients: { type: 'string' },
    'budget-gpu-hours': { type: 'string' },
    'gpu-flops': { type: 'string' },
    utilisation: { type: 'string' },
    'tokens-per-unit': { type: 'string' },
    'target-nonzero': { type: 'string' },
    'target-sparsities': { type: 'string' },
    'target-data': { type: 'string' },
    seed: { type: 'string' },
    csv: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const family = requiredString(values, 'family');
  if (!isPresetId(family)) throw new InputError('--family', `must be vit or t5 (got ${JSON.stringify(family)})`);
  const law = lawFromOptions(values);
  const budgetGpuHours = positiveFlag(values, 'budget-gpu-hours');
  const gpuFlops = positiveFlag(values, 'gpu-flops');
  const utilisation = positiveFlag(values, 'utilisation');
  if (utilisation > 1) throw new InputError('--utilisation', `is a share of peak, e.g. 0.4 for 40 % (got ${utilisation})`);
  const tokens = optionalQuantity(values, 'tokens-per-unit');
  const targetNonzero = optionalQuantity(values, 'target-nonzero');
  const targetData = optionalQuantity(values, 'target-data');
  const csv = optionalString(values, 'csv');
  if (csv !== undefined) checkOutputTarget('--csv', csv, { overwrite: values.force === true });
  let plan: PilotPlan;
  try {
    plan = planPilot({
      law,
      family,
      budgetGpuHours,
      gpuFlops,
      utilisation,
      tokensPerUnit: tokens === undefined ? DEFAULT_TOKENS_PER_UNIT[family] : requirePositive('--tokens-per-unit', tokens),
      targetNonzero: targetNonzero === undefined ? undefined : requirePositive('--target-nonzero', targetNonzero),
      targetSparsities: sparsityList(optionalString(values, 'target-sparsities')),
      targetData: targetData === undefined ? undefined : requirePositive('--target-data', targetData),
      seed: integer(values, 'seed', 0, LIMITS.seed),
    });
  } catch (error) {
    // The core names its inputs; the CLI user typed flags.
    if (error instanceof InputError && error.field in FLAG_OF) {
      throw new InputError(FLAG_OF[error.field]!, error.message.slice(error.field.length + 2));
    }
    throw error;
  }
  if (csv !== undefined) writeOutputFile('--csv', csv, pilotRunsCsv(plan.runs), { overwrite: values.force === true });
  return { document: { command: 'pilot-plan', plan, csv: csv ?? null }, text: planText(plan, csv ?? null) };
}

const FLAG_OF: Record<string, string> = {
  budgetGpuHours: '--budget-gpu-hours',
  gpuFlops: '--gpu-flops',
  utilisation: '--utilisation',
  tokensPerUnit: '--tokens-per-unit',
  targetNonzero: '--target-nonzero',
  targetData: '--target-data',
  coefficients: '--coefficients',
};
