import { describe, expect, it } from 'vitest';
import { idealSpeedup, modelWidth, prunableShare } from '../../../../src-main/core/roi/ideal-speedup.js';

describe('physical bound on the speed-up (Amdahl)', () => {
  it('finds ViT-B/16’s width from its block parameters', () => {
    expect(modelWidth(12 * 12 * 768 ** 2)).toBeCloseTo(768, 6);
  });
  it('is 1/(1−S) when every FLOP is prunable, and ½ density for 2:4 at any S', () => {
    expect(idealSpeedup(1, 0.875, 'unstructured')).toBeCloseTo(8, 12);
    expect(idealSpeedup(1, 0.9, '2:4')).toBeCloseTo(2, 12);
  });
  it('is below 1/(1−S) once attention over the sequence is counted', () => {
    const f = prunableShare({ params: 12 * 12 * 768 ** 2, contextTokens: 197 });
    expect(f).toBeCloseTo((6 * 768) / (6 * 768 + 197), 9);
    expect(idealSpeedup(f, 0.875, 'unstructured')).toBeLessThan(8);
    expect(idealSpeedup(f, 0.875, 'unstructured')).toBeGreaterThan(5);
    expect(idealSpeedup(f, 0.5, 'unstructured')).toBeLessThan(2);
  });
  it('falls as the context grows', () => {
    const short = prunableShare({ params: 3e8, contextTokens: 128 });
    const long = prunableShare({ params: 3e8, contextTokens: 8192 });
    expect(long).toBeLessThan(short);
  });
});
