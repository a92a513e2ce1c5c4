import { describe, expect, it } from 'vitest';
import { devicesBoughtOption, devicesByReason, PURCHASE_REASONS } from '../../../../src-main/core/charts/devices-bought.js';
import { fleetChartLabels } from '../../../../src-main/core/charts/fleet-labels.js';
import { labelColumn } from '../../../../src-main/core/charts/text-width.js';
import { CHART_STYLES } from '../../../../src-main/core/charts/theme.js';
import { fleetChartPlans, fontSizes } from '../../../support/fleet-plans.js';

const labels = fleetChartLabels('en', 'JPY').devicesBought;

describe('devices bought', () => {
  const plans = fleetChartPlans();
  const option = devicesBoughtOption(plans, labels, 'print');

  it('stacks each option’s devices by reason: new lines, capacity, replacement', () => {
    const stacked = option.series.filter((s) => s.stack === 'devices');
    expect(stacked.map((s) => s.name)).toEqual(['New lines', 'More capacity', 'Replacement']);
    // Dense: 1 device for the new line and 2 for capacity; twice as fast: the new line's 1.
    expect(stacked.map((s) => s.data)).toEqual([[1, 1], [2, 0], [0, 0]]);
    plans.forEach((p, i) => {
      const sum = stacked.reduce((total, s) => total + (s.data[i] as number), 0);
      expect(sum).toBe(p.plan.devicesBought);
    });
    expect(PURCHASE_REASONS.map((r) => devicesByReason(plans[0]!.plan, r))).toEqual([1, 2, 0]);
  });

  it('writes the total at the end of each bar, outside the legend', () => {
    const total = option.series.find((s) => s.stack === undefined)!;
    expect(total.data).toEqual([3, 1]);
    expect(total.barGap).toBe('-100%');
    const formatter = (total.label as { formatter: (p: { dataIndex: number }) => string }).formatter;
    expect([0, 1].map((dataIndex) => formatter({ dataIndex }))).toEqual(['3 in all', '1 in all']);
    expect((option.legend as { data: string[] }).data).toEqual(['New lines', 'More capacity', 'Replacement']);
  });

  it('lists the options top to bottom with room for their names', () => {
    const yAxis = option.yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.data).toEqual(['Dense (today)', 'Sparse 50 %']);
    expect(yAxis.inverse).toBe(true);
    expect((option.grid as { left: number }).left).toBe(labelColumn(yAxis.data, 12));
    expect((option.xAxis as { minInterval: number }).minInterval).toBe(1);
  });

  it('keeps all text at 12 px or more in every style', () => {
    for (const style of CHART_STYLES) {
      const sizes = fontSizes(devicesBoughtOption(plans, labels, style));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    }
  });

  it('reads in Japanese', () => {
    const ja = fleetChartLabels('ja', 'JPY').devicesBought;
    const jaOption = devicesBoughtOption(plans, ja, 'print');
    expect((jaOption.legend as { data: string[] }).data).toEqual(['新ライン', '処理能力の増強', '更新']);
    expect(ja.total(12)).toBe('計12台');
    expect(ja.total(12_000)).toBe('計12,000台');
  });
});
