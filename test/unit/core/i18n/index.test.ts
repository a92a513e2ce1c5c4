import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src-main/core/i18n/index.js';

const en = translator('en');
const ja = translator('ja');

describe('numbers in the reader’s language', () => {
  it('writes large Japanese counts in 万・億・兆 with grouped leading digits', () => {
    expect(ja.count(84_934_656)).toBe('8,490万');
    expect(ja.count(1.8e9)).toBe('18億');
    expect(ja.count(3e11)).toBe('3,000億');
    expect(ja.count(1.23e8)).toBe('1億2,300万');
    expect(ja.count(3.02e8)).toBe('3億200万');
    expect(ja.count(3.12e14)).toBe('312兆');
    expect(ja.count(99_996_000)).toBe('1億');
    expect(ja.count(197)).toBe('197');
    expect(ja.count(2734)).toBe('2,730');
  });

  it('keeps the English compact form', () => {
    expect(en.count(84_934_656)).toBe('84.9M');
    expect(en.count(1.8e9)).toBe('1.8B');
  });

  it('puts the unit after a Japanese count without a space, and after an English one with one', () => {
    expect(ja.quantity(84_934_656, 'パラメータ')).toBe('8,490万パラメータ');
    expect(ja.quantity(1.8e9, '枚')).toBe('18億枚');
    expect(en.quantity(1.8e9, 'images')).toBe('1.8B images');
  });

  it('writes yen as a board paper does: 円, whole 万円 from 10万円, ▲ for a negative', () => {
    expect(ja.money(4_160_000, 'JPY')).toBe('416万円');
    expect(ja.money(824_000, 'JPY')).toBe('82万円');
    expect(ja.money(-2_270_000, 'JPY')).toBe('▲227万円');
    expect(ja.money(1.23e8, 'JPY')).toBe('1億2,300万円');
    expect(ja.money(2734, 'JPY')).toBe('2,730円');
    expect(ja.money(147, 'JPY')).toBe('147円');
    expect(ja.money(12_000, 'USD')).toBe('1.2万ドル');
    expect(ja.money(-350, 'EUR')).toBe('▲350ユーロ');
    expect(en.money(4_160_000, 'JPY')).toBe('¥4.16M');
  });

  it('never shows scientific notation or a run of zeros for a tiny value', () => {
    expect(en.number(1.99e-15)).toBe('< 0.000001');
    expect(ja.number(1.99e-15)).toBe('0.000001未満');
    expect(en.number(0.0123)).toBe('0.0123');
    expect(en.number(0)).toBe('0');
    expect(en.number(3.12e14)).not.toMatch(/e/i);
    for (const v of [8.4934656e7, 3.12e14, 1e-9, 6.02e23]) {
      for (const tr of [en, ja]) {
        expect(tr.number(v)).not.toMatch(/\de/i);
        expect(tr.count(v)).not.toMatch(/\de/i);
      }
    }
  });

  it('shows an estimate and its interval with enough digits to tell them apart', () => {
    expect(en.distinct([16.81, 16.84, 16.83])).toEqual(['16.81', '16.84', '16.83']);
    expect(en.distinct([16.8, 16.8])).toEqual(['16.8', '16.8']);
    expect(en.distinct([0.5, 2])).toEqual(['0.5', '2']);
  });

  it('writes multiples, ranges and dates in each language’s form', () => {
    expect(ja.times(1.3)).toBe('1.3倍');
    expect(en.times(1.3)).toBe('×1.3');
    expect(ja.span('25万', '60万回')).toBe('25万〜60万回');
    expect(en.span('0.8', '1.6')).toBe('0.8–1.6');
    expect(ja.date('2026-11-27')).toBe('2026年11月27日');
    expect(en.date('2026-11-27')).toBe('November 27, 2026');
  });
});
