import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCoefficientsDocument } from '../../../src-main/core/law/coefficients-file.js';
import { fitInputFromLawFit } from '../../../src-main/store/fit-repository.js';
import { openStore } from '../../../src-main/store/open-store.js';
import type { AdvisorStore } from '../../../src-main/store/store.js';
import { dumpDatabase, tempDir } from '../../support/store-fixtures.js';
import { sampleFit } from '../../support/store-samples.js';
import { fieldOf } from '../../support/errors.js';

let file: string;
let store: AdvisorStore;
beforeEach(() => {
  file = path.join(tempDir(), 'advisor.db');
  store = openStore(file).store;
});
afterEach(() => store.close());

const sample = sampleFit();

describe('fits', () => {
  it('keeps the coefficients with the runs and diagnostics they came from', () => {
    const saved = store.fits.save(fitInputFromLawFit(sample.fit, sample.runs, 'pilot', 'fit of 24 runs', 'pilot.csv'));
    const read = store.fits.get(saved.id);
    expect(read.document.coefficients).toEqual(sample.fit.coefficients);
    expect(read.runs).toEqual(sample.runs);
    expect(read.diagnostics).toEqual(sample.fit.diagnostics);
    expect(read).toMatchObject({ name: 'pilot', dataUnit: 'tokens', source: 'pilot.csv' });
    expect(parseCoefficientsDocument(read.document).coefficients).toEqual(sample.fit.coefficients);
    expect(store.fits.list()).toEqual([
      { id: saved.id, name: 'pilot', dataUnit: 'tokens', source: 'pilot.csv', createdAt: saved.createdAt, runCount: 24 },
    ]);
  });

  it('accepts coefficients without runs (a law typed in or read from a file)', () => {
    const saved = store.fits.save({ document: { ...sample.document, fit: undefined } });
    expect(store.fits.get(saved.id)).toMatchObject({ runs: [], diagnostics: null });
  });

  it('refuses parts that name a bad field or do not belong together, storing nothing', () => {
    const before = dumpDatabase(file);
    const cases: [unknown, string][] = [
      [{ document: { ...sample.document, coefficients: { ...sample.document.coefficients, bN: -1 } }, runs: sample.runs }, 'fit.coefficients.bN'],
      [{ document: { ...sample.document, dataUnit: 'steps' } }, 'fit.dataUnit'],
      [{ document: sample.document, runs: [{ ...sample.runs[0], sparsity: 1 }] }, 'fit.runs.0.sparsity'],
      [{ document: sample.document, runs: 'all of them' }, 'fit.runs'],
      [{ document: sample.document, runs: sample.runs.slice(1) }, 'fit.runs'],
      [{ document: sample.document, runs: sample.runs, diagnostics: { ...sample.fit.diagnostics, rmse: -1 } }, 'fit.diagnostics.rmse'],
      [{ document: sample.document, runs: sample.runs, diagnostics: { ...sample.fit.diagnostics, runs: [] } }, 'fit.diagnostics.runs'],
    ];
    for (const [input, field] of cases) expect(fieldOf(() => store.fits.save(input as never))).toBe(field);
    expect(dumpDatabase(file)).toEqual(before);
  });

  it('names an unknown fit id', () => {
    expect(fieldOf(() => store.fits.get('nope'))).toBe('fitId');
  });
});
