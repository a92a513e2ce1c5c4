import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src-main/core/input.js';
import { defaultFleet, defaultScenario } from '../../../../src-main/core/roi/defaults.js';
import { evaluateScenario } from '../../../../src-main/core/roi/evaluate.js';
import { explainRecommendation } from '../../../../src-main/core/roi/explain.js';
import { parseScenario, type Scenario } from '../../../../src-main/core/roi/scenario.js';
import { seededRandom, type Random } from '../../../../src-main/core/random.js';

/** 10,000 random valid scenarios, split over two files so that two workers share the work. */
export const SCENARIOS = 10_000;
const FLEET_SHARE = Number(process.env.FLEET_SHARE ?? 0.3);

function logUniform(random: Random, low: number, high: number): number {
  return Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low)));
}

/** A random scenario inside every field's domain; `null` when the draw is one the schema rightly refuses. */
export function randomScenario(random: Random): Scenario | null {
  const preset = random() < 0.5 ? 'vit' : 't5';
  const s = structuredClone(defaultScenario(preset));
  s.baseline.status = random() < 0.4 ? 'trained' : 'planned';
  s.baseline.params.value = logUniform(random, 1e5, 1e11);
  s.baseline.uniqueData.value = logUniform(random, 1e6, 1e13);
  s.baseline.passes.value = random() < 0.5 ? 1 : logUniform(random, 1, 200);
  s.data.available.value = s.baseline.uniqueData.value * logUniform(random, 1, 100);
  s.data.costPerUnit.value = random() < 0.5 ? 0 : logUniform(random, 1e-9, 1e-2);
  s.sparsity.pattern = random() < 0.2 ? '2:4' : 'unstructured';
  s.sparsity.candidates = [0.5, 0.75, 0.9].filter(() => random() < 0.7);
  if (s.sparsity.candidates.length === 0) s.sparsity.candidates = [0.5];
  s.sparsity.includeOptimal = random() < 0.5;
  s.training.gpus.value = 1 + Math.floor(random() * 64);
  s.training.utilisation.value = logUniform(random, 0.01, 1);
  s.engineering.personDays.value = random() < 0.2 ? 0 : logUniform(random, 0.5, 500);
  s.pruning.retrainData.value = random() < 0.2 ? 0 : s.baseline.uniqueData.value * logUniform(random, 0.001, 2);
  s.decision.discountRate.value = -0.2 + random() * 0.5;
  s.decision.materiality.value = random() * 0.1;
  s.decision.qualityFloor.value = 0.5 + random() * 0.5;
  s.decision.acceptLowerQuality = random() < 0.3;
  if (random() < FLEET_SHARE) {
    const fleet = defaultFleet(s);
    fleet.lines = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => ({
      name: `Line ${i + 1}`, devices: 1 + Math.floor(random() * 10), deviceAgeMonths: random() * 80, peakRequestsPerSecond: random() < 0.1 ? 0 : logUniform(random, 0.01, 100),
    }));
    fleet.throughput.requestsPerSecond = logUniform(random, 0.1, 1000);
    fleet.throughput.latencyMs = logUniform(random, 1, 5000);
    fleet.latencyBudgetMs.value = logUniform(random, 10, 10000);
    s.deployment = fleet;
  } else if (s.deployment.kind === 'metered') {
    s.deployment.requestsPerDay.value = random() < 0.1 ? 0 : logUniform(random, 1, 1e9);
    s.deployment.utilisation.value = logUniform(random, 0.01, 1);
  }
  s.deployment.horizonMonths.value = 1 + Math.floor(random() * 120);
  s.deployment.growthPerMonth.value = -0.2 + random() * 0.4;
  const speed = s.deployment.speedup;
  speed.source = 'assumed';
  speed.assumed = [{ sparsity: 0.5, value: 1 + random() * 0.5, low: 0.8, high: 1.5 }];
  speed.assumed[0]!.high = Math.max(speed.assumed[0]!.high, speed.assumed[0]!.value);
  if (random() < 0.5) s.uncertainty.ranges.engineeringDays = { low: s.engineering.personDays.value * 0.5, high: s.engineering.personDays.value * 3, distribution: 'triangular' };
  s.uncertainty.draws = 100;
  s.uncertainty.seed = Math.floor(random() * 1e9);
  try {
    return parseScenario(s);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/** Every number anywhere in a result: none may be NaN or ±Infinity (null stands for "none"). */
export function nonFinite(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    Array.from(value as ArrayLike<unknown>).forEach((v, i) => nonFinite(v, `${path}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

export function runProperty(seed: number, count: number): void {
  const random = seededRandom(seed);
  let evaluated = 0;
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const scenario = randomScenario(random);
    if (!scenario) {
      refused++;
      continue;
    }
    let result;
    try {
      result = evaluateScenario(scenario);
    } catch (error) {
      // An assumed speed-up above a small model's physical bound is refused by design, naming the field.
      if (error instanceof InputError && /speedup\.assumed/.test(error.field)) {
        refused++;
        continue;
      }
      throw error;
    }
    const bad = nonFinite(result);
    // The law's size factors may be Infinity for infeasible vectors; they are counted, never output.
    expect(bad, `scenario ${i}: ${bad.slice(0, 3).join(', ')}`).toEqual([]);
    const words = explainRecommendation(result, i % 2 ? 'ja' : 'en');
    expect(JSON.stringify(words)).not.toMatch(/NaN|Infinity|undefined/);
    evaluated++;
  }
  expect(evaluated).toBeGreaterThan(count * 0.8);
  expect(refused).toBeLessThan(count * 0.2);
}

describe('every output is finite', () => {
  it(`for ${SCENARIOS / 2} random valid scenarios (first half)`, () => runProperty(20261129, Number(process.env.PROPERTY_COUNT ?? SCENARIOS / 2)), 600_000);
});
