/**
 * Two or more saved scenarios side by side: one row per figure a manager compares (the
 * recommendation, its probability and confidence, the money, payback, speed-up, data), one column
 * per scenario, every cell formatted in the reader's language. Pure, so Library.svelte only renders.
 */
import { optionName } from '../../src-main/core/charts/labels.js';
import { headlineOption } from '../../src-main/core/charts/savings-over-time.js';
import type { Translator } from '../../src-main/core/i18n/index.js';
import type { RoiResult } from '../../src-main/core/roi/evaluate.js';

export interface ComparisonRow {
  id: string;
  label: string;
  cells: string[];
}

/** "likely (70%)" / "「可能性が高い」（70%）": a value with a note in the language's brackets. */
function withNote(tr: Translator, main: string, note: string, quoted = false): string {
  return tr.language === 'ja' ? `${quoted ? `「${main}」` : main}（${note}）` : `${main} (${note})`;
}

export function comparisonRows(results: readonly RoiResult[], tr: Translator): ComparisonRow[] {
  const { t } = tr;
  const row = (id: string, cell: (r: RoiResult) => string): ComparisonRow => ({ id, label: t(`ux.library.row.${id}`), cells: results.map(cell) });
  return [
    row('level', (r) => t(`level.${r.recommendation.level}`)),
    row('option', (r) => optionName(headlineOption(r), tr, r.status)),
    row('probability', (r) => withNote(tr, t(`likelihood.${r.recommendation.likelihood}`), tr.percent(r.recommendation.probability), true)),
    row('confidence', (r) => t(`confidence.${r.recommendation.confidence}`)),
    row('savings', (r) => tr.money(headlineOption(r).savings, r.currency)),
    row('total', (r) => tr.money(headlineOption(r).cost.total, r.currency)),
    row('payback', (r) => {
      const month = headlineOption(r).paybackMonth;
      return month === null ? t('ui.result.never') : t('ux.library.months', { count: month });
    }),
    row('speedup', (r) => {
      const s = headlineOption(r).speedup;
      return withNote(tr, tr.times(s.value), t(`memo2.speedupKind.${s.kind}`));
    }),
    row('optimal', (r) => tr.percent(r.optimal.sparsity)),
    row('data', (r) => tr.times(r.dataPosition.trainingRatio)),
    row('requests', (r) => (r.inputs.metered ? tr.count(r.inputs.metered.requestsPerDay) : '—')),
    row('horizon', (r) => t('ux.library.months', { count: r.inputs.horizonMonths })),
  ];
}
