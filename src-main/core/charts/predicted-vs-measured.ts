/**
 * A custom fit's quality at a glance: each pilot run's predicted loss against its measured
 * loss, with the diagonal where they agree.
 */
import { axis, frame } from './frame.js';
import type { ChartFormat, ChartOption } from './option.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface PredictedVsMeasuredLabels {
  title?: string;
  measuredAxis: string;
  predictedAxis: string;
  runs: string;
  agreement: string;
  format: ChartFormat;
}

export function predictedVsMeasuredOption(
  runs: readonly { loss: number; label?: string | undefined }[],
  predicted: readonly number[],
  labels: PredictedVsMeasuredLabels,
  style: ChartStyle,
): ChartOption {
  const theme = chartTheme(style);
  const values = [...runs.map((r) => r.loss), ...predicted];
  const pad = (Math.max(...values) - Math.min(...values)) * 0.05 || 0.05;
  const min = Math.min(...values) - pad;
  const max = Math.max(...values) + pad;
  return {
    ...frame(theme, labels.title, { left: 64, right: 24, top: 24, bottom: 48 }),
    xAxis: axis(theme, { type: 'value', name: labels.measuredAxis, min, max, formatter: labels.format.number }),
    yAxis: axis(theme, { type: 'value', name: labels.predictedAxis, min, max, nameGap: 48, formatter: labels.format.number }),
    series: [
      {
        type: 'line',
        name: labels.agreement,
        data: [
          [min, min],
          [max, max],
        ],
        showSymbol: false,
        lineStyle: { color: theme.mutedText, type: 'dashed', width: 1 },
      },
      {
        type: 'scatter',
        name: labels.runs,
        data: runs.map((r, i) => ({ value: [r.loss, predicted[i]], name: r.label ?? `run ${i + 1}` })),
        itemStyle: { color: theme.line },
        symbolSize: 7,
      },
    ],
  };
}
