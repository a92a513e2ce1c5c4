import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../../src-main/core/roi/defaults.js';
import { parseScenario, type Scenario } from '../../../../src-main/core/roi/scenario.js';
import { readScenario } from '../../../../src-main/core/roi/scenario-migrate.js';
import { REPO_ROOT } from '../../../support/cli.js';

function refused(patch: (s: Record<string, any>) => void): string {
  const doc = structuredClone(defaultScenario('vit')) as Record<string, any>;
  doc.deployment.speedup.source = 'assumed';
  doc.deployment.speedup.assumed = [{ sparsity: 0.5, value: 1.5, low: 1.3, high: 1.6 }];
  patch(doc);
  try {
    parseScenario(doc);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario format v2', () => {
  it('accepts the defaults of both families', () => {
    expect(() => parseScenario(defaultScenario('vit'))).not.toThrow();
    expect(() => parseScenario(defaultScenario('t5'))).not.toThrow();
  });

  it('is strict: an unknown key is refused, never dropped', () => {
    expect(refused((s) => (s.deployment.fleetSize = 3))).toMatch(/scenario\.deployment/);
    expect(refused((s) => (s.baseline.extra = 1))).toMatch(/scenario\.baseline/);
  });

  it('refuses ranges that leave their domain or do not contain their base value', () => {
    expect(refused((s) => (s.uncertainty.ranges.inferenceUtilisation = { low: -1, high: 0, distribution: 'triangular' }))).toMatch(
      /uncertainty\.ranges\.inferenceUtilisation\.low/,
    );
    expect(refused((s) => (s.uncertainty.ranges.growthPerMonth = { low: 1, high: 1e6, distribution: 'triangular' }))).toMatch(
      /uncertainty\.ranges\.growthPerMonth/,
    );
    expect(refused((s) => (s.uncertainty.ranges.requestsPerDay = { low: 1, high: 10, distribution: 'triangular' }))).toMatch(
      /requestsPerDay\.high: must not be below the base value/,
    );
    expect(refused((s) => (s.uncertainty.ranges.requestsPerDay = { low: 0, high: 2e5, distribution: 'lognormal' }))).toMatch(/lognormal/);
    expect(refused((s) => (s.uncertainty.ranges.devicePrice = { low: 1, high: 2, distribution: 'triangular' }))).toMatch(/fleet/);
  });

  it('refuses a speed-up range of zero, a range that excludes its value, and two assumptions for one sparsity', () => {
    expect(refused((s) => (s.deployment.speedup.assumed = [{ sparsity: 0.5, value: 1.5, low: 0, high: 0 }]))).toMatch(/assumed\.0\.low/);
    expect(refused((s) => (s.deployment.speedup.assumed = [{ sparsity: 0.5, value: 1.5, low: 1.6, high: 2 }]))).toMatch(/assumed\.0\.low/);
    expect(
      refused((s) => (s.deployment.speedup.assumed = [{ sparsity: 0.5, value: 1.5, low: 1.3, high: 1.6 }, { sparsity: 0.5, value: 1.2, low: 1.1, high: 1.3 }])),
    ).toMatch(/assumed\.1\.sparsity: must not repeat/);
  });

  it('refuses dates that do not exist, non-finite numbers, and more unique data than is available', () => {
    expect(refused((s) => (s.baseline.params.source.date = '2026-99-99'))).toMatch(/baseline\.params\.source\.date: must be a real calendar date/);
    expect(refused((s) => (s.baseline.params.value = Number.NaN))).toMatch(/baseline\.params\.value/);
    expect(refused((s) => (s.baseline.uniqueData.value = 1e15))).toMatch(/baseline\.uniqueData\.value: must not exceed/);
    expect(refused((s) => (s.decision.discountRate.value = 2))).toMatch(/decision\.discountRate\.value/);
    expect(refused((s) => (s.baseline.passes.value = 0.5))).toMatch(/baseline\.passes\.value/);
  });

  it('checks a fleet: whole devices, step changes inside the horizon', () => {
    const fleet = (patch: (d: Record<string, any>) => void) =>
      refused((s) => {
        s.deployment = {
          ...s.deployment, kind: 'fleet', lines: [{ name: 'L1', devices: 2, deviceAgeMonths: 0, peakRequestsPerSecond: 5 }], steps: [],
          latencyBudgetMs: { value: 500, unit: 'ms' }, maxUtilisation: { value: 0.8, unit: 'fraction' }, devicePrice: { value: 1000, unit: 'currency/device' },
          deviceLifeMonths: { value: 60, unit: 'months' }, powerWatts: { value: 100, unit: 'W/device' }, electricityPrice: { value: 0.2, unit: 'currency/kWh' },
          hoursPerDay: { value: 16, unit: 'hours/day' }, throughput: { requestsPerSecond: 10, latencyMs: 100, kind: 'entered', benchmarkId: null },
        };
        delete s.deployment.requestsPerDay;
        delete s.deployment.pricePerHour;
        delete s.deployment.peakFlops;
        delete s.deployment.utilisation;
        patch(s.deployment);
      });
    expect(fleet((d) => (d.lines[0].devices = 1.5))).toMatch(/lines\.0\.devices: must be a whole number/);
    expect(fleet((d) => (d.lines[0].devices = 0))).toMatch(/lines\.0\.devices/);
    expect(fleet((d) => (d.steps = [{ month: 400, name: 'new lines', addLines: 2, peakRequestsPerSecondPerLine: 3 }]))).toMatch(/steps\.0\.month/);
    expect(fleet((d) => (d.steps = [{ month: 36, name: 'new lines', addLines: 2, peakRequestsPerSecondPerLine: 3 }]))).toMatch(/inside the horizon/);
  });

  it('cleans control and bidi characters out of names', () => {
    const doc = structuredClone(defaultScenario('vit'));
    doc.name = 'Line\u202e 3\u001b[31m';
    expect(parseScenario(doc).name).toBe('Line 3 [31m');
  });
});

describe('reading v1 documents', () => {
  const v1 = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/scenarios-v1', `${name}.json`), 'utf8'));

  it('migrates every v1 example into a valid v2 scenario, labelling what it filled in', () => {
    for (const name of ['visual-inspection.en', 'internal-documents.en', 'visual-inspection.ja', 'internal-documents.ja']) {
      const doc = v1(name);
      const s: Scenario = readScenario(doc, name);
      expect(s.version).toBe(2);
      expect(s.baseline.status).toBe('planned');
      expect(s.baseline.uniqueData.value).toBe(doc.baseline.trainingData.value);
      expect(s.baseline.passes.source?.kind).toBe('migrated');
      expect(s.pruning.retrainData.value).toBeCloseTo(doc.pruning.retrainFraction.value * doc.baseline.trainingData.value, 0);
      expect(s.decision.discountRate.value).toBe(0);
    }
  });

  it('turns a v1 speed-up factor range into absolute ×', () => {
    const doc = v1('internal-documents.en');
    doc.uncertainty.ranges.speedup = { low: 0.8, high: 1.6, distribution: 'triangular' };
    const s = readScenario(doc);
    const assumed = s.deployment.speedup.assumed[0]!;
    expect(assumed.low).toBeCloseTo(assumed.value * 0.8, 12);
    expect(assumed.high).toBeCloseTo(assumed.value * 1.6, 12);
  });

  it('refuses an unknown version, naming the field', () => {
    expect(() => readScenario({ ...v1('internal-documents.en'), version: 7 })).toThrow(/scenario\.version/);
  });
});
