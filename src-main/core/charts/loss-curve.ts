/**
 * Loss against sparsity at the baseline's non-zeros and training compute: the curve
 * L(S, N, (1−S)·D_dense) whose minimum is S_opt (training is charged at the dense size, so a
 * sparser model sees less data). The law's fitted sparsity range is shaded.
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
  format: ChartFormat;
}

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

export function lossCurveOption(result: RoiResult, labels: LossCurveLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const { sparsity: optimal, loss: optimalLoss } = result.optimal;
  const end = lossCurveEnd(result);
  const fitted = result.law.fittedRange?.sparsity ?? null;
  const optimalLabel = `${labels.optimal} ${labels.format.percent(optimal)}`;
  const points = lossCurvePoints(result);
  // Enough decimals that neighbouring ticks differ: losses near S_opt differ in the third digit.
  const losses = points.map(([, l]) => l);
  const span = Math.max(...losses) - Math.min(...losses);
  const decimals = Math.min(4, Math.max(1, Math.ceil(-Math.log10(span / 5))));
  const left = 64;
  return {
    ...frame(theme, labels.title, { left, right: 24, top: TOP_WITH_AXIS_NAME, bottom: 46 }),
    xAxis: axis(theme, { type: 'value', name: labels.sparsityAxis, min: 0, max: end, formatter: labels.format.percent }),
    yAxis: verticalAxis(theme, left, { type: 'value', name: labels.lossAxis, scale: true, formatter: (v) => labels.format.decimal(v, decimals) }),
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
          data: [markLineAt(theme, { xAxis: optimal }, optimalLabel)],
        },
        markPoint: {
          symbol: 'circle',
          symbolSize: 8,
          itemStyle: { color: theme.mark },
          label: { show: false },
          data: [{ name: optimalLabel, coord: [optimal, optimalLoss] }],
        },
        ...(fitted
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: theme.band },
                label: { ...labelStyle(theme, theme.mutedText), position: 'insideTop' },
                data: [[{ name: labels.fittedRange, xAxis: fitted.min }, { xAxis: Math.min(fitted.max, end) }]],
              },
            }
          : {}),
      },
    ],
  };
}
