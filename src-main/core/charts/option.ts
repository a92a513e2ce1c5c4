/**
 * The shape of the ECharts options the chart builders return. The core may not import the
 * echarts package (the dependency rule), so this is a minimal structural type: the renderer and
 * the memo hand these objects to `setOption` as they are.
 */
export interface ChartSeries {
  type: 'line' | 'bar' | 'scatter';
  name?: string;
  data: unknown[];
  [key: string]: unknown;
}

export interface ChartOption {
  animation: boolean;
  series: ChartSeries[];
  [key: string]: unknown;
}

/** Number formats in the reader's language; the charts never format numbers themselves. */
export interface ChartFormat {
  /** 0.75 → "75 %" / "75%". */
  percent(fraction: number): string;
  /** Up to three significant digits in the locale's style. */
  number(value: number): string;
  /** Compact money in the scenario's currency: ¥3.2M / ¥320万. */
  money(value: number): string;
  /** A fixed number of decimals, for axes whose values differ only in the third or fourth digit. */
  decimal(value: number, digits: number): string;
}
