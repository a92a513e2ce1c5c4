/**
 * What the recommendation rests on and what could overturn it: every cap on the verdict with its
 * reason, the engine's notes, why confidence is lowered, the downside in the simulation, where the
 * law comes from and how far each option of the decision lies outside its fitted range, and the pilot.
 */
import { sparsityText } from '../../core/charts/labels.js';
import type { AxisExtrapolation } from '../../core/law/law.js';
import type { EvaluatedOption } from '../../core/roi/evaluate.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';
import { COLOR } from '../pdf-layout.js';
import { LEVEL_COLOR } from './summary.js';

function axisValue(c: MemoContext, axis: AxisExtrapolation['axis'], value: number): string {
  if (axis === 'sparsity') return sparsityText(c.tr, value);
  if (axis === 'data') return c.data(value);
  return c.tr.count(value);
}

/** How far one option lies outside the law's fitted range, axis by axis. */
export function extrapolationText(c: MemoContext, option: EvaluatedOption): string {
  const { t, f } = c;
  const x = option.extrapolation;
  if (!x.rangeKnown) return t('memo2.risks.rangeUnknown');
  if (!x.extrapolates) return t('memo2.risks.inside', { option: c.name(option) });
  const axes = x.axes.map((a) =>
    t(a.side === 'above' ? 'memo2.risks.axisAbove' : 'memo2.risks.axisBelow', {
      axis: t(`memo2.risks.axis.${a.axis}`),
      value: axisValue(c, a.axis, a.value),
      limit: axisValue(c, a.axis, a.side === 'above' ? a.range.max : a.range.min),
      factor: f.factor(a.factor),
    }),
  );
  return t('memo2.risks.outside', { option: c.name(option), factor: f.factor(x.factor), axes: axes.join(t('memo2.listSeparator')) });
}

export function lawName(c: MemoContext): string {
  const family = c.scenario.family;
  return family.kind === 'preset' ? c.t(`memo.lawName.${family.preset}`) : c.result.law.name;
}

/** The options the decision is about, each once: today's model, the recommended one, the best sparse and the best other. */
export function decisionOptions(c: MemoContext): EvaluatedOption[] {
  const list = [c.baseline, c.headline, ...(c.sparse ? [c.sparse] : []), c.alternative];
  return list.filter((o, i) => list.findIndex((x) => x.id === o.id) === i);
}

export function risksSection(c: MemoContext, number: number): void {
  const { t, f, layout, result, explanation: e } = c;
  const mc = result.monteCarlo;
  layout.heading(sectionTitle(c, 'risks', number), 120);
  if (e.caps.length > 0) {
    layout.subheading(t('memo2.risks.caps'));
    layout.bullets(e.caps, { size: 9, color: LEVEL_COLOR.no });
  }
  if (e.confidenceReasons.length > 0) layout.paragraph(t('memo2.risks.confidence', { reasons: e.confidenceReasons.join(t('memo2.listSeparator')) }), { size: 9 });
  if (e.notes.length > 0) {
    layout.subheading(t('memo2.risks.notes'));
    layout.bullets(e.notes, { size: 9 });
  }

  layout.subheading(t('memo2.risks.downside'));
  const downside: string[] = [];
  if (c.headline.kind !== 'baseline') {
    const p = mc.perOption.find((x) => x.id === c.headline.id)?.probabilitySaves ?? mc.headlineSavings.probabilityPositive;
    const p10 = mc.headlineSavings.p10;
    downside.push(t(p10 < 0 ? 'memo2.risks.downsideHeadlineLoss' : 'memo2.risks.downsideHeadline', { p10: f.amount(p10), probability: f.percent(p) }));
  }
  if (c.sparse) {
    const p10 = mc.sparseAdvantage.p10;
    downside.push(t(p10 < 0 ? 'memo2.risks.downsideBehind' : 'memo2.risks.downsideAhead', { p10: f.amount(p10), alternative: c.name(c.alternative) }));
  }
  if (downside.length > 0) layout.bullets(downside, { size: 9 });

  layout.subheading(t('memo2.risks.law'));
  const distances = [...new Set(decisionOptions(c).map((o) => extrapolationText(c, o)))];
  layout.bullets([t('memo2.risks.lawFamilies', { law: lawName(c) }), ...distances, t('memo2.risks.denseTraining')], { size: 9 });

  if (e.pilot.length > 0) {
    layout.subheading(t('memo2.risks.pilot'));
    layout.bullets(e.pilot, { size: 9, color: COLOR.text });
  }
}
