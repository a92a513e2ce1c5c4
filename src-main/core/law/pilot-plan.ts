/**
 * The pilot plan: which training runs to do within a GPU budget so that a custom fit pins m(S)
 * at the target sparsities as tightly as possible, with each run's cost, the predicted interval
 * widths, how far the largest run is from the target model, and what twice the budget would
 * buy. Called by the CLI `pilot-plan` and the app's pilot job; deterministic for a seed.
 */
import { defaultHuberDelta, type ResidualSettings } from './fit.js';
import {
  designProblem,
  flopsOfGpuHours,
  gpuHoursOf,
  gridRuns,
  gridShapes,
  meetsFloors,
  scaleToBudget,
  smallestGrid,
  type GridShape,
  type Hardware,
  type PilotRun,
} from './pilot-design.js';
import {
  linearisedWidths,
  PAPER_RESIDUAL_SPREAD,
  PREDICTION_LEVEL,
  simulateWidths,
  worstMultiplierWidth,
  type Simulated,
  type Targets,
} from './pilot-simulation.js';
import { PRESETS, type Law, type PresetId } from './presets.js';
import { InputError, requireFinite, requireInteger, requirePositive } from '../input.js';

/** Beyond this factor between the target model and the largest pilot run, the decision engine keeps "Pilot first". */
export const PILOT_FIRST_EXTRAPOLATION = 3;

/** Tokens per data unit by default: ViT-B/16 sees 196 patches + 1 class token per 224×224 image; text counts tokens. */
export const DEFAULT_TOKENS_PER_UNIT: Readonly<Record<PresetId, number>> = { vit: 197, t5: 1 };

export const DEFAULT_TARGET_SPARSITIES = [0.5, 0.75] as const;

/** Predicted widths closer than this (relative) count as equal. */
const WIDTH_TIE = 0.1;

const PILOT_DESIGN_TEXT = '3 sparsity levels × 3 model sizes × 4 data amounts, no run below the paper’s smallest model or 1/8 of its shortest training';

/**
 * How many grids are simulated after the linearised screen, with how many realisations, random
 * restarts per refit, and a minimizer tolerance looser than a real fit's (it changes the widths
 * by well under 1 % and makes planning about 3× faster).
 */
export const PLANNER_SEARCH = {
  simulated: 3,
  realisations: 64,
  extraStarts: 2,
  minimize: { gradientTolerance: 1e-10, maxIterations: 1000 },
} as const;

export interface PilotPlanInput {
  /** The law the pilot results are drawn from: the family's preset or a custom law. */
  law: Law;
  family: PresetId;
  budgetGpuHours: number;
  gpuFlops: number;
  utilisation: number;
  tokensPerUnit?: number;
  /** Non-zeros of the model the decision is about; default the family's reference model (ViT-B/16 or T5-base blocks). */
  targetNonzero?: number;
  targetSparsities?: readonly number[];
  /** Data of the target model, for S_opt; default the family's longest training in the paper. */
  targetData?: number;
  seed?: number;
  /** Residual spread (log loss) of the simulated results; default the paper's for the family. */
  sigma?: number;
  /** The fit the user will run; default the family's procedure (ViT linear δ = 0.01, T5 log δ = 0.001). */
  residuals?: ResidualSettings;
  /** Fewer realisations for quick checks; default PLANNER_SEARCH.realisations. */
  realisations?: number;
}

export interface PredictedWidths {
  level: number;
  multiplier: { sparsity: number; value: number; halfWidth: number; low: number; high: number }[];
  optimalSparsity: { value: number; halfWidthPoints: number; low: number; high: number };
  realisations: number;
  failed: number;
}

export interface PlanSummary {
  budgetGpuHours: number;
  runs: PilotRun[];
  totalGpuHours: number;
  totalFlops: number;
  shape: GridShape;
  sizes: number[];
  dataLevels: number[];
  prediction: PredictedWidths;
  extrapolation: { largestNonzero: number; factor: number; capsAtPilotFirst: boolean };
}

export interface PilotPlan extends PlanSummary {
  family: PresetId;
  lawName: string;
  dataUnit: Law['dataUnit'];
  hardware: Hardware;
  targets: Targets;
  seed: number;
  noise: { sigma: number; source: string };
  /** The smallest budget for which some grid meets the design rules and the floors. */
  minimumBudgetGpuHours: number;
  floors: { nonzero: number; data: number; source: string };
  search: { shapes: number; feasible: number; simulated: number };
  doubled: PlanSummary;
}

/**
 * The smallest runs a plan may use: the paper's smallest model, and an eighth of its shortest
 * training. Smaller runs are outside anything the law was fitted on. An assumption, stated with the plan.
 */
export function pilotFloors(family: PresetId): { nonzero: number; data: number; source: string } {
  const range = PRESETS[family].fittedRange!;
  return {
    nonzero: range.nonzero.min,
    data: range.data.min / 8,
    source: 'assumed: the paper’s smallest model, and 1/8 of its shortest training',
  };
}

function checkInput(input: PilotPlanInput): Required<Omit<PilotPlanInput, 'law' | 'family'>> {
  requirePositive('budgetGpuHours', input.budgetGpuHours);
  requirePositive('gpuFlops', input.gpuFlops);
  const utilisation = requirePositive('utilisation', input.utilisation);
  if (utilisation > 1) throw new InputError('utilisation', `must be a share of peak, at most 1 (got ${utilisation})`);
  const preset = PRESETS[input.family];
  if (input.law.dataUnit !== preset.dataUnit) {
    throw new InputError('coefficients', `the law measures data in ${input.law.dataUnit}, but ${input.family} measures it in ${preset.dataUnit}`);
  }
  const targetSparsities = input.targetSparsities ?? DEFAULT_TARGET_SPARSITIES;
  if (targetSparsities.length === 0) throw new InputError('targetSparsities', 'name at least one sparsity');
  targetSparsities.forEach((s, i) => {
    requireFinite(`targetSparsities[${i}]`, s);
    if (!(s > 0 && s < 1)) throw new InputError(`targetSparsities[${i}]`, `must be above 0 and below 1 (got ${s})`);
  });
  const seed = input.seed ?? 0;
  requireInteger('seed', seed, 0);
  return {
    budgetGpuHours: input.budgetGpuHours,
    gpuFlops: input.gpuFlops,
    utilisation,
    tokensPerUnit: requirePositive('tokensPerUnit', input.tokensPerUnit ?? DEFAULT_TOKENS_PER_UNIT[input.family]),
    targetNonzero: requirePositive('targetNonzero', input.targetNonzero ?? preset.paramCountAtScale1),
    targetSparsities: [...new Set(targetSparsities)].sort((a, b) => a - b),
    targetData: requirePositive('targetData', input.targetData ?? preset.fittedRange!.data.max),
    seed,
    sigma: requirePositive('sigma', input.sigma ?? PAPER_RESIDUAL_SPREAD[input.family].sigma),
    residuals: input.residuals ?? { logResiduals: input.family === 't5', huberDelta: defaultHuberDelta(input.family === 't5') },
    realisations: requireInteger('realisations', input.realisations ?? PLANNER_SEARCH.realisations, 8),
  };
}

function predicted(sim: Simulated): PredictedWidths {
  return {
    level: PREDICTION_LEVEL,
    multiplier: sim.multiplier.map((m) => ({ ...m, low: m.value * Math.exp(-m.halfWidth), high: m.value * Math.exp(m.halfWidth) })),
    optimalSparsity: {
      value: sim.optimalSparsity.value,
      halfWidthPoints: sim.optimalSparsity.halfWidth,
      low: Math.max(0, sim.optimalSparsity.value - sim.optimalSparsity.halfWidth),
      high: Math.min(1, sim.optimalSparsity.value + sim.optimalSparsity.halfWidth),
    },
    realisations: sim.realisations,
    failed: sim.failed,
  };
}

interface Search {
  summary: PlanSummary;
  feasible: number;
  simulated: number;
}

function search(
  input: PilotPlanInput,
  settings: ReturnType<typeof checkInput>,
  hardware: Hardware,
  targets: Targets,
  budgetGpuHours: number,
): Search | null {
  const k = input.law.coefficients;
  const floors = pilotFloors(input.family);
  const flops = flopsOfGpuHours(budgetGpuHours, hardware);
  const seen = new Set<string>();
  const candidates = gridShapes(settings.targetSparsities).flatMap((shape) => {
    const grid = scaleToBudget(shape, k, flops, hardware.tokensPerUnit, settings.targetNonzero);
    if (!meetsFloors(grid, floors)) return [];
    const runs = gridRuns(grid, hardware);
    const key = runs.map((r) => `${r.sparsity}/${r.nonzero}/${r.data}`).join(',');
    if (seen.has(key) || designProblem(runs) !== null) return [];
    seen.add(key);
    return [{ grid, runs, screen: worstMultiplierWidth(linearisedWidths(input.law, runs, settings.sigma, targets)) }];
  });
  if (candidates.length === 0) return null;
  const shortlist = [...candidates].sort((a, b) => a.screen - b.screen).slice(0, PLANNER_SEARCH.simulated);
  const simulated = shortlist.map((c) => ({
    ...c,
    sim: simulateWidths(input.law, c.runs, targets, {
      sigma: settings.sigma,
      residuals: settings.residuals,
      realisations: settings.realisations,
      // The same seed for every grid: common random numbers make the comparison fair.
      seed: settings.seed,
      extraStarts: PLANNER_SEARCH.extraStarts,
      minimize: PLANNER_SEARCH.minimize,
    }),
  }));
  // Widths within the simulation's own noise (about 10 % at 64 realisations) are a tie; the
  // tie goes to the grid whose largest run is closest to the target model.
  const narrowest = Math.min(...simulated.map((c) => worstMultiplierWidth(c.sim)));
  const largestOf = (runs: PilotRun[]) => Math.max(...runs.map((r) => r.nonzero));
  const best = simulated
    .filter((c) => worstMultiplierWidth(c.sim) <= narrowest * (1 + WIDTH_TIE))
    .reduce((a, b) => (largestOf(b.runs) > largestOf(a.runs) ? b : a));
  const largest = largestOf(best.runs);
  const factor = settings.targetNonzero / largest;
  return {
    feasible: candidates.length,
    simulated: simulated.length,
    summary: {
      budgetGpuHours,
      runs: best.runs,
      totalGpuHours: best.runs.reduce((s, r) => s + r.gpuHours, 0),
      totalFlops: best.runs.reduce((s, r) => s + r.flops, 0),
      shape: best.grid.shape,
      sizes: [...new Set(best.runs.map((r) => r.nonzero))].sort((a, b) => a - b),
      dataLevels: [...new Set(best.runs.map((r) => r.data))].sort((a, b) => a - b),
      prediction: predicted(best.sim),
      extrapolation: { largestNonzero: largest, factor, capsAtPilotFirst: factor > PILOT_FIRST_EXTRAPOLATION },
    },
  };
}

/** The smallest budget (GPU-hours, rounded up to 2 significant digits) for which a grid meets the rules and the floors. */
export function minimumBudget(input: PilotPlanInput, hardware: Hardware, targetSparsities: readonly number[], targetNonzero: number): number {
  const floors = pilotFloors(input.family);
  const costs = gridShapes(targetSparsities)
    .map((shape) => smallestGrid(shape, input.law.coefficients, floors, hardware.tokensPerUnit))
    .filter((g) => g.sizes[g.sizes.length - 1]! <= targetNonzero)
    .map((g) => gpuHoursOf(g.flops, hardware));
  if (costs.length === 0) {
    throw new InputError('targetNonzero', `${targetNonzero} non-zeros is too small for a pilot grid of 3 sizes above ${floors.nonzero} non-zeros`);
  }
  const hours = Math.min(...costs);
  const magnitude = 10 ** (Math.floor(Math.log10(hours)) - 1);
  return Math.ceil(hours / magnitude) * magnitude;
}

export function planPilot(input: PilotPlanInput): PilotPlan {
  const settings = checkInput(input);
  const hardware: Hardware = { gpuFlops: settings.gpuFlops, utilisation: settings.utilisation, tokensPerUnit: settings.tokensPerUnit };
  const targets: Targets = { sparsities: [...settings.targetSparsities], nonzero: settings.targetNonzero, data: settings.targetData };
  const minimumBudgetGpuHours = minimumBudget(input, hardware, settings.targetSparsities, settings.targetNonzero);
  const base = search(input, settings, hardware, targets, settings.budgetGpuHours);
  if (!base) {
    throw new InputError(
      'budgetGpuHours',
      `${settings.budgetGpuHours} GPU-hours is too small for the minimum design (${PILOT_DESIGN_TEXT}); ` +
        `the smallest budget that works is ${minimumBudgetGpuHours} GPU-hours at this GPU and utilisation`,
    );
  }
  const doubled = search(input, settings, hardware, targets, 2 * settings.budgetGpuHours)!;
  return {
    ...base.summary,
    family: input.family,
    lawName: input.law.name,
    dataUnit: input.law.dataUnit,
    hardware,
    targets,
    seed: settings.seed,
    noise: { sigma: settings.sigma, source: input.sigma === undefined ? PAPER_RESIDUAL_SPREAD[input.family].source : 'given' },
    minimumBudgetGpuHours,
    floors: pilotFloors(input.family),
    search: { shapes: gridShapes(settings.targetSparsities).length, feasible: base.feasible, simulated: base.simulated },
    doubled: doubled.summary,
  };
}
