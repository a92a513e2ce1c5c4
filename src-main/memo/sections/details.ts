/**
 * Appendix A, the engineer's detail behind page 1's three reasons: the data position against the
 * law's threshold, every sparse option's speed-up with its kind, range, physical bound and source,
 * every option's size, data, quality and distance from the fitted range, and the pruning cost.
 */
import { sparsityText } from '../../core/charts/labels.js';
import type { EvaluatedOption } from '../../core/roi/evaluate.js';
import type { ResolvedSpeedup } from '../../core/roi/speedups.js';
import { isSparse, sectionTitle, type MemoContext } from '../memo-context.js';
import { machineName, paybackText, speedupRange } from './describe.js';

/** Where one speed-up comes from, in the reader's language (the engine's own note is English). */
export function speedupSource(c: MemoContext, s: ResolvedSpeedup): string {
  const { t } = c;
  const from = (s.interpolated && s.fromSparsities.length === 1 ? [0, ...s.fromSparsities] : s.fromSparsities).map((v) => sparsityText(c.tr, v));
  const parts: string[] = [];
  if (s.kind === 'measured' || s.kind === 'upper-bound') {
    parts.push(
      t('memo2.details.speedupSource.benchmark', {
        id: s.benchmarkId ?? '—',
        variant: t(`memo2.details.variant.${s.variant ?? 'dense'}`),
        machine: t('memo2.provenance.machine', { machine: machineName(c, s.provider), role: t(`memo2.provenance.role.${s.evidence ?? 'development'}`) }),
      }),
    );
  } else if (s.kind === 'published') {
    parts.push(t('memo2.details.speedupSource.published', { citations: s.citations.map((x) => `${x.label} (${c.f.times(x.speedup)})`).join(t('memo2.listSeparator')) }));
  } else {
    parts.push(t(`memo2.details.speedupSource.${s.kind}`));
  }
  if (s.interpolated) parts.push(t('memo2.details.speedupSource.interpolated', { from: from.join(t('memo2.details.and')) }));
  if (s.beyondRange) parts.push(t('memo2.details.speedupSource.beyond', { from: from.join(', ') }));
  if (!s.reliable) parts.push(t('memo2.details.speedupSource.unreliable'));
  if (s.clipped) parts.push(t('memo2.details.speedupSource.clipped'));
  return parts.join(t('memo2.listSeparator'));
}

function dataVolume(c: MemoContext): void {
  const { t, f, result } = c;
  const d = result.dataPosition;
  c.layout.subheading(t('memo2.details.data'), 100);
  c.layout.keyValues(
    [
      [t('memo2.details.dataRows.optimal'), sparsityText(c.tr, result.optimal.sparsity)],
      [t('memo2.details.dataRows.unique'), c.data(d.uniqueData)],
      [t('memo2.details.dataRows.passes'), c.tr.number(d.passes)],
      [t('memo2.details.dataRows.effective'), c.data(d.effectiveData)],
      [t('memo2.details.dataRows.threshold'), c.data(d.thresholdData)],
      [t('memo2.details.dataRows.ratio'), f.factor(d.trainingRatio)],
      [t('memo2.details.dataRows.available'), c.data(d.availableData)],
      [t('memo2.details.dataRows.denseOptimal'), c.data(d.denseOptimalData)],
    ],
    0.5,
  );
}

function hardware(c: MemoContext): void {
  const { t, f, result, layout } = c;
  const sparse = result.options.filter(isSparse);
  layout.subheading(t('memo2.details.hardware'), 90);
  layout.paragraph(
    t('memo2.details.hardwareIntro', { provider: t(`memo2.provider.${c.scenario.deployment.speedup.provider}`), share: f.percent(result.physical.prunableShare) }),
    { size: 9 },
  );
  // A check of the team's own ONNX model names the model here, as well as in the appendix.
  const ownModel = c.benchmark?.model;
  if (ownModel) {
    layout.paragraph(t('ownModel.memo.measuredOn', { file: ownModel.fileName, share: c.tr.percent(ownModel.prunableShare, 1), batch: ownModel.batch }), { size: 9 });
  }
  if (sparse.length === 0) {
    layout.paragraph(t('memo2.details.noSparse'), { size: 9 });
    return;
  }
  layout.table(
    [
      { header: t('memo2.details.hardwareColumn.option'), width: 2, wrap: true },
      { header: t('memo2.details.hardwareColumn.speedup'), width: 1, align: 'right' },
      { header: t('memo2.details.hardwareColumn.range'), width: 1.4, align: 'right' },
      { header: t('memo2.details.hardwareColumn.bound'), width: 1, align: 'right' },
      { header: t('memo2.details.hardwareColumn.kind'), width: 1.2, wrap: true },
      { header: t('memo2.details.hardwareColumn.source'), width: 4, wrap: true },
    ],
    sparse.map((o) => [
      c.name(o),
      f.times(o.speedup.value),
      speedupRange(c, o.speedup),
      f.times(o.speedup.bound),
      t(`memo2.speedupKind.${o.speedup.kind}`),
      speedupSource(c, o.speedup),
    ]),
    { size: 7.5 },
  );
}

function optionsInDetail(c: MemoContext): void {
  const { t, f, result, layout } = c;
  layout.subheading(t('memo2.details.options'), 90);
  layout.paragraph(t('memo2.details.optionsIntro', { loss: c.tr.number(result.targetLoss, 4) }), { size: 9 });
  const gpuHours = (o: EvaluatedOption) => (o.cost.gpuHours > 0 ? c.tr.number(o.cost.gpuHours, 3) : t('memo2.compare.none'));
  layout.table(
    [
      { header: t('memo2.details.optionsColumn.option'), width: 2.2, wrap: true },
      { header: t('memo2.details.optionsColumn.group'), width: 1.6, wrap: true },
      { header: t('memo2.details.optionsColumn.nonzero'), width: 1, align: 'right' },
      { header: t('memo2.details.optionsColumn.data'), width: 1.2, align: 'right' },
      { header: t('memo2.details.optionsColumn.passes'), width: 0.7, align: 'right' },
      { header: t('memo2.details.optionsColumn.quality'), width: 0.8, align: 'right' },
      { header: t('memo2.details.optionsColumn.extrapolation'), width: 0.9, align: 'right' },
      { header: t('memo2.details.optionsColumn.gpuHours'), width: 0.9, align: 'right' },
    ],
    result.options.map((o) => [
      c.name(o),
      t(`decision.group.${o.group}`),
      c.tr.count(o.nonzero),
      c.data(o.uniqueData),
      c.tr.number(o.passes),
      f.percent(o.sizeEquivalent),
      o.extrapolation.extrapolates ? f.factor(o.extrapolation.factor) : t('memo2.details.inside'),
      gpuHours(o),
    ]),
    { size: 7.5 },
  );
}

function pruningCost(c: MemoContext): void {
  const { t, f, layout } = c;
  if (!c.sparse) return;
  const p = c.result.recommendation.reasons.pruningCost;
  layout.subheading(t('memo2.details.pruningCost'), 60);
  layout.keyValues(
    [
      [t('memo2.details.pruningRows.upfront', { alternative: c.name(c.alternative) }), f.money(p.upfrontExtra)],
      [t('memo2.details.pruningRows.engineering'), f.money(p.engineering)],
      [t('memo2.details.pruningRows.pruning'), f.money(p.pruning)],
      [t('memo2.details.pruningRows.payback'), paybackText(c, c.sparse)],
    ],
    0.5,
  );
}

export function detailsSection(c: MemoContext): void {
  c.layout.newPage();
  c.layout.heading(sectionTitle(c, 'details'), 160);
  dataVolume(c);
  hardware(c);
  optionsInDetail(c);
  pruningCost(c);
}
