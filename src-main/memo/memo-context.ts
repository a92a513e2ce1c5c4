/** What every section of the memo reads: the inputs, the evaluated result and its words, and the layout. */
import type { TFunction } from 'i18next';
import type { ChartLabels } from '../core/charts/labels.js';
import type { BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { LOCALES, type Language, type Translator } from '../core/i18n/index.js';
import type { EvaluatedOption, RoiResult } from '../core/roi/evaluate.js';
import type { Explanation } from '../core/roi/explain.js';
import type { Scenario } from '../core/roi/scenario.js';
import type { MemoLayout } from './pdf-layout.js';

export interface MemoContext {
  layout: MemoLayout;
  language: Language;
  tr: Translator;
  t: TFunction;
  scenario: Scenario;
  benchmark: BenchmarkResult | null;
  result: RoiResult;
  explanation: Explanation;
  /** The option the recommendation is about. */
  option: EvaluatedOption;
  labels: ChartLabels;
  date: string;
  appVersion: string;
  revision: number | null;
  contentHash: string;
  money(value: number): string;
  /** A count with the law's data unit: "1.8B images" / "18億 枚の画像". */
  data(value: number): string;
  /** The memo date in the reader's style: "27 November 2026" / "2026年11月27日". */
  longDate(isoDate: string): string;
}

export function longDate(language: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** Numbered section headings in the order the memo prints them. */
export function sectionTitle(c: MemoContext, number: number, key: string): string {
  return `${number}. ${c.t(`memo.section.${key}`)}`;
}
