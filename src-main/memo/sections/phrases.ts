/**
 * Talking points the manager can say in the meeting (in Japanese, です・ます), each backed by a number
 * in the memo: the recommended action with its base case and range, the pilot, the verdict on
 * sparsity, the sparse option against the best alternative, the main driver, the hardware evidence,
 * what would change the decision, and what has not been looked at yet.
 */
import { tornadoBars } from '../../core/charts/tornado.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';

function paybackPhrase(c: MemoContext, month: number | null): string {
  if (month === null) return c.t('decision.headline.paybackNever');
  if (month === 0) return c.t('decision.headline.paybackAtOnce');
  return c.t('decision.headline.paybackMonth', { month });
}

export function meetingPhrases(c: MemoContext): string[] {
  const { t, f, result, explanation: e } = c;
  const r = result.recommendation;
  const mc = result.monteCarlo;
  const horizon = result.inputs.horizonMonths;
  const phrases: string[] = [];
  const h = c.headline;
  phrases.push(
    h.kind === 'baseline'
      ? t('memo2.phrases.headlineKeep', { option: c.name(h) })
      : t('memo2.phrases.headline', {
          option: c.name(h),
          savings: f.money(h.savings),
          horizon,
          low: f.signed(mc.headlineSavings.p10),
          high: f.signed(mc.headlineSavings.p90),
          payback: paybackPhrase(c, h.paybackMonth),
        }),
  );
  if (e.headlinePilot && r.pilot) {
    const pass =
      r.pilot.requiredSpeedupReachable && r.pilot.requiredSpeedup !== null
        ? t('memo2.phrases.passSpeedup', { speedup: f.times(r.pilot.requiredSpeedup), floor: f.percent(r.pilot.qualityFloor) })
        : t('memo2.phrases.passQuality', { floor: f.percent(r.pilot.qualityFloor) });
    phrases.push(t('memo2.phrases.pilot', { cost: f.money(r.pilot.cost), pass }));
  }
  if (c.sparse) {
    phrases.push(
      t('memo2.phrases.sparsity', {
        level: e.level,
        materiality: f.amount(r.materiality),
        alternative: c.name(c.alternative),
        likelihood: t(`likelihood.${r.likelihood}`),
        probability: f.percent(r.probability),
      }),
    );
    const base = c.alternative.cost.total - c.sparse.cost.total;
    const d = mc.sparseAdvantage;
    const median = f.signed(d.p50) === f.signed(base) ? '' : t('memo2.phrases.median', { median: f.signed(d.p50) });
    phrases.push(
      t(base >= 0 ? 'memo2.phrases.advantageCheaper' : 'memo2.phrases.advantageDearer', {
        alternative: c.name(c.alternative),
        sparse: c.name(c.sparse),
        amount: f.amount(base),
        low: f.signed(d.p10),
        high: f.signed(d.p90),
      }) + median,
    );
    const driver = tornadoBars(result)[0];
    if (driver && driver.swing > 0) phrases.push(t('memo2.phrases.driver', { input: f.inSentence(t(`memo2.inputName.${driver.input}`)) }));
    const s = c.sparse.speedup;
    phrases.push(
      s.kind === 'measured' && s.evidence === 'deployment'
        ? t('memo2.phrases.hardwareMeasured', { speedup: f.times(s.value) })
        : t('memo2.phrases.hardwareNot', { speedup: f.times(s.value), kind: t(`memo2.speedupKind.${s.kind}`) }),
    );
    const speed = result.switchingValues.find((v) => v.input === 'speedup');
    if (speed?.value != null) {
      phrases.push(
        speed.beyondPhysicalBound
          ? t('memo2.phrases.unreachable', { value: f.times(speed.value), bound: f.times(s.bound) })
          : t(speed.flipsWhen === 'below' ? 'memo2.phrases.holds' : 'memo2.phrases.needs', { value: f.times(speed.value) }),
      );
    }
  } else {
    phrases.push(t('memo2.phrases.noSparse'));
  }
  phrases.push(t('memo2.phrases.scope'));
  return phrases;
}

export function phrasesSection(c: MemoContext, number: number): void {
  c.layout.heading(sectionTitle(c, 'phrases', number), 100);
  c.layout.bullets(meetingPhrases(c), { size: 9.5 });
}
