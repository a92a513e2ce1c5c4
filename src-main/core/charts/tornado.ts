/**
 * The tornado: the advantage of the best sparse option over the best non-sparse one, with each
 * uncertain input at its low and its high value, the others at base. One horizontal bar per input,
 * the widest swing on top; each bar runs from the base case to that end of the input's range.
 */
import type { RoiResult } from '../roi/evaluate.js';
import type { TornadoBar } from '../roi/sensitivity.js';
import { axis, frame, markLineAt, legend } from './frame.js';
import type { ChartFormat, ChartOption, ChartSeries } from './option.js';
import { labelColumn } from './text-width.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface TornadoLabels {
  title?: string;
  savingsAxis: string;
  /** Legend entries: the input at the low and at the high end of its range. */
  low: string;
  high: string;
  base: (savings: number) => string;
  /** The category label of an input, e.g. "Requests per day (0.9M–1.4M)". */
  input: (bar: TornadoBar) => string;
  format: ChartFormat;
}

/** The bars sorted by swing, widest first (the engine already sorts them; the chart does not rely on it). */
export function tornadoBars(result: RoiResult): TornadoBar[] {
  return [...result.tornado].sort((a, b) => b.swing - a.swing);
}

export function tornadoOption(result: RoiResult, labels: TornadoLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const bars = tornadoBars(result);
  const sparse = result.options.find((o) => o.id === result.bestSparseId);
  const other = result.options.find((o) => o.id === result.alternativeId)!;
  const base = sparse ? other.cost.total - sparse.cost.total : 0;
  const categories = bars.map(labels.input);
  // Each end is drawn as a stacked pair: an invisible bar from 0 to the nearer edge, then the
  // visible segment between the base case and that end. 'all' stacks across signs, so the
  // segment lands in the right place when savings are negative.
  const end = (which: 'low' | 'high', name: string, color: string): ChartSeries[] => {
    const at = (bar: TornadoBar) => (which === 'low' ? bar.advantageAtLow : bar.advantageAtHigh);
    const common = { type: 'bar' as const, stack: which, stackStrategy: 'all', barWidth: 16, barGap: '-100%' };
    return [
      { ...common, name: `${name} offset`, silent: true, itemStyle: { color: 'transparent' }, data: bars.map((b) => Math.min(base, at(b))) },
      { ...common, name, itemStyle: { color }, data: bars.map((b) => Math.abs(at(b) - base)) },
    ];
  };
  const [lowOffset, lowBar] = end('low', labels.low, theme.low);
  const [highOffset, highBar] = end('high', labels.high, theme.high);
  lowBar!.markLine = {
    symbol: ['none', 'none'],
    silent: true,
    // The category axis is inverted (widest swing on top), so the line's start is at the top.
    data: [markLineAt(theme, { xAxis: base }, labels.base(base), { dashed: false, position: 'start' })],
  };
  return {
    ...frame(theme, labels.title, { left: labelColumn(categories, theme.fontSize - 1), right: 28, top: 46, bottom: 46 }),
    legend: legend(theme, labels.title, [labels.low, labels.high]),
    xAxis: axis(theme, { type: 'value', name: labels.savingsAxis, formatter: labels.format.money }),
    yAxis: { ...axis(theme, { type: 'category', name: '', data: categories, inverse: true }), axisTick: { show: false } },
    series: [lowOffset!, lowBar!, highOffset!, highBar!],
  };
}
