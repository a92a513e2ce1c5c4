/** Section 4: the cost of ownership of every option at equal quality, as a table and a stacked chart. */
import { costOfOwnershipOption } from '../../core/charts/cost-of-ownership.js';
import { optionName } from '../../core/charts/labels.js';
import type { EvaluatedOption } from '../../core/roi/evaluate.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';
import type { Column } from '../pdf-layout.js';

/** The engine states why no smaller dense model is offered in English; the memo says it in the reader's language. */
function smallerDenseReason(reason: string): 'no-more-data' | 'costs-more' | null {
  if (reason.startsWith('no more data')) return 'no-more-data';
  if (reason.startsWith('with this inference volume')) return 'costs-more';
  return null;
}

function payback(c: MemoContext, o: EvaluatedOption): string {
  if (o.kind === 'dense-baseline') return c.t('memo.table.none');
  const month = o.breakEven.paybackMonth;
  if (month === 0) return c.t('memo.table.atOnce');
  return month === null || month > c.result.inputs.horizonMonths ? c.t('memo.table.never') : String(month);
}

export function costsSection(c: MemoContext, number: number): void {
  const { t, tr, layout, result } = c;
  const none = t('memo.table.none');
  layout.heading(sectionTitle(c, number, 'costs'), 120);
  layout.paragraph(
    t('memo.table.caption', { loss: tr.number(result.targetLoss, 4), horizon: result.inputs.horizonMonths, currency: result.currency }),
    { size: 9 },
  );
  const money = (v: number) => c.money(v);
  // Retraining costs only on the prune-and-retrain route; a column of zeros would crowd the table.
  const withPruning = result.options.some((o) => o.cost.pruning > 0);
  const columns: { column: Column; cell: (o: EvaluatedOption) => string }[] = [
    { column: { header: t('memo.table.option'), width: 0.2, wrap: true }, cell: (o) => optionName(o, tr) },
    { column: { header: t('memo.table.nonzero'), width: 0.06, align: 'right' }, cell: (o) => tr.count(o.nonzero) },
    { column: { header: t('memo.table.speedup'), width: 0.06, align: 'right' }, cell: (o) => (o.kind === 'sparse' ? `×${tr.number(o.speedup.value)}` : none) },
    { column: { header: t('memo.table.training'), width: 0.08, align: 'right' }, cell: (o) => money(o.cost.training) },
    ...(withPruning ? [{ column: { header: t('memo.table.pruning'), width: 0.08, align: 'right' as const }, cell: (o: EvaluatedOption) => money(o.cost.pruning) }] : []),
    { column: { header: t('memo.table.engineering'), width: 0.08, align: 'right' }, cell: (o) => money(o.cost.engineering) },
    { column: { header: t('memo.table.inference'), width: 0.08, align: 'right' }, cell: (o) => money(o.cost.inference) },
    { column: { header: t('memo.table.total'), width: 0.08, align: 'right' }, cell: (o) => money(o.cost.total) },
    { column: { header: t('memo.table.savings'), width: 0.08, align: 'right' }, cell: (o) => (o.kind === 'dense-baseline' ? none : money(o.savings)) },
    { column: { header: t('memo.table.payback'), width: 0.06, align: 'right' }, cell: (o) => payback(c, o) },
    {
      column: { header: t('memo.table.breakEvenSpeedup'), width: 0.07, align: 'right' },
      cell: (o) => (o.kind !== 'sparse' ? none : o.breakEven.speedup === null ? t('memo.table.never') : `×${tr.number(o.breakEven.speedup)}`),
    },
    {
      column: { header: t('memo.table.breakEvenVolume'), width: 0.07, align: 'right' },
      cell: (o) => (o.kind === 'dense-baseline' ? none : o.breakEven.requestsPerDay === null ? t('memo.table.never') : tr.count(o.breakEven.requestsPerDay)),
    },
  ];
  layout.table(
    columns.map((c) => c.column),
    result.options.map((o) => columns.map((c) => c.cell(o))),
    7,
  );
  if (result.smallerDenseUnavailable) {
    const key = smallerDenseReason(result.smallerDenseUnavailable);
    layout.paragraph(key ? t(`memo.table.smallerDenseUnavailable.${key}`) : result.smallerDenseUnavailable, { size: 9 });
  }
  layout.chart(
    costOfOwnershipOption(result, c.labels.costOfOwnership, 'print'),
    t('memo.chart.costOfOwnership.caption', { horizon: result.inputs.horizonMonths }),
    Math.max(160, 70 + 24 * result.options.length),
  );
}
