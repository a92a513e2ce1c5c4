/**
 * Japanese and English for the core's texts, through one i18next instance per language, and
 * locale-aware number formats. Shared by the CLI, the renderer and the memo.
 */
import i18next, { type TFunction } from 'i18next';
import { en } from './en.js';
import { hardeningEn } from './hardening-en.js';
import { hardeningJa } from './hardening-ja.js';
import { ja } from './ja.js';
import { uiEn } from './ui-en.js';
import { uiJa } from './ui-ja.js';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOCALES: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

export interface Translator {
  language: Language;
  t: TFunction;
  /** Up to 3 significant digits, locale grouping: 1,234 / 1.23 / 0.0123. */
  number(value: number, digits?: number): string;
  /** Large counts in the locale's compact form: 85M / 8500万. */
  count(value: number): string;
  percent(fraction: number, digits?: number): string;
  money(value: number, currency: string): string;
}

const instances = new Map<Language, TFunction>();

function translatorFor(language: Language): TFunction {
  const cached = instances.get(language);
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    resources: {
      en: { translation: { ...en, ui: uiEn, hardening: hardeningEn } },
      ja: { translation: { ...ja, ui: uiJa, hardening: hardeningJa } },
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

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function translator(language: Language): Translator {
  const locale = LOCALES[language];
  return {
    language,
    t: translatorFor(language),
    number: (value, digits = 3) => new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(value),
    count: (value) => new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(value),
    percent: (fraction, digits = 0) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fraction),
    money: (value, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(value),
  };
}
