/**
 * Section 6: the conditions the recommendation rests on and what could overturn it: where the
 * law comes from and how far the scenario extrapolates it, training at dense cost, the
 * downside in the simulation, the smaller dense alternative and the switching values.
 */
import { inputValue, sparsityText } from '../../core/charts/labels.js';
import type { AxisExtrapolation } from '../../core/law/law.js';
import type { SwitchingValue } from '../../core/roi/sensitivity.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';

function axisValue(c: MemoContext, axis: AxisExtrapolation['axis'], value: number): string {
  if (axis === 'sparsity') return sparsityText(c.tr, value);
  if (axis === 'data') return c.data(value);
  return c.tr.count(value);
}

export function extrapolationText(c: MemoContext): string {
  const { t, tr } = c;
  const x = c.option.extrapolation;
  if (!x.rangeKnown) return t('memo.risks.rangeUnknown');
  if (!x.extrapolates) return t('memo.risks.inside');
  const axes = x.axes.map((a) =>
    t(a.side === 'above' ? 'memo.risks.axisAbove' : 'memo.risks.axisBelow', {
      axis: t(`memo.risks.axis.${a.axis}`),
      value: axisValue(c, a.axis, a.value),
      limit: axisValue(c, a.axis, a.side === 'above' ? a.range.max : a.range.min),
      factor: tr.number(a.factor),
    }),
  );
  return t('memo.risks.outside', { factor: tr.number(x.factor), axes: axes.join(t('memo.listSeparator')) });
}

export function switchingValueText(c: MemoContext, input: SwitchingValue['input'], value: number): string {
  if (input === 'horizonMonths') return `${c.tr.number(value)}`;
  // The switching speed-up is already the speed-up a person reads, not a factor on it.
  if (input === 'speedup') return `×${c.tr.number(value)}`;
  return inputValue(input, value, c.result, c.tr);
}

export function lawName(c: MemoContext): string {
  const family = c.scenario.family;
  return family.kind === 'preset' ? c.t(`memo.lawName.${family.preset}`) : c.result.law.name;
}

export function risksSection(c: MemoContext, number: number): void {
  const { t, tr, layout, result, explanation } = c;
  const mc = result.monteCarlo;
  layout.heading(sectionTitle(c, number, 'risks'));
  const smaller = result.options.find((o) => o.kind === 'smaller-dense');
  layout.bullets([
    ...explanation.conditions,
    t('memo.risks.lawFamilies', { law: lawName(c) }),
    extrapolationText(c),
    t('memo.risks.denseTraining'),
    t('memo.risks.downside', { p10: c.money(mc.p10), probability: tr.percent(mc.probabilityPositive) }),
    ...(smaller && mc.probabilityBeatsSmallerDense !== null
      ? [t('memo.risks.smallerDense', { savings: c.money(smaller.savings), probability: tr.percent(mc.probabilityBeatsSmallerDense) })]
      : []),
  ]);
  const switching = result.switchingValues.filter((s) => s.value !== null && s.flipsWhen !== null);
  if (switching.length > 0) {
    layout.paragraph(t('memo.risks.switchingIntro'), { bold: true });
    layout.bullets(
      switching.map((s) =>
        t(s.flipsWhen === 'above' ? 'memo.risks.switchAbove' : 'memo.risks.switchBelow', {
          input: t(`memo.inputName.${s.input}`),
          value: switchingValueText(c, s.input, s.value!),
          base: switchingValueText(c, s.input, s.base),
        }),
      ),
    );
  }
}
