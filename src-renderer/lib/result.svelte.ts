/**
 * The result page's view model and its two IPC sequences. `resultView` turns the engine's RoiResult
 * into what the page shows (the decision card, today's model against the best sparse and the best
 * other option, base case and range, reasons, and the engineer's details), every figure formatted
 * once with the shared translator, in the words memo page 1 uses. `ResultActions` exports the memo
 * and saves the scenario. ResultStep.svelte and src-renderer/result/* only render.
 * Invariant: a money figure with a range always comes with its base case and median, so the two
 * can never seem to disagree.
 */
import { lopsidedInput as lopsidedBar } from '../../src-main/core/roi/sensitivity.js';
import {
  capacityVsDemandOption,
  chartLabels,
  costOfOwnershipOption,
  devicesBoughtOption,
  fleetChartLabels,
  inputValue,
  lossCurveOption,
  savingsDistributionOption,
  savingsOverTimeOption,
  tornadoOption,
  withReadableText,
  type ChartOption,
} from '../../src-main/core/charts/index.js';
import { sparsityText, withMinus } from '../../src-main/core/charts/labels.js';
import type { BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import type { GlossaryKey, Language, Translator } from '../../src-main/core/i18n/index.js';
import { COEFFICIENT_NAMES, roundedForDisplay } from '../../src-main/core/law/coefficients.js';
import type { EvaluatedOption, OptionGroup, RoiResult } from '../../src-main/core/roi/evaluate.js';
import { explainRecommendation, optionLabel, type Explanation } from '../../src-main/core/roi/explain.js';
import type { Distribution } from '../../src-main/core/roi/montecarlo.js';
import type { Level } from '../../src-main/core/roi/recommend.js';
import type { Scenario } from '../../src-main/core/roi/scenario.js';
import type { SwitchingValue, TornadoBar } from '../../src-main/core/roi/sensitivity.js';
import type { ResolvedSpeedup } from '../../src-main/core/roi/speedups.js';
import { call } from './api.js';
import { i18n } from './i18n.svelte.js';
import { advisor } from './state.svelte.js';

export const GROUPS: readonly OptionGroup[] = ['compared', 'lower-quality', 'below-floor', 'misses-latency'];

const WEEKS_PER_MONTH = 365.25 / 12 / 7;
const HOURS_PER_MONTH = (365.25 / 12) * 24;

export interface CardRow {
  key: 'savings' | 'sparsity' | 'confidence' | 'change';
  label: string;
  /** The glossary term the row's ⓘ explains. */
  term: GlossaryKey;
  /** A short emphasised lead (the verdict's level), then the text. */
  lead: string | null;
  text: string;
}

export interface DecisionCard {
  /** The best action in one sentence with money. */
  headline: string;
  /** "Confirm it with a pilot first" / "Indicative only…", when the headline may not stand alone. */
  pilot: string | null;
  level: Level;
  rows: CardRow[];
}

export interface ComparisonColumn {
  key: 'today' | 'sparse' | 'other';
  title: string;
  /** The option's name, with its group when it is not of today's quality; null when there is none. */
  name: string | null;
  recommended: boolean;
}

export interface ComparisonRow {
  key: string;
  label: string;
  term: GlossaryKey | null;
  cells: string[];
}

export interface Comparison {
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  /** Money as present values at which rate, quality from which law, speed-ups from where. */
  note: string;
}

export interface RangeLine {
  label: string;
  base: string;
  low: string;
  high: string;
  median: string;
}

export interface Ranges {
  lines: RangeLine[];
  /** What base case, range and median are. */
  what: string;
  /** Why the median differs from the base case, when it visibly does. */
  why: string | null;
}

export interface OptionRow {
  id: string;
  name: string;
  recommended: boolean;
  cells: string[];
}

export interface OptionTable {
  columns: { label: string; numeric: boolean }[];
  groups: { group: OptionGroup; title: string; rows: OptionRow[] }[];
  notes: string[];
}

export interface ShownChart {
  id: string;
  title: string;
  option: ChartOption;
  height: number;
}

export interface Details {
  costs: OptionTable;
  shapes: OptionTable;
  speedups: { intro: string; columns: string[]; rows: string[][] };
  data: [string, string][];
  coefficients: { names: string[]; values: string[]; note: string; rows: [string, string][] };
}

export interface ResultView {
  card: DecisionCard;
  comparison: Comparison;
  ranges: Ranges;
  scope: string;
  reasons: string[];
  /** Every line on what would change the decision, nearest first. */
  changes: string[];
  caps: string[];
  notes: string[];
  pilot: string[];
  details: Details;
}

/** What the view needs besides the result: the scenario it came from and the hardware check used. */
export interface ResultContext {
  scenario: Scenario;
  benchmark: BenchmarkResult | null;
}

const isSparse = (o: Pick<EvaluatedOption, 'kind'>) => o.kind === 'sparse' || o.kind === 'pruned';

/**
 * The engine's sentences print a negative amount with a hyphen (−¥2.27M should not read as a dash),
 * and put a space between a Japanese number and its unit ("3億2,700万 枚"): the screen, like the memo,
 * shows a minus sign and no space.
 */
export function typeset(text: string, language: Language): string {
  const signed = text.replace(/(^|[\s(（:：、])-(?=[¥$€£￥\d])/g, `$1${language === 'ja' ? '▲' : '\u2212'}`);
  return language === 'ja' ? signed.replace(/([\d万億兆])[ \u00a0]+(?=[\u3040-\u30ff\u4e00-\u9fff])/g, '$1') : signed;
}

/** The number formats of the page: one place, so the card, the tables and the memo agree. */
function formats(tr: Translator, currency: string, dataUnit: 'images' | 'tokens') {
  const ja = tr.language === 'ja';
  const amount = (v: number) => tr.money(Math.abs(v), currency);
  return {
    money: (v: number) => (ja ? tr.money(v, currency) : withMinus(tr.money(v, currency))),
    amount,
    /** With an explicit sign, for ranges: +¥1.47M / −¥3.43M; +147万円 / ▲343万円. */
    signed: (v: number) => (v < 0 ? `${ja ? '▲' : '\u2212'}${amount(v)}` : v > 0 ? `+${amount(v)}` : amount(0)),
    percent: (v: number, digits = 0) => withMinus(tr.percent(v, digits)),
    data: (v: number) => tr.quantity(v, tr.t(`unit.${dataUnit}`)),
  };
}

type Formats = ReturnType<typeof formats>;

/** The law's name in the reader's language: a preset's from the texts, a custom law's as its author named it. */
function lawName(tr: Translator, result: RoiResult, scenario: Scenario): string {
  return scenario.family.kind === 'preset' ? tr.t(`memo.lawName.${scenario.family.preset}`) : result.law.name;
}

/** An option's name inside a sentence, in quotes: its capital (“Keep today’s model”) then reads as a name. */
function quoted(tr: Translator, names: (o: EvaluatedOption) => string): (o: EvaluatedOption) => string {
  return (o) => (tr.language === 'ja' ? `「${names(o)}」` : `“${names(o)}”`);
}

/** The options the comparison puts side by side, as on memo page 1. */
export function comparedOptions(result: RoiResult): { key: ComparisonColumn['key']; option: EvaluatedOption | null }[] {
  const options = result.options;
  const byId = (id: string | null) => options.find((o) => o.id === id) ?? null;
  const cheapest = (list: EvaluatedOption[]) => list.reduce<EvaluatedOption | null>((a, b) => (a === null || b.cost.total < a.cost.total ? b : a), null);
  const baseline = options[0]!;
  const alternative = byId(result.alternativeId) ?? baseline;
  const sparse = byId(result.bestSparseId) ?? cheapest(options.filter(isSparse));
  const other =
    alternative.id !== baseline.id ? alternative : cheapest(options.filter((o) => !isSparse(o) && o.kind !== 'baseline' && o.group !== 'below-floor'));
  return [{ key: 'today', option: baseline }, { key: 'sparse', option: sparse }, ...(other ? [{ key: 'other' as const, option: other }] : [])];
}

function paybackText(tr: Translator, option: EvaluatedOption, horizon: number): string {
  if (option.kind === 'baseline') return tr.t('memo2.compare.none');
  if (option.paybackMonth === null) return tr.t('memo2.payback.never', { horizon });
  if (option.paybackMonth === 0) return tr.t('memo2.payback.atOnce');
  return tr.t('memo2.payback.month', { month: option.paybackMonth });
}

function paybackCell(tr: Translator, option: EvaluatedOption, horizon: number): string {
  if (option.kind === 'baseline') return tr.t('memo2.costs.none');
  if (option.paybackMonth === null) return tr.t('memo2.costs.never', { horizon });
  if (option.paybackMonth === 0) return tr.t('memo2.costs.atOnce');
  return tr.number(option.paybackMonth, 6);
}

function deployText(tr: Translator, option: EvaluatedOption): string {
  const months = option.cost.deployMonths;
  if (!(months > 0)) return tr.t('memo2.compare.none');
  const weeks = months * WEEKS_PER_MONTH;
  const hours = months * HOURS_PER_MONTH;
  if (hours < 24) return tr.t('memo2.compare.deployHours', { hours: tr.number(Math.max(0.1, hours), 2) });
  if (weeks < 1) return tr.t('memo2.compare.deployDays', { days: tr.number(hours / 24, 2) });
  if (weeks < 13) return tr.t('memo2.compare.deployWeeks', { weeks: tr.number(weeks, 2) });
  return tr.t('memo2.compare.deployMonths', { months: tr.number(months, 2) });
}

function machineName(tr: Translator, benchmark: BenchmarkResult | null, provider: string | null): string {
  if (!benchmark) return '—';
  const gpus = benchmark.inventory.gpus;
  if (provider && provider !== 'cpu' && gpus.length > 0) return gpus.map((g) => g.name).join(', ');
  return tr.t('memo2.appendix.cpuValue', { model: benchmark.inventory.cpu.model, cores: benchmark.inventory.cpu.cores });
}

/** Where a speed-up comes from, in one clause in the reader's language (the engine's own note is English). */
function speedupSource(tr: Translator, s: ResolvedSpeedup, benchmark: BenchmarkResult | null): string {
  const { t } = tr;
  const from = (s.interpolated && s.fromSparsities.length === 1 ? [0, ...s.fromSparsities] : s.fromSparsities).map((v) => sparsityText(tr, v));
  const parts: string[] = [];
  if (s.kind === 'measured' || s.kind === 'upper-bound') {
    parts.push(
      t('memo2.details.speedupSource.benchmark', {
        id: s.benchmarkId ?? '—',
        variant: t(`memo2.details.variant.${s.variant ?? 'dense'}`),
        machine: t('memo2.provenance.machine', { machine: machineName(tr, benchmark, s.provider), role: t(`memo2.provenance.role.${s.evidence ?? 'development'}`) }),
      }),
    );
  } else if (s.kind === 'published') {
    parts.push(t('memo2.details.speedupSource.published', { citations: s.citations.map((x) => `${x.label} (${tr.times(x.speedup)})`).join(t('memo2.listSeparator')) }));
  } else {
    parts.push(t(`memo2.details.speedupSource.${s.kind}`));
  }
  if (s.interpolated) parts.push(t('memo2.details.speedupSource.interpolated', { from: from.join(t('memo2.details.and')) }));
  if (s.beyondRange) parts.push(t('memo2.details.speedupSource.beyond', { from: from.join(', ') }));
  if (!s.reliable) parts.push(t('memo2.details.speedupSource.unreliable'));
  if (s.clipped) parts.push(t('memo2.details.speedupSource.clipped'));
  return parts.join(t('memo2.listSeparator'));
}

/** Where the speed-ups of the sparse options come from, in a few words: "measured on …", "published (…)". */
function speedupProvenance(tr: Translator, s: ResolvedSpeedup, benchmark: BenchmarkResult | null): string {
  const { t } = tr;
  const machine = () => t('memo2.provenance.machine', { machine: machineName(tr, benchmark, s.provider), role: t(`memo2.provenance.role.${s.evidence ?? 'development'}`) });
  switch (s.kind) {
    case 'measured':
      return t('memo2.provenance.measured', { machine: machine() });
    case 'upper-bound':
      return t('memo2.provenance.upperBound', { machine: machine() });
    case 'published':
      return t('memo2.provenance.published', { citations: s.citations.map((x) => x.label).join(t('memo2.listSeparator')) || '—' });
    case 'assumed':
      return t('memo2.provenance.assumed');
    case 'none':
      return t('memo2.provenance.none');
  }
}

/** A label used inside an English sentence: "Requests per day" → "requests per day" ("TensorRT" keeps its capital). */
function inSentence(tr: Translator, label: string): string {
  return tr.language === 'ja' ? label : label.replace(/^[A-Z](?=[a-z]*(?:[\s’'-]|$))/, (m) => m.toLowerCase());
}

/** "base case (range low to high; median m)", every figure signed. */
function rangeLine(label: string, base: number, d: Distribution, f: Formats): RangeLine {
  return { label, base: f.signed(base), low: f.signed(d.p10), high: f.signed(d.p90), median: f.signed(d.p50) };
}

/** The input whose lopsided range moves the sparse advantage's median (core/roi/sensitivity.ts), in words. */
function lopsidedInput(result: RoiResult, tr: Translator, direction: number): string | null {
  const bar = lopsidedBar(result.tornado, result.ranges, direction);
  return bar
    ? tr.t('result.range.example', {
        input: inSentence(tr, tr.t(`memo2.inputName.${bar.input}`)),
        low: inputValue(bar.input, bar.low, result, tr),
        high: inputValue(bar.input, bar.high, result, tr),
        base: inputValue(bar.input, bar.base, result, tr),
      })
    : null;
}

function ranges(result: RoiResult, tr: Translator, f: Formats, names: (o: EvaluatedOption) => string): Ranges {
  const byId = (id: string | null) => result.options.find((o) => o.id === id) ?? null;
  const headline = byId(result.headlineId)!;
  const sparse = byId(result.bestSparseId);
  const alternative = byId(result.alternativeId)!;
  const mc = result.monteCarlo;
  const horizon = result.inputs.horizonMonths;
  const lines: RangeLine[] = [];
  const candidates: { base: number; d: Distribution; named: boolean }[] = [];
  if (headline.kind !== 'baseline') {
    lines.push(rangeLine(tr.t('result.range.headline', { option: names(headline), horizon }), headline.savings, mc.headlineSavings, f));
    candidates.push({ base: headline.savings, d: mc.headlineSavings, named: false });
  }
  if (sparse) {
    const base = alternative.cost.total - sparse.cost.total;
    lines.push(rangeLine(tr.t('result.range.advantage', { sparse: names(sparse), alternative: names(alternative), horizon }), base, mc.sparseAdvantage, f));
    candidates.push({ base, d: mc.sparseAdvantage, named: true });
  }
  const differing = candidates.find((x) => f.signed(x.base) !== f.signed(x.d.p50));
  let why: string | null = null;
  if (differing) {
    const direction = Math.sign(differing.d.p50 - differing.base);
    const example = differing.named ? lopsidedInput(result, tr, direction) : null;
    why =
      tr.t(direction < 0 ? 'result.range.medianLower' : 'result.range.medianHigher', { example: example ?? '' }) +
      (mc.lawDrawsUsed > 0 ? tr.t('result.range.withLaw') : '');
  }
  return { lines, what: tr.t('result.range.what', { draws: tr.number(mc.draws, 6) }), why };
}

/** A switching value in the words and units a person reads. */
function switchingText(result: RoiResult, tr: Translator, input: SwitchingValue['input'], value: number): string {
  if (input === 'speedup') return tr.times(value);
  if (input === 'horizonMonths') return tr.t('result.months', { count: Math.round(value), months: tr.number(value) });
  return inputValue(input, value, result, tr);
}

/** What would change the decision, in the manager's units, nearest first; the speed-up is said apart. */
export function changeLines(result: RoiResult, tr: Translator, names: (o: EvaluatedOption) => string): string[] {
  const { t } = tr;
  const byId = (id: string | null) => result.options.find((o) => o.id === id) ?? null;
  const sparse = byId(result.bestSparseId);
  const alternative = byId(result.alternativeId)!;
  if (!sparse) return [t('memo2.change.noSparse')];
  const lines: string[] = [];
  const speed = result.switchingValues.find((v) => v.input === 'speedup');
  if (speed?.value != null) {
    lines.push(
      speed.beyondPhysicalBound
        ? t('memo2.change.speedupBeyond', { bound: tr.times(sparse.speedup.bound), value: tr.times(speed.value), sparse: names(sparse), alternative: names(alternative) })
        : t(speed.flipsWhen === 'below' ? 'memo2.change.speedupBelow' : 'memo2.change.speedup', {
            value: tr.times(speed.value),
            sparse: names(sparse),
            now: tr.times(sparse.speedup.value),
            kind: t(`memo2.speedupKind.${sparse.speedup.kind}`),
          }),
    );
  }
  const distance = (v: SwitchingValue) => (v.base > 0 && v.value! > 0 ? Math.abs(Math.log(v.value! / v.base)) : Math.abs(v.value! - v.base));
  const others = result.switchingValues.filter((v) => v.input !== 'speedup' && v.value !== null && v.flipsWhen !== null).sort((a, b) => distance(a) - distance(b));
  for (const v of others) {
    lines.push(
      t('memo2.change.input', {
        input: t(`memo2.inputName.${v.input}`),
        direction: t(`memo2.change.${v.flipsWhen}`),
        value: switchingText(result, tr, v.input, v.value!),
        base: switchingText(result, tr, v.input, v.base),
      }),
    );
  }
  return lines.length > 0 ? lines : [t('memo2.change.nothing')];
}

function card(result: RoiResult, e: Explanation, tr: Translator, f: Formats, names: (o: EvaluatedOption) => string, changes: string[]): DecisionCard {
  const { t } = tr;
  const r = result.recommendation;
  const byId = (id: string | null) => result.options.find((o) => o.id === id) ?? null;
  const headline = byId(result.headlineId)!;
  const sparse = byId(result.bestSparseId);
  const alternative = byId(result.alternativeId)!;
  const horizon = result.inputs.horizonMonths;
  const mc = result.monteCarlo.headlineSavings;

  let savings: string;
  if (headline.kind !== 'baseline') {
    savings = t('result.card.savingsValue', { base: f.signed(headline.savings), low: f.signed(mc.p10), high: f.signed(mc.p90), median: f.signed(mc.p50), horizon });
  } else {
    // Keeping today's model (or the plan) is cheapest: say by how much the next best option costs more.
    const next = result.options
      .filter((o) => o.id !== headline.id && o.group === 'compared')
      .reduce<EvaluatedOption | null>((a, b) => (a === null || b.cost.total < a.cost.total ? b : a), null);
    savings = next
      ? t(`result.card.cheapest.${headline.id === 'keep' ? 'keep' : 'dense'}`, { option: names(next), amount: f.amount(next.cost.total - headline.cost.total), horizon })
      : t(`result.card.only.${headline.id === 'keep' ? 'keep' : 'dense'}`);
  }
  const likelihood = sparse
    ? t('memo2.card.likelihoodValue', {
        likelihood: t(`likelihood.${r.likelihood}`),
        probability: f.percent(r.probability),
        materiality: f.amount(r.materiality),
        alternative: names(alternative),
      })
    : t('memo2.card.likelihoodNoSparse');
  const confidence = t(`confidence.${r.confidence}`);
  const because = e.confidenceReasons.map((x) => typeset(x, tr.language));
  return {
    headline: typeset(e.headline, tr.language),
    pilot: e.headlinePilot === null ? null : typeset(e.headlinePilot, tr.language),
    level: r.level,
    rows: [
      // With a range the ⓘ says what P10, median and P90 are; keeping today's model has no range to explain.
      { key: 'savings', label: t('result.card.savings'), term: headline.kind !== 'baseline' ? 'percentiles' : 'presentValue', lead: null, text: savings },
      { key: 'sparsity', label: t('result.card.sparsity'), term: 'likelihood', lead: t(`level.${r.level}`), text: likelihood },
      {
        key: 'confidence',
        label: t('result.card.confidence'),
        term: 'confidence',
        lead: confidence,
        text: because.length > 0 ? t('result.card.because', { reasons: because.join(t('memo2.listSeparator')) }) : '',
      },
      { key: 'change', label: t('result.card.change'), term: 'switchingValue', lead: null, text: changes[0]! },
    ],
  };
}

function comparison(result: RoiResult, tr: Translator, f: Formats, names: (o: EvaluatedOption) => string, benchmark: BenchmarkResult | null, scenario: Scenario): Comparison {
  const { t } = tr;
  const columns = comparedOptions(result);
  const horizon = result.inputs.horizonMonths;
  const none = t('memo2.compare.none');
  const named = (o: EvaluatedOption) => (o.group === 'compared' ? names(o) : `${names(o)} (${t(`decision.group.${o.group}`)})`);
  const probability = (o: EvaluatedOption) => {
    const p = result.monteCarlo.perOption.find((x) => x.id === o.id);
    return o.kind === 'baseline' || !p ? none : f.percent(p.probabilitySaves);
  };
  const speedup = (o: EvaluatedOption) =>
    isSparse(o) ? t('memo2.compare.speedupValue', { value: tr.times(o.speedup.value), kind: t(`memo2.speedupKind.${o.speedup.kind}`) }) : none;
  const rows: { key: string; label: string; term: GlossaryKey | null; cell: (o: EvaluatedOption) => string }[] = [
    { key: 'cost', label: t('memo2.compare.row.cost', { horizon }), term: 'costOfOwnership', cell: (o) => f.money(o.cost.total) },
    { key: 'savings', label: t('memo2.compare.row.savings'), term: null, cell: (o) => (o.kind === 'baseline' ? none : f.signed(o.savings)) },
    { key: 'payback', label: t('memo2.compare.row.payback'), term: 'payback', cell: (o) => paybackText(tr, o, horizon) },
    { key: 'probability', label: t('memo2.compare.row.probability'), term: 'monteCarlo', cell: probability },
    { key: 'quality', label: t('memo2.compare.row.quality'), term: 'equalQuality', cell: (o) => t('memo2.compare.qualityValue', { share: f.percent(o.sizeEquivalent) }) },
    { key: 'speedup', label: t('memo2.compare.row.speedup'), term: 'speedup', cell: speedup },
    ...(result.status === 'trained' ? [{ key: 'deploy', label: t('memo2.compare.row.deploy'), term: null, cell: (o: EvaluatedOption) => deployText(tr, o) }] : []),
    ...(result.deploymentKind === 'fleet'
      ? [{ key: 'devices', label: t('memo2.compare.row.devices'), term: null, cell: (o: EvaluatedOption) => (o.fleet ? tr.number(o.fleet.devicesBought, 6) : none) }]
      : []),
  ];
  const sparse = columns.find((x) => x.key === 'sparse')?.option ?? null;
  const shown = columns.flatMap((x) => (x.option ? [x.option] : []));
  const furthest = shown.reduce((a, b) => (b.extrapolation.factor > a.extrapolation.factor ? b : a));
  const rate = scenario.decision.discountRate.value;
  return {
    columns: columns.map(({ key, option }) => ({
      key,
      title: t(`memo2.compare.${key}`),
      name: option ? named(option) : null,
      recommended: option !== null && option.id === result.headlineId,
    })),
    rows: rows.map((row) => ({
      key: row.key,
      label: row.label,
      term: row.term,
      cells: columns.map(({ option }) => (option ? row.cell(option) : t('memo2.compare.noSparse'))),
    })),
    note: t('result.compare.note', {
      rate: f.percent(rate, Math.abs(rate * 100 - Math.round(rate * 100)) < 1e-9 ? 0 : 1),
      law: lawName(tr, result, scenario),
      extrapolation: furthest.extrapolation.extrapolates ? t('result.compare.extrapolated', { factor: tr.number(furthest.extrapolation.factor) }) : '',
      speedups: sparse ? speedupProvenance(tr, sparse.speedup, benchmark) : none,
    }),
  };
}

function optionTables(result: RoiResult, tr: Translator, f: Formats, names: (o: EvaluatedOption) => string, scenario: Scenario): { costs: OptionTable; shapes: OptionTable } {
  const { t } = tr;
  const horizon = result.inputs.horizonMonths;
  const none = t('memo2.compare.none');
  const any = (pick: (o: EvaluatedOption) => number) => result.options.some((o) => pick(o) > 0);
  const fleet = result.deploymentKind === 'fleet';
  type Col = { label: string; numeric: boolean; cell: (o: EvaluatedOption) => string };
  const money = (key: string, pick: (o: EvaluatedOption) => number): Col => ({ label: t(`memo2.costs.column.${key}`), numeric: true, cell: (o) => f.money(pick(o)) });
  const costCols: Col[] = [
    money('training', (o) => o.cost.training),
    ...(any((o) => o.cost.pruning) ? [money('pruning', (o) => o.cost.pruning)] : []),
    money('engineering', (o) => o.cost.engineering),
    ...(any((o) => o.cost.data) ? [money('data', (o) => o.cost.data)] : []),
    money('serving', (o) => o.cost.running),
    money('total', (o) => o.cost.total),
    { label: t('memo2.costs.column.savings'), numeric: true, cell: (o) => (o.kind === 'baseline' ? none : f.money(o.savings)) },
    { label: t('memo2.costs.column.payback'), numeric: true, cell: (o) => paybackCell(tr, o, horizon) },
    ...(fleet ? [{ label: t('memo2.costs.column.devices'), numeric: true, cell: (o: EvaluatedOption) => (o.fleet ? tr.number(o.fleet.devicesBought, 6) : none) }] : []),
  ];
  const shapeCols: Col[] = [
    { label: t('memo2.details.optionsColumn.quality'), numeric: true, cell: (o) => f.percent(o.sizeEquivalent) },
    { label: t('memo2.details.optionsColumn.nonzero'), numeric: true, cell: (o) => tr.count(o.nonzero) },
    { label: t('memo2.details.optionsColumn.data'), numeric: true, cell: (o) => f.data(o.uniqueData) },
    { label: t('memo2.details.optionsColumn.passes'), numeric: true, cell: (o) => tr.number(o.passes) },
    { label: t('memo2.details.optionsColumn.extrapolation'), numeric: true, cell: (o) => (o.extrapolation.extrapolates ? tr.times(o.extrapolation.factor) : t('memo2.details.inside')) },
    { label: t('memo2.details.optionsColumn.gpuHours'), numeric: true, cell: (o) => (o.cost.gpuHours > 0 ? tr.number(o.cost.gpuHours, 3) : none) },
    ...(result.status === 'trained' ? [{ label: t('memo2.compare.row.deploy'), numeric: false, cell: (o: EvaluatedOption) => deployText(tr, o) }] : []),
  ];
  const floor = f.percent(scenario.decision.qualityFloor.value);
  const table = (cols: Col[], notes: string[]): OptionTable => ({
    columns: [{ label: t('memo2.costs.column.option'), numeric: false }, ...cols.map(({ label, numeric }) => ({ label, numeric }))],
    groups: GROUPS.map((group) => ({
      group,
      title: t(`memo2.costs.group.${group}`, { floor }),
      rows: result.options
        .filter((o) => o.group === group)
        .map((o) => ({ id: o.id, name: names(o), recommended: o.id === result.headlineId, cells: cols.map((c) => c.cell(o)) })),
    })).filter((g) => g.rows.length > 0),
    notes,
  });
  const groupNotes = GROUPS.filter((g) => result.options.some((o) => o.group === g))
    .map((g) => t(`memo2.costs.groupNote.${g}`, { defaultValue: '' }))
    .filter(Boolean);
  const costNotes = [
    t('result.details.costsIntro', { horizon, rate: f.percent(scenario.decision.discountRate.value, 1), baseline: names(result.options[0]!) }),
    ...groupNotes,
    t('memo2.payback.definition', { horizon }),
    t(fleet ? 'memo2.costs.servingFleet' : 'memo2.costs.servingMetered'),
  ];
  if (result.denseUnavailable) {
    const reason = result.denseUnavailable.startsWith('no dense model') ? 'no-dense' : 'no-gain';
    costNotes.push(t('memo2.costs.denseUnavailable', { reason: t(`memo2.costs.denseUnavailableReason.${reason}`) }));
  }
  return {
    costs: table(costCols, costNotes),
    shapes: table(shapeCols, [t('memo2.details.optionsIntro', { loss: tr.number(result.targetLoss, 4) })]),
  };
}

function details(result: RoiResult, tr: Translator, f: Formats, names: (o: EvaluatedOption) => string, context: ResultContext): Details {
  const { t } = tr;
  const d = result.dataPosition;
  const law = result.law;
  const rounded = roundedForDisplay(law.coefficients);
  const range = law.fittedRange;
  const u = result.lawUncertainty;
  const sparse = result.options.filter(isSparse);
  return {
    ...optionTables(result, tr, f, names, context.scenario),
    speedups: {
      intro: t('memo2.details.hardwareIntro', { provider: t(`memo2.provider.${context.scenario.deployment.speedup.provider}`), share: f.percent(result.physical.prunableShare) }),
      columns: (['option', 'speedup', 'range', 'bound', 'kind', 'source'] as const).map((k) => t(`memo2.details.hardwareColumn.${k}`)),
      rows: sparse.map((o) => {
        const s = o.speedup;
        const low = tr.times(s.low);
        const high = tr.times(s.high);
        return [names(o), tr.times(s.value), low === high ? tr.times(s.value) : tr.span(low, high), tr.times(s.bound), t(`memo2.speedupKind.${s.kind}`), speedupSource(tr, s, context.benchmark)];
      }),
    },
    data: [
      [t('memo2.details.dataRows.optimal'), sparsityText(tr, result.optimal.sparsity)],
      [t('memo2.details.dataRows.unique'), f.data(d.uniqueData)],
      [t('memo2.details.dataRows.passes'), tr.number(d.passes)],
      [t('memo2.details.dataRows.effective'), f.data(d.effectiveData)],
      [t('memo2.details.dataRows.threshold'), f.data(d.thresholdData)],
      [t('memo2.details.dataRows.ratio'), tr.times(d.trainingRatio)],
      [t('memo2.details.dataRows.available'), f.data(d.availableData)],
      [t('memo2.details.dataRows.denseOptimal'), f.data(d.denseOptimalData)],
    ],
    coefficients: {
      names: COEFFICIENT_NAMES.map((name) => (name === 'c' ? 'c' : `${name[0]!.toLowerCase()}_${name.slice(1)}`)),
      values: COEFFICIENT_NAMES.map((name) => tr.number(rounded[name], 4)),
      note: t('memo2.appendix.coefficientsNote', { unit: t(`unit.${law.dataUnit}`) }),
      rows: [
        [t('memo2.appendix.law'), lawName(tr, result, context.scenario)],
        [t('memo2.appendix.citation'), law.source.citation],
        [
          t('memo2.appendix.fittedRange'),
          range
            ? t('memo2.appendix.fittedRangeValue', {
                s0: sparsityText(tr, range.sparsity.min),
                s1: sparsityText(tr, range.sparsity.max),
                n0: tr.count(range.nonzero.min),
                n1: tr.count(range.nonzero.max),
                d0: f.data(range.data.min),
                d1: f.data(range.data.max),
              })
            : t('memo2.appendix.noFittedRange'),
        ],
        [
          t('memo2.appendix.lawUncertainty'),
          u.vectors > 0 ? t('memo2.appendix.lawUncertaintyValue', { vectors: tr.number(u.vectors, 6), source: u.source ?? '—' }) : t('memo2.appendix.lawUncertaintyOff'),
        ],
      ],
    },
  };
}

export function resultView(result: RoiResult, tr: Translator, context: ResultContext): ResultView {
  const f = formats(tr, result.currency, result.dataPosition.dataUnit);
  const names = (o: EvaluatedOption) => optionLabel(o, tr, result.status);
  const e = explainRecommendation(result, tr.language);
  const fix = (text: string) => typeset(text, tr.language);
  const changes = changeLines(result, tr, quoted(tr, names));
  return {
    card: card(result, e, tr, f, quoted(tr, names), changes),
    comparison: comparison(result, tr, f, names, context.benchmark, context.scenario),
    ranges: ranges(result, tr, f, names),
    scope: tr.t('result.scope'),
    reasons: [e.reasons.dataVolume, e.reasons.hardware, e.reasons.pruningCost].map(fix),
    changes,
    caps: e.caps.map(fix),
    notes: e.notes.map(fix),
    pilot: e.pilot.map(fix),
    details: details(result, tr, f, names, context),
  };
}

/**
 * The engineer's charts, from the same builders as the memo, in the app's theme and with no text
 * under 12 px: the loss curve, savings over time for every option, cost of ownership, the tornado,
 * the histogram, and for a fleet capacity against demand and devices bought.
 */
export function resultCharts(result: RoiResult, tr: Translator, style: 'light' | 'dark'): ShownChart[] {
  const labels = chartLabels(result, tr.language);
  const title = (key: string, options: Record<string, unknown> = {}) => tr.t(`result.charts.${key}`, { horizon: result.inputs.horizonMonths, ...options });
  const names = (o: EvaluatedOption) => optionLabel(o, tr, result.status);
  const charts: ShownChart[] = [
    { id: 'savings', title: title('savings'), option: savingsOverTimeOption(result, labels.savingsOverTime, style), height: 340 },
    { id: 'cost', title: title('cost'), option: costOfOwnershipOption(result, labels.costOfOwnership, style), height: Math.max(220, 90 + 34 * result.options.length) },
  ];
  if (result.deploymentKind === 'fleet') {
    const fleet = fleetChartLabels(tr.language, result.currency);
    const plans = result.options
      .filter((o) => o.fleet !== null && o.group !== 'below-floor' && o.group !== 'misses-latency')
      .map((o) => ({ optionLabel: names(o), plan: o.fleet! }));
    if (plans.length > 0) {
      charts.push({ id: 'capacity', title: title('capacity'), option: capacityVsDemandOption(plans, fleet.capacityVsDemand, style), height: 340 });
      charts.push({ id: 'devices', title: title('devices'), option: devicesBoughtOption(plans, fleet.devicesBought, style), height: Math.max(200, 90 + 34 * plans.length) });
    }
  }
  if (result.bestSparseId) {
    // Every v2 input by its name (the shared chart labels know only the v1 names), as the memo does.
    const tornado = {
      ...labels.tornado,
      input: (bar: TornadoBar) =>
        tr.t('memo2.sensitivity.tornadoInput', {
          name: tr.t(`memo2.inputName.${bar.input}`),
          low: inputValue(bar.input, bar.low, result, tr),
          high: inputValue(bar.input, bar.high, result, tr),
        }),
    };
    charts.push({ id: 'tornado', title: title('tornado'), option: tornadoOption(result, tornado, style), height: Math.max(220, 90 + 40 * result.tornado.length) });
    charts.push({ id: 'distribution', title: title('distribution', { draws: tr.number(result.monteCarlo.draws, 6) }), option: savingsDistributionOption(result, labels.savingsDistribution, style), height: 300 });
  }
  charts.push({ id: 'loss', title: title('loss'), option: lossCurveOption(result, labels.lossCurve, style), height: 320 });
  return charts.map((c) => ({ ...c, option: withReadableText(c.option) }));
}

/** What went wrong, kept apart from the words: the page says it in the reader's language. */
export interface ActionFailure {
  kind: 'export' | 'save';
  details: string;
}

/** The last thing that went through, for the status line. */
export type ActionDone = { kind: 'exported'; path: string } | { kind: 'saved'; revision: number };

/**
 * The page's two actions: export the memo (through the save dialog) and save the scenario as a new
 * revision. The memo cites the revision it was made from, so a memo export saves first when needed
 * (the main process does that and hands back the reference, which is kept here).
 */
export class ResultActions {
  /** The memo's language; null follows the screen's. */
  memoLanguage = $state<Language | null>(null);
  busy = $state<ActionFailure['kind'] | null>(null);
  done = $state<ActionDone | null>(null);
  failure = $state<ActionFailure | null>(null);
  /** A save whose backup failed says so here, not only in a log (issue 18, defect 12): the i18n key and its values. */
  backupWarning = $state<{ key: string; values: Record<string, unknown> } | null>(null);

  language(): Language {
    return this.memoLanguage ?? i18n.language;
  }

  async exportMemo(): Promise<void> {
    if (this.busy) return;
    this.busy = 'export';
    this.done = this.failure = null;
    try {
      const written = await call('exportMemo', {
        scenario: advisor.plainScenario(),
        // The measurement and the machine's role the engine used, so the memo cites them as the page does.
        ...advisor.memoBenchmark(),
        language: this.language(),
        scenarioRef: advisor.ref ? { ...advisor.ref } : null,
      });
      if (written) {
        advisor.ref = { ...written.scenarioRef };
        this.done = { kind: 'exported', path: written.path };
      }
    } catch (e) {
      this.failure = { kind: 'export', details: (e as Error).message };
    } finally {
      this.busy = null;
    }
  }

  async save(): Promise<void> {
    if (this.busy) return;
    this.busy = 'save';
    this.done = this.failure = this.backupWarning = null;
    try {
      const saved = await call('saveScenario', {
        ...(advisor.ref ? { id: advisor.ref.id, expectedRevision: advisor.ref.revision } : {}),
        scenario: advisor.plainScenario(),
      });
      advisor.ref = { id: saved.id, revision: saved.revision };
      this.done = { kind: 'saved', revision: saved.revision };
      const backup = saved.backup;
      this.backupWarning =
        backup && !backup.ok
          ? {
              key: backup.takenAt === null ? 'hardening.noBackupAtAll' : backup.current ? 'hardening.backupFailed' : 'hardening.noCurrentBackup',
              values: { error: backup.error, takenAt: backup.takenAt, count: backup.failuresInARow },
            }
          : null;
    } catch (e) {
      this.failure = { kind: 'save', details: (e as Error).message };
    } finally {
      this.busy = null;
    }
  }

  /** A new scenario (or a reload) starts with nothing said. */
  reset(): void {
    this.done = this.failure = null;
  }
}

export const resultActions = new ResultActions();
