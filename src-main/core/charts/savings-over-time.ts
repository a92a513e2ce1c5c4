/**
 * Cumulative discounted savings of every option against the baseline, month by month: the up-front
 * gap at month 0, then each month's serving savings. The zero line and the headline option's payback
 * month are marked; the headline option is drawn heaviest.
 */
import type { EvaluatedOption, RoiResult } from '../roi/evaluate.js';
import { axis, frame, legend, markLineAt, TOP_WITH_AXIS_NAME, verticalAxis } from './frame.js';
import type { ChartFormat, ChartOption, ChartSeries } from './option.js';
import { chartTheme, type ChartStyle } from './theme.js';

export interface SavingsOverTimeLabels {
  title?: string;
  monthAxis: string;
  savingsAxis: string;
  /** Series name, e.g. "Cumulative savings". */
  series: string;
  zero: string;
  payback: (month: number) => string;
  breakEven: string;
  /** The legend name of an option. */
  option?: (option: EvaluatedOption) => string;
  format: ChartFormat;
}

/** The option the headline recommends. */
export function headlineOption(result: RoiResult): EvaluatedOption {
  return result.options.find((o) => o.id === result.headlineId)!;
}

/** The options drawn: every option but the baseline that is compared or of lower (acceptable) quality. */
export function plottedOptions(result: RoiResult): EvaluatedOption[] {
  return result.options.filter((o) => o.kind !== 'baseline' && (o.group === 'compared' || o.group === 'lower-quality'));
}

/** [month, cumulative savings] from month 0 (the up-front gap) to the end of the horizon. */
export function savingsOverTimePoints(result: RoiResult, option: EvaluatedOption): [number, number][] {
  const baseline = result.options[0]!;
  const start = baseline.cost.upfront - option.cost.upfront;
  return [[0, start], ...option.cumulativeSavings.map((v, i): [number, number] => [i + 1, v])];
}

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

export function savingsOverTimeOption(result: RoiResult, labels: SavingsOverTimeLabels, style: ChartStyle): ChartOption {
  const theme = chartTheme(style);
  const options = plottedOptions(result);
  const headline = headlineOption(result);
  const horizon = result.inputs.horizonMonths;
  const name = (o: EvaluatedOption) => (labels.option ? labels.option(o) : o.id);
  const marks = [markLineAt(theme, { yAxis: 0 }, labels.zero, { position: 'insideEndTop', dashed: false, color: theme.axisLine })];
  if (headline.kind !== 'baseline' && headline.paybackMonth !== null && headline.paybackMonth > 0) {
    marks.push(markLineAt(theme, { xAxis: headline.paybackMonth }, labels.payback(headline.paybackMonth)));
  }
  const series: ChartSeries[] = options.map((o, i) => {
    const color = o.id === headline.id ? theme.line : PALETTE[i % PALETTE.length]!;
    const heavy = o.id === headline.id;
    return {
      type: 'line',
      name: name(o),
      data: savingsOverTimePoints(result, o),
      showSymbol: false,
      lineStyle: { color, width: heavy ? 3 : 1.5, ...(o.group === 'lower-quality' ? { type: 'dashed' } : {}) },
      itemStyle: { color },
      ...(i === 0 ? { markLine: { symbol: ['none', 'none'], silent: true, data: marks } } : {}),
    };
  });
  return {
    ...frame(theme, labels.title, { left: 72, right: 28, top: TOP_WITH_AXIS_NAME + 20, bottom: 46 }),
    legend: legend(theme, labels.title, series.map((s) => s.name)),
    xAxis: axis(theme, { type: 'value', name: labels.monthAxis, min: 0, max: horizon, formatter: (m) => String(m) }),
    yAxis: verticalAxis(theme, 72, { type: 'value', name: labels.savingsAxis, formatter: labels.format.money }),
    series,
  };
}
