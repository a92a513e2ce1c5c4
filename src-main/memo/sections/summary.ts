/**
 * Page 1, the executive summary a managing director reads in five seconds: the decision card (the best
 * action in one sentence with money, the verdict on sparsity with its likelihood and confidence in
 * words, base case and range side by side), today's model against the best sparse and the best other
 * option, the three reasons with numbers, what would change the decision, and what was not evaluated.
 */
import { lopsidedInput as lopsidedBar } from '../../core/roi/sensitivity.js';
import { inputValue } from '../../core/charts/labels.js';
import type { EvaluatedOption } from '../../core/roi/evaluate.js';
import type { Level } from '../../core/roi/recommend.js';
import type { Distribution } from '../../core/roi/montecarlo.js';
import type { SwitchingValue } from '../../core/roi/sensitivity.js';
import { isSparse, type MemoContext } from '../memo-context.js';
import { COLOR, type CardItem, type Column } from '../pdf-layout.js';
import { deployText, paybackText, qualityText, speedupProvenance, speedupText } from './describe.js';
import { lawName } from './risks.js';

/** Delivery-confidence colours, green to red, dark enough to read on the card's tint. */
export const LEVEL_COLOR: Record<Level, string> = {
  go: '#1b7f3b',
  'go-with-conditions': '#4f8a10',
  'pilot-first': '#9a5a00',
  'not-now': '#c2410c',
  no: '#b91c1c',
};

export function titleBlock(c: MemoContext): void {
  const { t, layout } = c;
  layout.title(t('memo2.title'));
  layout.paragraph(
    t('memo2.meta.line', {
      scenario: c.scenario.name,
      date: c.longDate(c.date),
      revision: c.revision === null ? t('memo2.meta.unsaved') : t('memo2.meta.revision', { revision: c.revision }),
    }),
    { size: 9, color: COLOR.muted },
  );
  layout.paragraph(
    t(`memo2.decision.${c.result.status}`, { params: c.tr.count(c.scenario.baseline.params.value), horizon: c.result.inputs.horizonMonths }),
    { size: 9 },
  );
}

/** "base case (range low to high; median m)" in one sentence, every figure signed. */
function rangeSentence(c: MemoContext, key: 'headline' | 'advantage', base: number, d: Distribution, extra: Record<string, string> = {}): string {
  const { f } = c;
  return c.t(`memo2.range.${key}`, {
    ...extra,
    horizon: c.result.inputs.horizonMonths,
    base: f.signed(base),
    span: c.t('memo2.range.span', { low: f.signed(d.p10), high: f.signed(d.p90) }),
    median: f.signed(d.p50),
  });
}

/** The input whose lopsided range moves the sparse advantage's median (core/roi/sensitivity.ts), in words. */
export function lopsidedInput(c: MemoContext, direction: number): string | null {
  const r = c.result;
  const bar = lopsidedBar(r.tornado, r.ranges, direction);
  return bar
    ? c.t('memo2.range.example', {
        input: c.f.inSentence(c.t(`memo2.inputName.${bar.input}`)),
        low: inputValue(bar.input, bar.low, r, c.tr),
        high: inputValue(bar.input, bar.high, r, c.tr),
        base: inputValue(bar.input, bar.base, r, c.tr),
      })
    : null;
}

/** Why the median differs from the base case, when it visibly does; null when they read the same. */
export function medianNote(c: MemoContext): string | null {
  const { f, result } = c;
  const mc = result.monteCarlo;
  const candidates: { base: number; d: Distribution; named: boolean }[] = [];
  if (c.sparse) candidates.push({ base: c.alternative.cost.total - c.sparse.cost.total, d: mc.sparseAdvantage, named: true });
  if (c.headline.kind !== 'baseline') candidates.push({ base: c.headline.savings, d: mc.headlineSavings, named: false });
  const differing = candidates.find((x) => f.signed(x.base) !== f.signed(x.d.p50));
  if (!differing) return null;
  const direction = Math.sign(differing.d.p50 - differing.base);
  const example = differing.named ? lopsidedInput(c, direction) : null;
  const law = mc.lawDrawsUsed > 0 ? c.t('memo2.range.withLaw') : '';
  return c.t(direction < 0 ? 'memo2.range.medianLower' : 'memo2.range.medianHigher', { example: example ?? '' }) + law;
}

function decisionCard(c: MemoContext): void {
  const { t, f, explanation: e, result } = c;
  const r = result.recommendation;
  const mc = result.monteCarlo;
  const items: CardItem[] = [{ kind: 'text', text: e.headline, style: { bold: true, size: 11.5 }, space: 3 }];
  if (e.headlinePilot) items.push({ kind: 'text', text: e.headlinePilot, style: { bold: true, size: 10, color: LEVEL_COLOR['pilot-first'] }, space: 3 });
  if (c.headline.kind !== 'baseline') items.push({ kind: 'text', text: rangeSentence(c, 'headline', c.headline.savings, mc.headlineSavings), style: { size: 9 }, space: 6 });
  items.push({ kind: 'pair', label: t('memo2.card.sparsity'), value: e.level, valueStyle: { bold: true, size: 10, color: LEVEL_COLOR[r.level] } });
  items.push({
    kind: 'pair',
    label: t('memo2.card.likelihood'),
    value: c.sparse
      ? t('memo2.card.likelihoodValue', {
          likelihood: t(`likelihood.${r.likelihood}`),
          probability: f.percent(r.probability),
          materiality: f.amount(r.materiality),
          alternative: c.name(c.alternative),
        })
      : t('memo2.card.likelihoodNoSparse'),
  });
  items.push({
    kind: 'pair',
    label: t('memo2.card.confidence'),
    value:
      e.confidenceReasons.length > 0
        ? t('memo2.card.confidenceBecause', { confidence: t(`confidence.${r.confidence}`), reasons: e.confidenceReasons.join(t('memo2.listSeparator')) })
        : t('memo2.card.confidenceValue', { confidence: t(`confidence.${r.confidence}`) }),
  });
  if (c.sparse) {
    items.push({
      kind: 'text',
      text: rangeSentence(c, 'advantage', c.alternative.cost.total - c.sparse.cost.total, mc.sparseAdvantage, {
        sparse: c.name(c.sparse),
        alternative: c.name(c.alternative),
      }),
      style: { size: 9 },
      space: 3,
    });
  }
  const why = medianNote(c);
  c.layout.space(4);
  items.push({ kind: 'text', text: t('memo2.range.what', { draws: c.tr.number(mc.draws, 6) }) + (why ? ` ${why}` : ''), style: { size: 8, color: COLOR.muted }, space: 0 });
  c.layout.card(items);
}

/** The options page 1 puts side by side: today's model, the best sparse option, the best other option. */
export function comparedOptions(c: MemoContext): { key: 'today' | 'sparse' | 'other'; option: EvaluatedOption | null }[] {
  const options = c.result.options;
  const cheapest = (list: EvaluatedOption[]) => list.reduce<EvaluatedOption | null>((a, b) => (a === null || b.cost.total < a.cost.total ? b : a), null);
  const sparse = c.sparse ?? cheapest(options.filter(isSparse));
  const other =
    c.alternative.id !== c.baseline.id ? c.alternative : cheapest(options.filter((o) => !isSparse(o) && o.kind !== 'baseline' && o.group !== 'below-floor'));
  return [
    { key: 'today', option: c.baseline },
    { key: 'sparse', option: sparse },
    ...(other ? [{ key: 'other' as const, option: other }] : []),
  ];
}

function comparison(c: MemoContext): void {
  const { t, f, result, layout } = c;
  const columns = comparedOptions(c);
  const horizon = result.inputs.horizonMonths;
  const none = t('memo2.compare.none');
  const probability = (o: EvaluatedOption) => {
    const p = result.monteCarlo.perOption.find((x) => x.id === o.id);
    return o.kind === 'baseline' || !p ? none : f.percent(p.probabilitySaves);
  };
  const named = (o: EvaluatedOption) => (o.group === 'compared' ? c.name(o) : `${c.name(o)} (${t(`decision.group.${o.group}`)})`);
  const dataText = (o: EvaluatedOption) => (o.passes > 1 ? `${c.data(o.uniqueData)} × ${c.tr.number(o.passes)}` : c.data(o.uniqueData));
  const rows: [string, (o: EvaluatedOption) => string][] = [
    [t('memo2.compare.row.option'), named],
    [t('memo2.compare.row.cost', { horizon }), (o) => f.money(o.cost.total)],
    [t('memo2.compare.row.savings'), (o) => (o.kind === 'baseline' ? none : f.signed(o.savings))],
    [t('memo2.compare.row.payback'), (o) => paybackText(c, o)],
    [t('memo2.compare.row.probability'), probability],
    [t('memo2.compare.row.quality'), (o) => qualityText(c, o)],
    [t('memo2.compare.row.speedup'), (o) => speedupText(c, o)],
    [t('memo2.compare.row.data'), dataText],
    // A planned model's options are compared from their own deployment: the time is shown in the appendix.
    ...(result.status === 'trained' ? [[t('memo2.compare.row.deploy'), (o: EvaluatedOption) => deployText(c, o)] as [string, (o: EvaluatedOption) => string]] : []),
    ...(result.deploymentKind === 'fleet' ? [[t('memo2.compare.row.devices'), (o: EvaluatedOption) => (o.fleet ? c.tr.number(o.fleet.devicesBought, 6) : none)] as [string, (o: EvaluatedOption) => string]] : []),
  ];
  const header = (key: 'today' | 'sparse' | 'other', option: EvaluatedOption | null) =>
    t(`memo2.compare.${key}`) + (option && option.id === c.headline.id ? `\n(${t('memo2.compare.recommended')})` : '');
  const tableColumns: Column[] = [
    { header: '', width: 0.9, wrap: true, min: 128 },
    ...columns.map(({ key, option }) => ({ header: header(key, option), width: 1, wrap: true })),
  ];
  layout.subheading(t('memo2.compare.title'), 120);
  layout.table(
    tableColumns,
    rows.map(([label, cell]) => [label, ...columns.map(({ option }) => (option ? cell(option) : t('memo2.compare.noSparse')))]),
    { size: 8, pad: 2.2 },
  );
  const sparse = columns.find((x) => x.key === 'sparse')?.option;
  const shown = columns.flatMap((x) => (x.option ? [x.option] : []));
  const furthest = shown.reduce((a, b) => (b.extrapolation.factor > a.extrapolation.factor ? b : a));
  layout.paragraph(
    t('memo2.compare.note', {
      rate: f.rate(c.scenario.decision.discountRate.value),
      law: lawName(c),
      extrapolation: furthest.extrapolation.extrapolates ? t('memo2.compare.extrapolated', { factor: f.factor(furthest.extrapolation.factor) }) : '',
      speedups: sparse ? speedupProvenance(c, sparse.speedup) : none,
    }),
    { size: 8, color: COLOR.muted },
  );
}

/** Switching values in the manager's units, nearest first; the speed-up is said apart. */
export function changeLines(c: MemoContext, limit = 3): string[] {
  const { t, f, result } = c;
  if (!c.sparse) return [t('memo2.change.noSparse')];
  const lines: string[] = [];
  const speed = result.switchingValues.find((v) => v.input === 'speedup');
  if (speed?.value != null) {
    lines.push(
      speed.beyondPhysicalBound
        ? t('memo2.change.speedupBeyond', { bound: f.times(c.sparse.speedup.bound), value: f.times(speed.value), sparse: c.name(c.sparse), alternative: c.name(c.alternative) })
        : t(speed.flipsWhen === 'below' ? 'memo2.change.speedupBelow' : 'memo2.change.speedup', {
            value: f.times(speed.value),
            sparse: c.name(c.sparse),
            now: f.times(c.sparse.speedup.value),
            kind: t(`memo2.speedupKind.${c.sparse.speedup.kind}`),
          }),
    );
  }
  const distance = (v: SwitchingValue) => (v.base > 0 && v.value! > 0 ? Math.abs(Math.log(v.value! / v.base)) : Math.abs(v.value! - v.base));
  const others = result.switchingValues.filter((v) => v.input !== 'speedup' && v.value !== null && v.flipsWhen !== null).sort((a, b) => distance(a) - distance(b));
  for (const v of others.slice(0, Math.max(0, limit - lines.length))) {
    lines.push(
      t('memo2.change.input', {
        input: t(`memo2.inputName.${v.input}`),
        direction: t(`memo2.change.${v.flipsWhen}`),
        value: switchingText(c, v.input, v.value!),
        base: switchingText(c, v.input, v.base),
      }),
    );
  }
  return lines.length > 0 ? lines : [t('memo2.change.nothing')];
}

/** A switching value in the words and units a person reads. */
export function switchingText(c: MemoContext, input: SwitchingValue['input'], value: number): string {
  if (input === 'speedup') return c.f.times(value);
  if (input === 'horizonMonths') return c.f.withUnit(c.tr.number(value), c.t('memo2.appendix.units.months'));
  return inputValue(input, value, c.result, c.tr);
}

export function summarySection(c: MemoContext): void {
  const { t, layout, explanation: e } = c;
  titleBlock(c);
  decisionCard(c);
  comparison(c);
  layout.subheading(t('memo2.reasons.title'), 50);
  layout.bullets([e.reasons.dataVolume, e.reasons.hardware, e.reasons.pruningCost], { size: 8.5 });
  layout.subheading(t('memo2.change.title'), 30);
  layout.bullets(changeLines(c), { size: 8.5 });
  layout.paragraph(t('memo2.scope'), { size: 8 });
  layout.paragraph(t('memo2.appendixPointer'), { size: 8, color: COLOR.muted });
}
