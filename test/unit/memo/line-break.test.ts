import { describe, expect, it } from 'vitest';
import { atoms, breakLines } from '../../../src-main/memo/line-break.js';

/** Full-width characters one unit wide, others half: close to the memo's font, exact enough to test breaks. */
const measure = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.5), 0);

const TEXTS = [
  '推奨：スパース化せずデータを増やした小型の密モデルへ。36か月で416万円の削減、投資回収は5か月目。',
  'スパース50%はデータを増やした小型の密モデルより基準ケースで▲227万円（範囲▲343万円〜+147万円、中央値▲121万円）。',
  '学習データ（1億2,300万円相当、18億枚）は適合範囲の上限（655億トークン）の4.6倍「可能性が低い」（確率27%）。',
  'Recommended: Smaller dense model on more data instead of sparsifying — saves ¥2.08M over 24 months, pays back in month 5.',
  'Sparse 50% against Smaller dense model on more data: −¥2.33M in the base case (range −¥3.15M to −¥1.79M; median −¥2.46M).',
];

describe('atoms', () => {
  it('keeps a number with its sign, Japanese numerals and unit', () => {
    const pieces = atoms('費用は▲227万円、期間は24か月、速度は1.3倍、総額1億2,300万円、日付は2026年11月27日');
    for (const whole of ['▲227万円、', '24か月、', '1.3倍、', '1億2,300万円、', '2026年', '11月', '27日']) expect(pieces).toContain(whole);
  });

  it('keeps Latin words, money and katakana words whole, and kanji compounds together', () => {
    const pieces = atoms('TensorRTで¥2.08Mのスパースモデルを速度向上させる');
    for (const whole of ['TensorRT', '¥2.08M', 'スパースモデル', '速度向上']) expect(pieces).toContain(whole);
  });

  it('glues closing punctuation to the atom before it and opening brackets to the one after', () => {
    const pieces = atoms('評価は「可能性が低い」（確率27%）。');
    expect(pieces).toContain('「可能性');
    expect(pieces.some((p) => p.endsWith('い」'))).toBe(true);
    expect(pieces).toContain('（確率');
    expect(pieces.at(-1)).toBe('27%）。');
  });

  it('keeps an English dash at the end of the line before it', () => {
    expect(atoms('sparsifying — saves')).toEqual(['sparsifying —', ' ', 'saves']);
    expect(atoms('below 2 % of')).toEqual(['below', ' ', '2 %', ' ', 'of']);
  });
});

describe('breakLines', () => {
  it('never breaks inside a number, a word, or before closing punctuation, at any width', () => {
    for (const text of TEXTS) {
      const pieces = atoms(text).filter((a) => a.trim() !== '');
      const widest = Math.max(...pieces.map(measure));
      for (let width = 8; width <= 60; width += 1.5) {
        const lines = breakLines(text, width, measure);
        // Nothing is lost or reordered: only the spaces at a break go.
        expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        for (const line of lines) {
          expect(line).toBe(line.trim());
          // A line is wider than asked only when it is one atom that cannot fit anywhere.
          if (measure(line) > width) expect(pieces).toContain(line);
          // Kinsoku holds wherever no atom had to be cut by character.
          if (width >= widest) {
            expect('、。）」%'.includes([...line][0]!), line).toBe(false);
            expect('（「'.includes([...line].at(-1)!), line).toBe(false);
          }
        }
        // Each atom lies on one line.
        for (const piece of pieces) if (measure(piece) <= width) expect(lines.some((l) => l.includes(piece))).toBe(true);
      }
    }
  });

  it('fills lines greedily and keeps explicit line breaks', () => {
    expect(breakLines('one two three four', 2.5, measure)).toEqual(['one', 'two', 'three', 'four']);
    expect(breakLines('one two three four', 3.5, measure)).toEqual(['one two', 'three', 'four']);
    expect(breakLines('today\n(recommended)', 100, measure)).toEqual(['today', '(recommended)']);
  });

  it('cuts an atom by character only when it is wider than a whole line', () => {
    expect(breakLines('abcdefgh', 2, measure)).toEqual(['abcd', 'efgh']);
    expect(breakLines('ab abcdefgh', 2, measure)).toEqual(['ab', 'abcd', 'efgh']);
  });
});
