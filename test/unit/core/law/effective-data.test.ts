import { describe, expect, it } from 'vitest';
import { effectiveData, REPETITION_HALF_LIFE } from '../../../../src-main/core/law/effective-data.js';

describe('effective data of repeated passes (Muennighoff et al. 2023)', () => {
  it('is the unique data itself for one pass', () => {
    expect(effectiveData(1e9, 1)).toBe(1e9);
  });
  it('counts 90 passes over 20M images as about 327M, far below the data seen', () => {
    const d = effectiveData(20e6, 90);
    expect(d / 1e6).toBeCloseTo(20 + 20 * 15.4 * (1 - Math.exp(-89 / 15.4)), 6);
    expect(d).toBeGreaterThan(326e6);
    expect(d).toBeLessThan(328e6);
  });
  it('never exceeds U·(1 + R*) however many passes', () => {
    expect(effectiveData(1, 1e6)).toBeLessThanOrEqual(1 + REPETITION_HALF_LIFE);
    expect(effectiveData(1, 5)).toBeGreaterThan(effectiveData(1, 4));
  });
});
