import { describe, expect, it } from 'vitest';
import {
  capacityVsDemandOption,
  legendRows,
  optionColour,
  type FleetChartPlan,
} from '../../../../src-main/core/charts/capacity-vs-demand.js';
import { fleetChartLabels } from '../../../../src-main/core/charts/fleet-labels.js';
import type { ChartSeries } from '../../../../src-main/core/charts/option.js';
import { textWidth } from '../../../../src-main/core/charts/text-width.js';
import { CHART_STYLES, chartTheme } from '../../../../src-main/core/charts/theme.js';
import { fleetChartPlans, fontSizes } from '../../../support/fleet-plans.js';

const labels = fleetChartLabels('en', 'JPY').capacityVsDemand;
const points = (s: ChartSeries) => s.data as [number, number][];
const marks = (s: ChartSeries) => (s.markPoint as { data: { coord: [number, number] }[] } | undefined)?.data.map((d) => d.coord);

describe('capacity against demand', () => {
  const plans = fleetChartPlans();
  const option = capacityVsDemandOption(plans, labels, 'print');
  const [demand, dense, sparse] = option.series;

  it('draws demand once, then each option’s capacity, every month held until the next (the last to the horizon)', () => {
    expect(option.series.map((s) => s.name)).toEqual(['Peak demand', 'Dense (today)', 'Sparse 50 %']);
    expect(option.series.every((s) => s.step === 'end')).toBe(true);
    // Demand: 6.25 · 1.6^t on the first line, plus 5 · 1.6^(t − 2) on the new line from month 2.
    const expected = [6.25, 10, 16 + 5, 25.6 + 8, 25.6 + 8];
    points(demand!).forEach(([month, value], i) => {
      expect(month).toBe(i);
      expect(value).toBeCloseTo(expected[i]!, 9);
    });
    // Dense: 2 × 8, then the new line's device (24), then 2 more on the first line (5 × 8 = 40).
    expect(points(dense!)).toEqual([[0, 16], [1, 16], [2, 24], [3, 40], [4, 40]]);
    // Twice as fast: 2 × 16, then the new line's one device (48).
    expect(points(sparse!)).toEqual([[0, 32], [1, 32], [2, 48], [3, 48], [4, 48]]);
    expect((option.xAxis as { min: number; max: number }).max).toBe(4);
  });

  it('marks a dot at each month an option buys, on its capacity line', () => {
    expect(marks(demand!)).toBeUndefined();
    expect(marks(dense!)).toEqual([[2, 24], [3, 40]]);
    expect(marks(sparse!)).toEqual([[2, 48]]);
    const noPurchases: FleetChartPlan = { optionLabel: 'none', plan: { ...plans[1]!.plan, purchases: [] } };
    expect(capacityVsDemandOption([noPurchases], labels, 'print').series[1]!.markPoint).toBeUndefined();
  });

  it('gives each option its own colour and demand the theme’s mark colour', () => {
    const theme = chartTheme('light');
    const colours = Array.from({ length: 6 }, (_, i) => optionColour(theme, i));
    expect(new Set([...colours, theme.mark]).size).toBe(7);
    const light = capacityVsDemandOption(plans, labels, 'light');
    expect((light.series[1]!.lineStyle as { color: string }).color).toBe(colours[0]);
    expect((light.series[2]!.lineStyle as { color: string }).color).toBe(colours[1]);
    expect((light.series[0]!.lineStyle as { type: string }).type).toBe('dashed');
  });

  it('keeps all text at 12 px or more in every style, and leaves room for the widest tick label', () => {
    for (const style of CHART_STYLES) {
      const sizes = fontSizes(capacityVsDemandOption(plans, labels, style));
      expect(sizes.length).toBeGreaterThan(5);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    }
    const grid = option.grid as { left: number; top: number };
    expect(grid.left).toBeGreaterThanOrEqual(textWidth(labels.format.number(48), 12));
  });

  it('moves the plot down when many long option names wrap the legend', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ ...plans[0]!, optionLabel: `Sparse ${i}0 % retrained on a tenth of the data` }));
    expect(legendRows(['Peak demand', ...many.map((p) => p.optionLabel)], 12)).toBeGreaterThan(1);
    const top = (o: ReturnType<typeof capacityVsDemandOption>) => (o.grid as { top: number }).top;
    expect(top(capacityVsDemandOption(many, labels, 'print'))).toBeGreaterThan(top(option));
    expect((capacityVsDemandOption(many, labels, 'print').legend as { data: string[] }).data).toHaveLength(7);
  });

  it('reads in Japanese, and draws an empty chart for no options', () => {
    const ja = fleetChartLabels('ja', 'JPY').capacityVsDemand;
    const jaOption = capacityVsDemandOption(plans, ja, 'print');
    expect(jaOption.series[0]!.name).toBe('ピーク需要');
    expect((jaOption.yAxis as { name: string }).name).toBe('毎秒の推論回数');
    expect(capacityVsDemandOption([], labels, 'print').series.map((s) => s.data)).toEqual([[]]);
  });

  it('print charts have no animation and no tooltip', () => {
    expect(option.animation).toBe(false);
    expect('tooltip' in option).toBe(false);
    expect(capacityVsDemandOption(plans, labels, 'dark').animation).toBe(true);
  });
});
