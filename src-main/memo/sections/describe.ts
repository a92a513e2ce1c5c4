/**
 * The short descriptions several memo pages share, so an option's payback, quality, speed-up and time
 * to deploy read the same on page 1, in the cost table and in the appendix, each saying what kind of
 * number it is (measured on which machine, published, assumed, upper bound).
 */
import { sparsityText } from '../../core/charts/labels.js';
import type { EvaluatedOption } from '../../core/roi/evaluate.js';
import type { Evidence, ResolvedSpeedup } from '../../core/roi/speedups.js';
import { isSparse, type MemoContext } from '../memo-context.js';

const WEEKS_PER_MONTH = 365.25 / 12 / 7;
const HOURS_PER_MONTH = (365.25 / 12) * 24;

/** Payback in a sentence: "month 5", "at once", "not within 24 months" (one definition: memo2.payback.definition). */
export function paybackText(c: MemoContext, option: EvaluatedOption): string {
  const month = option.paybackMonth;
  if (option.kind === 'baseline') return c.t('memo2.compare.none');
  if (month === null) return c.t('memo2.payback.never', { horizon: c.result.inputs.horizonMonths });
  if (month === 0) return c.t('memo2.payback.atOnce');
  return c.t('memo2.payback.month', { month });
}

/** Payback in a table cell: "5", "at once", "never" (not within the horizon). */
export function paybackCell(c: MemoContext, option: EvaluatedOption): string {
  const month = option.paybackMonth;
  if (option.kind === 'baseline') return c.t('memo2.costs.none');
  if (month === null) return c.t('memo2.costs.never', { horizon: c.result.inputs.horizonMonths });
  if (month === 0) return c.t('memo2.costs.atOnce');
  return String(month);
}

/** Quality as a share of today's size: "behaves like 80 % of today's size". */
export function qualityText(c: MemoContext, option: EvaluatedOption): string {
  return c.t('memo2.compare.qualityValue', { share: c.f.percent(option.sizeEquivalent) });
}

/** The machine a benchmark ran on, in a few words: "AMD EPYC 7B13, 2 cores" (and its GPU for a GPU provider). */
export function machineName(c: MemoContext, provider: string | null = null): string {
  const b = c.benchmark;
  if (!b) return '—';
  const cpu = c.t('memo2.appendix.cpuValue', { model: b.inventory.cpu.model, cores: b.inventory.cpu.cores });
  const gpu = provider && provider !== 'cpu' && b.inventory.gpus.length > 0 ? b.inventory.gpus.map((g) => g.name).join(', ') : null;
  return gpu ?? cpu;
}

/** Where a speed-up comes from, in one clause: "measured on AMD EPYC, 2 cores (development machine)". */
export function speedupProvenance(c: MemoContext, s: ResolvedSpeedup): string {
  const { t } = c;
  const machine = (evidence: Evidence | null) =>
    t('memo2.provenance.machine', { machine: machineName(c, s.provider), role: t(`memo2.provenance.role.${evidence ?? 'development'}`) });
  switch (s.kind) {
    case 'measured':
      return t('memo2.provenance.measured', { machine: machine(s.evidence) });
    case 'upper-bound':
      return t('memo2.provenance.upperBound', { machine: machine(s.evidence) });
    case 'published':
      return t('memo2.provenance.published', { citations: s.citations.map((x) => x.label).join(t('memo2.listSeparator')) || '—' });
    case 'assumed':
      return t('memo2.provenance.assumed');
    case 'none':
      return t('memo2.provenance.none');
  }
}

/** A speed-up with its kind: "×1.3, assumed" / "1.3倍（仮定値）". */
export function speedupText(c: MemoContext, option: EvaluatedOption): string {
  if (!isSparse(option)) return c.t('memo2.compare.none');
  const s = option.speedup;
  return c.t('memo2.compare.speedupValue', { value: c.f.times(s.value), kind: c.t(`memo2.speedupKind.${s.kind}`) });
}

/** The speed-up's range, or the value alone when the range is a point. */
export function speedupRange(c: MemoContext, s: ResolvedSpeedup): string {
  const low = c.f.times(s.low);
  const high = c.f.times(s.high);
  return low === high ? c.f.times(s.value) : c.f.span(low, high);
}

/** Calendar time to train or retrain on the scenario's training GPUs. */
export function deployText(c: MemoContext, option: EvaluatedOption): string {
  const months = option.cost.deployMonths;
  if (!(months > 0)) return c.t('memo2.compare.none');
  const weeks = months * WEEKS_PER_MONTH;
  const hours = months * HOURS_PER_MONTH;
  if (hours < 24) return c.t('memo2.compare.deployHours', { hours: c.tr.number(Math.max(0.1, hours), 2) });
  if (weeks < 1) return c.t('memo2.compare.deployDays', { days: c.tr.number(hours / 24, 2) });
  if (weeks < 13) return c.t('memo2.compare.deployWeeks', { weeks: c.tr.number(weeks, 2) });
  return c.t('memo2.compare.deployMonths', { months: c.tr.number(months, 2) });
}

/** The option's sparsity as a percentage, for tables. */
export function sparsityOf(c: MemoContext, option: EvaluatedOption): string {
  return option.sparsity > 0 ? sparsityText(c.tr, option.sparsity) : c.t('memo2.compare.none');
}

/** Options of a group, in the engine's order (baseline first). */
export function inGroup(c: MemoContext, group: EvaluatedOption['group']): EvaluatedOption[] {
  return c.result.options.filter((o) => o.group === group);
}
