/**
 * The Monte Carlo distribution of the recommended option's savings over the horizon: the
 * engine's histogram (0.5th to 99.5th percentile in 30 bins), losses and savings in their own
 * colours and the bin across zero in a neutral grey, with zero and P10, P50 and P90 marked.
 */
import type { RoiResult } from '../roi/evaluate.js';
import { axis, frame, markLineAt, TOP_WITH_AXIS_NAME, verticalAxis } from './frame.js';
import type { ChartFormat, ChartOption } from './option.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface SavingsDistributionLabels {
  title?: string;
  savingsAxis: string;
  /** Axis of the bars: the share of the draws. */
  shareAxis: string;
  series: string;
  zero: string;
  p10: string;
  p50: string;
  p90: string;
  format: ChartFormat;
}

export interface HistogramBar {
  /** Centre of the bin. */
  value: [number, number];
  from: number;
  to: number;
  itemStyle: { color: string };
}

export function savingsDistributionOption(result: RoiResult, labels: SavingsDistributionLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const mc = result.monteCarlo.sparseAdvantage;
  const draws = result.monteCarlo.draws;
  const bins = mc.histogram;
  const data: HistogramBar[] = bins.map((b) => ({
    value: [(b.from + b.to) / 2, b.count],
    from: b.from,
    to: b.to,
    // By sign: a bin wholly below zero is a loss, wholly above a saving; the bin across zero is neither.
    itemStyle: { color: b.to <= 0 ? theme.negative : b.from >= 0 ? theme.positive : theme.neutral },
  }));
  // Zero stays on the axis, so the reader sees how far the distribution is from breaking even.
  const min = Math.min(0, bins[0]!.from);
  const max = Math.max(0, bins[bins.length - 1]!.to);
  // Names only on the lines: P50 and P90 can sit close together. The values belong in the caption or a tooltip.
  const percentile = (name: string, value: number) => markLineAt(theme, { xAxis: value }, name);
  return {
    ...frame(theme, labels.title, { left: 56, right: 28, top: TOP_WITH_AXIS_NAME, bottom: 46 }),
    xAxis: axis(theme, { type: 'value', name: labels.savingsAxis, min, max, formatter: labels.format.money }),
    yAxis: verticalAxis(theme, 56, { type: 'value', name: labels.shareAxis, formatter: (count) => labels.format.percent(count / draws) }),
    series: [
      {
        type: 'bar',
        name: labels.series,
        // Adjacent bins touch: on a value axis the band is the gap between bin centres.
        barWidth: '100%',
        data,
        markLine: {
          symbol: ['none', 'none'],
          silent: true,
          data: [
            // A solid line without a label: the axis already reads 0 there, and a label would cover the bars.
            { ...markLineAt(theme, { xAxis: 0 }, labels.zero, { dashed: false, color: theme.mark }), label: { show: false } },
            percentile(labels.p10, mc.p10),
            percentile(labels.p50, mc.p50),
            percentile(labels.p90, mc.p90),
          ],
        },
      },
    ],
  };
}
