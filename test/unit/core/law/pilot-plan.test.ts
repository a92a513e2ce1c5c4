import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../../src-main/core/input.js';
import { bootstrapFit } from '../../../../src-main/core/law/bootstrap.js';
import { fitLaw } from '../../../../src-main/core/law/fit.js';
import { pilotRunsCsv } from '../../../../src-main/core/law/pilot-csv.js';
import { designProblem, flopsPerRun, PILOT_RULES } from '../../../../src-main/core/law/pilot-design.js';
import { planPilot, pilotFloors, type PilotPlan, type PilotPlanInput } from '../../../../src-main/core/law/pilot-plan.js';
import { drawLosses } from '../../../../src-main/core/law/pilot-simulation.js';
import { PRESETS } from '../../../../src-main/core/law/presets.js';
import { parseRunsCsv } from '../../../../src-main/core/law/runs-csv.js';
import { seededRandom } from '../../../../src-main/core/random.js';

const A100 = { gpuFlops: 312e12, utilisation: 0.4 };
const vitInput = (patch: Partial<PilotPlanInput> = {}): PilotPlanInput => ({ law: PRESETS.vit, family: 'vit', budgetGpuHours: 200, ...A100, ...patch });

function expectValid(plan: PilotPlan): void {
  expect(designProblem(plan.runs)).toBeNull();
  const levels = (pick: (r: PilotPlan['runs'][number]) => number) => new Set(plan.runs.map(pick)).size;
  expect(levels((r) => r.sparsity)).toBeGreaterThanOrEqual(PILOT_RULES.sparsities);
  expect(levels((r) => r.nonzero)).toBeGreaterThanOrEqual(PILOT_RULES.sizes);
  expect(levels((r) => r.data)).toBeGreaterThanOrEqual(PILOT_RULES.dataAmounts);
  expect(plan.runs.length).toBeGreaterThan(7);
  expect(plan.totalGpuHours).toBeLessThanOrEqual(plan.budgetGpuHours);
  expect(plan.doubled.totalGpuHours).toBeLessThanOrEqual(2 * plan.budgetGpuHours);
  const floors = pilotFloors(plan.family);
  for (const run of [...plan.runs, ...plan.doubled.runs]) {
    expect(run.flops).toBeCloseTo(flopsPerRun(run.nonzero / (1 - run.sparsity), run.data, plan.hardware.tokensPerUnit), -3);
    expect(run.gpuHours).toBeCloseTo(run.flops / (plan.hardware.gpuFlops * plan.hardware.utilisation * 3600), 9);
    expect(run.nonzero).toBeGreaterThanOrEqual(floors.nonzero * 0.999);
    expect(run.data).toBeGreaterThanOrEqual(floors.data * 0.999);
  }
}

describe('a pilot plan for ViT at 200 GPU-hours on an A100-class GPU at 40 %', () => {
  let plan: PilotPlan;
  beforeAll(() => {
    plan = planPilot(vitInput());
  });

  it('meets the design rules and the budget, and spends most of it', () => {
    expectValid(plan);
    expect(plan.totalGpuHours).toBeGreaterThan(0.9 * 200);
  });

  it('charges each run 6·N_dense·D·197 FLOPs (one ViT-B/16 run on 1.8B images ≈ 400 A100-hours)', () => {
    expect(plan.hardware.tokensPerUnit).toBe(197);
    const reference = flopsPerRun(PRESETS.vit.paramCountAtScale1, 1.8e9, 197) / (312e12 * 0.4 * 3600);
    expect(reference).toBeGreaterThan(380);
    expect(reference).toBeLessThan(420);
  });

  it('predicts a 95 % interval around the law’s m(0.75), and what twice the budget buys', () => {
    const m75 = plan.prediction.multiplier.find((m) => m.sparsity === 0.75)!;
    expect(m75.value).toBeCloseTo(2.1724, 3);
    expect(m75.low).toBeLessThan(m75.value);
    expect(m75.high).toBeGreaterThan(m75.value);
    expect(m75.halfWidth).toBeGreaterThan(0.01);
    expect(m75.halfWidth).toBeLessThan(0.5);
    expect(plan.prediction.optimalSparsity.halfWidthPoints).toBeGreaterThan(0);
    expect(plan.doubled.budgetGpuHours).toBe(400);
    expect(plan.doubled.extrapolation.largestNonzero).toBeGreaterThanOrEqual(plan.extrapolation.largestNonzero);
  });

  it('reports how far the largest run is from the target model, and the Pilot-first cap beyond 3×', () => {
    expect(plan.targets.nonzero).toBe(PRESETS.vit.paramCountAtScale1);
    expect(plan.extrapolation.factor).toBeCloseTo(plan.targets.nonzero / Math.max(...plan.runs.map((r) => r.nonzero)), 9);
    expect(plan.extrapolation.capsAtPilotFirst).toBe(plan.extrapolation.factor > 3);
  });

  it('exports a CSV the fitter reads once the losses are filled in', () => {
    const csv = pilotRunsCsv(plan.runs);
    expect(csv.split('\n')[0]).toBe('label,sparsity,nonzero_params,dense_params,data,gpu_hours,loss');
    expect(() => parseRunsCsv(csv)).toThrow(/column loss: is empty/);
    const filled = csv.replace(/,\n/g, ',3.5\n');
    const runs = parseRunsCsv(filled);
    expect(runs).toHaveLength(plan.runs.length);
    runs.forEach((r, i) => expect(r).toMatchObject({ sparsity: plan.runs[i]!.sparsity, nonzero: plan.runs[i]!.nonzero, data: plan.runs[i]!.data, label: plan.runs[i]!.label }));
  });

  it('is the same plan for the same seed', () => {
    const again = planPilot(vitInput());
    expect(again.runs).toEqual(plan.runs);
    expect(again.prediction).toEqual(plan.prediction);
  });
});

describe('every plan satisfies the design rules and the budget', () => {
  const cases: [PilotPlanInput['family'], number, Partial<PilotPlanInput>][] = [
    ['vit', 60, {}],
    ['vit', 3000, { targetSparsities: [0.875] }],
    ['t5', 200, {}],
    ['t5', 1000, { targetSparsities: [0.5, 0.75, 0.9], targetNonzero: 3e8 }],
  ];
  for (const [family, budget, patch] of cases) {
    it(`${family}, ${budget} GPU-hours ${JSON.stringify(patch)}`, () => {
      const plan = planPilot({ law: PRESETS[family], family, budgetGpuHours: budget, ...A100, realisations: 12, ...patch });
      expectValid(plan);
      const top = Math.max(...plan.runs.map((r) => r.sparsity));
      expect(top).toBeGreaterThanOrEqual(Math.max(...plan.targets.sparsities));
      expect(plan.runs.some((r) => r.sparsity === 0)).toBe(true);
    });
  }
});

describe('bad input', () => {
  function field(input: PilotPlanInput): string {
    try {
      planPilot(input);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).field;
    }
    throw new Error('expected an InputError');
  }

  it('refuses a non-positive or non-finite budget, FLOP/s or utilisation, naming it', () => {
    for (const budgetGpuHours of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(field(vitInput({ budgetGpuHours }))).toBe('budgetGpuHours');
    for (const gpuFlops of [0, -1, Number.NaN]) expect(field(vitInput({ gpuFlops }))).toBe('gpuFlops');
    for (const utilisation of [0, 1.2, Number.POSITIVE_INFINITY]) expect(field(vitInput({ utilisation }))).toBe('utilisation');
    expect(field(vitInput({ targetSparsities: [0] }))).toBe('targetSparsities[0]');
  });

  it('names the smallest budget that works when the budget is too small, and that budget works', () => {
    let message = '';
    try {
      planPilot(vitInput({ budgetGpuHours: 5 }));
    } catch (error) {
      expect((error as InputError).field).toBe('budgetGpuHours');
      message = (error as Error).message;
    }
    const smallest = Number(/smallest budget that works is ([\d.]+) GPU-hours/.exec(message)?.[1]);
    expect(smallest).toBeGreaterThan(5);
    expectValid(planPilot(vitInput({ budgetGpuHours: smallest, realisations: 12 })));
    expect(() => planPilot(vitInput({ budgetGpuHours: smallest * 0.8, realisations: 12 }))).toThrow(/smallest budget/);
  });
});

describe('planted: the predicted width matches what a fit of the planned runs gives', () => {
  it('median realised 95 % bootstrap width of m(0.75) over 20 seeded realisations is within ×1.5 of the prediction', () => {
    const sigma = 0.01;
    const truth = PRESETS.vit;
    const plan = planPilot(vitInput({ budgetGpuHours: 100, sigma, seed: 1, targetSparsities: [0.75] }));
    const predicted = plan.prediction.multiplier[0]!.halfWidth;
    const realised: number[] = [];
    for (let r = 0; r < 20; r++) {
      const losses = drawLosses(truth.coefficients, plan.runs, sigma, seededRandom(1000 + r));
      const runs = plan.runs.map((p, i) => ({ sparsity: p.sparsity, nonzero: p.nonzero, data: p.data, loss: losses[i]! }));
      const fit = fitLaw(runs, { huberDelta: 0.01, logResiduals: false, starts: 8, seed: r, dataUnit: 'images' });
      const boot = bootstrapFit(runs, fit, { resamples: 60, seed: r, level: 0.95, reference: { sparsity: 0.75, nonzero: plan.targets.nonzero, data: plan.targets.data }, multiplierSparsities: [0.75] });
      const m = boot.multiplier[0]!.interval;
      realised.push((Math.log(m.high) - Math.log(m.low)) / 2);
    }
    const median = [...realised].sort((a, b) => a - b)[10]!;
    expect(median / predicted).toBeGreaterThan(1 / 1.5);
    expect(median / predicted).toBeLessThan(1.5);
  });
});
