/** Section 2, conclusion first: the level, the likelihood and confidence, and why. */
import type { Level } from '../../core/roi/recommend.js';
import { optionName } from '../../core/charts/labels.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';

/** Delivery-confidence colours, green to red, dark enough for white text. */
export const LEVEL_COLOR: Record<Level, string> = {
  go: '#1b7f3b',
  'go-with-conditions': '#4f8a10',
  'pilot-first': '#b36b00',
  'not-now': '#c2410c',
  no: '#b91c1c',
};

export function conclusionSection(c: MemoContext, number: number): void {
  const { t, tr, layout, explanation } = c;
  const r = c.result.recommendation;
  layout.heading(sectionTitle(c, number, 'conclusion'), 140);
  layout.badge(explanation.level, LEVEL_COLOR[r.level]);
  layout.keyValues([
    [
      t('memo.conclusion.likelihood'),
      t('memo.conclusion.likelihoodValue', { likelihood: t(`likelihood.${r.likelihood}`), probability: tr.percent(r.probability) }),
    ],
    [t('memo.conclusion.confidence'), t(`confidence.${r.confidence}`)],
    [t('memo.conclusion.option'), optionName(c.option, tr)],
  ]);
  layout.subheading(t('memo.conclusion.why'));
  layout.paragraph(explanation.headline, { bold: true });
  const reasons = [explanation.reasons.dataVolume, explanation.reasons.hardware, explanation.reasons.pruningCost];
  layout.paragraph(reasons.join(t('memo.sentenceSeparator')));
  if (explanation.caps.length > 0) {
    layout.subheading(t('memo.conclusion.caps'));
    layout.bullets(explanation.caps, { bold: true, color: LEVEL_COLOR.no });
  }
  if (explanation.confidenceReasons.length > 0) {
    layout.paragraph(t('memo.conclusion.confidenceLowered', { reasons: explanation.confidenceReasons.join(t('memo.listSeparator')) }));
  }
}
