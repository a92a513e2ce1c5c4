/**
 * Appendix C, inputs and provenance: every setting and quantity of the scenario with its unit and
 * source, the production lines of a fleet, the uncertainty ranges, the law's coefficients and where
 * they come from, the hardware check's machine and role, and the facts that identify this memo (app
 * version, seed, draws, scenario revision, content hash).
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

export function sourceText(c: MemoContext, source: Source | undefined): string {
  if (!source) return c.t('memo2.appendix.sourceKind.none');
  const kind = c.t(`memo2.appendix.sourceKind.${source.kind}`);
  return source.date
    ? c.t('memo2.appendix.sourceWithDate', { kind, note: source.note, date: c.longDate(source.date) })
    : c.t('memo2.appendix.sourceNoDate', { kind, note: source.note });
}

/** A quantity's value and unit as a reader takes them: fractions as percentages, large counts compact. */
export function quantityText(c: MemoContext, q: Quantity): [string, string] {
  const unit = c.t(`memo2.appendix.units.${q.unit}`, { currency: c.f.currency, defaultValue: q.unit });
  if (q.unit.startsWith('fraction')) return [c.f.percent(q.value, q.value !== 0 && Math.abs(q.value) < 0.1 ? 1 : 0), unit];
  return [plain(c, q.value), unit];
}

/** The scenario's quantities, keyed by path, in the order of the scenario document. */
function quantities(c: MemoContext): [string, Quantity][] {
  const s = c.scenario;
  const d = s.deployment;
  const list: [string, Quantity][] = [
    ['baseline.params', s.baseline.params],
    ['baseline.uniqueData', s.baseline.uniqueData],
    ['baseline.passes', s.baseline.passes],
    ['baseline.tokensPerUnit', s.baseline.tokensPerUnit],
    ['data.available', s.data.available],
    ['data.costPerUnit', s.data.costPerUnit],
    ['training.pricePerHour', s.training.pricePerHour],
    ['training.peakFlops', s.training.peakFlops],
    ['training.utilisation', s.training.utilisation],
    ['training.gpus', s.training.gpus],
    ...(s.baseline.status === 'trained'
      ? ([
          ['pruning.retrainData', s.pruning.retrainData],
          ['pruning.oneShotGpuHoursPerBillion', s.pruning.oneShotGpuHoursPerBillion],
        ] as [string, Quantity][])
      : []),
    ['engineering.personDays', s.engineering.personDays],
    ['engineering.dayRate', s.engineering.dayRate],
    ['engineering.tooling', s.engineering.tooling],
    ['engineering.riskBuffer', s.engineering.riskBuffer],
    ['deployment.unitsPerRequest', d.unitsPerRequest],
    ...(d.outputTokensPerRequest.value > 0 ? ([['deployment.outputTokensPerRequest', d.outputTokensPerRequest]] as [string, Quantity][]) : []),
    ['deployment.horizonMonths', d.horizonMonths],
    ['deployment.growthPerMonth', d.growthPerMonth],
  ];
  if (d.kind === 'metered') {
    list.push(['deployment.requestsPerDay', d.requestsPerDay], ['deployment.pricePerHour', d.pricePerHour], ['deployment.peakFlops', d.peakFlops], ['deployment.utilisation', d.utilisation]);
  } else {
    list.push(
      ['deployment.latencyBudgetMs', d.latencyBudgetMs],
      ['deployment.maxUtilisation', d.maxUtilisation],
      ['deployment.devicePrice', d.devicePrice],
      ['deployment.deviceLifeMonths', d.deviceLifeMonths],
      ['deployment.powerWatts', d.powerWatts],
      ['deployment.electricityPrice', d.electricityPrice],
      ['deployment.hoursPerDay', d.hoursPerDay],
    );
  }
  list.push(['decision.discountRate', s.decision.discountRate], ['decision.materiality', s.decision.materiality], ['decision.qualityFloor', s.decision.qualityFloor]);
  return list;
}

/** Coefficients as the paper's table prints them: scientific notation for very large or small values. */
function coefficient(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude >= 1e4 || magnitude < 1e-3) ? value.toExponential(2) : String(value);
}

function settings(c: MemoContext): [string, string][] {
  const { t, tr, scenario: s } = c;
  const yesNo = (v: boolean) => t(v ? 'memo2.appendix.yes' : 'memo2.appendix.no');
  const speed = s.deployment.speedup;
  return [
    [t('memo2.appendix.setting.family'), s.family.kind === 'preset' ? lawName(c) : t('memo2.appendix.customLaw', { name: c.result.law.name })],
    [t('memo2.appendix.setting.architecture'), t(`memo2.appendix.architecture.${s.architecture.kind}`)],
    [t('memo2.appendix.setting.status'), t(`memo2.appendix.status.${s.baseline.status}`)],
    [t('memo2.appendix.setting.deployment'), t(`memo2.appendix.deployment.${s.deployment.kind}`)],
    [t('memo2.appendix.setting.currency'), s.currency],
    [t('memo2.appendix.setting.candidates'), s.sparsity.candidates.map((v) => sparsityText(tr, v)).join(t('memo2.listSeparator'))],
    [t('memo2.appendix.setting.includeOptimal'), yesNo(s.sparsity.includeOptimal)],
    [t('memo2.appendix.setting.pattern'), t(`memo2.appendix.pattern.${s.sparsity.pattern}`)],
    [t('memo2.appendix.setting.speedupSource'), t(`memo2.appendix.speedupSource.${speed.source}`)],
    [t('memo2.appendix.setting.provider'), t(`memo2.provider.${speed.provider}`)],
    ...(speed.source === 'measured' ? ([[t('memo2.appendix.setting.upperBound'), yesNo(speed.useUpperBound)]] as [string, string][]) : []),
    ...(speed.source === 'published' ? ([[t('memo2.appendix.setting.publishedTarget'), speed.publishedTarget ?? '—']] as [string, string][]) : []),
    [t('memo2.appendix.setting.acceptLowerQuality'), yesNo(s.decision.acceptLowerQuality)],
    [
      t('memo2.appendix.setting.lawUncertainty'),
      s.uncertainty.law && c.result.lawUncertainty.vectors === 0 ? t('memo2.appendix.lawRequestedNone') : yesNo(s.uncertainty.law),
    ],
  ];
}

function inputsTable(c: MemoContext): void {
  const { t, f } = c;
  const rows = quantities(c).map(([path, q]) => [t(`memo2.appendix.quantity.${path}`), ...quantityText(c, q), sourceText(c, q.source)]);
  for (const a of c.scenario.deployment.speedup.assumed) {
    rows.push([
      t('memo2.appendix.assumedSpeedup', { sparsity: sparsityText(c.tr, a.sparsity) }),
      t('memo2.appendix.assumedValue', { value: f.times(a.value), low: f.times(a.low), high: f.times(a.high) }),
      '',
      sourceText(c, a.source),
    ]);
  }
  c.layout.table(
    [
      { header: t('memo2.appendix.input'), width: 2.4, wrap: true, min: 130 },
      { header: t('memo2.appendix.value'), width: 1, align: 'right' },
      { header: t('memo2.appendix.unit'), width: 1.3, wrap: true },
      { header: t('memo2.appendix.source'), width: 4, wrap: true },
    ],
    rows,
    { size: 7.5 },
  );
}

function fleetInputs(c: MemoContext): void {
  const { t, layout, scenario } = c;
  const d = scenario.deployment;
  if (d.kind !== 'fleet') return;
  layout.subheading(t('memo2.appendix.lines'), 60);
  layout.table(
    [
      { header: t('memo2.appendix.lineColumn.name'), width: 2, wrap: true },
      { header: t('memo2.appendix.lineColumn.devices'), width: 1, align: 'right' },
      { header: t('memo2.appendix.lineColumn.age'), width: 1, align: 'right' },
      { header: t('memo2.appendix.lineColumn.demand'), width: 1.5, align: 'right' },
    ],
    d.lines.map((l) => [l.name, String(l.devices), c.tr.number(l.deviceAgeMonths), c.tr.number(l.peakRequestsPerSecond)]),
    { size: 7.5 },
  );
  if (d.steps.length > 0) {
    layout.subheading(t('memo2.appendix.steps'), 50);
    layout.table(
      [
        { header: t('memo2.appendix.stepColumn.month'), width: 0.8, align: 'right' },
        { header: t('memo2.appendix.stepColumn.name'), width: 2, wrap: true },
        { header: t('memo2.appendix.stepColumn.lines'), width: 1, align: 'right' },
        { header: t('memo2.appendix.stepColumn.demand'), width: 1.5, align: 'right' },
      ],
      d.steps.map((s) => [String(s.month), s.name, String(s.addLines), c.tr.number(s.peakRequestsPerSecondPerLine)]),
      { size: 7.5 },
    );
  }
  layout.keyValues(
    [
      [
        t('memo2.appendix.throughput'),
        t('memo2.appendix.throughputValue', {
          rate: c.tr.number(d.throughput.requestsPerSecond),
          latency: c.tr.number(d.throughput.latencyMs),
          kind: t(`memo2.fleet.throughputSource.${d.throughput.kind}`),
        }) + (d.throughput.source ? ` — ${sourceText(c, d.throughput.source)}` : ''),
      ],
    ],
    0.3,
  );
}

function rangesTable(c: MemoContext): void {
  const { t, result } = c;
  if (result.ranges.length === 0) return;
  c.layout.subheading(t('memo2.appendix.ranges'), 60);
  c.layout.table(
    [
      { header: t('memo2.appendix.input'), width: 2.4, wrap: true, min: 130 },
      { header: t('memo2.appendix.range'), width: 1.6, align: 'right' },
      { header: t('memo2.appendix.shape'), width: 1.2, wrap: true },
      { header: t('memo2.appendix.source'), width: 3, wrap: true },
    ],
    result.ranges.map((r) => [
      t(`memo2.inputName.${r.input}`),
      c.f.span(inputValue(r.input, r.low, result, c.tr), inputValue(r.input, r.high, result, c.tr)),
      t(`memo2.appendix.distribution.${r.distribution}`),
      r.origin === 'user' && r.source ? sourceText(c, r.source) : t(`memo2.appendix.rangeOrigin.${r.origin}`),
    ]),
    { size: 7.5 },
  );
  if (result.ranges.some((r) => r.origin === 'default')) c.layout.paragraph(t('memo2.appendix.defaultRanges'), { size: 8 });
}

function coefficientsBlock(c: MemoContext): void {
  const { t, tr, result } = c;
  const law = result.law;
  const rounded = roundedForDisplay(law.coefficients);
  c.layout.subheading(t('memo2.appendix.coefficients'), 90);
  c.layout.table(
    COEFFICIENT_NAMES.map((name) => ({ header: name === 'c' ? 'c' : `${name[0]!.toLowerCase()}_${name.slice(1)}`, width: 1, align: 'right' as const })),
    [COEFFICIENT_NAMES.map((name) => coefficient(rounded[name]))],
  );
  c.layout.paragraph(t('memo2.appendix.coefficientsNote', { unit: t(`unit.${law.dataUnit}`) }), { size: 8 });
  const range = law.fittedRange;
  const u = result.lawUncertainty;
  const infeasible = u.infeasible.map((x) => {
    const option = result.options.find((o) => o.id === x.id);
    return `${option ? c.name(option) : x.id}: ${tr.number(x.draws, 6)}`;
  });
  c.layout.keyValues(
    [
      [t('memo2.appendix.law'), lawName(c)],
      [t('memo2.appendix.citation'), law.source.citation],
      [
        t('memo2.appendix.fittedRange'),
        range
          ? t('memo2.appendix.fittedRangeValue', {
              s0: sparsityText(tr, range.sparsity.min),
              s1: sparsityText(tr, range.sparsity.max),
              n0: tr.count(range.nonzero.min),
              n1: tr.count(range.nonzero.max),
              d0: c.data(range.data.min),
              d1: c.data(range.data.max),
            })
          : t('memo2.appendix.noFittedRange'),
      ],
      [
        t('memo2.appendix.lawUncertainty'),
        u.vectors > 0
          ? t('memo2.appendix.lawUncertaintyValue', { vectors: u.vectors, source: u.source ?? '—' }) +
            (infeasible.length > 0 ? ` ${t('memo2.appendix.infeasible', { list: infeasible.join(t('memo2.listSeparator')) })}` : '')
          : t('memo2.appendix.lawUncertaintyOff'),
      ],
    ],
    0.24,
  );
}

function benchmarkBlock(c: MemoContext): void {
  const { t, tr, benchmark, scenario } = c;
  c.layout.subheading(t('memo2.appendix.benchmark'), 40);
  if (!benchmark) {
    c.layout.paragraph(t('memo2.appendix.benchmarkNone'), { size: 9 });
    return;
  }
  const source = scenario.deployment.speedup.source;
  if (source !== 'measured') c.layout.paragraph(t('memo2.appendix.benchmarkUnused', { source: t(`memo2.appendix.speedupSource.${source}`) }), { size: 9 });
  const inv = benchmark.inventory;
  const role = (benchmark as { role?: string }).role === 'deployment' ? 'deployment' : 'development';
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
      [t('memo2.appendix.benchmarkId'), benchmark.id],
      [t('memo2.appendix.benchmarkDate'), benchmark.createdAt],
      [t('memo2.appendix.role'), t(`memo2.provenance.role.${role}`)],
      [t('memo2.appendix.cpu'), t('memo2.appendix.cpuValue', { model: inv.cpu.model, cores: inv.cpu.cores })],
      [t('memo2.appendix.memory'), `${tr.number(inv.memoryBytes / 1024 ** 3)} GiB`],
      [t('memo2.appendix.gpus'), inv.gpus.length === 0 ? t('memo2.appendix.noGpu') : inv.gpus.map((g) => g.name).join(t('memo2.listSeparator'))],
      [t('memo2.appendix.os'), `${inv.os.platform} ${inv.os.release} (${inv.os.arch})`],
      [t('memo2.appendix.runtime'), inv.ortVersion],
      [t('memo2.appendix.threads'), String(benchmark.settings.threads)],
      [t('memo2.appendix.fingerprint'), inv.fingerprint],
      [t('memo2.appendix.benchmarkAppVersion'), benchmark.appVersion],
    ],
    0.24,
  );
}

function memoBlock(c: MemoContext): void {
  const { t, tr } = c;
  c.layout.subheading(t('memo2.appendix.run'), 80);
  c.layout.keyValues(
    [
      [t('memo2.appendix.appVersion'), c.appVersion],
      [t('memo2.appendix.date'), c.longDate(c.date)],
      [t('memo2.appendix.language'), t('memo2.appendix.languageName')],
      [t('memo2.appendix.revision'), c.revision === null ? t('memo2.meta.unsaved') : String(c.revision)],
      [t('memo2.appendix.seed'), String(c.result.monteCarlo.seed)],
      [t('memo2.appendix.draws'), tr.number(c.result.monteCarlo.draws, 6)],
      [t('memo2.appendix.contentHash'), c.contentHash],
    ],
    0.24,
  );
  c.layout.paragraph(t('memo2.appendix.contentHashNote'), { size: 8 });
}

export function appendixSection(c: MemoContext): void {
  const { t, layout } = c;
  layout.heading(sectionTitle(c, 'inputs'), 160);
  layout.subheading(t('memo2.appendix.settings'), 120);
  layout.keyValues(settings(c), 0.3);
  layout.subheading(t('memo2.appendix.inputs'), 120);
  inputsTable(c);
  fleetInputs(c);
  rangesTable(c);
  coefficientsBlock(c);
  benchmarkBlock(c);
  memoBlock(c);
}
