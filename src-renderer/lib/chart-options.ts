/**
 * The result page's charts, built by the same option builders and labels as the PDF memo,
 * styled for the app's current theme.
 */
import {
  chartLabels,
  costOfOwnershipOption,
  lossCurveOption,
  savingsDistributionOption,
  savingsOverTimeOption,
  tornadoOption,
  type ChartOption,
} from '../../src-main/core/charts/index.js';
import { chartFormat } from '../../src-main/core/charts/labels.js';
import { predictedVsMeasuredOption } from '../../src-main/core/charts/predicted-vs-measured.js';
import type { Translator } from '../../src-main/core/i18n/index.js';
import type { RoiResult } from '../../src-main/core/roi/evaluate.js';

export interface ShownChart {
  id: string;
  title: string;
  option: ChartOption;
}

export function chartOptions(result: RoiResult, tr: Translator, style: 'light' | 'dark'): ShownChart[] {
  const labels = chartLabels(result, tr.language);
  const title = (key: string) => tr.t(`ui.result.charts.${key}`);
  return [
    { id: 'loss', title: title('loss'), option: lossCurveOption(result, labels.lossCurve, style) },
    { id: 'cost', title: title('cost'), option: costOfOwnershipOption(result, labels.costOfOwnership, style) },
    { id: 'savings', title: title('savings'), option: savingsOverTimeOption(result, labels.savingsOverTime, style) },
    { id: 'tornado', title: title('tornado'), option: tornadoOption(result, labels.tornado, style) },
    { id: 'montecarlo', title: title('montecarlo'), option: savingsDistributionOption(result, labels.savingsDistribution, style) },
  ];
}

export function fitChartOption(
  outcome: { runs: { loss: number; label?: string | undefined }[]; predicted: number[] },
  tr: Translator,
  style: 'light' | 'dark',
): ChartOption {
  return predictedVsMeasuredOption(
    outcome.runs,
    outcome.predicted,
    {
      measuredAxis: tr.t('ui.fit.measured'),
      predictedAxis: tr.t('ui.fit.predicted'),
      runs: tr.t('ui.fit.runs'),
      agreement: tr.t('ui.fit.agreement'),
      format: chartFormat(tr, 'USD'),
    },
    style,
  );
}
