import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../../../src-main/core/hardware/weights.js';
import { pruneTensorBytes, pruneTwoFour, pruneUnstructured, zerosFor } from '../../../../src-main/core/own-model/magnitude-prune.js';
import { toHalfBits } from '../../../../src-main/core/own-model/input-values.js';

function words(values: Float32Array): Uint32Array {
  return new Uint32Array(values.buffer);
}

function zeros(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) n++;
  return n;
}

describe('unstructured magnitude pruning', () => {
  it.each([0.1, 0.5, 0.75, 0.9, 0.95, 0.999])('zeroes exactly round(S·n) weights at S = %s, the smallest in magnitude', (s) => {
    const values = seededUniform(3, 1, 10_007, 1);
    const before = Float32Array.from(values);
    pruneUnstructured(words(values), s);
    expect(zeros(values)).toBe(zerosFor(values.length, s));
    const largestZeroed = Math.max(...Array.from(before).filter((_, i) => values[i] === 0).map(Math.abs));
    const smallestKept = Math.min(...Array.from(values).filter((v) => v !== 0).map(Math.abs));
    expect(largestZeroed).toBeLessThanOrEqual(smallestKept);
    // Survivors keep their values bit for bit.
    values.forEach((v, i) => v !== 0 && expect(v).toBe(before[i]));
  });

  it('breaks ties by index so the count stays exact', () => {
    const values = new Float32Array([0.5, -0.5, 0.5, 0.25, -0.5, 1]);
    pruneUnstructured(words(values), 0.5);
    expect(Array.from(values)).toEqual([0, 0, 0.5, 0, -0.5, 1]);
  });

  it('prunes float16 weights by magnitude too', () => {
    const halves = Uint16Array.from([0.1, -0.9, 0.3, -0.05, 0.7, 0.2], toHalfBits);
    pruneUnstructured(halves, 0.5);
    expect(Array.from(halves, (h) => h === 0)).toEqual([true, false, false, true, false, true]);
  });
});

describe('2:4 pruning along the reduction axis', () => {
  it('leaves exactly two non-zeros in every group of four along K of a [K, N] MatMul weight', () => {
    const [k, n] = [16, 12];
    const values = seededUniform(5, 2, k * n, 1);
    const before = Float32Array.from(values);
    pruneTwoFour(words(values), [k, n], 0);
    for (let col = 0; col < n; col++) {
      for (let g = 0; g < k; g += 4) {
        const group = [0, 1, 2, 3].map((j) => (g + j) * n + col);
        expect(group.filter((i) => values[i] === 0)).toHaveLength(2);
        const kept = Math.min(...group.filter((i) => values[i] !== 0).map((i) => Math.abs(before[i]!)));
        const dropped = Math.max(...group.filter((i) => values[i] === 0).map((i) => Math.abs(before[i]!)));
        expect(dropped).toBeLessThanOrEqual(kept);
      }
    }
    expect(zeros(values)).toBe(k * n / 2);
  });

  it('groups along input channels of a Conv weight [C_out, C_in, kh, kw]', () => {
    const dims = [4, 8, 3, 3];
    const values = seededUniform(5, 3, 4 * 8 * 9, 1);
    pruneTwoFour(words(values), dims, 1);
    for (let o = 0; o < 4; o++) {
      for (let g = 0; g < 8; g += 4) {
        for (let p = 0; p < 9; p++) {
          const group = [0, 1, 2, 3].map((j) => (o * 8 + g + j) * 9 + p);
          expect(group.filter((i) => values[i] === 0)).toHaveLength(2);
        }
      }
    }
  });

  it('refuses a reduction size that is not a multiple of 4', () => {
    expect(() => pruneTwoFour(new Uint32Array(8 * 3 * 9), [8, 3, 3, 3], 1)).toThrow(/multiple of 4 \(got 3\)/);
  });
});

describe('pruneTensorBytes', () => {
  it('prunes data at an odd byte offset in place', () => {
    const values = seededUniform(9, 4, 64, 1);
    const buffer = new Uint8Array(1 + 256 + 3);
    buffer.set(new Uint8Array(values.buffer), 1);
    const region = buffer.subarray(1, 257);
    expect(pruneTensorBytes(region, { dataType: 1, dims: [8, 8], reductionAxis: 0 }, 'unstructured', 0.75)).toBe(48);
    const after = new Float32Array(buffer.slice(1, 257).buffer);
    expect(zeros(after)).toBe(48);
    expect(buffer[0]).toBe(0);
  });
});
