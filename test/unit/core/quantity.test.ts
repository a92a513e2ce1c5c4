import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import { parseCount, parseQuantity } from '../../../src-main/core/quantity.js';

const read = (text: string, percent = false) => parseQuantity('field', text, { percent });

function refused(text: string): InputError {
  try {
    read(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseQuantity reads numbers the way managers type them', () => {
  it('reads Japanese myriad units, with commas in the leading digits', () => {
    expect(read('18億')).toBe(1.8e9);
    expect(read('1,000万')).toBe(1e7);
    expect(read('8,490万')).toBe(84_900_000);
    expect(read('1.8億')).toBe(180_000_000);
    expect(read('3,000億')).toBe(3e11);
    expect(read('2兆')).toBe(2e12);
    expect(read('1億2,300万')).toBe(123_000_000);
    expect(read('5千万')).toBe(5e7);
    expect(read('1億5千')).toBe(100_005_000);
    expect(read('18 億')).toBe(1.8e9);
  });

  it('reads full-width digits, commas, points and signs as an IME types them', () => {
    expect(read('１８億')).toBe(1.8e9);
    expect(read('１，０００万')).toBe(1e7);
    expect(read('１．５Ｂ')).toBe(1.5e9);
    expect(read('４０％')).toBe(0.4);
    expect(read('\u3000400000\u3000')).toBe(400_000);
    expect(read('▲227万')).toBe(-2_270_000);
    expect(read('\u22120.5')).toBe(-0.5);
  });

  it('keeps the suffixes and scientific notation of the CLI', () => {
    expect(read('85M')).toBe(85e6);
    expect(read('1.8B')).toBe(1.8e9);
    expect(read('2T')).toBe(2e12);
    expect(read('42.5k')).toBe(42_500);
    expect(read('6.5536e10')).toBe(6.5536e10);
    expect(read('1.5E9')).toBe(1.5e9);
    expect(read('1_000_000')).toBe(1e6);
    expect(read('1,000,000')).toBe(1e6);
  });

  it('reads money with its sign or 円', () => {
    expect(read('¥416万')).toBe(4_160_000);
    expect(read('￥4.16M')).toBe(4_160_000);
    expect(read('416万円')).toBe(4_160_000);
    expect(read('$1,200')).toBe(1200);
  });

  it('reads percentages: a trailing % always, a bare number only in a percent field', () => {
    expect(read('40%')).toBe(0.4);
    expect(read('40 %', true)).toBe(0.4);
    expect(read('40', true)).toBe(0.4);
    expect(read('12.5', true)).toBe(0.125);
    expect(read('40')).toBe(40);
  });

  it('refuses what is ambiguous or not a number, naming the field', () => {
    for (const bad of ['', ' ', 'abc', '5m', '1e', '1.2.3', '--1', '1,5', '12,34', '2万3億', '万', '1億2,300万5億', 'e9', '40%%', '1,000,00']) {
      expect(refused(bad).field).toBe('field');
    }
    expect(refused('lots').message).toContain('15億');
  });

  it('refuses values too large to be finite', () => {
    expect(refused('1e999').message).toContain('too large');
    expect(refused('9e300兆').message).toContain('too large');
  });
});

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
