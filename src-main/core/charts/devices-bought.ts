/**
 * Devices each option buys over the horizon, one horizontal bar per option stacked by reason: new
 * lines (every option fits them out, a faster model with fewer devices), more capacity, and
 * replacement at end of life, with the total at the bar's end. Takes plain plans, like the capacity chart.
 */
import type { PurchaseReason } from '../roi/fleet.js';
import type { FleetChartPlan } from './capacity-vs-demand.js';
import { axis, frame, labelStyle, legend } from './frame.js';
import type { ChartFormat, ChartOption, ChartSeries } from './option.js';
import { chartTextSize, withReadableText } from './readable-text.js';
import { labelColumn, textWidth } from './text-width.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface DevicesBoughtLabels {
  title?: string;
  devicesAxis: string;
  capacity: string;
  'new-line': string;
  replacement: string;
  /** The label at a bar's end, e.g. "12 in all". */
  total: (count: number) => string;
  format: ChartFormat;
}

/** Stacked in this order: what every option must buy first, then what the model changes, then upkeep. */
export const PURCHASE_REASONS = ['new-line', 'capacity', 'replacement'] as const satisfies readonly PurchaseReason[];

export function devicesByReason(plan: FleetChartPlan['plan'], reason: PurchaseReason): number {
  return plan.purchases.reduce((sum, p) => (p.reason === reason ? sum + p.devices : sum), 0);
}

export function devicesBoughtOption(plans: readonly FleetChartPlan[], labels: DevicesBoughtLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const size = chartTextSize(theme.fontSize);
  const categories = plans.map((p) => p.optionLabel);
  const colours: Record<PurchaseReason, string> = { 'new-line': theme.low, capacity: theme.high, replacement: theme.positive };
  const totals = plans.map((p) => PURCHASE_REASONS.reduce((sum, r) => sum + devicesByReason(p.plan, r), 0));
  const totalTexts = totals.map(labels.total);
  const series: ChartSeries[] = PURCHASE_REASONS.map((reason) => ({
    type: 'bar',
    name: labels[reason],
    stack: 'devices',
    barWidth: 18,
    itemStyle: { color: colours[reason] },
    data: plans.map((p) => devicesByReason(p.plan, reason)),
  }));
  // The totals: an invisible bar as long as the stack, laid over it, whose label sits at its end.
  series.push({
    type: 'bar',
    name: 'total',
    barWidth: 18,
    barGap: '-100%',
    silent: true,
    itemStyle: { color: 'transparent' },
    label: { ...labelStyle(theme), show: true, position: 'right', formatter: (p: { dataIndex: number }) => totalTexts[p.dataIndex] },
    data: totals,
  });
  const right = Math.round(Math.max(28, ...totalTexts.map((t) => textWidth(t, size) + 12)));
  return withReadableText({
    ...frame(theme, labels.title, { left: labelColumn(categories, size), right, top: 46, bottom: 46 }),
    legend: legend(theme, labels.title, PURCHASE_REASONS.map((r) => labels[r])),
    xAxis: { ...axis(theme, { type: 'value', name: labels.devicesAxis, min: 0, formatter: labels.format.number }), minInterval: 1 },
    // inverse: the first option is drawn at the top, as in the options table.
    yAxis: { ...axis(theme, { type: 'category', name: '', data: categories, inverse: true }), axisTick: { show: false } },
    series,
  });
}
