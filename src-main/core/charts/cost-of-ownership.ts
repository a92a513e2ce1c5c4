/**
 * Cost of ownership per option over the horizon (present values), stacked: training, pruning and
 * retraining, engineering, data and serving. One horizontal bar per option, the baseline on top.
 */
import type { EvaluatedOption, RoiResult } from '../roi/evaluate.js';
import { axis, frame, legend } from './frame.js';
import type { ChartFormat, ChartOption, ChartSeries } from './option.js';
import { labelColumn } from './text-width.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface CostOfOwnershipLabels {
  title?: string;
  costAxis: string;
  training: string;
  pruning: string;
  engineering: string;
  data: string;
  inference: string;
  /** The category label of an option, e.g. "Sparse 75 %". */
  option: (option: EvaluatedOption) => string;
  format: ChartFormat;
}

export const COST_PARTS = ['training', 'pruning', 'engineering', 'data', 'inference'] as const;

export function costOfOwnershipOption(result: RoiResult, labels: CostOfOwnershipLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const categories = result.options.map(labels.option);
  const series: ChartSeries[] = COST_PARTS.map((part) => ({
    type: 'bar',
    name: labels[part],
    stack: 'cost',
    barMaxWidth: 22,
    itemStyle: { color: theme.cost[part] },
    // Serving is the present value of metered inference, or of a fleet's devices and power.
    data: result.options.map((o) => o.cost[part === 'inference' ? 'running' : part]),
  }));
  return {
    ...frame(theme, labels.title, { left: labelColumn(categories, theme.fontSize - 1), right: 28, top: 34, bottom: 42 }),
    legend: legend(theme, labels.title, series.map((s) => s.name)),
    xAxis: axis(theme, { type: 'value', name: labels.costAxis, formatter: labels.format.money }),
    // inverse: the first option (the dense baseline) is drawn at the top.
    yAxis: { ...axis(theme, { type: 'category', name: '', data: categories, inverse: true }), axisTick: { show: false } },
    series,
  };
}
