/**
 * The recommendation in words, in Japanese or English: the headline (the best action, with money),
 * the verdict on sparsity, the three reasons with their numbers, the caps, notes and confidence
 * reasons, and what the pilot is. The app, the CLI and the memo show exactly these sentences.
 */
import { translator, type Language, type Translator } from '../i18n/index.js';
import type { EvaluatedOption, RoiResult } from './evaluate.js';

export interface Explanation {
  /** The best action in one sentence with money. */
  headline: string;
  /** Present when the headline may not be stated without a pilot. */
  headlinePilot: string | null;
  level: string;
  /** The verdict on sparsity in one sentence. */
  verdict: string;
  reasons: { dataVolume: string; hardware: string; pruningCost: string };
  caps: string[];
  notes: string[];
  confidenceReasons: string[];
  pilot: string[];
  /** What would change the decision, in the manager's units. */
  wouldChange: string[];
}

/** The name of an option as the tables, charts and memo print it. */
export function optionLabel(option: Pick<EvaluatedOption, 'id' | 'kind' | 'sparsity' | 'atOptimalSparsity'>, tr: Translator, status: 'planned' | 'trained' = 'planned'): string {
  const { t } = tr;
  const sparsity = tr.percent(option.sparsity);
  switch (option.kind) {
    case 'baseline':
      return t(`decision.option.${option.id === 'keep' ? 'keep' : 'dense'}`);
    case 'dense':
      return t(status === 'trained' ? 'decision.option.dense-new-trained' : 'decision.option.dense-new');
    case 'sparse':
      return t(option.id === 'sparse-optimal' ? 'decision.option.sparseOptimal' : 'decision.option.sparse', { sparsity });
    case 'pruned':
      return t('decision.option.pruned', { sparsity });
  }
}

function payback(month: number | null, tr: Translator): string {
  if (month === null) return tr.t('decision.headline.paybackNever');
  if (month === 0) return tr.t('decision.headline.paybackAtOnce');
  return tr.t('decision.headline.paybackMonth', { month });
}

export function explainRecommendation(result: RoiResult, language: Language): Explanation {
  const tr = translator(language);
  const { t } = tr;
  const r = result.recommendation;
  const money = (v: number) => tr.money(v, result.currency);
  const byId = (id: string | null) => result.options.find((o) => o.id === id) ?? null;
  const headline = byId(r.headlineId)!;
  const sparse = byId(r.sparseId);
  const alternative = byId(r.alternativeId)!;
  const label = (o: EvaluatedOption) => optionLabel(o, tr, result.status);
  const unitWord = (value: number) => `${tr.count(value)} ${t(`unit.${result.dataPosition.dataUnit}`)}`;
  const horizon = result.inputs.horizonMonths;
  const level = t(`level.${r.level}`);
  const noMaterial = r.caps.some((c) => c.reason === 'no-material-difference') && r.level === 'not-now';

  const headlineText =
    headline.kind === 'baseline'
      ? t(`decision.headline.${headline.id === 'keep' ? 'keep' : 'dense'}`)
      : t(`decision.headline.${headline.kind === 'dense' ? 'dense-new' : headline.kind}`, {
          option: label(headline),
          savings: money(headline.savings),
          horizon,
          payback: payback(headline.paybackMonth, tr),
          data: unitWord(headline.uniqueData),
        });

  const verdict = sparse
    ? t('decision.verdict.sentence', {
        level: noMaterial ? t('decision.verdict.noMaterial') : level,
        materiality: money(r.materiality),
        alternative: label(alternative),
        likelihood: t(`likelihood.${r.likelihood}`),
        probability: tr.percent(r.probability),
        confidence: t(`confidence.${r.confidence}`),
      })
    : t(r.caps.some((c) => c.reason === 'no-sparse-option-within-takt') ? 'decision.verdict.noSparseWithinTakt' : 'decision.verdict.noSparse', { level });

  const data = r.reasons.dataVolume;
  const hw = r.reasons.hardware;
  const cost = r.reasons.pruningCost;
  const hardwareParams = {
    kind: t(`decision.speedupKind.${hw.kind}`) + (hw.evidence ? t('memo.listSeparator') + t(`decision.evidence.${hw.evidence}`) : ''),
    sparsity: tr.percent(hw.sparsity),
    provider: hw.provider ? t('decision.reason.hardware.on', { provider: hw.provider }) : '',
    speedup: tr.number(hw.speedup),
    interval:
      tr.number(hw.speedupLow) === tr.number(hw.speedupHigh)
        ? ''
        : t('decision.reason.hardware.interval', { low: tr.number(hw.speedupLow), high: tr.number(hw.speedupHigh) }),
    breakEven: hw.breakEvenSpeedup === null ? '' : tr.number(hw.breakEvenSpeedup),
    bound: tr.number(hw.bound),
    alternative: label(alternative),
  };
  const capText = (c: RoiResult['recommendation']['caps'][number]) => {
    const d = c.detail;
    const option = typeof d.option === 'string' ? byId(d.option) : null;
    return t(`decision.cap.${c.reason}`, {
      kind: typeof d.kind === 'string' ? t(`decision.speedupKind.${d.kind}`) : '',
      option: option ? label(option) : '',
      factor: typeof d.factor === 'number' ? tr.number(d.factor, 2) : '',
      advantage: typeof d.advantage === 'number' ? money(d.advantage) : '',
      materiality: typeof d.materiality === 'number' ? money(d.materiality) : '',
    });
  };
  const pilot: string[] = [];
  if (r.pilot) {
    pilot.push(...r.pilot.steps.map((s) => t(`decision.pilot.${s}`)));
    pilot.push(t('decision.pilot.cost', { cost: money(r.pilot.cost), days: tr.number(r.pilot.personDays) }));
    pilot.push(
      r.pilot.requiredSpeedupReachable && r.pilot.requiredSpeedup !== null
        ? t('decision.pilot.pass', { speedup: tr.number(r.pilot.requiredSpeedup), floor: tr.percent(r.pilot.qualityFloor) })
        : t('decision.pilot.passUnreachable', { floor: tr.percent(r.pilot.qualityFloor), bound: tr.number(hw.bound) }),
    );
  }
  const speedSwitch = result.switchingValues.find((v) => v.input === 'speedup');
  const wouldChange: string[] = [];
  if (speedSwitch?.value != null) {
    wouldChange.push(
      speedSwitch.beyondPhysicalBound
        ? t('decision.switching.speedupBeyond', { bound: tr.number(hw.bound), value: tr.number(speedSwitch.value) })
        : t('decision.switching.speedup', { value: tr.number(speedSwitch.value) }),
    );
  }
  // Then the other inputs that flip the decision, nearest first in relative terms.
  const others = result.switchingValues
    .filter((v) => v.input !== 'speedup' && v.value !== null && v.flipsWhen !== null)
    .sort((a, b) => Math.abs(Math.log(Math.max(a.value!, 1e-12) / Math.max(Math.abs(a.base), 1e-12))) - Math.abs(Math.log(Math.max(b.value!, 1e-12) / Math.max(Math.abs(b.base), 1e-12))))
    .slice(0, 3);
  for (const v of others) {
    const value = ['devicePrice', 'electricityPrice', 'trainingPricePerHour', 'inferencePricePerHour', 'dataCostPerUnit'].includes(v.input)
      ? money(v.value!)
      : v.input === 'growthPerMonth' || v.input === 'inferenceUtilisation'
        ? tr.percent(v.value!, 1)
        : v.input === 'requestsPerDay' || v.input === 'retrainData'
          ? tr.count(v.value!)
          : tr.number(v.value!);
    wouldChange.push(t(`decision.switching.${v.flipsWhen}`, { name: t(`decision.inputName.${v.input}`), value }));
  }
  if (sparse && wouldChange.length === 0) wouldChange.push(t('decision.switching.nothing'));

  return {
    headline: headlineText,
    headlinePilot: r.headlineNeedsPilot ? t(headline.kind === 'baseline' ? 'decision.headline.indicative' : 'decision.headline.pilot') : null,
    level,
    verdict,
    reasons: {
      dataVolume: t(data.optimalSparsity > 0 ? 'decision.reason.dataVolume.pays' : 'decision.reason.dataVolume.notYet', {
        data: unitWord(data.effectiveData),
        threshold: unitWord(data.thresholdData),
        ratio: tr.number(data.ratio),
        optimal: tr.percent(data.optimalSparsity),
      }),
      hardware: t(
        !sparse ? 'decision.reason.hardware.excluded' : hw.breakEvenSpeedup === null ? 'decision.reason.hardware.noBreakEven' : hw.breakEvenBeyondBound ? 'decision.reason.hardware.beyondBound' : 'decision.reason.hardware.withBreakEven',
        hardwareParams,
      ),
      pruningCost: t(
        cost.upfrontExtra <= 0 ? 'decision.reason.pruningCost.cheaper' : cost.paybackMonth === null ? 'decision.reason.pruningCost.never' : 'decision.reason.pruningCost.payback',
        {
          alternative: label(alternative),
          upfront: money(Math.max(0, cost.upfrontExtra)),
          engineering: money(cost.engineering),
          pruning: money(cost.pruning),
          month: cost.paybackMonth ?? 0,
          horizon: cost.horizonMonths,
        },
      ),
    },
    caps: r.caps.map(capText),
    notes: r.notes.map((n) => t(`decision.note.${n}`, { passes: tr.number(result.dataPosition.passes) })),
    confidenceReasons: r.confidenceReasons.map((c) => t(`decision.confidenceReason.${c}`)),
    pilot,
    wouldChange,
  };
}
