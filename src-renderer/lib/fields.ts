/**
 * The scenario's numeric inputs as the wizard shows them: where each lives in the scenario, on
 * which page, which glossary term explains it, and how people type it and read it back (18億,
 * 1.8B, 40 %). The text shown in a box always reads back to exactly the stored value and is never
 * in scientific notation.
 */
import type { GlossaryKey, Language } from '../../src-main/core/i18n/index.js';
import type { FieldKind } from '../../src-main/core/i18n/issues.js';
import type { Scenario, Source } from '../../src-main/core/roi/scenario.js';
import { parseQuantity } from '../../src-main/core/quantity.js';

export type { FieldKind } from '../../src-main/core/i18n/issues.js';

export const STEPS = ['start', 'data', 'hardware', 'pruning', 'money', 'check', 'result'] as const;
export type StepId = (typeof STEPS)[number];

export interface FieldSpec {
  id: string;
  path: readonly string[];
  label: string;
  kind: FieldKind;
  step: StepId;
  /** The glossary entry its ⓘ opens. */
  term?: GlossaryKey;
  visible?: (s: Scenario) => boolean;
}

interface QuantityLike {
  value: number;
  unit: string;
  source?: Source | undefined;
}

const vision = (s: Scenario) => s.baseline.tokensPerUnit.unit === 'tokens/image';
const retraining = (s: Scenario) => s.pruning.route === 'prune-retrain';

export const FIELDS: readonly FieldSpec[] = [
  { id: 'params', path: ['baseline', 'params'], label: 'params', kind: 'count', step: 'data', term: 'nonzeroParams' },
  { id: 'trainingData', path: ['baseline', 'trainingData'], label: 'trainingData', kind: 'count', step: 'data', term: 'trainingData' },
  { id: 'availableData', path: ['baseline', 'availableData'], label: 'availableData', kind: 'count', step: 'data' },
  { id: 'tokensPerUnit', path: ['baseline', 'tokensPerUnit'], label: 'tokensPerUnit', kind: 'number', step: 'data', term: 'tokensPerImage', visible: vision },
  { id: 'retrainFraction', path: ['pruning', 'retrainFraction'], label: 'retrainFraction', kind: 'percent', step: 'pruning', term: 'retraining', visible: retraining },
  { id: 'trainingPrice', path: ['training', 'pricePerHour'], label: 'trainingPrice', kind: 'money', step: 'pruning' },
  { id: 'trainingPeak', path: ['training', 'peakFlops'], label: 'trainingPeak', kind: 'count', step: 'pruning', term: 'flops' },
  { id: 'trainingUtilisation', path: ['training', 'utilisation'], label: 'trainingUtilisation', kind: 'percent', step: 'pruning', term: 'utilisation' },
  { id: 'personDays', path: ['engineering', 'personDays'], label: 'personDays', kind: 'number', step: 'pruning' },
  { id: 'dayRate', path: ['engineering', 'dayRate'], label: 'dayRate', kind: 'money', step: 'pruning' },
  { id: 'tooling', path: ['engineering', 'tooling'], label: 'tooling', kind: 'money', step: 'pruning' },
  { id: 'riskBuffer', path: ['engineering', 'riskBuffer'], label: 'riskBuffer', kind: 'percent', step: 'pruning', term: 'riskBuffer' },
  { id: 'requestsPerDay', path: ['deployment', 'requestsPerDay'], label: 'requestsPerDay', kind: 'count', step: 'money', term: 'inference' },
  { id: 'unitsPerRequest', path: ['deployment', 'unitsPerRequest'], label: 'unitsPerRequest', kind: 'number', step: 'money' },
  { id: 'growthPerMonth', path: ['deployment', 'growthPerMonth'], label: 'growthPerMonth', kind: 'percent', step: 'money' },
  { id: 'horizonMonths', path: ['deployment', 'horizonMonths'], label: 'horizonMonths', kind: 'integer', step: 'money', term: 'horizon' },
  { id: 'inferencePrice', path: ['deployment', 'pricePerHour'], label: 'inferencePrice', kind: 'money', step: 'money' },
  { id: 'inferencePeak', path: ['deployment', 'peakFlops'], label: 'inferencePeak', kind: 'count', step: 'money', term: 'flops' },
  { id: 'inferenceUtilisation', path: ['deployment', 'utilisation'], label: 'inferenceUtilisation', kind: 'percent', step: 'money', term: 'utilisation' },
];

export function quantityAt(scenario: Scenario, path: readonly string[]): QuantityLike {
  let node: unknown = scenario;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as QuantityLike;
}

/** The field a path of the scenario belongs to ("baseline.params.value" → params), if it has one. */
export function fieldOfPath(path: string): FieldSpec | undefined {
  return FIELDS.find((f) => path === f.path.join('.') || path.startsWith(`${f.path.join('.')}.`));
}

/** The page on which a path of the scenario is answered; anything unknown is fixed on the check page. */
export function stepOfPath(path: string): StepId {
  const field = fieldOfPath(path);
  if (field) return field.step;
  const [head, second] = path.split('.');
  if (head === 'baseline') return 'data';
  if (head === 'sparsity' || (head === 'deployment' && second === 'speedup')) return 'hardware';
  if (head === 'pruning' || head === 'training' || head === 'engineering') return 'pruning';
  if (head === 'deployment' || head === 'uncertainty' || head === 'currency') return 'money';
  if (head === 'name' || head === 'family') return 'start';
  return 'check';
}

/** Significant digits enough to read back any value exactly, trimmed. */
function exact(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function grouped(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 10, useGrouping: true }).format(Number(value.toPrecision(12)));
}

/** 8,493万4,656 / 18億 / 1億2,300万: exact, in 万・億・兆 groups (integers of 1万 and more only). */
function japaneseExact(value: number): string | null {
  if (!Number.isInteger(value) || value < 1e4 || value >= 1e20) return null;
  const parts: string[] = [];
  let rest = value;
  for (const [unit, size] of [['兆', 1e12], ['億', 1e8], ['万', 1e4]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${grouped(n, 'ja-JP')}${unit}`);
    rest -= n * size;
  }
  if (rest > 0) parts.push(grouped(rest, 'ja-JP'));
  return parts.join('');
}

/** 1.8B / 84.9M when that is the exact value in at most four significant digits, else null. */
function englishExact(value: number): string | null {
  for (const [suffix, size] of [['T', 1e12], ['B', 1e9], ['M', 1e6]] as const) {
    if (Math.abs(value) < size) continue;
    const scaled = Number((value / size).toPrecision(12));
    return Number(scaled.toPrecision(4)) === scaled ? `${scaled}${suffix}` : null;
  }
  return null;
}

/** The text in an input box: percentages as 0–100, counts as 18億 / 1.8B where exact, else grouped digits. */
export function displayValue(kind: FieldKind, value: number, language: Language = 'en'): string {
  if (kind === 'percent') return exact(value * 100);
  const locale = language === 'ja' ? 'ja-JP' : 'en-US';
  if (kind === 'count') {
    const compact = language === 'ja' ? japaneseExact(value) : englishExact(value);
    if (compact) return compact;
  }
  return Math.abs(value) >= 1000 ? grouped(value, locale) : exact(value);
}

/** Reads what was typed; throws an InputError naming the field when it is not a number. */
export function parseInput(kind: FieldKind, field: string, text: string): number {
  return parseQuantity(field, text, { percent: kind === 'percent' });
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function userSource(): Source {
  return { kind: 'user', note: '', date: today() };
}
