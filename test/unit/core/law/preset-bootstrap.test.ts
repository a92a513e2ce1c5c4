import { describe, expect, it } from 'vitest';
import { checkCoefficients } from '../../../../src-main/core/law/coefficients.js';
import { multiplierUnchecked } from '../../../../src-main/core/law/law.js';
import { presetBootstrapDocument, presetBootstrapVectors } from '../../../../src-main/core/law/preset-bootstrap.js';
import { PRESETS } from '../../../../src-main/core/law/presets.js';

describe('the presets’ bootstrap vectors', () => {
  for (const family of ['vit', 't5'] as const) {
    it(`${family}: at least 200 usable vectors in paper units, with their provenance`, () => {
      const vectors = presetBootstrapVectors(family);
      expect(vectors.length).toBeGreaterThanOrEqual(200);
      for (const k of vectors) expect(() => checkCoefficients(k)).not.toThrow();
      const doc = presetBootstrapDocument(family);
      expect(doc.provenance.successes).toBe(vectors.length);
      expect(doc.provenance.drawn).toBe(vectors.length + doc.provenance.failed);
      expect(doc.provenance.fitter.normalization).toEqual(PRESETS[family].notebook.normalization);
      for (const s of doc.summary) {
        const sparsity = Number(/m\(([\d.]+)\)/.exec(s.quantity)![1]);
        expect(s.preset).toBeCloseTo(multiplierUnchecked(PRESETS[family].coefficients, sparsity), 10);
        const sorted = vectors.map((k) => multiplierUnchecked(k, sparsity)).sort((a, b) => a - b);
        expect(s.median).toBeCloseTo((sorted[99]! + sorted[100]!) / 2, 10);
      }
    });
  }

  it('ViT’s vectors centre on the preset; T5’s on the refit basin, as docs/method.md §4.4 says', () => {
    const median = (family: 'vit' | 't5', s: number) => presetBootstrapDocument(family).summary.find((x) => x.quantity === `m(${s})`)!.median;
    expect(median('vit', 0.75) / multiplierUnchecked(PRESETS.vit.coefficients, 0.75)).toBeCloseTo(1, 1);
    expect(median('t5', 0.5)).toBeGreaterThan(1.7);
    expect(multiplierUnchecked(PRESETS.t5.coefficients, 0.5)).toBeLessThan(1.6);
  });

  it('hands out copies', () => {
    const first = presetBootstrapVectors('vit');
    first[0]!.aS = -1;
    expect(presetBootstrapVectors('vit')[0]!.aS).toBeGreaterThan(0);
  });
});
