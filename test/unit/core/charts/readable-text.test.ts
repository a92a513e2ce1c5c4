import { describe, expect, it } from 'vitest';
import { withReadableText } from '../../../../src-main/core/charts/readable-text.js';
import type { ChartOption } from '../../../../src-main/core/charts/option.js';

describe('withReadableText', () => {
  it('lifts every font size below 12 px, keeps larger ones and formatters, and leaves the original alone', () => {
    const formatter = (v: number) => `${v}`;
    const option: ChartOption = {
      animation: false,
      textStyle: { fontSize: 11 },
      title: { textStyle: { fontSize: 13 } },
      xAxis: { axisLabel: { fontSize: 10, formatter } },
      series: [{ type: 'line', data: [[0, 1]], markPoint: { label: { fontSize: 9 } } }],
    };
    const readable = withReadableText(option);
    expect(readable).toEqual({
      animation: false,
      textStyle: { fontSize: 12 },
      title: { textStyle: { fontSize: 13 } },
      xAxis: { axisLabel: { fontSize: 12, formatter } },
      series: [{ type: 'line', data: [[0, 1]], markPoint: { label: { fontSize: 12 } } }],
    });
    expect((readable.xAxis as { axisLabel: { formatter: unknown } }).axisLabel.formatter).toBe(formatter);
    expect((option.textStyle as { fontSize: number }).fontSize).toBe(11);
  });
});
