import { describe, expect, it } from 'vitest';
import { chartLabels } from '../../../../src-main/core/charts/labels.js';
import { costOfOwnershipOption, COST_PARTS } from '../../../../src-main/core/charts/cost-of-ownership.js';
import { fittedSpan, lossCurveEnd, lossCurveOption, lossCurvePoints, MIN_RELATIVE_SPAN } from '../../../../src-main/core/charts/loss-curve.js';
import type { ChartOption, ChartSeries } from '../../../../src-main/core/charts/option.js';
import { savingsDistributionOption } from '../../../../src-main/core/charts/savings-distribution.js';
import { headlineOption, plottedOptions, savingsOverTimeOption, savingsOverTimePoints } from '../../../../src-main/core/charts/savings-over-time.js';
import { CHART_STYLES, chartTheme } from '../../../../src-main/core/charts/theme.js';
import { tornadoOption } from '../../../../src-main/core/charts/tornado.js';
import { evaluateScenario, type RoiResult } from '../../../../src-main/core/roi/evaluate.js';
import { benchmarkDocument, EXAMPLES, exampleScenario, measuredRow, scenarioWith } from '../../../support/scenarios.js';

/** A language scenario where sparsity pays back within the horizon on measured hardware. */
function paying(): RoiResult {
  const scenario = scenarioWith('t5', (s) => {
    s.baseline.params.value = 84_934_656;
    s.baseline.uniqueData.value = 6.5e10;
    s.data.available.value = 6.5e10;
    if (s.deployment.kind === 'metered') s.deployment.requestsPerDay.value = 2e7;
    s.deployment.speedup = { ...s.deployment.speedup, source: 'measured', assumed: [] };
    s.engineering.personDays.value = 40;
    s.sparsity.candidates = [0.75];
    s.sparsity.includeOptimal = false;
  });
  return evaluateScenario(scenario, benchmarkDocument([measuredRow('cpu', 0.5, 1.6), measuredRow('cpu', 0.75, 2.4)]));
}

const results: [string, RoiResult][] = [
  ...EXAMPLES.map((name): [string, RoiResult] => [name, evaluateScenario(exampleScenario(name))]),
  ['paying', paying()],
];

const series = (option: ChartOption, index = 0): ChartSeries => option.series[index]!;
const markLines = (s: ChartSeries) => (s.markLine as { data: Record<string, unknown>[] }).data;

describe.each(results)('chart options for %s', (_name, result) => {
  const labels = chartLabels(result, 'en');

  it('loss vs sparsity: relative to the dense model, marks S_opt where the curve is lowest, shades only the fitted part', () => {
    const option = lossCurveOption(result, labels.lossCurve, 'print');
    const curve = series(option);
    const points = curve.data as [number, number][];
    const absolute = lossCurvePoints(result);
    expect(markLines(curve)[0]!.xAxis).toBe(result.optimal.sparsity);
    const mark = (curve.markPoint as { data: { coord: [number, number] }[] }).data[0]!.coord;
    // At S = 0 the curve is the dense model on all the data: the optimum's own dense comparison.
    expect(absolute[0]![0]).toBe(0);
    expect(absolute[0]![1]).toBeCloseTo(result.optimal.denseLoss, 12);
    expect(points[0]![1]).toBe(0);
    expect(mark[0]).toBe(result.optimal.sparsity);
    expect(mark[1]).toBeCloseTo(result.optimal.loss / result.optimal.denseLoss - 1, 12);
    const lowest = points.reduce((a, b) => (b[1] < a[1] ? b : a));
    expect(lowest[0]).toBeCloseTo(result.optimal.sparsity, 2);
    expect(points.at(-1)![0]).toBeCloseTo(lossCurveEnd(result), 9);
    expect(points.every(([s], i) => i === 0 || s > points[i - 1]![0])).toBe(true);
    // The axis cannot exaggerate: it spans at least ±2 % and contains every point and zero.
    const axis = option.yAxis as { min: number; max: number; scale?: boolean };
    expect(axis.scale).toBeUndefined();
    expect(axis.min).toBeLessThanOrEqual(-MIN_RELATIVE_SPAN);
    expect(axis.max).toBeGreaterThanOrEqual(MIN_RELATIVE_SPAN);
    for (const [, v] of points) expect(v >= axis.min && v <= axis.max).toBe(true);
    // The zero line states the dense model's predicted error.
    expect(markLines(curve)[1]).toMatchObject({ yAxis: 0, name: labels.lossCurve.baseline(result.optimal.denseLoss) });
    // Shaded exactly where sparsity, non-zeros and data all lie inside the fitted range; else said so.
    const span = fittedSpan(result);
    const area = curve.markArea as { data: [{ xAxis: number }, { xAxis: number }][] } | undefined;
    if (span) {
      expect(area!.data[0]![0].xAxis).toBe(span[0]);
      expect(area!.data[0]![1].xAxis).toBe(span[1]);
      expect(JSON.stringify(option.title ?? null)).not.toContain(labels.lossCurve.outsideRange);
    } else {
      expect(area).toBeUndefined();
      expect(JSON.stringify(option.title)).toContain(labels.lossCurve.outsideRange);
    }
  });

  it('cost of ownership: one stacked bar per option whose parts add up to its total', () => {
    const option = costOfOwnershipOption(result, labels.costOfOwnership, 'print');
    expect(option.series.map((s) => s.name)).toEqual(COST_PARTS.map((p) => labels.costOfOwnership[p]));
    expect(option.series.every((s) => s.stack === 'cost')).toBe(true);
    expect((option.yAxis as { data: string[] }).data).toEqual(result.options.map(labels.costOfOwnership.option));
    result.options.forEach((o, i) => {
      const stacked = option.series.reduce((sum, s) => sum + (s.data[i] as number), 0);
      expect(stacked).toBeCloseTo(o.cost.total, 6);
    });
  });

  it('savings over time: one line per option, each from its up-front gap to its horizon savings; payback of the headline marked', () => {
    const option = savingsOverTimeOption(result, labels.savingsOverTime, 'print');
    const plotted = plottedOptions(result);
    expect(option.series.map((x) => x.name)).toEqual(plotted.map((o) => labels.savingsOverTime.option!(o)));
    plotted.forEach((o, i) => {
      const points = series(option, i).data as [number, number][];
      expect(points).toHaveLength(result.inputs.horizonMonths + 1);
      expect(points).toEqual(savingsOverTimePoints(result, o));
      expect(points[0]![1]).toBeCloseTo(result.options[0]!.cost.upfront - o.cost.upfront, 6);
      // Cumulative savings at the end of the horizon are the option's savings over the horizon.
      expect(points.at(-1)![1]).toBeCloseTo(o.savings, 0);
    });
    if (plotted.length === 0) return;
    const lines = markLines(series(option));
    expect(lines.some((l) => l.yAxis === 0)).toBe(true);
    const headline = headlineOption(result);
    const paybackLine = lines.find((l) => 'xAxis' in l);
    if (headline.kind !== 'baseline' && headline.paybackMonth !== null && headline.paybackMonth > 0) expect(paybackLine?.xAxis).toBe(headline.paybackMonth);
    else expect(paybackLine).toBeUndefined();
  });

  it('tornado: inputs sorted by swing, each bar spanning the base case to the savings at that end', () => {
    const option = tornadoOption(result, labels.tornado, 'print');
    const categories = (option.yAxis as { data: string[]; inverse: boolean }).data;
    const swings = result.tornado.map((b) => b.swing);
    const order = [...result.tornado].sort((a, b) => b.swing - a.swing);
    expect(categories).toEqual(order.map(labels.tornado.input));
    expect([...swings].sort((a, b) => b - a)).toEqual(order.map((b) => b.swing));
    const sparse = result.options.find((o) => o.id === result.bestSparseId);
    const other = result.options.find((o) => o.id === result.alternativeId)!;
    const base = sparse ? other.cost.total - sparse.cost.total : 0;
    const [lowOffset, low, highOffset, high] = option.series;
    order.forEach((bar, i) => {
      const span = (offset: ChartSeries, length: ChartSeries) => [offset.data[i] as number, (offset.data[i] as number) + (length.data[i] as number)];
      const [lowFrom, lowTo] = span(lowOffset!, low!);
      expect(lowFrom).toBeCloseTo(Math.min(base, bar.advantageAtLow), 6);
      expect(lowTo).toBeCloseTo(Math.max(base, bar.advantageAtLow), 6);
      const [highFrom, highTo] = span(highOffset!, high!);
      expect(highFrom).toBeCloseTo(Math.min(base, bar.advantageAtHigh), 6);
      expect(highTo).toBeCloseTo(Math.max(base, bar.advantageAtHigh), 6);
    });
    expect(option.series.every((s) => s.stackStrategy === 'all')).toBe(true);
    expect(markLines(low!)[0]!.xAxis).toBe(base);
  });

  it('Monte Carlo distribution: the histogram counts, zero, P10, P50 and P90', () => {
    const option = savingsDistributionOption(result, labels.savingsDistribution, 'print');
    const mc = { ...result.monteCarlo.sparseAdvantage, draws: result.monteCarlo.draws };
    const bars = series(option).data as { value: [number, number]; from: number; to: number; itemStyle: { color: string } }[];
    expect(bars.map((b) => b.value[1])).toEqual(mc.histogram.map((h) => h.count));
    expect(bars.map((b) => [b.from, b.to])).toEqual(mc.histogram.map((h) => [h.from, h.to]));
    // The bins span the 0.5th to 99.5th percentile: 99 % of the draws.
    const counted = bars.reduce((sum, b) => sum + b.value[1], 0);
    expect(counted).toBeGreaterThanOrEqual(Math.floor(0.99 * mc.draws));
    expect(counted).toBeLessThanOrEqual(mc.draws);
    // By sign: losses, savings, and the bin across zero in the neutral colour, never as a loss.
    const theme = chartTheme('print');
    for (const b of bars) {
      expect(b.itemStyle.color).toBe(b.to <= 0 ? theme.negative : b.from >= 0 ? theme.positive : theme.neutral);
    }
    expect(markLines(series(option)).map((l) => l.xAxis)).toEqual([0, mc.p10, mc.p50, mc.p90]);
    const axis = option.xAxis as { min: number; max: number };
    expect(axis.min).toBeLessThanOrEqual(Math.min(0, mc.histogram[0]!.from));
    expect(axis.max).toBeGreaterThanOrEqual(Math.max(0, mc.histogram.at(-1)!.to));
  });
});

it('the paying scenario recommends sparsity and pays back inside its horizon, so the payback mark above is exercised', () => {
  const result = results.find(([name]) => name === 'paying')![1];
  const headline = headlineOption(result);
  expect(headline.kind).toBe('sparse');
  expect(headline.paybackMonth!).toBeGreaterThanOrEqual(1);
  expect(headline.paybackMonth!).toBeLessThan(result.inputs.horizonMonths);
  const points = savingsOverTimePoints(result, headline);
  expect(points[headline.paybackMonth! - 1]![1]).toBeLessThan(0);
  expect(points[headline.paybackMonth!]![1]).toBeGreaterThanOrEqual(0);
});

describe('chart styles and labels', () => {
  const result = results[0]![1];

  it('print charts have no animation and no tooltip; screen charts have both', () => {
    for (const style of CHART_STYLES) {
      const option = lossCurveOption(result, chartLabels(result, 'en').lossCurve, style);
      expect(option.animation).toBe(style !== 'print');
      expect('tooltip' in option).toBe(style !== 'print');
    }
  });

  it('the dark style draws light text on the dark theme', () => {
    const light = costOfOwnershipOption(result, chartLabels(result, 'en').costOfOwnership, 'light');
    const dark = costOfOwnershipOption(result, chartLabels(result, 'en').costOfOwnership, 'dark');
    expect((light.textStyle as { color: string }).color).not.toBe((dark.textStyle as { color: string }).color);
  });

  it('labels come in the reader’s language, with a typographic minus on negative money', () => {
    const ja = chartLabels(result, 'ja');
    const en = chartLabels(result, 'en');
    expect(ja.lossCurve.sparsityAxis).toBe('スパース率');
    expect(en.lossCurve.sparsityAxis).toBe('Sparsity');
    expect(ja.costOfOwnership.option(result.options[0]!)).toBe('現行モデルを継続');
    expect(en.tornado.format.money(-2_600_000)).toBe('\u2212¥2.6M');
    expect(ja.tornado.format.money(-2_600_000)).toBe('▲260万円');
  });
});

describe('fitted range and type size', () => {
  it('shades no part of the curve when the model is bigger than any the law was fitted on', () => {
    const result = results[0]![1];
    const outside = { ...result, optimal: { ...result.optimal, nonzero: result.law.fittedRange!.nonzero.max * 3 } };
    expect(fittedSpan(outside)).toBeNull();
    const inside = {
      ...result,
      optimal: { ...result.optimal, nonzero: result.law.fittedRange!.nonzero.min * 2, denseData: result.law.fittedRange!.data.max },
    };
    const span = fittedSpan(inside)!;
    expect(span[0]).toBeGreaterThanOrEqual(result.law.fittedRange!.sparsity.min);
    expect(span[1]).toBeLessThanOrEqual(result.law.fittedRange!.sparsity.max);
  });

  /** Every fontSize anywhere in an option. */
  function fontSizes(node: unknown, out: number[] = []): number[] {
    if (Array.isArray(node)) node.forEach((n) => fontSizes(n, out));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'fontSize' && typeof value === 'number') out.push(value);
        else fontSizes(value, out);
      }
    }
    return out;
  }

  it.each(CHART_STYLES)('no chart text is under 12 px on screen or 9 pt in the memo (%s)', (style) => {
    // The memo draws chart pixels at 0.85 pt (src-main/memo/pdf-layout.ts CHART_SCALE).
    const smallest = style === 'print' ? 9 / 0.85 : 12;
    for (const [, result] of results) {
      const l = chartLabels(result, 'ja');
      const options = [
        lossCurveOption(result, l.lossCurve, style),
        costOfOwnershipOption(result, l.costOfOwnership, style),
        savingsOverTimeOption(result, l.savingsOverTime, style),
        tornadoOption(result, l.tornado, style),
        savingsDistributionOption(result, l.savingsDistribution, style),
      ];
      for (const option of options) for (const size of fontSizes(option)) expect(size).toBeGreaterThanOrEqual(smallest);
    }
  });
});
