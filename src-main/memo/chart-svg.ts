/**
 * Renders a chart option to SVG with ECharts' server-side renderer: no DOM, no canvas, no
 * bitmap. Only the chart types and components the charts use are loaded (the tooltip for the
 * screen styles, which the app's charts share). Text is measured with the memo's own font, so
 * legends and labels are spaced for the glyphs the PDF prints (the renderer's built-in guess is
 * narrower than BIZ UDPGothic, and legend entries ran into each other).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, setPlatformAPI, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import PDFDocument from 'pdfkit';
import type { ChartOption } from '../core/charts/option.js';
import { FONT, registerFonts } from './fonts.js';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, SVGRenderer]);

let measurer: PDFKit.PDFDocument | null = null;

/** Width of `text` in a CSS font such as "bold 11px sans-serif", measured in the font the memo embeds. */
export function measureText(text: string, font: string | undefined): { width: number } {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    registerFonts(measurer);
  }
  const css = font ?? '';
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(css)?.[1] ?? 12);
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(css);
  measurer.font(bold ? FONT.bold : FONT.regular).fontSize(size);
  return { width: measurer.widthOfString(text ?? '') };
}

setPlatformAPI({ measureText: measureText as unknown as Parameters<typeof setPlatformAPI>[0]['measureText'] });

/** Height of one more row of a wrapped legend, in px. */
export const LEGEND_ROW = 22;

/**
 * Room for a legend that wraps: the chart builders leave one row above the plot, but a memo chart
 * with many options, measured in the embedded font, can need two or three. The plot moves down by
 * the extra rows, so the legend never covers the axis name or the plot.
 */
export function legendRows(option: ChartOption, width: number): number {
  const legend = option.legend as { data?: unknown[]; itemGap?: number; textStyle?: { fontSize?: number } } | undefined;
  if (!legend || !Array.isArray(legend.data)) return 1;
  const size = legend.textStyle?.fontSize ?? 12;
  const gap = legend.itemGap ?? 10;
  let rows = 1;
  let used = 0;
  for (const item of legend.data) {
    const w = 25 + 5 + measureText(String(item ?? ''), `${size}px sans-serif`).width + gap;
    if (used > 0 && used + w > width - 10) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}

export function fitLegend(option: ChartOption, width: number): ChartOption {
  const grid = option.grid as { top?: number } | undefined;
  const rows = legendRows(option, width);
  if (rows === 1 || !grid || typeof grid.top !== 'number') return option;
  return { ...option, grid: { ...grid, top: grid.top + (rows - 1) * LEGEND_ROW } };
}

export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...fitLegend(option, width), animation: false } as EChartsCoreOption);
    return chart.renderToSVGString();
  } finally {
    // Without dispose the renderer keeps a timer alive and the process never exits.
    chart.dispose();
  }
}
