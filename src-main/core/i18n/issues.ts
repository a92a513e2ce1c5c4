/**
 * Validation problems in the reader's words: the field's name (never its path in the scenario
 * document), what is wrong and how to fix it, in English or Japanese. The app's error summary and
 * inline errors use it; the CLI may too. Any path or zod code this table does not know still
 * reads as a sentence naming the page it belongs to, so a raw path can never reach a screen.
 */
import type { Translator } from './index.js';

/** How a field's values read: counts as 18億/1.8B, fractions as %, money in the scenario's currency. */
export type FieldKind = 'count' | 'number' | 'integer' | 'percent' | 'money';

/** The fields of the scenario document (v2) with a name of their own: path → text key and kind. */
export const INPUT_FIELDS: Readonly<Record<string, { label: string; kind: FieldKind }>> = {
  name: { label: 'ux.field.name', kind: 'number' },
  currency: { label: 'ux.field.currency', kind: 'number' },
  family: { label: 'ux.field.coefficients', kind: 'number' },
  'architecture.kind': { label: 'wizard2.field.architecture', kind: 'number' },
  'baseline.status': { label: 'wizard2.field.status', kind: 'number' },
  'baseline.params': { label: 'ui.field.params', kind: 'count' },
  'baseline.uniqueData': { label: 'wizard2.field.uniqueData', kind: 'count' },
  'baseline.passes': { label: 'wizard2.field.passes', kind: 'number' },
  'baseline.tokensPerUnit': { label: 'ui.field.tokensPerUnit', kind: 'number' },
  'data.available': { label: 'wizard2.field.availableData', kind: 'count' },
  'data.costPerUnit': { label: 'wizard2.field.dataCost', kind: 'money' },
  'sparsity.candidates': { label: 'ux.field.candidates', kind: 'percent' },
  'sparsity.includeOptimal': { label: 'wizard2.field.includeOptimal', kind: 'number' },
  'sparsity.pattern': { label: 'wizard2.field.pattern', kind: 'number' },
  'training.pricePerHour': { label: 'ui.field.trainingPrice', kind: 'money' },
  'training.peakFlops': { label: 'ui.field.trainingPeak', kind: 'count' },
  'training.utilisation': { label: 'ui.field.trainingUtilisation', kind: 'percent' },
  'training.gpus': { label: 'wizard2.field.trainingGpus', kind: 'integer' },
  'pruning.retrainData': { label: 'wizard2.field.retrainData', kind: 'count' },
  'pruning.oneShotGpuHoursPerBillion': { label: 'wizard2.field.oneShot', kind: 'number' },
  'engineering.personDays': { label: 'ui.field.personDays', kind: 'number' },
  'engineering.dayRate': { label: 'ui.field.dayRate', kind: 'money' },
  'engineering.tooling': { label: 'ui.field.tooling', kind: 'money' },
  'engineering.riskBuffer': { label: 'ui.field.riskBuffer', kind: 'percent' },
  'deployment.kind': { label: 'wizard2.field.deploymentKind', kind: 'number' },
  'deployment.unitsPerRequest': { label: 'ui.field.unitsPerRequest', kind: 'number' },
  'deployment.outputTokensPerRequest': { label: 'wizard2.field.outputTokens', kind: 'number' },
  'deployment.horizonMonths': { label: 'ui.field.horizonMonths', kind: 'integer' },
  'deployment.growthPerMonth': { label: 'wizard2.field.growthPerMonth', kind: 'percent' },
  'deployment.speedup': { label: 'wizard2.field.speedupSource', kind: 'number' },
  'deployment.speedup.source': { label: 'wizard2.field.speedupSource', kind: 'number' },
  'deployment.speedup.provider': { label: 'ux.field.provider', kind: 'number' },
  'deployment.speedup.benchmarkId': { label: 'wizard2.field.benchmark', kind: 'number' },
  'deployment.speedup.useUpperBound': { label: 'wizard2.field.upperBound', kind: 'number' },
  'deployment.speedup.publishedTarget': { label: 'wizard2.field.publishedTarget', kind: 'number' },
  'deployment.speedup.assumed': { label: 'ux.field.assumedSpeedups', kind: 'number' },
  'deployment.requestsPerDay': { label: 'ui.field.requestsPerDay', kind: 'count' },
  'deployment.pricePerHour': { label: 'ui.field.inferencePrice', kind: 'money' },
  'deployment.peakFlops': { label: 'ui.field.inferencePeak', kind: 'count' },
  'deployment.utilisation': { label: 'ui.field.inferenceUtilisation', kind: 'percent' },
  'deployment.lines': { label: 'wizard2.field.lines', kind: 'integer' },
  'deployment.steps': { label: 'wizard2.field.steps', kind: 'integer' },
  'deployment.latencyBudgetMs': { label: 'wizard2.field.latencyBudget', kind: 'number' },
  'deployment.maxUtilisation': { label: 'wizard2.field.maxUtilisation', kind: 'percent' },
  'deployment.devicePrice': { label: 'wizard2.field.devicePrice', kind: 'money' },
  'deployment.deviceLifeMonths': { label: 'wizard2.field.deviceLife', kind: 'integer' },
  'deployment.powerWatts': { label: 'wizard2.field.power', kind: 'number' },
  'deployment.electricityPrice': { label: 'wizard2.field.electricityPrice', kind: 'money' },
  'deployment.hoursPerDay': { label: 'wizard2.field.hoursPerDay', kind: 'number' },
  'deployment.throughput': { label: 'wizard2.field.throughput', kind: 'number' },
  'deployment.throughput.requestsPerSecond': { label: 'wizard2.field.throughputRate', kind: 'number' },
  'deployment.throughput.latencyMs': { label: 'wizard2.field.throughputLatency', kind: 'number' },
  'deployment.throughput.kind': { label: 'wizard2.field.throughputKind', kind: 'number' },
  'decision.discountRate': { label: 'wizard2.field.discountRate', kind: 'percent' },
  'decision.materiality': { label: 'wizard2.field.materiality', kind: 'percent' },
  'decision.qualityFloor': { label: 'wizard2.field.qualityFloor', kind: 'percent' },
  'decision.acceptLowerQuality': { label: 'wizard2.field.acceptLowerQuality', kind: 'number' },
  'uncertainty.seed': { label: 'ux.field.seed', kind: 'integer' },
  'uncertainty.draws': { label: 'ux.field.draws', kind: 'integer' },
  'uncertainty.law': { label: 'wizard2.field.lawUncertainty', kind: 'number' },
};

/** The uncertain inputs' ranges name the input they belong to (uncertainty.ranges.<input>), in its own kind. */
export const RANGE_INPUT_LABELS: Readonly<Record<string, { label: string; kind: FieldKind }>> = {
  requestsPerDay: { label: 'wizard2.field.requestsPerDay', kind: 'count' },
  growthPerMonth: { label: 'wizard2.field.growthPerMonth', kind: 'percent' },
  demandScale: { label: 'wizard2.field.demandScale', kind: 'number' },
  engineeringDays: { label: 'wizard2.field.engineeringDays', kind: 'number' },
  trainingPricePerHour: { label: 'wizard2.field.trainingPricePerHour', kind: 'money' },
  inferencePricePerHour: { label: 'wizard2.field.inferencePricePerHour', kind: 'money' },
  inferenceUtilisation: { label: 'wizard2.field.inferenceUtilisation', kind: 'percent' },
  devicePrice: { label: 'wizard2.field.devicePriceRange', kind: 'money' },
  electricityPrice: { label: 'wizard2.field.electricityPriceRange', kind: 'money' },
  retrainData: { label: 'wizard2.field.retrainDataRange', kind: 'count' },
  dataCostPerUnit: { label: 'wizard2.field.dataCostPerUnit', kind: 'money' },
};

/** Lines and planned changes are lists: their entries are named by their number ("Devices on line 3"). */
const LIST_ENTRY_LABELS: Readonly<Record<string, Readonly<Record<string, { label: string; kind: FieldKind }>>>> = {
  lines: {
    name: { label: 'wizard2.field.lineName', kind: 'number' },
    devices: { label: 'wizard2.field.lineDevices', kind: 'integer' },
    deviceAgeMonths: { label: 'wizard2.field.lineAge', kind: 'number' },
    peakRequestsPerSecond: { label: 'wizard2.field.linePeak', kind: 'number' },
  },
  steps: {
    month: { label: 'wizard2.field.stepMonth', kind: 'integer' },
    name: { label: 'wizard2.field.stepName', kind: 'number' },
    addLines: { label: 'wizard2.field.stepLines', kind: 'integer' },
    peakRequestsPerSecondPerLine: { label: 'wizard2.field.stepPeak', kind: 'number' },
  },
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
  if (keys[0] === 'deployment' && (keys[1] === 'lines' || keys[1] === 'steps') && keys.length >= 4) {
    const entry = LIST_ENTRY_LABELS[keys[1]]![keys[3]!];
    const n = Number(keys[2]) + 1;
    if (entry && Number.isInteger(n)) return { label: tr.t(entry.label, { n }), kind: entry.kind };
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
    case 'data':
    case 'architecture':
      return 'baseline';
    case 'sparsity':
      return 'hardware';
    case 'pruning':
    case 'training':
    case 'engineering':
      return 'pruning';
    case 'deployment':
      return keys[1] === 'speedup' ? 'hardware' : 'money';
    case 'decision':
      return 'money';
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

/** A number inside a schema message ("the base value 0.5", "within 0…1"). */
const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)';

/**
 * The schema's own refinements (v1 and v2), recognised by their wording, with the numbers they
 * carry. The most specific wording comes first.
 */
const CUSTOM_MESSAGES: readonly [RegExp, string][] = [
  [/at least the training data/, 'availableBelowTraining'],
  [/must not exceed the unique data available/, 'uniqueAboveAvailable'],
  [/low must not exceed high/, 'lowAboveHigh'],
  [/lognormal/, 'lognormalNeedsPositive'],
  [/at least one assumed speed-up/, 'assumedMissing'],
  [/deployment target when the source is published/, 'publishedMissing'],
  [/must not repeat a sparsity/, 'repeatSparsity'],
  [/must not exceed the assumed value/, 'assumedLowAbove'],
  [/must not be below the assumed value/, 'assumedHighBelow'],
  [/must fall inside the horizon/, 'insideHorizon'],
  [new RegExp(`must lie within ${NUMBER}…${NUMBER}`), 'rangeOutside'],
  [new RegExp(`must not exceed the base value ${NUMBER}`), 'rangeLowAboveBase'],
  [new RegExp(`must not be below the base value ${NUMBER}`), 'rangeHighBelowBase'],
  [/applies only to/, 'rangeNotApplicable'],
  [/must be 0 for a vision model/, 'zeroForVision'],
  [/must be encoder for a vision model/, 'encoderForVision'],
  [/for this model family/, 'wrongUnit'],
  [/counted in tokens/, 'tokensPerToken'],
];

interface MessageKey {
  key: string;
  limit?: number;
  /** The two ends of an allowed span ("must lie within 0…1"). */
  span?: [number, number];
}

function messageKey(issue: SchemaIssue): MessageKey {
  const limitOf = (v: number | bigint | undefined) => (v === undefined ? undefined : Number(v));
  if (issue.params?.key) {
    const limit = typeof issue.params.limit === 'number' ? issue.params.limit : undefined;
    return { key: issue.params.key, ...(limit !== undefined ? { limit } : {}) };
  }
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
      for (const [pattern, key] of CUSTOM_MESSAGES) {
        const match = pattern.exec(issue.message);
        if (!match) continue;
        const numbers = match.slice(1).map(Number).filter(Number.isFinite);
        if (numbers.length === 2) return { key, span: [numbers[0]!, numbers[1]!] };
        if (numbers.length === 1) return { key, limit: numbers[0]! };
        return { key };
      }
      return { key: 'check' };
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
  const { key, limit, span } = messageKey(issue);
  const integerLimit = key === 'atLeastItems' || key === 'atMostItems' || key === 'tooLong';
  const inKind = (v: number) => (key === 'aboveBound' ? tr.times(v) : limitText(field.kind, v, tr, currency));
  const limitWords = limit === undefined ? '' : integerLimit ? String(limit) : inKind(limit);
  const examples = tr.t(`ux.examples.${field.kind}`);
  const words = {
    field: field.label,
    limit: limitWords,
    other,
    examples,
    low: span ? inKind(span[0]) : '',
    high: span ? inKind(span[1]) : '',
    defaultValue: '',
  };
  // The v1 texts live under ux.issue, the v2 ones under wizard2.issue.
  const known = tr.t(`ux.issue.${key}`, words) || tr.t(`wizard2.issue.${key}`, words);
  return { field: field.label, message: known || tr.t('ux.issue.check', { field: field.label }) };
}
