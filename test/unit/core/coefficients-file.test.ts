import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import {
  coefficientsDocumentFromFit,
  parseCoefficientsDocument,
} from '../../../src-main/core/law/coefficients-file.js';
import { fitLaw } from '../../../src-main/core/law/fit.js';
import { loss } from '../../../src-main/core/law/law.js';
import { t5Runs } from '../../support/paper-runs.js';

describe('coefficients document', () => {
  const fit = fitLaw(t5Runs(), { huberDelta: 0.001, logResiduals: true, starts: 4, seed: 1, dataUnit: 'tokens' });
  const document = coefficientsDocumentFromFit(fit, 'pilot', 'fit of 48 runs');

  it('round-trips a fit through JSON into a law that predicts the same losses', () => {
    const law = parseCoefficientsDocument(JSON.parse(JSON.stringify(document)));
    expect(law.coefficients).toEqual(fit.coefficients);
    expect(law.fittedRange).toEqual(fit.diagnostics.ranges);
    expect(law.dataUnit).toBe('tokens');
    const run = fit.diagnostics.runs[0]!;
    expect(loss(law, run)).toBeCloseTo(run.predicted, 12);
  });

  it('names the bad field', () => {
    const bad = (patch: object) => ({ ...JSON.parse(JSON.stringify(document)), ...patch });
    const cases: [unknown, string][] = [
      [bad({ coefficients: { ...document.coefficients, bN: -0.2 } }), 'file.coefficients.bN'],
      [bad({ coefficients: { ...document.coefficients, aS: 'x' } }), 'file.coefficients.aS'],
      [bad({ dataUnit: 'steps' }), 'file.dataUnit'],
      [bad({ format: 'something-else' }), 'file.format'],
      [bad({ fittedRange: { ...document.fittedRange, data: { min: 5, max: 1 } } }), 'file.fittedRange.data'],
      [null, 'file'],
    ];
    for (const [value, field] of cases) {
      try {
        parseCoefficientsDocument(value, 'file');
        throw new Error('expected an error');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).field).toBe(field);
      }
    }
  });
});

describe('the law’s own uncertainty from a bootstrap', () => {
  it('is stored with the coefficients and drives the ROI Monte Carlo of a custom law', async () => {
    const { bootstrapFit, defaultReference } = await import('../../../src-main/core/law/bootstrap.js');
    const { evaluateScenario } = await import('../../../src-main/core/roi/evaluate.js');
    const { scenarioWith } = await import('../../support/scenarios.js');
    const runs = t5Runs();
    const fit = fitLaw(runs, { huberDelta: 0.001, logResiduals: true, starts: 4, seed: 1, dataUnit: 'tokens' });
    const bootstrap = bootstrapFit(runs, fit, { resamples: 12, seed: 5, level: 0.95, reference: defaultReference(runs), multiplierSparsities: [0.5, 0.75] });
    const document = coefficientsDocumentFromFit(fit, 'pilot', 'fit of 48 runs', bootstrap);
    const spread = document.uncertainty!.multiplierExcess90;
    expect(spread.low).toBeLessThanOrEqual(1);
    expect(spread.high).toBeGreaterThanOrEqual(1);
    expect(spread.high / spread.low).toBeGreaterThan(1.01);
    expect(document.uncertainty).toMatchObject({ resamples: 12, seed: 5 });
    expect(() => parseCoefficientsDocument(JSON.parse(JSON.stringify(document)))).not.toThrow();

    // The engine draws the fit's own coefficient vectors; without a bootstrap there are none to draw.
    const custom = scenarioWith('t5', (s) => (s.family = { kind: 'custom', coefficients: document }));
    const drawn = evaluateScenario(custom).lawUncertainty;
    expect(drawn.vectors).toBe(document.uncertainty!.vectors!.length);
    expect(drawn.vectors).toBeGreaterThan(0);
    expect(drawn.source).toContain('fit’s runs');
    const { uncertainty: _dropped, ...withoutBootstrap } = document;
    const plain = scenarioWith('t5', (s) => (s.family = { kind: 'custom', coefficients: withoutBootstrap }));
    expect(evaluateScenario(plain).lawUncertainty.vectors).toBe(0);
  });
});

describe('the document’s held-out block, bootstrap vectors and strictness', () => {
  const runs = t5Runs();
  const fit = fitLaw(runs, { huberDelta: 0.001, logResiduals: true, starts: 4, seed: 1, dataUnit: 'tokens' });
  const plain = coefficientsDocumentFromFit(fit, 'pilot', 'fit of 48 runs');

  it('refuses a key it does not know, naming it, at the top and inside', async () => {
    const { parseDocument } = await import('../../../src-main/core/schema.js');
    const { coefficientsDocumentSchema } = await import('../../../src-main/core/law/coefficients-file.js');
    const copy = () => JSON.parse(JSON.stringify(plain));
    expect(() => parseCoefficientsDocument({ ...copy(), colour: 'blue' }, 'file')).toThrow(/colour/);
    expect(() => parseCoefficientsDocument({ ...copy(), coefficients: { ...plain.coefficients, d: 1 } }, 'file')).toThrow(/file\.coefficients.*"d"/);
    expect(() => parseDocument(coefficientsDocumentSchema, { ...copy(), runs: [] }, 'fit')).toThrow(/runs/);
  });

  it('still reads a document from before the held-out block and the vectors', () => {
    const older = JSON.parse(JSON.stringify(plain));
    delete older.validation;
    older.uncertainty = { multiplierExcess90: { low: 0.9, high: 1.1 }, resamples: 50, seed: 0 };
    expect(() => parseCoefficientsDocument(older)).not.toThrow();
  });

  it('reads an exported fit (the document plus its runs and diagnostics) as coefficients', () => {
    const exported = { ...JSON.parse(JSON.stringify(plain)), runs, diagnostics: fit.diagnostics };
    expect(parseCoefficientsDocument(exported).coefficients).toEqual(fit.coefficients);
  });

  it('carries the held-out verdict and the bootstrap’s successful vectors', async () => {
    const { bootstrapFit, defaultReference } = await import('../../../src-main/core/law/bootstrap.js');
    const { validateHeldOut } = await import('../../../src-main/core/law/held-out.js');
    const { heldOutVerdict } = await import('../../../src-main/core/law/coefficients-file.js');
    const bootstrap = bootstrapFit(runs, fit, { resamples: 10, seed: 2, level: 0.95, reference: defaultReference(runs), multiplierSparsities: [0.75] });
    const validation = validateHeldOut(runs, fit.settings);
    const document = coefficientsDocumentFromFit(fit, 'pilot', 'fit of 48 runs', bootstrap, validation);
    const reread = JSON.parse(JSON.stringify(document));
    expect(() => parseCoefficientsDocument(reread)).not.toThrow();
    expect(reread.uncertainty.vectors).toEqual(bootstrap.samples);
    expect(reread.uncertainty.vectors).toHaveLength(10 - bootstrap.failed);
    expect(reread.uncertainty.failed).toBe(bootstrap.failed);
    expect(heldOutVerdict(reread)).toBe(validation.verdict);
    expect(reread.validation.checks[0]).toMatchObject({ kind: 'largest-size', possible: true, leftOutRuns: 12, fittedRuns: 36 });
    expect(reread.validation.checks[1]).toEqual({ kind: 'longest-training', possible: false, reason: { code: 'too-few-data-levels', levels: 3 } });
    expect(heldOutVerdict(plain)).toBeNull();
  });

  it('keeps at most 1,000 vectors', () => {
    const vectors = Array.from({ length: 1001 }, () => ({ ...fit.coefficients }));
    const doc = { ...JSON.parse(JSON.stringify(plain)), uncertainty: { multiplierExcess90: { low: 0.9, high: 1.1 }, resamples: 1001, seed: 0, vectors } };
    expect(() => parseCoefficientsDocument(doc, 'file')).toThrow(/file\.uncertainty\.vectors/);
    doc.uncertainty.vectors = vectors.slice(0, 1000);
    expect(() => parseCoefficientsDocument(doc, 'file')).not.toThrow();
  });
});
