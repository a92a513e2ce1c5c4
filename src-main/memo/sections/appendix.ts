/**
 * Section 8, the appendix: every input with its unit and source, the uncertainty ranges, the
 * law's coefficients and where they come from, the hardware check's machine and date, and the
 * facts that identify this memo (app version, seed, draws, scenario revision, content hash).
 */
import { inputValue, sparsityText } from '../../core/charts/labels.js';
import { roundedForDisplay, COEFFICIENT_NAMES } from '../../core/law/coefficients.js';
import type { Quantity, Source } from '../../core/roi/scenario.js';
import { sectionTitle, type MemoContext } from '../memo-context.js';
import { lawName } from './risks.js';

function plain(c: MemoContext, value: number): string {
  if (Math.abs(value) >= 1e6) return c.tr.count(value);
  return new Intl.NumberFormat(c.tr.language === 'ja' ? 'ja-JP' : 'en-US', { maximumSignificantDigits: 6 }).format(value);
}

function sourceText(c: MemoContext, source: Source | undefined): string {
  if (!source) return c.t('memo.appendix.sourceKind.none');
  const kind = c.t(`memo.appendix.sourceKind.${source.kind}`);
  return `${kind}: ${source.note}${source.date ? ` (${source.date})` : ''}`;
}

function unitText(c: MemoContext, unit: string): string {
  return c.t(`memo.appendix.units.${unit}`, { currency: c.scenario.currency, defaultValue: unit });
}

/** The scenario's quantities in the order of the scenario document. */
function quantities(c: MemoContext): [string, Quantity][] {
  const s = c.scenario;
  const q = (path: string, quantity: Quantity): [string, Quantity] => [c.t(`memo.appendix.quantity.${path}`), quantity];
  return [
    q('baseline.params', s.baseline.params),
    q('baseline.trainingData', s.baseline.trainingData),
    q('baseline.availableData', s.baseline.availableData),
    q('baseline.tokensPerUnit', s.baseline.tokensPerUnit),
    q('training.pricePerHour', s.training.pricePerHour),
    q('training.peakFlops', s.training.peakFlops),
    q('training.utilisation', s.training.utilisation),
    q('pruning.retrainFraction', s.pruning.retrainFraction),
    q('engineering.personDays', s.engineering.personDays),
    q('engineering.dayRate', s.engineering.dayRate),
    q('engineering.tooling', s.engineering.tooling),
    q('engineering.riskBuffer', s.engineering.riskBuffer),
    q('deployment.requestsPerDay', s.deployment.requestsPerDay),
    q('deployment.unitsPerRequest', s.deployment.unitsPerRequest),
    q('deployment.growthPerMonth', s.deployment.growthPerMonth),
    q('deployment.horizonMonths', s.deployment.horizonMonths),
    q('deployment.pricePerHour', s.deployment.pricePerHour),
    q('deployment.peakFlops', s.deployment.peakFlops),
    q('deployment.utilisation', s.deployment.utilisation),
  ];
}

/** Coefficients as the paper's table prints them: scientific notation for very large or small values. */
function coefficient(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude >= 1e4 || magnitude < 1e-3) ? value.toExponential(2) : String(value);
}

function settings(c: MemoContext): [string, string][] {
  const { t, tr, scenario: s } = c;
  const yesNo = (v: boolean) => t(v ? 'memo.appendix.yes' : 'memo.appendix.no');
  return [
    [t('memo.appendix.setting.family'), s.family.kind === 'preset' ? lawName(c) : t('memo.appendix.customLaw', { name: c.result.law.name })],
    [t('memo.appendix.setting.currency'), s.currency],
    [t('memo.appendix.setting.candidates'), s.sparsity.candidates.map((v) => sparsityText(tr, v)).join(', ')],
    [t('memo.appendix.setting.includeOptimal'), yesNo(s.sparsity.includeOptimal)],
    [t('memo.appendix.setting.pattern'), t(`memo.appendix.pattern.${s.sparsity.pattern}`)],
    [t('memo.appendix.setting.route'), t(`memo.appendix.route.${s.pruning.route}`)],
    [t('memo.appendix.setting.speedupSource'), t(`memo.appendix.speedupSource.${s.deployment.speedup.source}`)],
    [t('memo.appendix.setting.provider'), s.deployment.speedup.provider],
    [t('memo.appendix.setting.upperBound'), yesNo(s.deployment.speedup.useUpperBound)],
    [t('memo.appendix.setting.lawUncertainty'), yesNo(s.uncertainty.law)],
  ];
}

function inputsTable(c: MemoContext): void {
  const { t, tr } = c;
  const rows = quantities(c).map(([label, q]) => [label, plain(c, q.value), unitText(c, q.unit), sourceText(c, q.source)]);
  for (const a of c.scenario.deployment.speedup.assumed) {
    rows.push([t('memo.appendix.assumedSpeedup', { sparsity: sparsityText(tr, a.sparsity) }), `×${tr.number(a.value)}`, '×', sourceText(c, a.source)]);
  }
  c.layout.table(
    [
      { header: t('memo.appendix.input'), width: 0.3, wrap: true },
      { header: t('memo.appendix.value'), width: 0.12, align: 'right' },
      { header: t('memo.appendix.unit'), width: 0.16, wrap: true },
      { header: t('memo.appendix.source'), width: 0.42, wrap: true },
    ],
    rows,
  );
}

function rangesTable(c: MemoContext): void {
  const { t, result } = c;
  c.layout.subheading(t('memo.appendix.ranges'), 60);
  c.layout.table(
    [
      { header: t('memo.appendix.input'), width: 0.26, wrap: true },
      { header: t('memo.appendix.range'), width: 0.2, align: 'right' },
      { header: t('memo.appendix.shape'), width: 0.16, wrap: true },
      { header: t('memo.appendix.source'), width: 0.38, wrap: true },
    ],
    result.ranges.map((r) => [
      t(`memo.inputName.${r.input}`),
      `${inputValue(r.input, r.low, result, c.tr)} – ${inputValue(r.input, r.high, result, c.tr)}`,
      t(`memo.appendix.distribution.${r.distribution}`),
      r.origin === 'user' && r.source ? sourceText(c, r.source) : t(`memo.appendix.rangeOrigin.${r.origin}`),
    ]),
  );
  if (result.ranges.some((r) => r.origin === 'default')) c.layout.paragraph(t('memo.appendix.defaultRanges'), { size: 8.5 });
}

function coefficientsBlock(c: MemoContext): void {
  const { t, tr, result } = c;
  const law = result.law;
  const rounded = roundedForDisplay(law.coefficients);
  c.layout.subheading(t('memo.appendix.coefficients'), 90);
  c.layout.table(
    COEFFICIENT_NAMES.map((name) => ({ header: name === 'c' ? 'c' : `${name[0]!.toLowerCase()}_${name.slice(1)}`, width: 1 / 7, align: 'right' as const })),
    [COEFFICIENT_NAMES.map((name) => coefficient(rounded[name]))],
  );
  c.layout.paragraph(t('memo.appendix.coefficientsNote', { unit: t(`unit.${law.dataUnit}`) }), { size: 8.5 });
  const range = law.fittedRange;
  const uncertainty = result.monteCarlo.lawUncertainty;
  c.layout.keyValues(
    [
      [t('memo.appendix.law'), lawName(c)],
      [t('memo.appendix.citation'), law.source.citation],
      [
        t('memo.appendix.fittedRange'),
        range
          ? t('memo.appendix.fittedRangeValue', {
              s0: sparsityText(tr, range.sparsity.min), s1: sparsityText(tr, range.sparsity.max),
              n0: tr.count(range.nonzero.min), n1: tr.count(range.nonzero.max),
              d0: c.data(range.data.min), d1: c.data(range.data.max),
            })
          : t('memo.appendix.noFittedRange'),
      ],
      [
        t('memo.appendix.lawUncertainty'),
        uncertainty
          ? t('memo.appendix.lawUncertaintyValue', { low: tr.number(uncertainty.low), high: tr.number(uncertainty.high), source: uncertainty.source })
          : t('memo.appendix.lawUncertaintyOff'),
      ],
    ],
    0.24,
  );
}

function benchmarkBlock(c: MemoContext): void {
  const { t, tr, benchmark } = c;
  c.layout.subheading(t('memo.appendix.benchmark'), 40);
  if (!benchmark) {
    c.layout.paragraph(t('memo.appendix.benchmarkNone'));
    return;
  }
  const inv = benchmark.inventory;
  const model = benchmark.model;
  c.layout.keyValues(
    [
      ...(model
        ? [
            [
              t('ownModel.memo.model'),
              t('ownModel.memo.modelValue', { file: model.fileName, hash: model.sha256.slice(0, 12), share: tr.percent(model.prunableShare, 1), batch: model.batch }),
            ] as [string, string],
          ]
        : []),
      [t('memo.appendix.benchmarkId'), benchmark.id],
      [t('memo.appendix.benchmarkDate'), benchmark.createdAt],
      [t('memo.appendix.cpu'), t('memo.appendix.cpuValue', { model: inv.cpu.model, cores: inv.cpu.cores })],
      [t('memo.appendix.memory'), `${tr.number(inv.memoryBytes / 1024 ** 3)} GiB`],
      [t('memo.appendix.gpus'), inv.gpus.length === 0 ? t('memo.appendix.noGpu') : inv.gpus.map((g) => g.name).join(', ')],
      [t('memo.appendix.os'), `${inv.os.platform} ${inv.os.release} (${inv.os.arch})`],
      [t('memo.appendix.runtime'), inv.ortVersion],
      [t('memo.appendix.threads'), String(benchmark.settings.threads)],
      [t('memo.appendix.fingerprint'), inv.fingerprint],
      [t('memo.appendix.benchmarkAppVersion'), benchmark.appVersion],
    ],
    0.24,
  );
}

function memoBlock(c: MemoContext): void {
  const { t, tr } = c;
  c.layout.subheading(t('memo.appendix.run'), 80);
  c.layout.keyValues(
    [
      [t('memo.appendix.appVersion'), c.appVersion],
      [t('memo.appendix.date'), c.date],
      [t('memo.appendix.language'), t('memo.appendix.languageName')],
      [t('memo.appendix.revision'), c.revision === null ? t('memo.meta.unsaved') : String(c.revision)],
      [t('memo.appendix.seed'), String(c.result.monteCarlo.seed)],
      [t('memo.appendix.draws'), tr.number(c.result.monteCarlo.draws, 6)],
      [t('memo.appendix.contentHash'), c.contentHash],
    ],
    0.24,
  );
  c.layout.paragraph(t('memo.appendix.contentHashNote'), { size: 8.5 });
}

export function appendixSection(c: MemoContext, number: number): void {
  const { t, layout } = c;
  layout.heading(sectionTitle(c, number, 'appendix'), 160);
  layout.subheading(t('memo.appendix.inputs'), 120);
  layout.keyValues(settings(c), 0.3);
  inputsTable(c);
  rangesTable(c);
  coefficientsBlock(c);
  benchmarkBlock(c);
  memoBlock(c);
}
