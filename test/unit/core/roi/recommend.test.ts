import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src-main/core/input.js';
import { evaluateScenario } from '../../../../src-main/core/roi/evaluate.js';
import { explainRecommendation } from '../../../../src-main/core/roi/explain.js';
import { LEVELS, likelihoodOf } from '../../../../src-main/core/roi/recommend.js';
import { parseScenario } from '../../../../src-main/core/roi/scenario.js';
import { defaultScenario } from '../../../../src-main/core/roi/defaults.js';
import { benchmarkDocument, EXAMPLES, exampleScenario, measuredRow, scenarioWith } from '../../../support/scenarios.js';

/** A language scenario where sparsity clearly pays: huge volume, cheap engineering, a real ×3 at 75 %. */
const favourable = (patch: Parameters<typeof scenarioWith>[1] = () => {}) =>
  scenarioWith('t5', (s) => {
    s.baseline.trainingData.value = 1e12;
    s.baseline.availableData.value = 1e12;
    s.deployment.requestsPerDay.value = 5e7;
    s.engineering.personDays.value = 5;
    s.deployment.speedup = { source: 'benchmark', provider: 'cpu', useUpperBound: false, assumed: [] };
    s.deployment.unitsPerRequest.value = 197;
    s.sparsity.candidates = [0.75];
    s.sparsity.includeOptimal = false;
    patch(s);
  });
const fastHardware = benchmarkDocument([measuredRow('cpu', 0.5, 2), measuredRow('cpu', 0.75, 3), measuredRow('cpu', 0.9, 4)]);

describe('recommendation', () => {
  it('says Go when sparsity clearly pays on measured hardware', () => {
    const result = evaluateScenario(favourable(), fastHardware);
    expect(result.recommendation.probability).toBeGreaterThan(0.9);
    expect(['go', 'go-with-conditions']).toContain(result.recommendation.level);
    expect(result.recommendation.reasons.hardware.kind).toBe('measured');
    expect(result.recommendation.reasons.hardware.speedup).toBeCloseTo(3, 9);
  });

  it('S_opt = 0: sparsity is not recommended, and the reason is given', () => {
    const result = evaluateScenario(favourable((s) => (s.baseline.trainingData.value = s.baseline.availableData.value = 1e9)), fastHardware);
    expect(result.optimal.sparsity).toBe(0);
    expect(result.recommendation.caps).toContain('optimal-sparsity-zero');
    expect(LEVELS.indexOf(result.recommendation.level)).toBeGreaterThanOrEqual(LEVELS.indexOf('not-now'));
    const words = explainRecommendation(result, 'en');
    expect(words.caps.join(' ')).toContain('optimal sparsity is 0');
    expect(words.reasons.dataVolume).toContain('optimal sparsity is 0');
  });

  it('a measured speed-up of ×1 or less with any pruning cost is never Go', () => {
    const slow = benchmarkDocument([measuredRow('cpu', 0.75, 0.98)]);
    const result = evaluateScenario(favourable((s) => (s.deployment.requestsPerDay.value = 1e12)), slow);
    expect(result.recommendation.caps).toContain('no-measured-speedup');
    expect(result.recommendation.level).not.toBe('go');
    expect(result.recommendation.level).not.toBe('go-with-conditions');
  });

  it('a missing hardware result means assumed speed-ups and lower confidence', () => {
    const measured = evaluateScenario(favourable(), fastHardware);
    const missing = evaluateScenario(favourable((s) => (s.deployment.speedup.assumed = [{ sparsity: 0.75, value: 3 }])), null);
    const best = missing.options.find((o) => o.id === missing.bestSparseId)!;
    expect(best.speedup.kind).toBe('assumed');
    expect(best.speedup.note).toContain('no hardware check');
    expect(missing.recommendation.confidenceReasons).toContain('speedup-assumed');
    const order = ['high', 'medium', 'low', 'very-low'];
    expect(order.indexOf(missing.recommendation.confidence)).toBeGreaterThan(order.indexOf(measured.recommendation.confidence));
    expect(missing.recommendation.conditions).toContain('confirm-speedup-on-deployment-hardware');
  });

  it('zero inference volume: no savings to make, no NaN anywhere', () => {
    const result = evaluateScenario(favourable((s) => (s.deployment.requestsPerDay.value = 0)), fastHardware);
    expect(result.recommendation.level).toBe('no');
    expect(result.recommendation.caps).toContain('no-inference-volume');
    const numbers = JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `BAD:${v}` : v));
    expect(numbers).not.toContain('BAD:');
    const best = result.options.find((o) => o.id === result.bestSparseId)!;
    expect(best.breakEven.speedup).toBeNull();
    expect(best.breakEven.paybackMonth).toBeNull();
  });

  it('confidence drops when the law is extrapolated far', () => {
    const result = evaluateScenario(favourable((s) => (s.baseline.params.value = 1e11)), fastHardware);
    expect(result.recommendation.confidenceReasons).toContain('law-far-extrapolated');
  });

  it('uses calibrated likelihood words', () => {
    expect(likelihoodOf(0.995)).toBe('virtually-certain');
    expect(likelihoodOf(0.9)).toBe('very-likely');
    expect(likelihoodOf(0.7)).toBe('likely');
    expect(likelihoodOf(0.5)).toBe('about-as-likely-as-not');
    expect(likelihoodOf(0.2)).toBe('unlikely');
    expect(likelihoodOf(0.05)).toBe('very-unlikely');
    expect(likelihoodOf(0)).toBe('exceptionally-unlikely');
  });

  it('explains itself in both languages with the numbers', () => {
    const result = evaluateScenario(favourable(), fastHardware);
    const en = explainRecommendation(result, 'en');
    const ja = explainRecommendation(result, 'ja');
    expect(en.reasons.hardware).toMatch(/measured speed-up at 75% on CPU is ×3/);
    expect(ja.reasons.hardware).toContain('スパース率75%（CPU）での速度向上は3倍（実測値）');
    expect(ja.headline).toMatch(/[\u3040-\u30ff]/);
    for (const text of [...Object.values(en.reasons), ...Object.values(ja.reasons)]) expect(text).not.toMatch(/\{\{|undefined|NaN/);
  });
});

describe('Monte Carlo', () => {
  it('is reproducible by seed and moves with it', () => {
    const a = evaluateScenario(exampleScenario('internal-documents')).monteCarlo;
    const b = evaluateScenario(exampleScenario('internal-documents')).monteCarlo;
    expect(a).toEqual(b);
    const other = evaluateScenario(scenarioWithSeed(7)).monteCarlo;
    expect(other.p50).not.toBe(a.p50);
    expect(a.p10).toBeLessThanOrEqual(a.p50);
    expect(a.p50).toBeLessThanOrEqual(a.p90);
    expect(a.histogram.reduce((n, b) => n + b.count, 0)).toBeGreaterThan(0.98 * a.draws);
  });
});

function scenarioWithSeed(seed: number) {
  const s = exampleScenario('internal-documents');
  s.uncertainty.seed = seed;
  return s;
}

describe('worked examples', () => {
  it.each(EXAMPLES)('%s exists in English and Japanese with the same numbers', (name) => {
    const en = exampleScenario(name, 'en');
    const ja = exampleScenario(name, 'ja');
    expect(ja.name).not.toBe(en.name);
    expect(ja.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const strip = (s: unknown) => JSON.stringify(s, (k, v) => (k === 'name' || k === 'description' || k === 'note' ? undefined : v));
    expect(strip(ja)).toBe(strip(en));
    expect(evaluateScenario(en).recommendation).toEqual(evaluateScenario(ja).recommendation);
  });
});

describe('scenario validation', () => {
  const bad = (patch: (s: any) => void) => {
    const s = structuredClone(defaultScenario('vit')) as any;
    patch(s);
    return s;
  };
  const cases: [string, (s: any) => void, string][] = [
    ['negative volume', (s) => (s.deployment.requestsPerDay.value = -5), 'scenario.deployment.requestsPerDay.value'],
    ['utilisation above 1', (s) => (s.training.utilisation.value = 1.5), 'scenario.training.utilisation.value'],
    ['sparsity of 1', (s) => (s.sparsity.candidates = [0.5, 1]), 'scenario.sparsity.candidates.1'],
    ['a fractional horizon', (s) => (s.deployment.horizonMonths.value = 12.5), 'scenario.deployment.horizonMonths.value'],
    ['a 100-year horizon', (s) => (s.deployment.horizonMonths.value = 1200), 'scenario.deployment.horizonMonths.value'],
    ['tokens for a vision model', (s) => (s.baseline.trainingData.unit = 'tokens'), 'scenario.baseline.trainingData.unit'],
    ['less data available than trained on', (s) => (s.baseline.availableData.value = 1), 'scenario.baseline.availableData.value'],
    ['a wrong unit', (s) => (s.training.peakFlops.unit = 'TFLOP/s'), 'scenario.training.peakFlops.unit'],
    ['a missing field', (s) => delete s.engineering.dayRate, 'scenario.engineering.dayRate'],
    ['a bad currency', (s) => (s.currency = 'yen'), 'scenario.currency'],
    ['assumed speed-ups without values', (s) => (s.deployment.speedup = { source: 'assumed', provider: 'cpu', useUpperBound: false, assumed: [] }), 'scenario.deployment.speedup.assumed'],
    ['a lognormal range through zero', (s) => (s.uncertainty.ranges = { requestsPerDay: { low: 0, high: 5, distribution: 'lognormal' } }), 'scenario.uncertainty.ranges.requestsPerDay.low'],
    ['NaN', (s) => (s.deployment.pricePerHour.value = NaN), 'scenario.deployment.pricePerHour.value'],
  ];
  it.each(cases)('refuses %s, naming the field', (_what, patch, field) => {
    try {
      parseScenario(bad(patch));
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
  });
  it('accepts the defaults', () => {
    expect(() => parseScenario(defaultScenario('vit'))).not.toThrow();
    expect(() => parseScenario(defaultScenario('t5'))).not.toThrow();
  });
});
