/** Section 7: short sentences the manager can say in the meeting, each backed by a number in the memo. */
import { optionName, sparsityText } from '../../core/charts/labels.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';

/** The phrases in order: the verdict, the range, the main driver, the data and hardware evidence, the first conditions. */
export function meetingPhrases(c: MemoContext): string[] {
  const { t, tr, result, explanation } = c;
  const r = result.recommendation;
  const mc = result.monteCarlo;
  const horizon = result.inputs.horizonMonths;
  const driver = result.tornado.length > 0 ? [...result.tornado].sort((a, b) => b.swing - a.swing)[0]! : null;
  const speedup = c.option.speedup;
  return [
    t(`memo.phrases.level.${r.level}`, {
      sparsity: sparsityText(tr, c.option.sparsity),
      likelihood: t(`likelihood.${r.likelihood}`),
      horizon,
      option: optionName(c.option, tr),
    }),
    t('memo.phrases.range', { horizon, p10: c.money(mc.p10), p50: c.money(mc.p50), p90: c.money(mc.p90) }),
    ...(driver ? [t('memo.phrases.driver', { input: t(`memo.inputName.${driver.input}`) })] : []),
    t(result.optimal.sparsity > 0 ? 'memo.phrases.dataPays' : 'memo.phrases.dataNotYet', { ratio: tr.number(result.dataPosition.trainingRatio) }),
    speedup.kind === 'measured'
      ? t('memo.phrases.measured', { speedup: tr.number(speedup.value) })
      : t('memo.phrases.notMeasured', { speedup: tr.number(speedup.value), kind: t(`memo.findings.hardware.kind.${speedup.kind}`) }),
    ...explanation.conditions.slice(0, 2).map((condition) => t('memo.phrases.condition', { condition })),
  ];
}

export function phrasesSection(c: MemoContext, number: number): void {
  c.layout.heading(sectionTitle(c, number, 'phrases'));
  c.layout.bullets(meetingPhrases(c));
}
