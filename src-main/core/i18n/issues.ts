/**
 * Validation problems in the reader's words: the field's name (never its path in the scenario
 * document), what is wrong and how to fix it, in English or Japanese. The app's error summary and
 * inline errors use it; the CLI may too. Any path or zod code this table does not know still
 * reads as a sentence naming the page it belongs to, so a raw path can never reach a screen.
 */
import type { Translator } from './index.js';

/** How a field's values read: counts as 18億/1.8B, fractions as %, money in the scenario's currency. */
export type FieldKind = 'count' | 'number' | 'integer' | 'percent' | 'money';

/** The fields of the scenario document with a name of their own: path → text key and kind. */
export const INPUT_FIELDS: Readonly<Record<string, { label: string; kind: FieldKind }>> = {
  'baseline.params': { label: 'ui.field.params', kind: 'count' },
  'baseline.trainingData': { label: 'ui.field.trainingData', kind: 'count' },
  'baseline.availableData': { label: 'ui.field.availableData', kind: 'count' },
  'baseline.tokensPerUnit': { label: 'ui.field.tokensPerUnit', kind: 'number' },
  'pruning.retrainFraction': { label: 'ui.field.retrainFraction', kind: 'percent' },
  'training.pricePerHour': { label: 'ui.field.trainingPrice', kind: 'money' },
  'training.peakFlops': { label: 'ui.field.trainingPeak', kind: 'count' },
  'training.utilisation': { label: 'ui.field.trainingUtilisation', kind: 'percent' },
  'engineering.personDays': { label: 'ui.field.personDays', kind: 'number' },
  'engineering.dayRate': { label: 'ui.field.dayRate', kind: 'money' },
  'engineering.tooling': { label: 'ui.field.tooling', kind: 'money' },
  'engineering.riskBuffer': { label: 'ui.field.riskBuffer', kind: 'percent' },
  'deployment.requestsPerDay': { label: 'ui.field.requestsPerDay', kind: 'count' },
  'deployment.unitsPerRequest': { label: 'ui.field.unitsPerRequest', kind: 'number' },
  'deployment.growthPerMonth': { label: 'ui.field.growthPerMonth', kind: 'percent' },
  'deployment.horizonMonths': { label: 'ui.field.horizonMonths', kind: 'integer' },
  'deployment.pricePerHour': { label: 'ui.field.inferencePrice', kind: 'money' },
  'deployment.peakFlops': { label: 'ui.field.inferencePeak', kind: 'count' },
  'deployment.utilisation': { label: 'ui.field.inferenceUtilisation', kind: 'percent' },
  'deployment.speedup.assumed': { label: 'ux.field.assumedSpeedups', kind: 'number' },
  'deployment.speedup.provider': { label: 'ux.field.provider', kind: 'number' },
  'sparsity.candidates': { label: 'ux.field.candidates', kind: 'percent' },
  'uncertainty.seed': { label: 'ux.field.seed', kind: 'integer' },
  'uncertainty.draws': { label: 'ux.field.draws', kind: 'integer' },
  name: { label: 'ux.field.name', kind: 'number' },
  currency: { label: 'ux.field.currency', kind: 'number' },
  family: { label: 'ux.field.coefficients', kind: 'number' },
};

/** The uncertain inputs' ranges name the input they belong to (uncertainty.ranges.<input>). */
const RANGE_INPUT_LABELS: Readonly<Record<string, { label: string; kind: FieldKind }>> = {
  requestsPerDay: { label: 'ui.field.requestsPerDay', kind: 'count' },
  growthPerMonth: { label: 'ui.field.growthPerMonth', kind: 'number' },
  speedup: { label: 'ui.field.speedup', kind: 'number' },
  engineeringDays: { label: 'ui.field.engineeringDays', kind: 'number' },
  trainingPricePerHour: { label: 'ui.field.trainingPricePerHour', kind: 'money' },
  inferencePricePerHour: { label: 'ui.field.inferencePricePerHour', kind: 'money' },
  inferenceUtilisation: { label: 'ui.field.inferenceUtilisation', kind: 'number' },
  retrainFraction: { label: 'ui.field.retrainFraction', kind: 'number' },
  horizonMonths: { label: 'ui.field.horizonMonths', kind: 'integer' },
};

/** A problem as zod reports it (the fields this module reads), or one the app raises itself. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  expected?: string;
  /** A stable message key (a key of ux.issue) set by the schema's own refinements. */
  params?: { key?: string } & Record<string, unknown>;
}

export interface DescribedField {
  /** The field's name as the reader sees it. */
  label: string;
  kind: FieldKind;
}

/** The field's name and kind for a path; for a path it does not know, the page it belongs to. */
export function describeField(path: readonly PropertyKey[], tr: Translator): DescribedField {
  const keys = path.map(String);
  if (keys[0] === 'uncertainty' && keys[1] === 'ranges' && keys[2]) {
    const input = RANGE_INPUT_LABELS[keys[2]];
    const field = input ? tr.t(input.label) : tr.t('ux.section.uncertainty');
    const side = keys[3] === 'low' ? 'rangeLow' : keys[3] === 'high' ? 'rangeHigh' : 'range';
    return { label: tr.t(`ux.field.${side}`, { field }), kind: input?.kind ?? 'number' };
  }
  if (keys[0] === 'deployment' && keys[1] === 'speedup' && keys[2] === 'assumed' && keys.length >= 5) {
    return keys[4] === 'sparsity'
      ? { label: tr.t('ux.field.assumedSparsity'), kind: 'percent' }
      : { label: tr.t('ux.field.assumedValue'), kind: 'number' };
  }
  // The longest known prefix: "baseline.params.value" is the field "baseline.params".
  for (let n = keys.length; n > 0; n--) {
    const known = INPUT_FIELDS[keys.slice(0, n).join('.')];
    if (known) return { label: tr.t(known.label), kind: known.kind };
  }
  return { label: tr.t(`ux.section.${sectionOf(keys)}`), kind: 'number' };
}

function sectionOf(keys: readonly string[]): string {
  switch (keys[0]) {
    case 'baseline':
      return 'baseline';
    case 'sparsity':
      return 'hardware';
    case 'pruning':
    case 'training':
    case 'engineering':
      return 'pruning';
    case 'deployment':
      return keys[1] === 'speedup' ? 'hardware' : 'money';
    case 'uncertainty':
      return 'uncertainty';
    default:
      return 'other';
  }
}

/** A limit in the field's own terms: 100 % rather than 1 for a fraction, 1京 never, 10,000兆 at most. */
function limitText(kind: FieldKind, value: number, tr: Translator, currency: string): string {
  switch (kind) {
    case 'percent':
      return tr.percent(value);
    case 'money':
      return tr.money(value, currency);
    case 'count':
      return Math.abs(value) >= 1e4 ? tr.count(value) : tr.number(value);
    default:
      return tr.number(value);
  }
}

/** The v1 schema's own refinements, recognised by their wording until they carry a key. */
const CUSTOM_MESSAGES: readonly [RegExp, string][] = [
  [/at least the training data/, 'availableBelowTraining'],
  [/low must not exceed high/, 'lowAboveHigh'],
  [/lognormal/, 'lognormalNeedsPositive'],
  [/at least one assumed speed-up/, 'assumedMissing'],
  [/for this model family/, 'wrongUnit'],
  [/counted in tokens/, 'tokensPerToken'],
];

function messageKey(issue: SchemaIssue): { key: string; limit?: number } {
  const limitOf = (v: number | bigint | undefined) => (v === undefined ? undefined : Number(v));
  if (issue.params?.key) return { key: issue.params.key };
  switch (issue.code) {
    case 'not_a_number':
      return { key: 'notNumber' };
    case 'too_small': {
      const limit = limitOf(issue.minimum);
      if (issue.origin === 'array') return { key: 'atLeastItems', ...(limit !== undefined ? { limit } : {}) };
      if (issue.origin === 'string') return { key: 'empty' };
      return { key: issue.inclusive === false ? 'greaterThan' : 'atLeast', ...(limit !== undefined ? { limit } : {}) };
    }
    case 'too_big': {
      const limit = limitOf(issue.maximum);
      if (issue.origin === 'array') return { key: 'atMostItems', ...(limit !== undefined ? { limit } : {}) };
      if (issue.origin === 'string') return { key: 'tooLong', ...(limit !== undefined ? { limit } : {}) };
      return { key: issue.inclusive === false ? 'lessThan' : 'atMost', ...(limit !== undefined ? { limit } : {}) };
    }
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'wholeNumber' : 'notNumber' };
    case 'not_multiple_of':
      return { key: 'wholeNumber' };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'choose' };
    case 'custom': {
      const found = CUSTOM_MESSAGES.find(([pattern]) => pattern.test(issue.message));
      return { key: found ? found[1] : 'check' };
    }
    default:
      // zod reports a failed .int() as invalid_type in v4; a message mentioning "whole" is the same.
      return { key: /whole|integer/.test(issue.message) ? 'wholeNumber' : 'check' };
  }
}

export interface IssueWords {
  /** The field's name, for the summary's link. */
  field: string;
  /** The whole message: field, problem, fix. */
  message: string;
}

/**
 * One problem in the reader's language. `other` fills messages that compare two fields (the
 * training data an available-data total must reach), already formatted by the caller.
 */
export function describeIssue(issue: SchemaIssue, tr: Translator, currency = 'USD', other = ''): IssueWords {
  const field = describeField(issue.path, tr);
  const { key, limit } = messageKey(issue);
  const integerLimit = key === 'atLeastItems' || key === 'atMostItems' || key === 'tooLong';
  const limitWords = limit === undefined ? '' : integerLimit ? String(limit) : limitText(field.kind, limit, tr, currency);
  const examples = tr.t(`ux.examples.${field.kind}`);
  const known = tr.t(`ux.issue.${key}`, { field: field.label, limit: limitWords, other, examples, defaultValue: '' });
  return { field: field.label, message: known || tr.t('ux.issue.check', { field: field.label }) };
}
