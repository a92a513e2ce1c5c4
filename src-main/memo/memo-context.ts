/**
 * What every section of the memo reads: the inputs, the evaluated result and its words, the options
 * the decision is between, the number formats and the layout. Built once per memo by generate-memo.ts.
 */
import type { TFunction } from 'i18next';
import type { ChartLabels } from '../core/charts/labels.js';
import type { BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { LOCALES, type Language, type Translator } from '../core/i18n/index.js';
import type { EvaluatedOption, RoiResult } from '../core/roi/evaluate.js';
import { optionLabel, type Explanation } from '../core/roi/explain.js';
import type { Scenario } from '../core/roi/scenario.js';
import type { MemoFormat } from './memo-format.js';
import type { MemoLayout } from './pdf-layout.js';

export interface MemoContext {
  layout: MemoLayout;
  language: Language;
  tr: Translator;
  t: TFunction;
  f: MemoFormat;
  scenario: Scenario;
  benchmark: BenchmarkResult | null;
  result: RoiResult;
  explanation: Explanation;
  /** Today's model: the dense model as planned, or the trained model kept as it is. */
  baseline: EvaluatedOption;
  /** The best action: the option the headline recommends. */
  headline: EvaluatedOption;
  /** The best sparse option of today's quality, when there is one. */
  sparse: EvaluatedOption | null;
  /** The best non-sparse option, which the verdict on sparsity compares against. */
  alternative: EvaluatedOption;
  labels: ChartLabels;
  date: string;
  appVersion: string;
  revision: number | null;
  contentHash: string;
  /** The option's name as every table, chart and page of the memo prints it. */
  name(option: EvaluatedOption): string;
  /** A count with the law's data unit: "1.8B images" / "18億枚". */
  data(value: number): string;
  /** The memo date in the reader's style: "November 27, 2026" / "2026年11月27日". */
  longDate(isoDate: string): string;
}

export function longDate(language: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function optionNamer(result: RoiResult, tr: Translator): (option: EvaluatedOption) => string {
  return (option) => optionLabel(option, tr, result.status);
}

/** Section headings in the order the memo prints them; appendices carry their letter in the text. */
export function sectionTitle(c: MemoContext, key: string, number?: number): string {
  const title = c.t(`memo2.section.${key}`);
  return number === undefined ? title : `${number}. ${title}`;
}

/** Sparse options are those that carry zeros: trained sparse, or today's model pruned. */
export function isSparse(option: Pick<EvaluatedOption, 'kind'>): boolean {
  return option.kind === 'sparse' || option.kind === 'pruned';
}
