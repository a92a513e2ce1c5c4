/**
 * The scenario's numeric inputs as the wizard shows them: where each lives in the scenario, on
 * which page, which glossary term explains it, and how people type it and read it back (18億,
 * 1.8B, 40 %), with the steps of the wizard and each field's page and group. The text shown in a
 * box reads back to exactly the stored value (a field with `significant` shows it rounded until
 * edited) and is never in scientific notation. Whole-number fields take digits only.
 */
import type { GlossaryKey, Language, Translator } from '../../src-main/core/i18n/index.js';
import { INPUT_FIELDS, type FieldKind } from '../../src-main/core/i18n/issues.js';
import { dataUnitOf, type Scenario, type Source } from '../../src-main/core/roi/scenario.js';
import { InputError } from '../../src-main/core/input.js';
import { parseQuantity } from '../../src-main/core/quantity.js';

export type { FieldKind } from '../../src-main/core/i18n/issues.js';

export const STEPS = ['start', 'situation', 'data', 'hardware', 'pruning', 'money', 'check', 'result'] as const;
export type StepId = (typeof STEPS)[number];

/** Where a field sits on its page: the money page groups use, fleet devices, growth and the decision's settings. */
export type FieldGroup = 'model' | 'retrain' | 'training' | 'engineering' | 'use' | 'fleet' | 'growth' | 'decision';

export interface FieldSpec {
  id: string;
  path: readonly string[];
  /** Text key of its name (from INPUT_FIELDS, so a problem names it the same way). */
  label: string;
  kind: FieldKind;
  step: StepId;
  group: FieldGroup;
  /** The glossary entry its ⓘ opens. */
  term?: GlossaryKey;
  visible?: (s: Scenario) => boolean;
  /**
   * Significant digits shown for a value that has more (4/175 GPU-hours reads 0.02286): the box
   * then shows a rounded value until edited, and the stored value is kept as it is.
   */
  significant?: number;
}

interface QuantityLike {
  value: number;
  unit: string;
  source?: Source | undefined;
}

const vision = (s: Scenario) => s.baseline.tokensPerUnit.unit === 'tokens/image';
const language = (s: Scenario) => !vision(s);
const trained = (s: Scenario) => s.baseline.status === 'trained';
const metered = (s: Scenario) => s.deployment.kind === 'metered';
const fleet = (s: Scenario) => s.deployment.kind === 'fleet';

function field(id: string, path: string, step: StepId, group: FieldGroup, extra: Pick<FieldSpec, 'term' | 'visible' | 'significant'> = {}): FieldSpec {
  const known = INPUT_FIELDS[path];
  if (!known) throw new Error(`no name for the field ${path} in INPUT_FIELDS`);
  return { id, path: path.split('.'), label: known.label, kind: known.kind, step, group, ...extra };
}

export const FIELDS: readonly FieldSpec[] = [
  field('params', 'baseline.params', 'data', 'model', { term: 'nonzeroParams' }),
  field('uniqueData', 'baseline.uniqueData', 'data', 'model', { term: 'trainingData' }),
  field('passes', 'baseline.passes', 'data', 'model'),
  field('tokensPerUnit', 'baseline.tokensPerUnit', 'data', 'model', { term: 'tokensPerImage', visible: vision }),
  field('availableData', 'data.available', 'data', 'model'),
  field('dataCost', 'data.costPerUnit', 'data', 'model'),
  field('retrainData', 'pruning.retrainData', 'data', 'retrain', { term: 'retraining', visible: trained }),
  field('trainingPrice', 'training.pricePerHour', 'pruning', 'training'),
  field('trainingPeak', 'training.peakFlops', 'pruning', 'training', { term: 'flops' }),
  field('trainingUtilisation', 'training.utilisation', 'pruning', 'training', { term: 'utilisation' }),
  field('trainingGpus', 'training.gpus', 'pruning', 'training'),
  field('oneShot', 'pruning.oneShotGpuHoursPerBillion', 'pruning', 'training', { term: 'pruning', visible: trained, significant: 4 }),
  field('personDays', 'engineering.personDays', 'pruning', 'engineering'),
  field('dayRate', 'engineering.dayRate', 'pruning', 'engineering'),
  field('tooling', 'engineering.tooling', 'pruning', 'engineering'),
  field('riskBuffer', 'engineering.riskBuffer', 'pruning', 'engineering', { term: 'riskBuffer' }),
  field('requestsPerDay', 'deployment.requestsPerDay', 'money', 'use', { term: 'inference', visible: metered }),
  field('unitsPerRequest', 'deployment.unitsPerRequest', 'money', 'use'),
  field('outputTokens', 'deployment.outputTokensPerRequest', 'money', 'use', { term: 'tokens', visible: language }),
  field('inferencePrice', 'deployment.pricePerHour', 'money', 'use', { visible: metered }),
  field('inferencePeak', 'deployment.peakFlops', 'money', 'use', { term: 'flops', visible: metered }),
  field('inferenceUtilisation', 'deployment.utilisation', 'money', 'use', { term: 'utilisation', visible: metered }),
  field('latencyBudget', 'deployment.latencyBudgetMs', 'money', 'fleet', { term: 'taktTime', visible: fleet }),
  field('maxUtilisation', 'deployment.maxUtilisation', 'money', 'fleet', { visible: fleet }),
  field('devicePrice', 'deployment.devicePrice', 'money', 'fleet', { visible: fleet }),
  field('deviceLife', 'deployment.deviceLifeMonths', 'money', 'fleet', { visible: fleet }),
  field('power', 'deployment.powerWatts', 'money', 'fleet', { visible: fleet }),
  field('electricityPrice', 'deployment.electricityPrice', 'money', 'fleet', { visible: fleet }),
  field('hoursPerDay', 'deployment.hoursPerDay', 'money', 'fleet', { visible: fleet }),
  field('growthPerMonth', 'deployment.growthPerMonth', 'money', 'growth'),
  field('horizonMonths', 'deployment.horizonMonths', 'money', 'growth', { term: 'horizon' }),
  field('discountRate', 'decision.discountRate', 'money', 'decision', { term: 'presentValue' }),
  field('materiality', 'decision.materiality', 'money', 'decision', { term: 'materiality' }),
  field('qualityFloor', 'decision.qualityFloor', 'money', 'decision', { term: 'equalQuality' }),
];

/** The fields shown for this scenario (a fleet has no price per hour, a planned model no retraining data). */
export function visibleFields(scenario: Scenario, filter: (f: FieldSpec) => boolean = () => true): FieldSpec[] {
  return FIELDS.filter((f) => filter(f) && (!f.visible || f.visible(scenario)));
}

export function quantityAt(scenario: Scenario, path: readonly string[]): QuantityLike {
  let node: unknown = scenario;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as QuantityLike;
}

/** The value at a dot-joined path of the scenario, or undefined when the path leads nowhere. */
export function valueAt(scenario: Scenario, path: string): unknown {
  let node: unknown = scenario;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
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
  if ((head === 'baseline' && second === 'status') || (head === 'deployment' && second === 'kind')) return 'situation';
  if (head === 'baseline' || head === 'data' || head === 'architecture') return 'data';
  if (head === 'sparsity' || (head === 'deployment' && second === 'speedup')) return 'hardware';
  if (head === 'pruning' || head === 'training' || head === 'engineering') return 'pruning';
  if (head === 'deployment' || head === 'decision' || head === 'uncertainty' || head === 'currency') return 'money';
  if (head === 'name' || head === 'family') return 'start';
  return 'check';
}

/**
 * A quantity's unit in the reader's words: "JPY per image" / "円/枚" for a price per unit of
 * data, "% per year" for a yearly fraction; the v2 units first, then the app's older unit words.
 */
export function unitText(tr: Translator, unit: string, scenario: Scenario): string {
  const currency = scenario.currency;
  const key = unit === 'currency/unit' ? `currency/${dataUnitOf(scenario)}` : unit;
  const v2 = tr.t(`wizard2.unitName.${key}`, { currency, defaultValue: '' }) as string;
  return v2 || (tr.t(`ui.unitName.${key}`, { currency, defaultValue: unit }) as string);
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
export function displayValue(kind: FieldKind, value: number, language: Language = 'en', significant?: number): string {
  if (significant !== undefined) value = Number(value.toPrecision(significant));
  if (kind === 'percent') return exact(value * 100);
  const locale = language === 'ja' ? 'ja-JP' : 'en-US';
  if (kind === 'count') {
    const compact = language === 'ja' ? japaneseExact(value) : englishExact(value);
    if (compact) return compact;
  }
  return Math.abs(value) >= 1000 ? grouped(value, locale) : exact(value);
}

/**
 * Reads what was typed; throws an InputError naming the field when it is not a number. Whole-number
 * fields (devices, months, GPUs) take decimal digits only, so "1.5" or "2万" never become a count.
 */
export function parseInput(kind: FieldKind, field: string, text: string): number {
  if (kind === 'integer') {
    const digits = text.normalize('NFKC').trim();
    if (!/^\d{1,9}$/.test(digits)) throw new InputError(field, `expected a whole number such as 24 (got ${JSON.stringify(text)})`);
    return Number(digits);
  }
  return parseQuantity(field, text, { percent: kind === 'percent' });
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function userSource(): Source {
  return { kind: 'user', note: '', date: today() };
}
