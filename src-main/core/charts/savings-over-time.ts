/**
 * Cumulative savings of the recommended option against the dense baseline, month by month:
 * the up-front gap at month 0, then each month's serving savings. The zero line, the payback
 * month and the break-even crossing are marked.
 */
import type { EvaluatedOption, RoiResult } from '../roi/evaluate.js';
import { axis, frame, labelStyle, markLineAt, TOP_WITH_AXIS_NAME, verticalAxis } from './frame.js';
import type { ChartFormat, ChartOption } from './option.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface SavingsOverTimeLabels {
  title?: string;
  monthAxis: string;
  savingsAxis: string;
  /** Series name, e.g. "Cumulative savings". */
  series: string;
  zero: string;
  payback: (month: number) => string;
  breakEven: string;
  format: ChartFormat;
}

/** The option the recommendation is about (the best sparse option). */
export function recommendedOption(result: RoiResult): EvaluatedOption {
  const id = result.recommendation.optionId ?? result.bestSparseId;
  return result.options.find((o) => o.id === id) ?? result.options.find((o) => o.id === result.bestSparseId)!;
}

/** [month, cumulative savings] from month 0 (the up-front gap) to the end of the horizon. */
export function savingsOverTimePoints(result: RoiResult): [number, number][] {
  const option = recommendedOption(result);
  const baseline = result.options[0]!;
  const start = baseline.cost.upfront - option.cost.upfront;
  return [[0, start], ...option.breakEven.cumulativeSavings.map((v, i): [number, number] => [i + 1, v])];
}

/** Where the cumulative savings cross zero, interpolated within the payback month; null if they do not within the horizon. */
export function breakEvenCrossing(points: readonly [number, number][], paybackMonth: number | null): number | null {
  if (paybackMonth === null || paybackMonth < 1 || paybackMonth >= points.length) return null;
  const [, before] = points[paybackMonth - 1]!;
  const [, after] = points[paybackMonth]!;
  if (before >= 0 || after < 0) return paybackMonth;
  return paybackMonth - 1 + -before / (after - before);
}

export function savingsOverTimeOption(result: RoiResult, labels: SavingsOverTimeLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const option = recommendedOption(result);
  const points = savingsOverTimePoints(result);
  const horizon = points.length - 1;
  const payback = option.breakEven.paybackMonth;
  const crossing = breakEvenCrossing(points, payback);
  // The zero line's label sits at the right end, where the curve is furthest from zero.
  const marks = [markLineAt(theme, { yAxis: 0 }, labels.zero, { position: 'insideEndTop', dashed: false, color: theme.axisLine })];
  if (crossing !== null && payback !== null) marks.push(markLineAt(theme, { xAxis: payback }, labels.payback(payback)));
  return {
    ...frame(theme, labels.title, { left: 72, right: 28, top: TOP_WITH_AXIS_NAME, bottom: 46 }),
    xAxis: axis(theme, { type: 'value', name: labels.monthAxis, min: 0, max: horizon, formatter: (m) => String(m) }),
    yAxis: verticalAxis(theme, 72, { type: 'value', name: labels.savingsAxis, formatter: labels.format.money }),
    series: [
      {
        type: 'line',
        name: labels.series,
        data: points,
        showSymbol: false,
        lineStyle: { color: theme.line, width: 2 },
        itemStyle: { color: theme.line },
        markLine: { symbol: ['none', 'none'], silent: true, data: marks },
        ...(crossing !== null
          ? {
              markPoint: {
                symbol: 'circle',
                symbolSize: 9,
                itemStyle: { color: theme.mark },
                // Right of the point and just under the zero line: the curve is above zero there, the axis labels far away.
                label: { ...labelStyle(theme), formatter: labels.breakEven, position: [10, 6] },
                data: [{ name: labels.breakEven, coord: [crossing, 0] }],
              },
            }
          : {}),
      },
    ],
  };
}
