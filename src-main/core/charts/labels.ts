/**
 * The localized labels of every chart, from the i18n resources (memo.chart.*): the memo and
 * the desktop app label their charts with the same words and number formats.
 */
import { LOCALES, translator, type Language, type Translator } from '../i18n/index.js';
import type { RoiResult } from '../roi/evaluate.js';
import type { TornadoBar } from '../roi/sensitivity.js';
import type { CostOfOwnershipLabels } from './cost-of-ownership.js';
import type { LossCurveLabels } from './loss-curve.js';
import type { ChartFormat } from './option.js';
import type { SavingsDistributionLabels } from './savings-distribution.js';
import type { SavingsOverTimeLabels } from './savings-over-time.js';
import { optionLabel } from '../roi/explain.js';
import type { EvaluatedOption } from '../roi/evaluate.js';
import type { TornadoLabels } from './tornado.js';

export interface ChartLabels {
  lossCurve: LossCurveLabels;
  costOfOwnership: CostOfOwnershipLabels;
  savingsOverTime: SavingsOverTimeLabels;
  tornado: TornadoLabels;
  savingsDistribution: SavingsDistributionLabels;
}

/** A typographic minus (U+2212): it reads better than a hyphen, and a line never breaks after it. */
export function withMinus(text: string): string {
  return text.replace(/-(?=[^\s])/, '\u2212');
}

export function chartFormat(tr: Translator, currency: string): ChartFormat {
  const locale = LOCALES[tr.language];
  return {
    percent: (fraction) => withMinus(tr.percent(fraction)),
    number: (value) => withMinus(tr.number(value)),
    money: (value) => withMinus(tr.money(value, currency)),
    decimal: (value, digits) => withMinus(new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)),
  };
}

/** A sparsity with at most one decimal: 50 %, 87.5 %, 13.4 %. */
export function sparsityText(tr: Translator, sparsity: number): string {
  return new Intl.NumberFormat(LOCALES[tr.language], { style: 'percent', maximumFractionDigits: 1 }).format(sparsity);
}

/** The option's name as every table, chart and memo prints it (one wording: explain.ts). */
export function optionName(option: Pick<EvaluatedOption, 'kind' | 'sparsity' | 'id' | 'atOptimalSparsity'>, tr: Translator, status: 'planned' | 'trained' = 'planned'): string {
  return optionLabel(option, tr, status);
}

/** An uncertain input's value in the words and units a person reads. */
export function inputValue(input: TornadoBar['input'], value: number, result: RoiResult, tr: Translator): string {
  switch (input) {
    case 'requestsPerDay':
    case 'retrainData':
      return tr.count(value);
    case 'growthPerMonth':
    case 'inferenceUtilisation':
      return withMinus(sparsityText(tr, value));
    case 'demandScale':
      return tr.times(value);
    case 'engineeringDays':
      // Effort is estimated in whole or half days: "below 0.0615 person-days" claims a precision no one has.
      return value > 0 && value < 0.1 ? tr.t('ux.lessThanTenthDay') : tr.number(value, value < 1 ? 1 : 3);
    case 'trainingPricePerHour':
    case 'inferencePricePerHour':
    case 'devicePrice':
    case 'electricityPrice':
    case 'dataCostPerUnit':
      return withMinus(tr.money(value, result.currency));
  }
}

export function chartLabels(result: RoiResult, language: Language): ChartLabels {
  const tr = translator(language);
  const { t } = tr;
  const format = chartFormat(tr, result.currency);
  return {
    lossCurve: {
      sparsityAxis: t('memo.chart.lossCurve.sparsityAxis'),
      lossAxis: t('memo.chart.lossCurve.lossAxis'),
      curve: t('memo.chart.lossCurve.curve'),
      optimal: t('memo.chart.lossCurve.optimal'),
      fittedRange: t('memo.chart.lossCurve.fittedRange'),
      baseline: (loss) => t('memo.chart.lossCurve.baseline', { loss: tr.number(loss, 4) }),
      outsideRange: t('memo.chart.lossCurve.outsideRange'),
      format,
    },
    costOfOwnership: {
      costAxis: t('memo.chart.costOfOwnership.costAxis', { currency: result.currency }),
      training: t('memo.chart.costOfOwnership.training'),
      pruning: t('memo.chart.costOfOwnership.pruning'),
      engineering: t('memo.chart.costOfOwnership.engineering'),
      inference: t('memo.chart.costOfOwnership.inference'),
      data: t('decision.costPart.data'),
      option: (option) => optionName(option, tr, result.status),
      format,
    },
    savingsOverTime: {
      monthAxis: t('memo.chart.savingsOverTime.monthAxis'),
      savingsAxis: t('memo.chart.savingsOverTime.savingsAxis'),
      series: t('memo.chart.savingsOverTime.series'),
      zero: t('memo.chart.savingsOverTime.zero'),
      payback: (month) => t('memo.chart.savingsOverTime.payback', { month }),
      breakEven: t('memo.chart.savingsOverTime.breakEven'),
      option: (option) => optionName(option, tr, result.status),
      format,
    },
    tornado: {
      savingsAxis: t('memo.chart.tornado.savingsAxis'),
      low: t('memo.chart.tornado.low'),
      high: t('memo.chart.tornado.high'),
      base: (value) => t('memo.chart.tornado.base', { value: format.money(value) }),
      input: (bar) =>
        t('memo.chart.tornado.input', {
          name: t(`memo.inputName.${bar.input}`),
          low: inputValue(bar.input, bar.low, result, tr),
          high: inputValue(bar.input, bar.high, result, tr),
        }),
      format,
    },
    savingsDistribution: {
      savingsAxis: t('memo.chart.distribution.savingsAxis'),
      shareAxis: t('memo.chart.distribution.shareAxis'),
      series: t('memo.chart.distribution.series'),
      zero: t('memo.chart.distribution.zero'),
      p10: t('memo.chart.distribution.p10'),
      p50: t('memo.chart.distribution.p50'),
      p90: t('memo.chart.distribution.p90'),
      format,
    },
  };
}
