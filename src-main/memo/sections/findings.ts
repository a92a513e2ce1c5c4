/**
 * Section 3: the three checks, each with its numbers. Data volume: S_opt and the data against
 * the threshold. Hardware: every sparse option's speed-up, labelled measured, upper bound or
 * assumed, and the break-even speed-up. Pruning cost: the extra up-front cost and its payback.
 */
import { optionName, sparsityText } from '../../core/charts/labels.js';
import type { ResolvedSpeedup } from '../../core/roi/speedups.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';

/** Where a speed-up comes from, in the reader's language (the engine's own note is English). */
export function speedupSource(c: MemoContext, s: ResolvedSpeedup): string {
  const { t } = c;
  // Interpolation from the first measured point starts at the dense model (S = 0, ×1).
  const points = s.interpolated && s.fromSparsities.length === 1 ? [0, ...s.fromSparsities] : s.fromSparsities;
  const from = points.map((v) => sparsityText(c.tr, v)).join(' – ');
  const parts: string[] = [];
  if (s.kind === 'assumed') {
    parts.push(s.fromSparsities.length === 0 ? t('memo.findings.hardware.noAssumption') : t('memo.findings.hardware.assumedBy'));
  } else {
    parts.push(t('memo.findings.hardware.fromBenchmark', { id: s.benchmarkId ?? '—', variant: t(`memo.findings.hardware.variant.${s.variant ?? 'dense'}`) }));
  }
  if (s.interpolated) parts.push(t('memo.findings.hardware.interpolated', { from }));
  if (s.beyondRange) parts.push(t('memo.findings.hardware.beyondRange', { from }));
  if (!s.reliable) parts.push(t('memo.findings.hardware.unreliable'));
  return parts.join(t('memo.listSeparator'));
}

export function speedupText(c: MemoContext, s: ResolvedSpeedup): string {
  const value = `×${c.tr.number(s.value)}`;
  const low = c.tr.number(s.low);
  const high = c.tr.number(s.high);
  return low === high ? value : `${value} (×${low}–×${high})`;
}

export function paybackText(c: MemoContext, month: number | null): string {
  const horizon = c.result.inputs.horizonMonths;
  if (month === 0) return c.t('memo.findings.pruningCost.paybackAtOnce');
  if (month === null || month > horizon) return c.t('memo.findings.pruningCost.paybackNever', { horizon });
  return c.t('memo.findings.pruningCost.paybackMonth', { month, horizon });
}

export function findingsSection(c: MemoContext, number: number): void {
  const { t, tr, layout, result, option } = c;
  layout.heading(sectionTitle(c, number, 'findings'));

  const data = result.dataPosition;
  layout.subheading(
    t('memo.findings.titleWithVerdict', {
      title: t('memo.findings.dataVolume.title'),
      verdict: t(result.optimal.sparsity > 0 ? 'memo.findings.dataVolume.pays' : 'memo.findings.dataVolume.notYet'),
    }),
    90,
  );
  layout.keyValues([
    [t('memo.findings.dataVolume.optimal'), sparsityText(tr, result.optimal.sparsity)],
    [t('memo.findings.dataVolume.trainingData'), c.data(data.trainingData)],
    [t('memo.findings.dataVolume.threshold'), c.data(data.thresholdData)],
    [t('memo.findings.dataVolume.ratio'), `×${tr.number(data.trainingRatio)}`],
    [t('memo.findings.dataVolume.available'), c.data(data.availableData)],
    [t('memo.findings.dataVolume.denseOptimal'), c.data(data.denseOptimalData)],
  ]);

  layout.subheading(t('memo.findings.hardware.title'), 90);
  layout.paragraph(t('memo.findings.hardware.intro', { provider: c.scenario.deployment.speedup.provider }));
  const ownModel = c.benchmark?.model;
  if (ownModel) {
    layout.paragraph(t('ownModel.memo.measuredOn', { file: ownModel.fileName, share: tr.percent(ownModel.prunableShare, 1), batch: ownModel.batch }));
  }
  const sparse = result.options.filter((o) => o.kind === 'sparse');
  layout.table(
    [
      { header: t('memo.table.option'), width: 0.22, wrap: true },
      { header: t('memo.findings.hardware.speedup'), width: 0.2, align: 'right' },
      { header: t('memo.findings.hardware.evidence'), width: 0.12 },
      { header: t('memo.findings.hardware.source'), width: 0.46, wrap: true },
    ],
    sparse.map((o) => [optionName(o, tr), speedupText(c, o.speedup), t(`memo.findings.hardware.kind.${o.speedup.kind}`), speedupSource(c, o.speedup)]),
  );
  const needed = option.breakEven.speedup;
  layout.paragraph(
    needed === null
      ? t('memo.findings.hardware.noBreakEven', { option: optionName(option, tr) })
      : t('memo.findings.hardware.breakEven', {
          option: optionName(option, tr),
          speedup: tr.number(needed),
          current: tr.number(option.speedup.value),
          kind: t(`memo.findings.hardware.kind.${option.speedup.kind}`),
        }),
    { bold: true },
  );

  const baseline = result.options[0]!;
  const volume = option.breakEven.requestsPerDay;
  layout.subheading(t('memo.findings.pruningCost.title'), 90);
  layout.keyValues([
    [t('memo.findings.pruningCost.upfront', { option: optionName(option, tr) }), c.money(Math.max(0, option.cost.upfront - baseline.cost.upfront))],
    [t('memo.findings.pruningCost.engineering'), c.money(option.cost.engineering)],
    [t('memo.findings.pruningCost.pruning'), c.money(option.cost.pruning)],
    [t('memo.findings.pruningCost.payback'), paybackText(c, option.breakEven.paybackMonth)],
    [t('memo.findings.pruningCost.breakEvenVolume'), volume === null ? t('memo.findings.pruningCost.noVolume') : tr.count(volume)],
  ]);
}
