import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-main/core/i18n/index.js';
import { memoFormat, typographic } from '../../../src-main/memo/memo-format.js';

describe('memo number formats', () => {
  const en = memoFormat(translator('en'), 'JPY');
  const ja = memoFormat(translator('ja'), 'JPY');

  it('signs both ends of a range, with a minus sign in English and ▲ in Japanese', () => {
    expect(en.signed(1_470_000)).toMatch(/^\+¥1\.47M$/);
    expect(en.signed(-3_430_000)).toMatch(/^\u2212¥3\.43M$/);
    expect(ja.signed(-3_430_000)).toMatch(/^▲/);
    expect(ja.signed(1_470_000)).toMatch(/^\+/);
    expect(ja.money(-2_270_000)).toMatch(/^▲/);
    expect(ja.amount(-2_270_000)).not.toMatch(/[-−▲]/);
  });

  it('prints Japanese money cells in whole 万 of the unit named in the header, negatives with ▲', () => {
    const values = [2_270_000, -2_270_000, 81_000, 0];
    expect(ja.tableUnit(values)).toBe('万円');
    expect(values.map((v) => ja.cell(v, values))).toEqual(['227', '▲227', '8.1', '0']);
    // Small amounts only: the unit is yen and cells are whole yen.
    expect(ja.tableUnit([2730, -500])).toBe('円');
    expect(ja.cell(-500, [2730, -500])).toBe('▲500');
    expect(memoFormat(translator('ja'), 'USD').tableUnit([5e5])).toBe('万ドル');
  });

  it('writes multiples, factors, ranges and rates in the reader’s style', () => {
    expect(en.times(1.3)).toBe('×1.3');
    expect(ja.times(1.3)).toBe('1.3倍');
    expect(en.factor(3.56)).toBe('3.56×');
    expect(en.span('0.8', '1.6')).toBe('0.8 to 1.6');
    expect(ja.span('0.8', '1.6')).toBe('0.8〜1.6');
    expect(en.rate(0.04)).toBe('4%');
    expect(en.rate(0.025)).toBe('2.5%');
    expect(ja.currency).toBe('円');
    expect(en.inSentence('Engineering person-days')).toBe('engineering person-days');
    expect(en.inSentence('TensorRT export')).toBe('TensorRT export');
  });
});

describe('typographic', () => {
  it('turns a hyphen before money into a minus sign (English) or ▲ (Japanese)', () => {
    expect(typographic('the advantage (-¥2.33M) is below', 'en')).toBe('the advantage (\u2212¥2.33M) is below');
    expect(typographic('差額（-￥282万）が', 'ja')).toBe('差額（▲￥282万）が');
    // Hyphens inside words and ranges stay.
    expect(typographic('a non-zero 2:4 speed-up ×1.04–×1.7', 'en')).toBe('a non-zero 2:4 speed-up ×1.04–×1.7');
  });

  it('removes the space between a Japanese number and its unit', () => {
    expect(typographic('学習データ（3000億 トークン）と18億 枚', 'ja')).toBe('学習データ（3000億トークン）と18億枚');
    expect(typographic('300B tokens', 'en')).toBe('300B tokens');
  });
});
