/** Section 5: loss against sparsity, savings over time, the tornado and the Monte Carlo distribution. */
import { optionName } from '../../core/charts/labels.js';
import { lossCurveOption } from '../../core/charts/loss-curve.js';
import { savingsDistributionOption } from '../../core/charts/savings-distribution.js';
import { savingsOverTimeOption } from '../../core/charts/savings-over-time.js';
import { tornadoOption } from '../../core/charts/tornado.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';

export function chartsSection(c: MemoContext, number: number): void {
  const { t, tr, layout, result, labels } = c;
  const option = optionName(c.option, tr);
  layout.heading(sectionTitle(c, number, 'charts'), 210);
  layout.chart(lossCurveOption(result, labels.lossCurve, 'print'), t('memo.chart.lossCurve.caption', { nonzero: tr.count(result.optimal.nonzero) }), 180);
  layout.chart(savingsOverTimeOption(result, labels.savingsOverTime, 'print'), t('memo.chart.savingsOverTime.caption', { option }), 170);
  layout.chart(tornadoOption(result, labels.tornado, 'print'), t('memo.chart.tornado.caption', { option }), Math.max(150, 70 + 20 * result.tornado.length));
  layout.chart(
    savingsDistributionOption(result, labels.savingsDistribution, 'print'),
    t('memo.chart.distribution.caption', {
      option,
      draws: tr.number(result.monteCarlo.draws, 6),
      seed: result.monteCarlo.seed,
      p10: c.money(result.monteCarlo.p10),
      p50: c.money(result.monteCarlo.p50),
      p90: c.money(result.monteCarlo.p90),
    }),
    180,
  );
}
