/**
 * Predicted error against sparsity at the baseline's non-zeros and training compute: the curve
 * L(S, N, (1−S)·D_dense) whose minimum is S_opt (training is charged at the dense size, so a
 * sparser model sees less data). The axis shows the difference from the dense model (S = 0) in
 * percent and always spans at least ±2 %, so a 0.8 % dip cannot look dramatic; the dense model's
 * error is stated on its zero line. The fitted range is shaded only where the curve's own points
 * (sparsity, non-zeros and data together) lie inside the experiments behind the law.
 */
import { lossUnchecked } from '../law/law.js';
import type { RoiResult } from '../roi/evaluate.js';
import { axis, frame, labelStyle, markLineAt, TOP_WITH_AXIS_NAME, verticalAxis } from './frame.js';
import type { ChartFormat, ChartOption } from './option.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface LossCurveLabels {
  title?: string;
  sparsityAxis: string;
  lossAxis: string;
  /** Series name of the curve. */
  curve: string;
  /** Prefix of the S_opt mark; the sparsity follows it. */
  optimal: string;
  fittedRange: string;
  /** The zero line's label: the dense model and its predicted error. */
  baseline: (loss: number) => string;
  /** Said on the chart when no point of the curve lies inside the fitted range. */
  outsideRange: string;
  format: ChartFormat;
}

/** The smallest half-span of the relative axis: ±2 % around the dense model. */
export const MIN_RELATIVE_SPAN = 0.02;

const STEP = 0.005;

/** Right end of the sparsity axis: past every option and S_opt, short of S → 1 where the loss explodes. */
export function lossCurveEnd(result: RoiResult): number {
  const furthest = Math.max(0.5, result.optimal.sparsity, ...result.options.map((o) => o.sparsity));
  return Math.min(0.97, Math.ceil((furthest + 0.05) * 20) / 20);
}

/** [sparsity, loss] pairs of the curve, S_opt included exactly. */
export function lossCurvePoints(result: RoiResult): [number, number][] {
  const { nonzero, denseData, sparsity: optimal } = result.optimal;
  const k = result.law.coefficients;
  const end = lossCurveEnd(result);
  const sparsities: number[] = [];
  for (let i = 0; i * STEP <= end + 1e-9; i++) sparsities.push(i * STEP);
  if (!sparsities.some((s) => Math.abs(s - optimal) < 1e-9)) sparsities.push(optimal);
  sparsities.sort((a, b) => a - b);
  return sparsities.map((s) => [s, lossUnchecked(k, s, nonzero, (1 - s) * denseData)]);
}

/** The curve as the chart draws it: [sparsity, predicted error relative to the dense model (S = 0)]. */
export function relativeLossPoints(result: RoiResult): [number, number][] {
  const points = lossCurvePoints(result);
  const dense = points[0]![1];
  return points.map(([s, l]) => [s, l / dense - 1]);
}

/**
 * The sparsities of the curve whose point (S, N, (1−S)·D) lies inside the law's fitted range on
 * every axis, as [first, last]; null when none does or the range is not known.
 */
export function fittedSpan(result: RoiResult): [number, number] | null {
  const range = result.law.fittedRange;
  if (!range) return null;
  const { nonzero, denseData } = result.optimal;
  const within = (v: number, r: { min: number; max: number }) => v >= r.min * (1 - 1e-9) && v <= r.max * (1 + 1e-9);
  const inside = lossCurvePoints(result)
    .map(([s]) => s)
    .filter((s) => within(s, range.sparsity) && within(nonzero, range.nonzero) && within((1 - s) * denseData, range.data));
  return inside.length === 0 ? null : [inside[0]!, inside.at(-1)!];
}

export function lossCurveOption(result: RoiResult, labels: LossCurveLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const { sparsity: optimal, loss: optimalLoss } = result.optimal;
  const end = lossCurveEnd(result);
  const fitted = fittedSpan(result);
  const optimalLabel = `${labels.optimal} ${labels.format.percent(optimal)}`;
  const points = relativeLossPoints(result);
  const dense = lossCurvePoints(result)[0]![1];
  const values = points.map(([, v]) => v);
  // At least ±2 % around zero, so a small dip stays small on the page; ticks at a round step.
  const low = Math.min(-MIN_RELATIVE_SPAN, Math.min(...values));
  const high = Math.max(MIN_RELATIVE_SPAN, Math.max(...values));
  const interval = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5].find((step) => (high - low) / step <= 8) ?? 10;
  const min = Math.floor(low / interval - 1e-9) * interval;
  const max = Math.ceil(high / interval - 1e-9) * interval;
  const decimals = interval < 0.01 ? 1 : 0;
  const signed = (v: number) => {
    const text = `${labels.format.decimal(Math.abs(v) * 100, decimals)}%`;
    return Math.abs(v) < interval / 1000 ? `0%` : v > 0 ? `+${text}` : `\u2212${text}`;
  };
  const left = 64;
  const framed = frame(theme, labels.title, { left, right: 24, top: TOP_WITH_AXIS_NAME, bottom: 46 });
  return {
    ...framed,
    xAxis: axis(theme, { type: 'value', name: labels.sparsityAxis, min: 0, max: end, formatter: labels.format.percent }),
    yAxis: { ...verticalAxis(theme, left, { type: 'value', name: labels.lossAxis, min, max, formatter: signed }), interval },
    // Said in a second title (the memo's server-side renderer loads the title component, not graphic).
    ...(fitted
      ? {}
      : {
          title: [
            ...(framed.title ? [framed.title] : []),
            {
              text: labels.outsideRange,
              // On the line of the vertical axis name, right-aligned: above the plot, clear of the S_opt label.
              right: 24,
              top: labels.title ? 28 : 4,
              textStyle: { color: theme.mutedText, fontFamily: theme.fontFamily, fontSize: theme.fontSize - 1, fontWeight: 'normal' },
            },
          ],
        }),
    series: [
      {
        type: 'line',
        name: labels.curve,
        data: points,
        showSymbol: false,
        lineStyle: { color: theme.line, width: 2 },
        itemStyle: { color: theme.line },
        markLine: {
          symbol: ['none', 'none'],
          silent: true,
          data: [
            markLineAt(theme, { xAxis: optimal }, optimalLabel),
            // At the right end, where the curve has left zero: clear of the S_opt point near the left.
            markLineAt(theme, { yAxis: 0 }, labels.baseline(dense), { position: 'insideEndTop', dashed: false, color: theme.axisLine }),
          ],
        },
        markPoint: {
          symbol: 'circle',
          symbolSize: 8,
          itemStyle: { color: theme.mark },
          label: { show: false },
          data: [{ name: optimalLabel, coord: [optimal, optimalLoss / dense - 1] }],
        },
        ...(fitted
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: theme.band },
                label: { ...labelStyle(theme, theme.mutedText), position: 'insideTop' },
                data: [[{ name: labels.fittedRange, xAxis: fitted[0] }, { xAxis: fitted[1] }]],
              },
            }
          : {}),
      },
    ],
  };
}
