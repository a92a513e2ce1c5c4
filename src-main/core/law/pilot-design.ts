/**
 * Pilot-run grids: what a run costs, the design rules a plan must meet (the fitter accepts it
 * and both held-out checks can run), and the family of full-factorial grids the planner
 * searches, each scaled to spend a budget. Pure; used by pilot-plan.ts (docs/method.md §4.8).
 */
import type { LawCoefficients } from './coefficients.js';
import { checkDesign, type Run } from './fit.js';

/** One proposed training run. */
export interface PilotRun {
  label: string;
  sparsity: number;
  /** Non-zero block parameters after pruning. */
  nonzero: number;
  /** Block parameters of the dense model that is trained and pruned: N/(1 − S). */
  denseParams: number;
  /** Training data in the law's unit (images or tokens). */
  data: number;
  /** 6·N_dense·D·tokens-per-unit. */
  flops: number;
  gpuHours: number;
}

/** A full-factorial grid: every sparsity × every size × every data amount. */
export interface GridShape {
  sparsities: number[];
  sizeCount: number;
  /** Ratio between neighbouring model sizes (non-zeros). */
  sizeStep: number;
  dataCount: number;
  /** Ratio between neighbouring data amounts. */
  dataStep: number;
  /** The longest training as a multiple of the dense compute-optimal data of the largest size (D_max/D_opt(N_max)). */
  dataPerOptimal: number;
}

export interface ScaledGrid {
  shape: GridShape;
  /** Non-zero levels, smallest first. */
  sizes: number[];
  /** Data levels, smallest first. */
  dataLevels: number[];
  flops: number;
}

export interface Hardware {
  /** Peak FLOP/s of one GPU. */
  gpuFlops: number;
  /** Share of peak reached in training, in (0, 1]. */
  utilisation: number;
  /** Tokens per data unit: 197 per 224×224 image for ViT-B/16, 1 for text. */
  tokensPerUnit: number;
}

/** Design rules for a pilot grid (issue 15): enough levels to fit and to leave the largest size and the longest training out. */
export const PILOT_RULES = { sparsities: 3, sizes: 3, dataAmounts: 4, minRuns: 8 } as const;

/** Sparsity levels the planner picks from: the paper's ladder [R], plus any target the user names. */
export const SPARSITY_LADDER = [0.5, 0.75, 0.875, 0.9375] as const;

export function flopsPerRun(denseParams: number, data: number, tokensPerUnit: number): number {
  return 6 * denseParams * data * tokensPerUnit;
}

export function gpuHoursOf(flops: number, hardware: Hardware): number {
  return flops / (hardware.gpuFlops * hardware.utilisation * 3600);
}

export function flopsOfGpuHours(gpuHours: number, hardware: Hardware): number {
  return gpuHours * 3600 * hardware.gpuFlops * hardware.utilisation;
}

function levels(top: number, step: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => top / step ** (count - 1 - i));
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** FLOPs of a grid per unit of N_max·D_max: 6·T·Σ1/(1−S)·Σ(N/N_max)·Σ(D/D_max). */
export function gridFlopsFactor(shape: GridShape, tokensPerUnit: number): number {
  return (
    6 *
    tokensPerUnit *
    sum(shape.sparsities.map((s) => 1 / (1 - s))) *
    sum(levels(1, shape.sizeStep, shape.sizeCount)) *
    sum(levels(1, shape.dataStep, shape.dataCount))
  );
}

/** D_opt(N) = A·N^(b_N/b_D), the dense compute-optimal data (optimal.ts). */
function denseOptimal(k: LawCoefficients): { scale: number; power: number } {
  return { scale: k.aD * (k.bD / (k.bN * (k.aS + k.cS))) ** (1 / k.bD), power: k.bN / k.bD };
}

export function gridAt(shape: GridShape, largestSize: number, longestData: number, tokensPerUnit: number): ScaledGrid {
  return {
    shape,
    sizes: levels(largestSize, shape.sizeStep, shape.sizeCount),
    dataLevels: levels(longestData, shape.dataStep, shape.dataCount),
    flops: gridFlopsFactor(shape, tokensPerUnit) * largestSize * longestData,
  };
}

/**
 * The grid of this shape that spends `flops`: D_max = κ·D_opt(N_max) makes the cost
 * c·N_max^(1 + b_N/b_D), solved in closed form. Sizes above `maxSize` (the target model) are
 * pointless for a pilot: the size is capped there and the rest goes into data.
 */
export function scaleToBudget(shape: GridShape, k: LawCoefficients, flops: number, tokensPerUnit: number, maxSize: number): ScaledGrid {
  const factor = gridFlopsFactor(shape, tokensPerUnit);
  const { scale, power } = denseOptimal(k);
  let size = (flops / (factor * shape.dataPerOptimal * scale)) ** (1 / (1 + power));
  let data = shape.dataPerOptimal * scale * size ** power;
  if (size > maxSize) {
    size = maxSize;
    data = flops / (factor * size);
  }
  return gridAt(shape, size, data, tokensPerUnit);
}

/** The cheapest grid of this shape whose smallest size and shortest training reach the floors. */
export function smallestGrid(shape: GridShape, k: LawCoefficients, floors: { nonzero: number; data: number }, tokensPerUnit: number): ScaledGrid {
  const { scale, power } = denseOptimal(k);
  const sizeForSizes = floors.nonzero * shape.sizeStep ** (shape.sizeCount - 1);
  const dataNeeded = floors.data * shape.dataStep ** (shape.dataCount - 1);
  const sizeForData = (dataNeeded / (shape.dataPerOptimal * scale)) ** (1 / power);
  const size = Math.max(sizeForSizes, sizeForData);
  return gridAt(shape, size, shape.dataPerOptimal * scale * size ** power, tokensPerUnit);
}

export function meetsFloors(grid: ScaledGrid, floors: { nonzero: number; data: number }): boolean {
  // A relative slack of 1e-9 absorbs the rounding of the closed-form scale.
  return grid.sizes[0]! >= floors.nonzero * (1 - 1e-9) && grid.dataLevels[0]! >= floors.data * (1 - 1e-9);
}

/** Rounds down to 3 significant digits, so a rounded plan never costs more than the exact one. */
export function roundDown3(value: number): number {
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.floor(value / magnitude + 1e-9) * magnitude;
}

/** The runs of a grid, sizes and data rounded down to 3 significant digits. */
export function gridRuns(grid: ScaledGrid, hardware: Hardware): PilotRun[] {
  const runs: PilotRun[] = [];
  const sizes = grid.sizes.map(roundDown3);
  const data = grid.dataLevels.map(roundDown3);
  for (const nonzero of sizes)
    for (const sparsity of grid.shape.sparsities)
      for (const d of data) {
        const denseParams = nonzero / (1 - sparsity);
        const flops = flopsPerRun(denseParams, d, hardware.tokensPerUnit);
        runs.push({ label: '', sparsity, nonzero, denseParams, data: d, flops, gpuHours: gpuHoursOf(flops, hardware) });
      }
  return runs.map((r, i) => ({ ...r, label: `pilot-${String(i + 1).padStart(2, '0')}` }));
}

function distinct(values: number[]): number {
  return new Set(values.map((v) => v.toPrecision(12))).size;
}

/**
 * Whether runs meet the design rules: at least 3 sparsities, 3 sizes and 4 data amounts, more
 * than 7 runs, and what is left after leaving out the largest size or the longest training can
 * still be fitted. Returns the broken rule, or null.
 */
export function designProblem(runs: readonly Pick<Run, 'sparsity' | 'nonzero' | 'data'>[]): string | null {
  const withLoss: Run[] = runs.map((r) => ({ ...r, loss: 1 }));
  const count = (pick: (r: Run) => number) => distinct(withLoss.map(pick));
  if (count((r) => r.sparsity) < PILOT_RULES.sparsities) return `fewer than ${PILOT_RULES.sparsities} sparsity levels`;
  if (count((r) => r.nonzero) < PILOT_RULES.sizes) return `fewer than ${PILOT_RULES.sizes} model sizes`;
  if (count((r) => r.data) < PILOT_RULES.dataAmounts) return `fewer than ${PILOT_RULES.dataAmounts} data amounts`;
  if (withLoss.length < PILOT_RULES.minRuns) return `fewer than ${PILOT_RULES.minRuns} runs`;
  const largest = Math.max(...withLoss.map((r) => r.nonzero));
  const longest = Math.max(...withLoss.map((r) => r.data));
  for (const [what, kept] of [
    ['without the largest size', withLoss.filter((r) => r.nonzero < largest * (1 - 1e-9))],
    ['without the longest training', withLoss.filter((r) => r.data < longest * (1 - 1e-9))],
  ] as const) {
    try {
      checkDesign(kept);
    } catch (error) {
      return `${what}: ${(error as Error).message}`;
    }
  }
  return null;
}

/**
 * The sparsity sets worth trying: always dense (m(S) is relative to it), 3 or 4 levels, topped
 * by the largest target or the next ladder level above it, so the targets are never extrapolated.
 */
export function sparsitySets(targets: readonly number[]): number[][] {
  const ladder = [...new Set([...SPARSITY_LADDER, ...targets])].sort((a, b) => a - b);
  const highest = Math.max(...targets);
  const tops = ladder.filter((s) => s >= highest).slice(0, 2);
  const sets: number[][] = [];
  for (const top of tops) {
    const below = ladder.filter((s) => s < top);
    // Every choice of 1 or 2 levels below the top.
    for (let i = 0; i < below.length; i++) {
      sets.push([0, below[i]!, top]);
      for (let j = i + 1; j < below.length; j++) sets.push([0, below[i]!, below[j]!, top]);
    }
  }
  return sets;
}

/**
 * Longest training as a multiple of the dense compute-optimal data: from well below it to far
 * past it (the paper's grids reach about 2× for ViT and 43× for T5).
 */
export const DATA_PER_OPTIMAL = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256] as const;

/** Every grid shape the planner considers for these targets. */
export function gridShapes(targets: readonly number[]): GridShape[] {
  const shapes: GridShape[] = [];
  for (const sparsities of sparsitySets(targets))
    for (const sizeCount of [3, 4])
      for (const sizeStep of [2, 4])
        for (const dataCount of [4, 5])
          for (const dataPerOptimal of DATA_PER_OPTIMAL)
            shapes.push({ sparsities, sizeCount, sizeStep, dataCount, dataStep: 2, dataPerOptimal });
  return shapes;
}
