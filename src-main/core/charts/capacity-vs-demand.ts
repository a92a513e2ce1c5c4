/**
 * A fleet's capacity against its peak demand over the horizon, one stepped line per option and the
 * demand dashed, with a dot at every month in which the option buys devices. Takes plain plans, so
 * the app and the memo draw it from whatever result carries them; demand is the first plan's (every
 * option serves the same demand).
 */
import type { FleetPlan } from '../roi/fleet.js';
import { axis, frame, legend, verticalAxis } from './frame.js';
import type { ChartFormat, ChartOption, ChartSeries } from './option.js';
import { chartTextSize, withReadableText } from './readable-text.js';
import { labelColumn, textWidth } from './text-width.js';
import { chartTheme, type ChartStyle, type ChartTheme } from './theme.js';

/** One option's plan as the fleet charts need it. */
export interface FleetChartPlan {
  optionLabel: string;
  plan: Pick<FleetPlan, 'monthly' | 'purchases'>;
}

export interface CapacityVsDemandLabels {
  title?: string;
  monthAxis: string;
  rateAxis: string;
  demand: string;
  /** Name of the purchase dots, e.g. "Purchases". */
  purchases: string;
  format: ChartFormat;
}

/** Okabe–Ito colours in a fixed order, the theme's own line colour first; a seventh option repeats the first. */
export function optionColour(theme: ChartTheme, index: number): string {
  const otherBlue = theme.line === theme.low ? theme.cost.pruning : theme.low;
  const colours = [theme.line, theme.high, theme.positive, theme.negative, otherBlue, '#CC79A7'];
  return colours[index % colours.length]!;
}

/**
 * [month, value] from month 0 to the horizon's end: a month's value holds until the next month starts,
 * so the last month's value is repeated at the horizon (drawn with step 'end').
 */
export function monthlySteps(plan: FleetChartPlan['plan'], value: (m: FleetPlan['monthly'][number]) => number): [number, number][] {
  const points = plan.monthly.map((m): [number, number] => [m.month, value(m)]);
  const last = plan.monthly.at(-1);
  if (last) points.push([last.month + 1, value(last)]);
  return points;
}

/** [month, capacity that month] for each month in which the option buys devices, for any reason. */
export function purchasePoints(plan: FleetChartPlan['plan']): [number, number][] {
  const months = [...new Set(plan.purchases.map((p) => p.month))].sort((a, b) => a - b);
  return months.map((month): [number, number] => [month, plan.monthly.find((m) => m.month === month)?.capacity ?? 0]);
}

/** Rows the centred legend needs, estimated at `width` px: ECharts wraps it, and the plot must start below it. */
export function legendRows(items: readonly string[], fontSize: number, width = 520): number {
  let rows = 1;
  let used = 0;
  for (const item of items) {
    const w = 25 + 5 + textWidth(item, fontSize) + 18; // icon, gap, text, item gap
    if (used > 0 && used + w > width) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}

export function capacityVsDemandOption(plans: readonly FleetChartPlan[], labels: CapacityVsDemandLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const size = chartTextSize(theme.fontSize);
  const horizon = plans[0]?.plan.monthly.length ?? 0;
  const demand = plans[0] ? monthlySteps(plans[0].plan, (m) => m.demand) : [];
  const highest = Math.max(0, ...demand.map(([, v]) => v), ...plans.flatMap((p) => p.plan.monthly.map((m) => m.capacity)));
  const left = labelColumn([labels.format.number(highest), labels.format.number(highest / 2)], size, 48);
  const legendItems = [labels.demand, ...plans.map((p) => p.optionLabel)];
  const legendHeight = 22 * legendRows(legendItems, size);
  const series: ChartSeries[] = plans.map((p, i) => {
    const colour = optionColour(theme, i);
    const points = purchasePoints(p.plan);
    return {
      type: 'line',
      name: p.optionLabel,
      step: 'end',
      data: monthlySteps(p.plan, (m) => m.capacity),
      showSymbol: false,
      lineStyle: { color: colour, width: 2 },
      itemStyle: { color: colour },
      ...(points.length > 0
        ? {
            markPoint: {
              symbol: 'circle',
              symbolSize: 8,
              itemStyle: { color: colour },
              // No labels: dots of several options can share a month; the devices-bought chart gives the counts.
              label: { show: false },
              data: points.map((coord) => ({ name: labels.purchases, coord })),
            },
          }
        : {}),
    };
  });
  series.unshift({
    type: 'line',
    name: labels.demand,
    step: 'end',
    data: demand,
    showSymbol: false,
    z: 3,
    lineStyle: { color: theme.mark, width: 2, type: 'dashed' },
    itemStyle: { color: theme.mark },
  });
  // Below the legend, with a line for the vertical axis name; frame() adds the title's height.
  const top = legendHeight + 34;
  return withReadableText({
    ...frame(theme, labels.title, { left, right: 28, top, bottom: 46 }),
    legend: { ...legend(theme, labels.title, legendItems), width: '90%' },
    xAxis: axis(theme, { type: 'value', name: labels.monthAxis, min: 0, max: horizon, formatter: (m) => String(m) }),
    yAxis: verticalAxis(theme, left, { type: 'value', name: labels.rateAxis, min: 0, formatter: labels.format.number }),
    series,
  });
}
