/**
 * Renders a chart option to SVG with ECharts' server-side renderer: no DOM, no canvas, no
 * bitmap. Only the chart types and components the charts use are loaded (the tooltip for the
 * screen styles, which the app's charts share).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../core/charts/option.js';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false } as EChartsCoreOption);
    return chart.renderToSVGString();
  } finally {
    // Without dispose the renderer keeps a timer alive and the process never exits.
    chart.dispose();
  }
}
