/**
 * The parts every chart shares: text style, grid, axes and the label style of marks. Labels
 * carry no halo (`textBorderColor: 'transparent'`): svg-to-pdfkit ignores `paint-order`, so
 * ECharts' white halo would be drawn over the glyphs in the memo.
 */
import type { ChartTheme } from './theme.js';

export interface Frame {
  animation: boolean;
  [key: string]: unknown;
}

export function frame(theme: ChartTheme, title: string | undefined, grid: { left: number; right: number; top: number; bottom: number }): Frame {
  return {
    animation: theme.style !== 'print',
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    ...(title ? { title: { text: title, left: 'center', textStyle: { color: theme.text, fontSize: theme.fontSize + 2, fontWeight: 'bold' } } } : {}),
    // Fixed margins: server-side rendering measures text only roughly, so nothing is auto-fitted.
    grid: { ...grid, top: grid.top + (title ? 24 : 0), containLabel: false },
    ...(theme.style === 'print' ? {} : { tooltip: { trigger: 'axis', confine: true } }),
  };
}

/** A centred legend under the title, in the chart's type. */
export function legend(theme: ChartTheme, title: string | undefined, data: readonly (string | undefined)[]): Record<string, unknown> {
  return {
    top: title ? 26 : 0,
    left: 'center',
    itemGap: 18,
    textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: theme.fontSize - 1 },
    data,
  };
}

export function labelStyle(theme: ChartTheme, color = theme.text): Record<string, unknown> {
  return { color, fontFamily: theme.fontFamily, fontSize: theme.fontSize - 1, textBorderColor: 'transparent', textBorderWidth: 0 };
}

export interface AxisSpec {
  type: 'value' | 'category';
  name: string;
  formatter?: (value: number) => string;
  data?: string[];
  min?: number;
  max?: number;
  scale?: boolean;
  inverse?: boolean;
  nameGap?: number;
  nameLocation?: 'middle' | 'end';
}

/** A horizontal axis: its name centred below the tick labels. */
export function axis(theme: ChartTheme, spec: AxisSpec): Record<string, unknown> {
  const { formatter, nameGap, nameLocation, ...rest } = spec;
  return {
    ...rest,
    nameLocation: nameLocation ?? 'middle',
    nameGap: nameGap ?? 30,
    nameTextStyle: { color: theme.mutedText, fontFamily: theme.fontFamily, fontSize: theme.fontSize - 1 },
    axisLine: { show: true, lineStyle: { color: theme.axisLine } },
    axisTick: { show: true, lineStyle: { color: theme.axisLine } },
    axisLabel: {
      color: theme.mutedText,
      fontFamily: theme.fontFamily,
      fontSize: theme.fontSize - 1,
      hideOverlap: true,
      ...(formatter ? { formatter } : {}),
    },
    splitLine: { show: spec.type === 'value', lineStyle: { color: theme.splitLine } },
  };
}

/**
 * A vertical value axis. Its name sits above the axis, left-aligned, instead of rotated beside
 * the tick labels, where wide money labels would run into it.
 */
export function verticalAxis(theme: ChartTheme, gridLeft: number, spec: Omit<AxisSpec, 'nameLocation' | 'nameGap'>): Record<string, unknown> {
  const base = axis(theme, { ...spec, nameLocation: 'end', nameGap: 22 });
  // Shifted left to start at the chart's edge, one line above the labels of reference lines.
  return { ...base, nameTextStyle: { ...(base.nameTextStyle as object), align: 'left', padding: [0, 0, 0, 8 - gridLeft] } };
}

/** Grid margins with room above the plot for the vertical axis name and the labels of reference lines. */
export const TOP_WITH_AXIS_NAME = 48;

/** A vertical or horizontal reference line with its label, for a series' markLine. */
export function markLineAt(
  theme: ChartTheme,
  at: { xAxis: number } | { yAxis: number },
  label: string,
  options: { position?: string; color?: string; dashed?: boolean } = {},
): Record<string, unknown> {
  const color = options.color ?? theme.mark;
  return {
    ...at,
    name: label,
    lineStyle: { color, type: options.dashed === false ? 'solid' : 'dashed', width: 1 },
    label: { ...labelStyle(theme, color), formatter: label, position: options.position ?? 'end' },
  };
}
