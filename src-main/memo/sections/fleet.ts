/**
 * For a fleet of owned line PCs: how many PCs each option buys and when, when each line runs out of
 * capacity, each option's latency against the takt time, and the two fleet charts (capacity against
 * demand over time with purchase points, and PCs bought per option). The chart builders are pure core
 * modules handed in by generate-memo.ts, so this section only lays them out.
 */
import type { ChartOption } from '../../core/charts/option.js';
import type { EvaluatedOption } from '../../core/roi/evaluate.js';
import type { FleetPlan } from '../../core/roi/fleet.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';
import { COLOR } from '../pdf-layout.js';

/** What the fleet chart builders take: each option's name and its purchase plan. */
export interface FleetChartEntry {
  optionLabel: string;
  plan: FleetPlan;
}

/** The two fleet charts, from core/charts (capacity-vs-demand.ts and devices-bought.ts). */
export interface FleetCharts {
  capacityVsDemand(entries: FleetChartEntry[], c: MemoContext): ChartOption;
  devicesBought(entries: FleetChartEntry[], c: MemoContext): ChartOption;
}

/** Options with a plan worth drawing: every option but those below the quality floor. */
export function fleetOptions(c: MemoContext): (EvaluatedOption & { fleet: FleetPlan })[] {
  return c.result.options.filter((o): o is EvaluatedOption & { fleet: FleetPlan } => o.fleet !== null && o.group !== 'below-floor');
}

/** Names of the lines in the plan's order: today's lines, then the lines each step adds. */
export function lineNames(c: MemoContext): string[] {
  const d = c.scenario.deployment;
  if (d.kind !== 'fleet') return [];
  const names = d.lines.map((l) => l.name);
  for (const step of d.steps) for (let k = 1; k <= step.addLines; k++) names.push(step.addLines > 1 ? `${step.name} ${k}` : step.name);
  return names;
}

/** Purchases grouped by month: "0: 3, 9: 4" (month: PCs bought). */
export function purchaseText(c: MemoContext, plan: FleetPlan): string {
  const byMonth = new Map<number, number>();
  for (const p of plan.purchases) byMonth.set(p.month, (byMonth.get(p.month) ?? 0) + p.devices);
  if (byMonth.size === 0) return c.t('memo2.compare.none');
  return [...byMonth.entries()].map(([month, devices]) => c.t('memo2.fleet.purchase', { month, devices })).join(c.t('memo2.fleet.separator'));
}

/** Run-out month per line: "Line 3: 14, Line 7: 20", or that every line keeps up. */
export function runOutText(c: MemoContext, plan: FleetPlan): string {
  const names = lineNames(c);
  const out = plan.runOutMonthByLine.flatMap((month, i) => (month === null ? [] : [c.t('memo2.fleet.runOut', { line: names[i] ?? String(i + 1), month })]));
  return out.length === 0 ? c.t('memo2.fleet.allKeepUp') : out.join(c.t('memo2.fleet.separator'));
}

export function fleetSection(c: MemoContext, number: number, charts: FleetCharts | null): void {
  const { t, tr, layout, result, scenario } = c;
  const d = scenario.deployment;
  if (d.kind !== 'fleet') return;
  const options = fleetOptions(c);
  const baseFlops = c.baseline.cost.flopsPerRequest;
  const latency = (o: EvaluatedOption) => d.throughput.latencyMs * (o.cost.flopsPerRequest / baseFlops);
  layout.heading(sectionTitle(c, 'fleet', number), 160);
  layout.paragraph(t('memo2.fleet.intro'), { size: 9 });
  layout.paragraph(
    t('memo2.fleet.throughput', {
      rate: tr.number(d.throughput.requestsPerSecond),
      source: t(`memo2.fleet.throughputSource.${d.throughput.kind}`),
      latency: tr.number(d.throughput.latencyMs),
      budget: tr.number(d.latencyBudgetMs.value),
    }),
    { size: 9 },
  );
  layout.subheading(t('memo2.fleet.devicesTitle'), 60);
  const headlineRow = options.findIndex((o) => o.id === c.headline.id);
  layout.table(
    [
      { header: t('memo2.fleet.column.option'), width: 2.2, wrap: true },
      { header: t('memo2.fleet.column.bought'), width: 0.8, align: 'right' },
      { header: t('memo2.fleet.column.purchases'), width: 2.2, wrap: true },
      { header: t('memo2.fleet.column.runOut'), width: 2.4, wrap: true },
      { header: t('memo2.fleet.column.latency'), width: 0.9, align: 'right' },
    ],
    options.map((o) => [
      c.name(o),
      tr.number(o.fleet.devicesBought, 6),
      purchaseText(c, o.fleet),
      runOutText(c, o.fleet),
      t(o.fleet.meetsLatency ? 'memo2.fleet.latencyValue' : 'memo2.fleet.latencyMissed', { ms: tr.number(latency(o)) }),
    ]),
    { size: 7.5, strong: new Set(headlineRow >= 0 ? [headlineRow] : []) },
  );
  layout.paragraph(t('memo2.fleet.columnNote'), { size: 8, color: COLOR.muted });
  const entries = options.filter((o) => o.group !== 'misses-latency').map((o) => ({ optionLabel: c.name(o), plan: o.fleet }));
  if (!charts) {
    layout.paragraph(t('memo2.fleet.noCharts'), { size: 8, color: COLOR.muted });
    return;
  }
  layout.chart(charts.capacityVsDemand(entries, c), t('memo2.fleet.capacityCaption'), 210);
  layout.chart(charts.devicesBought(entries, c), t('memo2.fleet.devicesCaption', { horizon: result.inputs.horizonMonths }), Math.max(140, 60 + 24 * entries.length));
}
