/**
 * The recommendation in words, in Japanese or English: the headline, the three reasons with
 * their numbers, and the conditions, caps and confidence reasons. The app and the memo show
 * exactly these sentences.
 */
import { translator, type Language } from '../i18n/index.js';
import type { RoiResult } from './evaluate.js';

export interface Explanation {
  level: string;
  headline: string;
  reasons: { dataVolume: string; hardware: string; pruningCost: string };
  conditions: string[];
  caps: string[];
  confidenceReasons: string[];
}

export function explainRecommendation(result: RoiResult, language: Language): Explanation {
  const tr = translator(language);
  const { t } = tr;
  const r = result.recommendation;
  const money = (v: number) => tr.money(v, result.currency);
  const unitWord = (value: number) => `${tr.count(value)} ${t(`unit.${result.dataPosition.dataUnit}`)}`;
  const data = r.reasons.dataVolume;
  const hw = r.reasons.hardware;
  const cost = r.reasons.pruningCost;
  const level = t(`level.${r.level}`);

  const hardwareParams = {
    kind: t(`speedupKind.${hw.kind}`),
    sparsity: tr.percent(hw.sparsity),
    provider: hw.provider ? t('reason.hardware.on', { provider: hw.provider }) : '',
    speedup: tr.number(hw.speedup),
    interval:
      tr.number(hw.speedupLow) === tr.number(hw.speedupHigh)
        ? ''
        : t('reason.hardware.interval', { low: tr.number(hw.speedupLow), high: tr.number(hw.speedupHigh) }),
    breakEven: hw.breakEvenSpeedup === null ? '' : tr.number(hw.breakEvenSpeedup),
  };
  const costParams = {
    upfront: money(Math.max(0, cost.upfrontExtra)),
    engineering: money(cost.engineering),
    pruning: money(cost.pruning),
    month: cost.paybackMonth ?? 0,
    horizon: cost.horizonMonths,
  };
  return {
    level,
    headline: t('headline', {
      level,
      sparsity: tr.percent(hw.sparsity),
      likelihood: t(`likelihood.${r.likelihood}`),
      horizon: cost.horizonMonths,
      probability: tr.percent(r.probability),
      confidence: t(`confidence.${r.confidence}`),
    }),
    reasons: {
      dataVolume: t(data.optimalSparsity > 0 ? 'reason.dataVolume.pays' : 'reason.dataVolume.notYet', {
        data: unitWord(data.trainingData),
        threshold: unitWord(data.thresholdData),
        ratio: tr.number(data.ratio),
        optimal: tr.percent(data.optimalSparsity),
      }),
      hardware: t(hw.breakEvenSpeedup === null ? 'reason.hardware.noBreakEven' : 'reason.hardware.withBreakEven', hardwareParams),
      pruningCost: t(
        cost.upfrontExtra <= 0 ? 'reason.pruningCost.cheaper' : cost.paybackMonth === null || cost.paybackMonth > cost.horizonMonths ? 'reason.pruningCost.never' : 'reason.pruningCost.payback',
        costParams,
      ),
    },
    conditions: r.conditions.map((c) => t(`condition.${c}`)),
    caps: r.caps.map((c) => t(`cap.${c}`)),
    confidenceReasons: r.confidenceReasons.map((c) => t(`confidenceReason.${c}`)),
  };
}
