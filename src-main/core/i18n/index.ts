/**
 * Japanese and English for the core's texts, through one i18next instance per language, and
 * locale-aware number formats. Shared by the CLI, the renderer and the memo.
 */
import i18next, { type TFunction } from 'i18next';
import { en } from './en.js';
import { fleetEn } from './fleet-en.js';
import { fleetJa } from './fleet-ja.js';
import { glossaryEn } from './glossary-en.js';
import { glossaryJa } from './glossary-ja.js';
import { hardwareEn } from './hardware-en.js';
import { hardwareJa } from './hardware-ja.js';
import { hardeningEn } from './hardening-en.js';
import { hardeningJa } from './hardening-ja.js';
import { ja } from './ja.js';
import { ownModelEn } from './own-model-en.js';
import { ownModelJa } from './own-model-ja.js';
import { pilotEn } from './pilot-en.js';
import { pilotJa } from './pilot-ja.js';
import { uiEn } from './ui-en.js';
import { uiJa } from './ui-ja.js';
import { decisionEn } from './decision-en.js';
import { decisionJa } from './decision-ja.js';
import { publishedEn } from './published-en.js';
import { publishedJa } from './published-ja.js';
import { memo2En } from './memo2-en.js';
import { memo2Ja } from './memo2-ja.js';
import { uxEn } from './ux-en.js';
import { uxJa } from './ux-ja.js';
import { resultEn } from './result-en.js';
import { resultJa } from './result-ja.js';
import { wizard2En } from './wizard2-en.js';
import { wizard2Ja } from './wizard2-ja.js';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOCALES: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

export interface Translator {
  language: Language;
  t: TFunction;
  /**
   * Up to 3 significant digits, locale grouping: 1,234 / 1.23 / 0.0123. Never scientific notation;
   * a value too small to show in six decimals reads "< 0.000001" / "0.000001未満", not as 0.00000000000000199.
   */
  number(value: number, digits?: number): string;
  /** Large counts, 3 significant digits: 84.9M / 1.8B in English; 8,490万 / 18億 / 1億2,300万 in Japanese. */
  count(value: number): string;
  percent(fraction: number, digits?: number): string;
  /**
   * Money: ¥4.16M / −¥2.27M in English; 416万円 / 2,730円 / ▲227万円 / 1.2万ドル in Japanese (amounts of
   * 10万円 or more in whole 万円, board-paper style).
   */
  money(value: number, currency: string): string;
  /** A count with its unit word: "84.9M parameters" / "8,490万パラメータ", "18億枚" (no space before a Japanese unit). */
  quantity(value: number, unit: string): string;
  /** A multiple such as a speed-up: ×1.3 / 1.3倍. */
  times(value: number): string;
  /** Two formatted ends of a range: 0.8–1.6 / 0.8〜1.6. */
  span(low: string, high: string): string;
  /**
   * Numbers shown side by side (an estimate and its interval) with one precision, raised from
   * `digits` until values that differ also read differently: [16.8, 16.8] becomes [16.81, 16.84].
   */
  distinct(values: readonly number[], digits?: number): string[];
  /** A date from an ISO string: November 27, 2026 / 2026年11月27日. */
  date(iso: string): string;
}

/** The currencies the app offers, in words for Japanese prose (1.2万ドル); 円 is handled apart. */
const CURRENCY_WORDS_JA: Record<string, string> = { USD: 'ドル', EUR: 'ユーロ', GBP: 'ポンド', CNY: '元', KRW: 'ウォン' };

/** The smallest magnitude `number` spells out; below it the text says "less than". */
const SMALLEST_SHOWN = 1e-6;

function plainNumber(locale: string, value: number, digits: number): string {
  // lessPrecision: 3 significant digits, but never more than 6 decimals (so no 0.00000000000000199).
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: digits, maximumFractionDigits: 6, roundingPriority: 'lessPrecision' }).format(value);
}

/** Rounds to `digits` significant digits without floating-point tails. */
function roundSignificant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

/**
 * A non-negative count in 万・億・兆 with grouped leading digits: 8,490万, 18億, 1億2,300万,
 * 3兆1,200億. Below 1万 the digits are written out: 2,730.
 */
function japaneseCount(magnitude: number, digits: number): string {
  const grouped = (v: number) => new Intl.NumberFormat('ja-JP', { maximumSignificantDigits: digits }).format(v);
  const r = roundSignificant(magnitude, digits);
  if (r < 1e4) return grouped(r);
  if (r < 1e8) return `${grouped(r / 1e4)}万`;
  const whole = (v: number) => new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }).format(v);
  if (r < 1e12) {
    const oku = Math.floor(r / 1e8);
    const man = Math.round((r - oku * 1e8) / 1e4);
    return `${whole(oku)}億${man > 0 ? `${whole(man)}万` : ''}`;
  }
  const cho = Math.floor(r / 1e12);
  const oku = Math.round((r - cho * 1e12) / 1e8);
  return `${whole(cho)}兆${oku > 0 ? `${whole(oku)}億` : ''}`;
}

/** Yen for a board paper: 10万円 and above in whole 万円 (3 significant digits at most), below in 円. */
function japaneseYen(magnitude: number): string {
  if (magnitude < 1e5) return `${new Intl.NumberFormat('ja-JP', { maximumSignificantDigits: 3, maximumFractionDigits: 2, roundingPriority: 'lessPrecision' }).format(magnitude)}円`;
  const r = Math.round(roundSignificant(magnitude, 3) / 1e4) * 1e4;
  return `${japaneseCount(r, 4)}円`;
}

const instances = new Map<Language, TFunction>();

function translatorFor(language: Language): TFunction {
  const cached = instances.get(language);
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    resources: {
      en: { translation: { ...en, ui: uiEn, decision: decisionEn, published: publishedEn, fleet: fleetEn, ownModel: ownModelEn, memo2: memo2En, ux: uxEn, glossary: glossaryEn, pilot: pilotEn, hardware: hardwareEn, hardening: hardeningEn, result: resultEn, wizard2: wizard2En } },
      ja: { translation: { ...ja, ui: uiJa, decision: decisionJa, published: publishedJa, fleet: fleetJa, ownModel: ownModelJa, memo2: memo2Ja, ux: uxJa, glossary: glossaryJa, pilot: pilotJa, hardware: hardwareJa, hardening: hardeningJa, result: resultJa, wizard2: wizard2Ja } },
    },
    initAsync: false,
    // Texts go to the DOM through Svelte or into a PDF, never into HTML by concatenation.
    interpolation: { escapeValue: false },
    // Keys such as "structured-2:4" contain a colon; there are no namespaces to separate.
    nsSeparator: false,
    returnNull: false,
  });
  instances.set(language, instance.t);
  return instance.t;
}

/** The glossary's terms: the keys Term.svelte and the memo look up. */
export type GlossaryKey = keyof typeof glossaryEn;
export const GLOSSARY_KEYS = Object.keys(glossaryEn) as GlossaryKey[];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function translator(language: Language): Translator {
  const locale = LOCALES[language];
  const ja = language === 'ja';
  const number = (value: number, digits = 3): string => {
    if (value !== 0 && Math.abs(value) < SMALLEST_SHOWN / 2) {
      const smallest = plainNumber(locale, SMALLEST_SHOWN, 1);
      return ja ? `${smallest}未満` : `< ${smallest}`;
    }
    return plainNumber(locale, value, digits);
  };
  const count = (value: number): string => {
    if (!ja) return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
    return `${value < 0 ? '-' : ''}${japaneseCount(Math.abs(value), 3)}`;
  };
  const money = (value: number, currency: string): string => {
    if (!ja) return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(value);
    const sign = value < 0 ? '▲' : '';
    const magnitude = Math.abs(value);
    if (currency === 'JPY') return `${sign}${japaneseYen(magnitude)}`;
    const word = CURRENCY_WORDS_JA[currency] ?? currency;
    return `${sign}${magnitude < 1e4 ? number(magnitude) : japaneseCount(magnitude, 3)}${word}`;
  };
  return {
    language,
    t: translatorFor(language),
    number,
    count,
    percent: (fraction, digits = 0) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fraction),
    money,
    quantity: (value, unit) => (ja ? `${count(value)}${unit}` : `${count(value)} ${unit}`),
    times: (value) => (ja ? `${number(value)}倍` : `×${number(value)}`),
    span: (low, high) => (ja ? `${low}〜${high}` : `${low}–${high}`),
    distinct: (values, digits = 3) => {
      const differing = new Set(values).size;
      for (let d = digits; d < 8; d++) {
        const texts = values.map((v) => number(v, d));
        if (new Set(texts).size === differing) return texts;
      }
      return values.map((v) => number(v, 8));
    },
    date: (iso) => {
      const day = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      if (Number.isNaN(day.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
    },
  };
}
