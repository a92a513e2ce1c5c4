import { describe, expect, it } from 'vitest';
import type { BenchmarkResult } from '../../../../src-main/core/hardware/benchmark-result.js';
import { InputError } from '../../../../src-main/core/input.js';
import { evaluateScenario } from '../../../../src-main/core/roi/evaluate.js';
import { explainRecommendation } from '../../../../src-main/core/roi/explain.js';
import { LEVELS, type Level } from '../../../../src-main/core/roi/recommend.js';
import type { Scenario } from '../../../../src-main/core/roi/scenario.js';
import { benchmarkDocument, exampleScenario, measuredRow, scenarioWith } from '../../../support/scenarios.js';

const atMost = (level: Level, cap: Level) => LEVELS.indexOf(level) >= LEVELS.indexOf(cap);

/** A measured benchmark marked as taken on the deployment machine. */
function deploymentBench(rows: ReturnType<typeof measuredRow>[]): BenchmarkResult {
  return { ...benchmarkDocument(rows), role: 'deployment' } as BenchmarkResult;
}

/** A language scenario where sparsity pays: lots of data, a large volume and cheap engineering. */
function favourable(patch: (s: Scenario) => void = () => {}): Scenario {
  return scenarioWith('t5', (s) => {
    s.baseline.params.value = 84_934_656;
    s.baseline.uniqueData.value = 6.5e10;
    s.data.available.value = 6.5e10;
    s.sparsity.candidates = [0.75];
    s.sparsity.includeOptimal = false;
    s.engineering.personDays.value = 2;
    if (s.deployment.kind === 'metered') s.deployment.requestsPerDay.value = 2e7;
    s.deployment.speedup = { ...s.deployment.speedup, source: 'measured', assumed: [] };
    patch(s);
  });
}

describe('decision engine v2', () => {
  it('refuses an assumed speed-up above the physical bound, naming the field', () => {
    const scenario = scenarioWith('vit', (s) => {
      s.deployment.speedup.assumed = [{ sparsity: 0.5, value: 10, low: 9, high: 10 }];
    });
    expect(() => evaluateScenario(scenario)).toThrow(InputError);
    expect(() => evaluateScenario(scenario)).toThrow(/deployment\.speedup\.assumed\.0\.value.*physical bound/);
  });

  it('refuses to decide before the speed-up question is answered', () => {
    const scenario = scenarioWith('vit', (s) => {
      s.deployment.speedup.source = 'unanswered';
    });
    expect(() => evaluateScenario(scenario)).toThrow(/deployment\.speedup\.source/);
  });

  it('goes further than “Pilot first” only on a deployment-machine measurement inside 3× of the fitted range', () => {
    const rows = [measuredRow('cpu', 0.5, 1.6), measuredRow('cpu', 0.75, 2.4)];
    const measured = evaluateScenario(favourable(), deploymentBench(rows));
    expect(measured.recommendation.sparseId).toBe('sparse-0.75');
    expect(measured.recommendation.caps.map((c) => c.reason)).not.toContain('speedup-not-measured-on-deployment-machine');
    expect(['go', 'go-with-conditions']).toContain(measured.recommendation.level);
    // The same rows from a development machine: at most "Pilot first", and the cap says why.
    const development = evaluateScenario(favourable(), benchmarkDocument(rows));
    expect(atMost(development.recommendation.level, 'pilot-first')).toBe(true);
    expect(development.recommendation.caps.map((c) => c.reason)).toContain('speedup-not-measured-on-deployment-machine');
    expect(development.recommendation.confidenceReasons).toContain('speedup-development-machine');
  });

  it('caps upper-bound rows at “Pilot first” (ViT)', () => {
    const upper = (s: number, v: number) => measuredRow('cpu', s, v, { variant: 'upper-bound', kind: 'upper-bound' });
    const scenario = scenarioWith('vit', (s) => {
      s.deployment.speedup = { ...s.deployment.speedup, source: 'measured', useUpperBound: true, assumed: [] };
      if (s.deployment.kind === 'metered') s.deployment.requestsPerDay.value = 1e8;
      s.engineering.personDays.value = 1;
    });
    const result = evaluateScenario(scenario, deploymentBench([upper(0.5, 1.9), upper(0.75, 3.5), upper(0.875, 6), upper(0.9, 7)]));
    expect(result.options.find((o) => o.kind === 'sparse')!.speedup.kind).toBe('upper-bound');
    expect(atMost(result.recommendation.level, 'pilot-first')).toBe(true);
    expect(result.recommendation.confidenceReasons).toContain('speedup-upper-bound');
  });

  it('caps a 70B model on 2e14 tokens (thousands of times outside the fitted range) at “Pilot first”', () => {
    const scenario = favourable((s) => {
      s.baseline.params.value = 70e9;
      s.baseline.uniqueData.value = 2e14;
      s.data.available.value = 2e14;
      s.sparsity.candidates = [0.5];
    });
    const result = evaluateScenario(scenario, deploymentBench([measuredRow('cpu', 0.5, 1.5)]));
    expect(atMost(result.recommendation.level, 'pilot-first')).toBe(true);
    const cap = result.recommendation.caps.find((c) => c.reason === 'extrapolated-beyond-3x');
    expect(cap).toBeDefined();
    expect(Number(cap!.detail.factor)).toBeGreaterThan(1000);
    expect(result.recommendation.headlineNeedsPilot).toBe(true);
  });

  it('calls a saving below the materiality threshold “no material difference”', () => {
    // Find the speed-up at which sparse just breaks even with the alternative, then assume a hair more.
    const base = favourable((s) => (s.engineering.personDays.value = 0));
    const probe = evaluateScenario(base, deploymentBench([measuredRow('cpu', 0.75, 1.2)]));
    const flip = probe.switchingValues.find((v) => v.input === 'speedup')!.value!;
    expect(flip).toBeGreaterThan(1);
    const result = evaluateScenario(base, deploymentBench([measuredRow('cpu', 0.75, flip * 1.001)]));
    const sparse = result.options.find((o) => o.id === result.bestSparseId)!;
    const other = result.options.find((o) => o.id === result.alternativeId)!;
    const advantage = other.cost.total - sparse.cost.total;
    expect(advantage).toBeGreaterThan(0);
    expect(advantage).toBeLessThan(result.recommendation.materiality);
    expect(result.recommendation.caps.map((c) => c.reason)).toContain('no-material-difference');
    expect(atMost(result.recommendation.level, 'not-now')).toBe(true);
    expect(explainRecommendation(result, 'en').verdict).toContain('no material difference');
  });

  it('internal documents: a 50 % sparse option may use more data, and the decision is judged against the smaller dense model', () => {
    const result = evaluateScenario(exampleScenario('internal-documents'));
    const sparse = result.options.find((o) => o.id === 'sparse-0.5')!;
    const baseline = result.options[0]!;
    expect(sparse.uniqueData).toBeGreaterThan(baseline.uniqueData);
    expect(Number.isFinite(sparse.savings)).toBe(true);
    // The best action is the smaller dense model, said first, and the verdict compares sparsity with it.
    expect(result.headlineId).toBe('dense-new');
    expect(result.alternativeId).toBe('dense-new');
    const words = explainRecommendation(result, 'en');
    expect(words.headline).toMatch(/^Recommended: Smaller dense model/);
    expect(words.reasons.hardware).toContain('Smaller dense model');
    // No speed-up within the 2:4 ceiling makes sparsity beat it.
    const speed = result.switchingValues.find((v) => v.input === 'speedup')!;
    expect(speed.beyondPhysicalBound).toBe(true);
    expect(speed.value!).toBeGreaterThan(sparse.speedup.bound);
  });

  it('is reproducible by seed', () => {
    const scenario = exampleScenario('internal-documents');
    const a = evaluateScenario(scenario).monteCarlo;
    const b = evaluateScenario(scenario).monteCarlo;
    expect(b).toEqual(a);
    const c = evaluateScenario({ ...scenario, uncertainty: { ...scenario.uncertainty, seed: scenario.uncertainty.seed + 1 } }).monteCarlo;
    expect(c.headlineSavings.p50).not.toBe(a.headlineSavings.p50);
  });

  it('clips a measured speed-up above the physical bound and says so', () => {
    const result = evaluateScenario(favourable(), deploymentBench([measuredRow('cpu', 0.75, 50)]));
    const sparse = result.options.find((o) => o.kind === 'sparse')!;
    expect(sparse.speedup.clipped).toBe(true);
    expect(sparse.speedup.value).toBeCloseTo(sparse.speedup.bound, 12);
    expect(sparse.speedup.high).toBeLessThanOrEqual(sparse.speedup.bound);
    expect(result.recommendation.confidenceReasons).toContain('speedup-clipped');
    expect(result.recommendation.caps.map((c) => c.reason)).toContain('speedup-not-measured-on-deployment-machine');
  });

  it('labels a published figure as such and caps it like an assumption', () => {
    const scenario = favourable((s) => {
      s.deployment.speedup = { ...s.deployment.speedup, source: 'published', publishedTarget: 'a100-2:4' };
    });
    const lookup = () => ({ range: { low: 1.1, value: 1.25, high: 1.4 }, citations: [{ id: 'A2-bs16', label: 'PyTorch tutorial', speedup: 1.28 }], note: 'A100, 2:4' });
    const result = evaluateScenario(scenario, null, { published: lookup });
    const sparse = result.options.find((o) => o.kind === 'sparse')!;
    expect(sparse.speedup.kind).toBe('published');
    expect(sparse.speedup.citations[0]!.id).toBe('A2-bs16');
    expect(atMost(result.recommendation.level, 'pilot-first')).toBe(true);
    expect(result.recommendation.confidenceReasons).toContain('speedup-published');
    const none = evaluateScenario(scenario, null, { published: () => ({ range: null, citations: [], note: 'no end-to-end figure matches' }) });
    expect(none.options.find((o) => o.kind === 'sparse')!.speedup.kind).toBe('none');
  });
});

describe('an existing (trained) model', () => {
  const trained = (patch: (s: Scenario) => void = () => {}) =>
    scenarioWith('vit', (s) => {
      s.baseline.status = 'trained';
      s.sparsity.candidates = [0.5, 0.75];
      s.sparsity.includeOptimal = false;
      s.deployment.speedup = { ...s.deployment.speedup, source: 'assumed', assumed: [{ sparsity: 0.5, value: 1.5, low: 1.4, high: 1.6 }, { sparsity: 0.75, value: 2.5, low: 2, high: 2.8 }] };
      patch(s);
    });

  it('never counts the sunk training cost as a saving', () => {
    const result = evaluateScenario(trained());
    const keep = result.options[0]!;
    expect(keep.id).toBe('keep');
    expect(keep.cost.upfront).toBe(0);
    for (const option of result.options) expect(option.savings).toBeCloseTo(keep.cost.total - option.cost.total, 6);
    // Retraining from scratch pays full training; keeping pays none.
    const fresh = result.options.find((o) => o.kind === 'sparse')!;
    expect(fresh.cost.training).toBeGreaterThan(0);
  });

  it('shows pruned models as a size equivalent and keeps lower quality apart from the recommendation', () => {
    const result = evaluateScenario(trained());
    const pruned = result.options.filter((o) => o.kind === 'pruned');
    expect(pruned.map((o) => o.id)).toEqual(['pruned-0.5', 'pruned-0.75']);
    for (const o of pruned) {
      expect(o.sizeEquivalent).toBeLessThan(1);
      expect(o.quality).not.toBe('equal');
      expect(o.group).not.toBe('compared');
      expect(result.headlineId).not.toBe(o.id);
    }
    expect(result.recommendation.notes).toContain('pruned-quality-assumed');
  });

  it('never recommends an option below the quality floor, even when accepted lower quality makes others eligible', () => {
    const result = evaluateScenario(
      trained((s) => {
        s.decision.acceptLowerQuality = true;
        s.decision.qualityFloor.value = 0.75;
        if (s.deployment.kind === 'metered') s.deployment.requestsPerDay.value = 1e9;
      }),
    );
    const below = result.options.filter((o) => o.quality === 'below-floor');
    expect(below.length).toBeGreaterThan(0);
    for (const o of below) {
      expect(o.group).toBe('below-floor');
      expect(result.headlineId).not.toBe(o.id);
      expect(result.bestSparseId).not.toBe(o.id);
    }
  });

  it('starts the savings only after the new model is deployed', () => {
    const result = evaluateScenario(
      trained((s) => {
        s.training.gpus.value = 1;
        s.training.utilisation.value = 0.05;
      }),
    );
    const fresh = result.options.find((o) => o.kind === 'sparse')!;
    expect(fresh.deployMonth).toBeGreaterThan(1);
    const beforeDeploy = fresh.cumulativeSavings.slice(0, fresh.deployMonth - 1);
    for (const v of beforeDeploy) expect(v).toBeCloseTo(-fresh.cost.upfront, 3);
  });
});
