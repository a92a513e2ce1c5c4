/**
 * The current language and the formatting that follows it. Texts come from the core's
 * translator (one source for app, memo and CLI); switching language re-renders everything.
 */
import { translator, type GlossaryKey, type Language, type Translator } from '../../src-main/core/i18n/index.js';

const STORAGE_KEY = 'sparsity-advisor.language';

class I18n {
  language = $state<Language>('en');
  tr: Translator = $derived(translator(this.language));

  /** A text of the app's screens (the `ui.` namespace) or of the core. */
  t = (key: string, options?: Record<string, unknown>): string => this.tr.t(key, options) as string;
  ui = (key: string, options?: Record<string, unknown>): string => this.tr.t(`ui.${key}`, options) as string;
  /** A text of the inputs' plain-language layer (the `ux.` namespace: errors, glossary buttons, tables). */
  ux = (key: string, options?: Record<string, unknown>): string => this.tr.t(`ux.${key}`, options) as string;
  /** A glossary entry: the term and its two-sentence explanation. */
  glossary = (key: GlossaryKey): { term: string; text: string } => ({
    term: this.tr.t(`glossary.${key}.term`) as string,
    text: this.tr.t(`glossary.${key}.text`) as string,
  });
  /** The word for the scenario's currency inside a unit: 円 in Japanese, the code in English. */
  currencyUnit = (code: string): string => this.tr.t(`ux.currencyUnit.${code}`, { defaultValue: code }) as string;

  /** First run follows the OS language; later runs keep the user's choice. */
  start(osLanguage: Language): void {
    const saved = safeStorage()?.getItem(STORAGE_KEY);
    this.set(saved === 'en' || saved === 'ja' ? saved : osLanguage);
  }

  set(language: Language): void {
    this.language = language;
    safeStorage()?.setItem(STORAGE_KEY, language);
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const i18n = new I18n();
