/**
 * How the memo writes its numbers, in the reader's language: money in prose (never a bare negative in
 * Japanese prose: ▲ marks it, as in a board paper), money in tables as bare numbers in one unit named
 * in the header, multiples (×1.3 / 1.3倍), ranges (a to b / a〜b), payback months and data amounts.
 * The sections call only these, so one figure reads the same on every page.
 */
import { withMinus } from '../core/charts/labels.js';
import type { Translator } from '../core/i18n/index.js';

/** Currencies in words for Japanese units (円/時間, 1.2万ドル). */
const CURRENCY_WORDS_JA: Record<string, string> = { JPY: '円', USD: 'ドル', EUR: 'ユーロ', GBP: 'ポンド', CNY: '元', KRW: 'ウォン' };

/** In Japanese, large amounts are shown in 万 of the currency (10万円 and above in whole 万円). */
const MAN = 1e4;

export interface MemoFormat {
  /** Money in prose with its sign: −¥2.27M / ▲227万円. */
  money(value: number): string;
  /** Money of the magnitude, for sentences that say "more" or "less" in words. */
  amount(value: number): string;
  /** Money with an explicit sign, for ranges: +¥1.47M / −¥3.43M; +147万円 / ▲343万円. */
  signed(value: number): string;
  /** The unit of money table cells, for the header or caption: "¥" / "万円". */
  tableUnit(values: readonly number[]): string;
  /** A money table cell in that unit: "−¥2.3M" / "▲227". */
  cell(value: number, values: readonly number[]): string;
  /** A speed-up: ×1.3 / 1.3倍. */
  times(value: number): string;
  /** How many times as much: 3.56× / 3.56倍 (as in "3.56× the fitted maximum"). */
  factor(value: number): string;
  /** A yearly rate as a percentage, with a decimal only when it has one: 4%, 2.5%. */
  rate(fraction: number): string;
  /** Two ends of a range, already formatted: 0.8–1.6 / 0.8〜1.6. */
  span(low: string, high: string): string;
  percent(fraction: number, digits?: number): string;
  /** A count of data with its unit: 1.8B images / 18億枚. */
  data(value: number, unit: 'images' | 'tokens'): string;
  /** A count with a unit word: 24 months / 24か月. */
  withUnit(value: string, unit: string): string;
  /** The currency as a unit word: "JPY" in English tables, 円 / ドル in Japanese. */
  currency: string;
  /** A label used inside an English sentence: "Engineering person-days" → "engineering person-days". */
  inSentence(label: string): string;
}

/**
 * The engine's sentences print negative money with a hyphen ("-¥2.33M", "-￥282万"): the memo prints a
 * minus sign in English and ▲ in Japanese, as a board paper does.
 */
export function typographic(text: string, language: 'en' | 'ja'): string {
  const signed = text.replace(/(^|[\s(（:：、])-(?=[¥$€£￥\d])/g, `$1${language === 'ja' ? '▲' : '\u2212'}`);
  // No space between a Japanese number and its unit: 3000億トークン, 18億枚.
  return language === 'ja' ? signed.replace(/([\d万億兆])[ \u00a0]+(?=[\u3040-\u30ff\u4e00-\u9fff])/g, '$1') : signed;
}

export function memoFormat(tr: Translator, currency: string): MemoFormat {
  const ja = tr.language === 'ja';
  const money = (value: number) => withMinus(tr.money(value, currency));
  const amount = (value: number) => tr.money(Math.abs(value), currency);
  const manScale = (values: readonly number[]) => ja && values.some((v) => Math.abs(v) >= 10 * MAN);
  return {
    money: (value) => (ja && value < 0 ? `▲${amount(value)}` : money(value)),
    amount,
    signed: (value) => {
      if (value < 0) return ja ? `▲${amount(value)}` : `−${amount(value)}`;
      return value > 0 ? `+${amount(value)}` : amount(0);
    },
    tableUnit: (values) => {
      if (!ja) return tr.t('memo2.costs.unit', { currency });
      const word = CURRENCY_WORDS_JA[currency] ?? currency;
      return manScale(values) ? `万${word}` : word;
    },
    cell: (value, values) => {
      if (!ja) return money(value);
      const scaled = manScale(values) ? value / MAN : value;
      // Whole 万 for 10万 and above; one decimal below, so that small amounts do not read as zero.
      const digits = Math.abs(scaled) >= 10 || scaled === 0 ? 0 : 1;
      const text = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(Math.abs(scaled));
      return value < 0 && text !== '0' ? `▲${text}` : text;
    },
    times: (value) => (ja ? `${tr.number(value)}倍` : `×${tr.number(value)}`),
    factor: (value) => (ja ? `${tr.number(value)}倍` : `${tr.number(value)}×`),
    rate: (fraction) => withMinus(tr.percent(fraction, Math.abs(fraction * 100 - Math.round(fraction * 100)) < 1e-9 ? 0 : 1)),
    span: (low, high) => (ja ? `${low}〜${high}` : `${low} to ${high}`),
    percent: (fraction, digits = 0) => withMinus(tr.percent(fraction, digits)),
    data: (value, unit) => (ja ? `${tr.count(value)}${tr.t(`unit.${unit}`)}` : `${tr.count(value)} ${tr.t(`unit.${unit}`)}`),
    currency: ja ? (CURRENCY_WORDS_JA[currency] ?? currency) : currency,
    withUnit: (value, unit) => (ja ? `${value}${unit}` : `${value} ${unit}`),
    // Only a first word that is capitalised and otherwise small: "TensorRT" and "S_opt" keep theirs.
    inSentence: (label) => (ja ? label : label.replace(/^[A-Z](?=[a-z]*(?:[\s’'-]|$))/, (m) => m.toLowerCase())),
  };
}
