/**
 * Appendix B, uncertainty and sensitivity for the engineer: the law's loss curve (in the law's own
 * units), the tornado and the simulated distribution of the sparse option's advantage over the best
 * other option, and every switching value against the recommended action.
 */
import { inputValue } from '../../core/charts/labels.js';
import { lossCurveOption } from '../../core/charts/loss-curve.js';
import { savingsDistributionOption } from '../../core/charts/savings-distribution.js';
import { tornadoOption } from '../../core/charts/tornado.js';
import type { TornadoBar } from '../../core/roi/sensitivity.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';
import { switchingText } from './summary.js';

export function sensitivitySection(c: MemoContext): void {
  const { t, f, tr, layout, result, labels } = c;
  layout.heading(sectionTitle(c, 'sensitivity'), 220);
  layout.chart(lossCurveOption(result, labels.lossCurve, 'print'), t('memo2.sensitivity.lossCurve', { nonzero: tr.count(result.optimal.nonzero) }), 170);
  if (!c.sparse) return;
  const names = { sparse: c.name(c.sparse), alternative: c.name(c.alternative) };
  if (result.tornado.length > 0) {
    // The memo names every v2 input; the shared chart labels know only the v1 names.
    const tornado = {
      ...labels.tornado,
      input: (bar: TornadoBar) =>
        t('memo2.sensitivity.tornadoInput', {
          name: t(`memo2.inputName.${bar.input}`),
          low: inputValue(bar.input, bar.low, result, tr),
          high: inputValue(bar.input, bar.high, result, tr),
        }),
    };
    layout.chart(tornadoOption(result, tornado, 'print'), t('memo2.sensitivity.tornado', names), Math.max(140, 70 + 20 * result.tornado.length));
  }
  const mc = result.monteCarlo;
  layout.chart(
    savingsDistributionOption(result, labels.savingsDistribution, 'print'),
    t('memo2.sensitivity.distribution', {
      draws: tr.number(mc.draws, 6),
      seed: mc.seed,
      p10: f.signed(mc.sparseAdvantage.p10),
      p50: f.signed(mc.sparseAdvantage.p50),
      p90: f.signed(mc.sparseAdvantage.p90),
    }),
    170,
  );
  const switching = result.switchingValues.filter((s) => s.value !== null && s.flipsWhen !== null);
  layout.subheading(t('memo2.sensitivity.switching'), 40);
  if (switching.length === 0) {
    layout.paragraph(t('memo2.sensitivity.noSwitch'), { size: 9 });
    return;
  }
  layout.bullets(
    switching.map(
      (s) =>
        t(s.flipsWhen === 'above' ? 'memo2.sensitivity.switchAbove' : 'memo2.sensitivity.switchBelow', {
          input: t(`memo2.inputName.${s.input}`),
          value: switchingText(c, s.input, s.value!),
          base: switchingText(c, s.input, s.base),
        }) + (s.beyondPhysicalBound ? t('memo2.sensitivity.beyondBound', { bound: f.times(c.sparse!.speedup.bound) }) : ''),
    ),
    { size: 9 },
  );
}
