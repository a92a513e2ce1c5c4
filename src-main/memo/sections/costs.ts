/**
 * The cost of every option, as present values, one table per group: options of today's quality are
 * compared; lower-quality options are shown apart and labelled; options below the quality floor or
 * missing the takt time are listed for completeness. The recommended option's row is bold. One
 * payback definition is printed under the tables, and the cost and savings-over-time charts follow.
 */
import { costOfOwnershipOption } from '../../core/charts/cost-of-ownership.js';
import { savingsOverTimeOption } from '../../core/charts/savings-over-time.js';
import type { EvaluatedOption, OptionGroup } from '../../core/roi/evaluate.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';
import { COLOR, type Column } from '../pdf-layout.js';
import { inGroup, paybackCell } from './describe.js';

const GROUPS: OptionGroup[] = ['compared', 'lower-quality', 'below-floor', 'misses-latency'];

/** Every money figure the cost tables print, so all of them share one unit. */
function moneyValues(c: MemoContext): number[] {
  return c.result.options.flatMap((o) => [o.cost.training, o.cost.pruning, o.cost.engineering, o.cost.data, o.cost.running, o.cost.total, o.savings]);
}

/** The columns of the cost table; the quality column only when some option is not of today's quality. */
export function costColumns(c: MemoContext): { column: Column; cell: (o: EvaluatedOption) => string }[] {
  const { t, f, result } = c;
  const values = moneyValues(c);
  const money = (v: number) => f.cell(v, values);
  const any = (pick: (o: EvaluatedOption) => number) => result.options.some((o) => pick(o) > 0);
  const number = { align: 'right' as const, width: 1 };
  const col = (key: string, cell: (o: EvaluatedOption) => string, extra: Partial<Column> = {}) => ({
    column: { header: t(`memo2.costs.column.${key}`), ...number, ...extra },
    cell,
  });
  return [
    col('option', (o) => c.name(o), { align: 'left', width: 3, wrap: true }),
    col('training', (o) => money(o.cost.training)),
    ...(any((o) => o.cost.pruning) ? [col('pruning', (o) => money(o.cost.pruning))] : []),
    col('engineering', (o) => money(o.cost.engineering)),
    ...(any((o) => o.cost.data) ? [col('data', (o) => money(o.cost.data))] : []),
    col('serving', (o) => money(o.cost.running)),
    col('total', (o) => money(o.cost.total)),
    col('savings', (o) => (o.kind === 'baseline' ? t('memo2.costs.none') : money(o.savings))),
    col('payback', (o) => paybackCell(c, o)),
    ...(result.options.some((o) => o.group !== 'compared') ? [col('quality', (o) => f.percent(o.sizeEquivalent))] : []),
    ...(result.deploymentKind === 'fleet' ? [col('devices', (o) => (o.fleet ? c.tr.number(o.fleet.devicesBought, 6) : t('memo2.costs.none')))] : []),
  ];
}

export function costsSection(c: MemoContext, number: number): void {
  const { t, f, layout, result, scenario } = c;
  const horizon = result.inputs.horizonMonths;
  layout.heading(sectionTitle(c, 'costs', number), 140);
  layout.paragraph(
    t('memo2.costs.intro', {
      horizon,
      rate: f.rate(scenario.decision.discountRate.value),
      unit: f.tableUnit(moneyValues(c)),
      baseline: c.name(c.baseline),
    }),
    { size: 9 },
  );
  // One table, the groups one after another under their titles, so every column lines up.
  const columns = costColumns(c);
  const ordered = GROUPS.flatMap((group) => inGroup(c, group));
  const sections = new Map<number, string>();
  let row = 0;
  for (const group of GROUPS) {
    const count = inGroup(c, group).length;
    if (count > 0) sections.set(row, t(`memo2.costs.group.${group}`, { floor: f.percent(scenario.decision.qualityFloor.value) }));
    row += count;
  }
  const headlineRow = ordered.findIndex((o) => o.id === c.headline.id);
  layout.table(
    columns.map((x) => x.column),
    ordered.map((o) => columns.map((x) => x.cell(o))),
    { size: 7.5, strong: new Set(headlineRow >= 0 ? [headlineRow] : []), sections },
  );
  const groupNotes = GROUPS.filter((g) => inGroup(c, g).length > 0).map((g) => t(`memo2.costs.groupNote.${g}`, { defaultValue: '' })).filter(Boolean);
  if (groupNotes.length > 0) layout.paragraph(groupNotes.join(t('memo2.sentenceSeparator')), { size: 8.5 });
  const shown = new Set(columns.map((x) => x.column.header));
  const notes = [
    t('memo2.payback.definition', { horizon }),
    t(result.deploymentKind === 'fleet' ? 'memo2.costs.servingFleet' : 'memo2.costs.servingMetered'),
    ...(['pruning', 'engineering', 'data'] as const).filter((k) => shown.has(t(`memo2.costs.column.${k}`))).map((k) => t(`memo2.costs.columnNote.${k}`)),
  ];
  if (result.denseUnavailable) {
    const reason = result.denseUnavailable.startsWith('no dense model') ? 'no-dense' : 'no-gain';
    notes.push(t('memo2.costs.denseUnavailable', { reason: t(`memo2.costs.denseUnavailableReason.${reason}`) }));
  }
  layout.paragraph(notes.join(t('memo2.sentenceSeparator')), { size: 8, color: COLOR.muted });
  layout.chart(costOfOwnershipOption(result, c.labels.costOfOwnership, 'print'), t('memo2.costs.chartCost', { horizon }), Math.max(150, 64 + 22 * result.options.length));
  layout.chart(savingsOverTimeOption(result, c.labels.savingsOverTime, 'print'), t('memo2.costs.chartSavings'), 190);
}
