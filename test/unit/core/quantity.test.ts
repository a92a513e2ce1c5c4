import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import { parseCount } from '../../../src-main/core/quantity.js';

describe('parseCount: whole numbers in decimal digits only', () => {
  const limits = { min: 1, max: 1000 };

  it('reads plain digits within the limits', () => {
    expect(parseCount('--starts', '1', limits)).toBe(1);
    expect(parseCount('--starts', '064', limits)).toBe(64);
    expect(parseCount('--starts', '1000', limits)).toBe(1000);
  });

  it.each(['', ' ', ' 5', '5 ', '0x10', '0b11', '0o7', '1e3', '+5', '-1', '1.0', '1_000', '1,000', '٣', '１', 'NaN', 'Infinity'])(
    'refuses %j, naming the option',
    (text) => {
      expect(() => parseCount('--starts', text, limits)).toThrow(InputError);
      expect(() => parseCount('--starts', text, limits)).toThrow(/^--starts: expected a whole number from 1 to 1000/);
    },
  );

  it('refuses values outside the limits, and digits beyond what a number holds exactly', () => {
    expect(() => parseCount('--starts', '0', limits)).toThrow('--starts: must be from 1 to 1000 (got 0)');
    expect(() => parseCount('--starts', '1001', limits)).toThrow('must be from 1 to 1000');
    expect(() => parseCount('--seed', '99999999999999999999', { min: 0, max: 0xffffffff })).toThrow('--seed: must be from 0 to 4294967295');
  });
});
