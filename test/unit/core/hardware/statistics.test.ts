import { describe, expect, it } from 'vitest';
import {
  quantile,
  relativeSpread,
  reliability,
  scaleSummary,
  speedupAgainst,
  summarize,
} from '../../../../src-main/core/hardware/statistics.js';

describe('quantiles of timings', () => {
  it('interpolates between order statistics (type 7)', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile(sorted, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantile(sorted, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(4);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('summarizes unsorted samples without reordering the caller’s array', () => {
    const samples = [5, 1, 4, 2, 3];
    const s = summarize(samples);
    expect(s).toEqual({ medianMs: 3, p10Ms: 1.4, p90Ms: 4.6, iterations: 5 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('refuses an empty sample set and a quantile outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(/no samples/);
    expect(() => quantile([1, 2], 1.5)).toThrow(/quantile/);
  });

  it('scales every time of a summary, keeping the iteration count', () => {
    expect(scaleSummary({ medianMs: 8, p10Ms: 6, p90Ms: 10, iterations: 12 }, 0.25)).toEqual({
      medianMs: 2,
      p10Ms: 1.5,
      p90Ms: 2.5,
      iterations: 12,
    });
  });
});

describe('speed-up against dense', () => {
  const dense = { medianMs: 10, p10Ms: 9, p90Ms: 12, iterations: 30 };

  it('divides the medians and takes the interval from the opposite ends of both spreads', () => {
    const s = speedupAgainst(dense, { medianMs: 5, p10Ms: 4, p90Ms: 6, iterations: 30 })!;
    expect(s.value).toBeCloseTo(2, 12);
    expect(s.low).toBeCloseTo(1.5, 12);
    expect(s.high).toBeCloseTo(3, 12);
  });

  it('gives the dense row ×1 with its own noise band', () => {
    const s = speedupAgainst(dense, dense)!;
    expect(s.value).toBe(1);
    expect(s.low).toBeCloseTo(0.75, 12);
    expect(s.high).toBeCloseTo(12 / 9, 12);
  });

  it('has no speed-up when a time is zero', () => {
    expect(speedupAgainst(dense, { medianMs: 0, p10Ms: 0, p90Ms: 0, iterations: 3 })).toBeNull();
  });
});

describe('reliability', () => {
  const rule = { minIterations: 10, maxRelativeSpread: 0.5 };

  it('accepts enough iterations with a tight spread', () => {
    expect(reliability({ medianMs: 2, p10Ms: 1.8, p90Ms: 2.4, iterations: 10 }, rule)).toEqual({ reliable: true });
  });

  it('marks too few iterations unreliable and says how many', () => {
    const r = reliability({ medianMs: 2, p10Ms: 1.9, p90Ms: 2.1, iterations: 4 }, rule);
    expect(r).toEqual({ reliable: false, reason: 'only 4 iterations (minimum 10)' });
  });

  it('marks a wide spread unreliable and says how wide', () => {
    const s = { medianMs: 2, p10Ms: 1, p90Ms: 3, iterations: 50 };
    expect(relativeSpread(s)).toBe(1);
    const r = reliability(s, rule);
    expect(r.reliable).toBe(false);
    expect(r.reliable === false && r.reason).toBe('p10–p90 spread is 100 % of the median (limit 50 %)');
  });

  it('treats summaries of real samples consistently: a single outlier in 20 leaves p90 alone', () => {
    const samples = [...Array.from({ length: 19 }, (_, i) => 1 + i * 0.01), 50];
    const s = summarize(samples);
    expect(s.p90Ms).toBeLessThan(1.2);
    expect(reliability(s, { minIterations: 20, maxRelativeSpread: 0.5 }).reliable).toBe(true);
    expect(reliability(summarize([1, 1, 1, 3, 3, 3]), { minIterations: 5, maxRelativeSpread: 0.5 }).reliable).toBe(false);
  });
});
