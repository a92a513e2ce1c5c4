import { describe, expect, it } from 'vitest';
import { costOfOwnershipOption } from '../../../src-main/core/charts/cost-of-ownership.js';
import { chartLabels } from '../../../src-main/core/charts/labels.js';
import { fittedSpan, lossCurveOption } from '../../../src-main/core/charts/loss-curve.js';
import type { ChartOption } from '../../../src-main/core/charts/option.js';
import { savingsDistributionOption } from '../../../src-main/core/charts/savings-distribution.js';
import { savingsOverTimeOption } from '../../../src-main/core/charts/savings-over-time.js';
import { CHART_STYLES, type ChartStyle } from '../../../src-main/core/charts/theme.js';
import { tornadoOption } from '../../../src-main/core/charts/tornado.js';
import { evaluateScenario } from '../../../src-main/core/roi/evaluate.js';
import { chartSvg } from '../../../src-main/memo/chart-svg.js';
import { exampleScenario } from '../../support/scenarios.js';

const result = evaluateScenario(exampleScenario('internal-documents', 'ja'));

const builders: [string, (language: 'en' | 'ja', style: ChartStyle) => { option: ChartOption; names: string[] }][] = [
  ['loss vs sparsity', (l, s) => {
    const labels = chartLabels(result, l).lossCurve;
    // The example is extrapolated on every point of the curve: the chart says so instead of shading.
    const range = fittedSpan(result) ? labels.fittedRange : labels.outsideRange;
    return { option: lossCurveOption(result, labels, s), names: [labels.sparsityAxis, labels.lossAxis, range, labels.baseline(result.optimal.denseLoss)] };
  }],
  ['cost of ownership', (l, s) => {
    const labels = chartLabels(result, l).costOfOwnership;
    return { option: costOfOwnershipOption(result, labels, s), names: [labels.costAxis, labels.training, labels.inference, labels.option(result.options[0]!)] };
  }],
  ['savings over time', (l, s) => {
    const labels = chartLabels(result, l).savingsOverTime;
    return { option: savingsOverTimeOption(result, labels, s), names: [labels.monthAxis, labels.savingsAxis, labels.zero] };
  }],
  ['tornado', (l, s) => {
    const labels = chartLabels(result, l).tornado;
    return { option: tornadoOption(result, labels, s), names: [labels.savingsAxis, labels.low, labels.high, labels.input(result.tornado[0]!)] };
  }],
  ['Monte Carlo distribution', (l, s) => {
    const labels = chartLabels(result, l).savingsDistribution;
    return { option: savingsDistributionOption(result, labels, s), names: [labels.savingsAxis, labels.shareAxis, labels.p10, labels.p50, labels.p90] };
  }],
];

/** Text as ECharts writes it into SVG: XML-escaped. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(builders)('%s renders with ECharts server-side SVG', (_name, build) => {
  it.each(CHART_STYLES.flatMap((style) => (['en', 'ja'] as const).map((language) => [style, language] as const)))(
    'in the %s style, in %s: vectors and labels, no halo over the text',
    (style, language) => {
      const { option, names } = build(language, style);
      const svg = chartSvg(option, 600, 320);
      expect(svg.startsWith('<svg')).toBe(true);
      for (const name of names) expect(svg).toContain(escaped(name));
      expect(svg).not.toContain('<image');
      // svg-to-pdfkit ignores paint-order, so a halo stroke would be painted over the glyphs.
      expect(svg).not.toMatch(/<text[^>]*paint-order/);
    },
  );
});
