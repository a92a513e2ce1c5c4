/**
 * Line breaking for the memo's Japanese and English text, done before pdfkit sees it, so that no line
 * ever breaks inside a number and its unit ("416万円", "▲227", "1.3倍", "¥2.08M"), inside a Latin word,
 * or before Japanese closing punctuation (kinsoku). pdfkit's own breaker (UAX #14) allows a break
 * between "416" and "万", and the font has no word-joiner glyph to stop it. The layout measures with the
 * real font and hands pdfkit lines that already fit, one per "\n".
 */

/** Characters a line may not start with: closing brackets, Japanese punctuation, small kana, the long-vowel mark. */
const NO_LINE_START = new Set([...'—、。，．,.)）」』】〕〉》］｝:;：；!?！？%％ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…〜']);
/** Characters a line may not end with: opening brackets. */
const NO_LINE_END = new Set([...'(（「『【〔〈《［｛']);

/** Unit words that stay with the number before them. */
const UNIT_AFTER_NUMBER = ['か月目', 'か月', '月', 'ライン', '万円', '億円', '円', '人日', 'トークン', 'パラメータ', 'ポイント', '倍', '枚', '件', '回', '台', '日', '年', '時間', '週間', '%', '％'];

const isCjk = (ch: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);
/** Katakana words and kanji compounds are kept whole; null for characters that may break anywhere. */
function scriptOf(ch: string): 'katakana' | 'kanji' | null {
  if (/[\u30a1-\u30fa\u30fc]/.test(ch)) return 'katakana';
  if (/[\u4e00-\u9fff\u3005\uf900-\ufaff]/.test(ch)) return 'kanji';
  return null;
}
const isSpace = (ch: string) => /\s/.test(ch) && ch !== '\u00a0';

/**
 * The text cut into atoms that must stay together. Spaces are atoms of their own (a line may break
 * there and drops them); every other break falls between two atoms.
 */
export function atoms(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (isSpace(ch)) {
      let j = i;
      while (j < chars.length && isSpace(chars[j]!)) j++;
      out.push(chars.slice(i, j).join(''));
      i = j;
      continue;
    }
    if (!isCjk(ch) || /[▲￥＋－]/.test(ch)) {
      // A run of non-space, non-CJK characters (a Latin word, a number, "¥2.08M", "S_opt"), with a
      // leading ▲ or ￥ and the Japanese numerals and unit that follow a number.
      let j = i + 1;
      while (j < chars.length && !isSpace(chars[j]!) && (!isCjk(chars[j]!) || /[▲￥]/.test(chars[j - 1]!))) j++;
      let atom = chars.slice(i, j).join('');
      if (/\d$/.test(atom)) {
        // 1億2,300万円: numerals and digits alternate, then one unit word.
        for (;;) {
          const rest = chars.slice(j).join('');
          const numeral = /^[万億兆](?:[\d,.]+(?=[万億兆]))?/.exec(rest);
          if (!numeral) break;
          atom += numeral[0];
          j += [...numeral[0]].length;
        }
        const rest = chars.slice(j).join('');
        const unit = UNIT_AFTER_NUMBER.find((u) => rest.startsWith(u));
        if (unit) {
          atom += unit;
          j += [...unit].length;
        }
      }
      out.push(atom);
      i = j;
      continue;
    }
    // A katakana word or a run of kanji stays whole (速度向上, スパース); kana and punctuation stand alone.
    const script = scriptOf(ch);
    let j = i + 1;
    if (script !== null) while (j < chars.length && scriptOf(chars[j]!) === script) j++;
    out.push(chars.slice(i, j).join(''));
    i = j;
  }
  // Kinsoku: closing punctuation joins the atom before it, opening brackets the atom after them.
  const merged: string[] = [];
  for (const atom of out) {
    const previous = merged[merged.length - 1];
    const first = [...atom][0]!;
    const last = previous === undefined ? '' : [...previous].at(-1)!;
    if (previous !== undefined && !isSpace(previous) && (NO_LINE_START.has(first) || NO_LINE_END.has(last))) {
      merged[merged.length - 1] = previous + atom;
    } else if (previous !== undefined && isSpace(previous) && merged.length >= 2 && NO_LINE_START.has(first)) {
      // A dash or percent sign after a space stays with the word before it: "sparsifying —", "2 %".
      merged.pop();
      merged[merged.length - 1] += previous + atom;
    } else {
      merged.push(atom);
    }
  }
  return merged;
}

/**
 * Greedy lines no wider than `width`, as `measure` sees them. An atom wider than a whole line is cut
 * by character, the only case in which a word or number is split.
 */
export function breakLines(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let pendingSpace = '';
    for (const atom of atoms(paragraph)) {
      if (isSpace(atom[0]!)) {
        if (line !== '') pendingSpace = atom;
        continue;
      }
      const candidate = line === '' ? atom : line + pendingSpace + atom;
      if (measure(candidate) <= width) {
        line = candidate;
        pendingSpace = '';
        continue;
      }
      if (line !== '') lines.push(line);
      pendingSpace = '';
      line = '';
      if (measure(atom) <= width) {
        line = atom;
        continue;
      }
      for (const ch of atom) {
        if (line !== '' && measure(line + ch) > width) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines;
}
