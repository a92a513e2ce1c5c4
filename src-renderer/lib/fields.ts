/**
 * The scenario's numeric inputs as the wizard shows them: where each lives in the scenario,
 * on which page, and how people type it (counts with suffixes, percentages, money).
 */
import type { Scenario, Source } from '../../src-main/core/roi/scenario.js';
import { parseQuantity } from '../../src-main/core/quantity.js';

export const STEPS = ['start', 'data', 'hardware', 'pruning', 'money', 'check', 'result'] as const;
export type StepId = (typeof STEPS)[number];

export type FieldKind = 'count' | 'number' | 'integer' | 'percent' | 'money';

export interface FieldSpec {
  id: string;
  path: readonly string[];
  label: string;
  kind: FieldKind;
  step: StepId;
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
  { id: 'params', path: ['baseline', 'params'], label: 'params', kind: 'count', step: 'data' },
  { id: 'trainingData', path: ['baseline', 'trainingData'], label: 'trainingData', kind: 'count', step: 'data' },
  { id: 'availableData', path: ['baseline', 'availableData'], label: 'availableData', kind: 'count', step: 'data' },
  { id: 'tokensPerUnit', path: ['baseline', 'tokensPerUnit'], label: 'tokensPerUnit', kind: 'number', step: 'data', visible: vision },
  { id: 'retrainFraction', path: ['pruning', 'retrainFraction'], label: 'retrainFraction', kind: 'percent', step: 'pruning', visible: retraining },
  { id: 'trainingPrice', path: ['training', 'pricePerHour'], label: 'trainingPrice', kind: 'money', step: 'pruning' },
  { id: 'trainingPeak', path: ['training', 'peakFlops'], label: 'trainingPeak', kind: 'count', step: 'pruning' },
  { id: 'trainingUtilisation', path: ['training', 'utilisation'], label: 'trainingUtilisation', kind: 'percent', step: 'pruning' },
  { id: 'personDays', path: ['engineering', 'personDays'], label: 'personDays', kind: 'number', step: 'pruning' },
  { id: 'dayRate', path: ['engineering', 'dayRate'], label: 'dayRate', kind: 'money', step: 'pruning' },
  { id: 'tooling', path: ['engineering', 'tooling'], label: 'tooling', kind: 'money', step: 'pruning' },
  { id: 'riskBuffer', path: ['engineering', 'riskBuffer'], label: 'riskBuffer', kind: 'percent', step: 'pruning' },
  { id: 'requestsPerDay', path: ['deployment', 'requestsPerDay'], label: 'requestsPerDay', kind: 'count', step: 'money' },
  { id: 'unitsPerRequest', path: ['deployment', 'unitsPerRequest'], label: 'unitsPerRequest', kind: 'number', step: 'money' },
  { id: 'growthPerMonth', path: ['deployment', 'growthPerMonth'], label: 'growthPerMonth', kind: 'percent', step: 'money' },
  { id: 'horizonMonths', path: ['deployment', 'horizonMonths'], label: 'horizonMonths', kind: 'integer', step: 'money' },
  { id: 'inferencePrice', path: ['deployment', 'pricePerHour'], label: 'inferencePrice', kind: 'money', step: 'money' },
  { id: 'inferencePeak', path: ['deployment', 'peakFlops'], label: 'inferencePeak', kind: 'count', step: 'money' },
  { id: 'inferenceUtilisation', path: ['deployment', 'utilisation'], label: 'inferenceUtilisation', kind: 'percent', step: 'money' },
];

export function quantityAt(scenario: Scenario, path: readonly string[]): QuantityLike {
  let node: unknown = scenario;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as QuantityLike;
}

/** The number shown in the input box: percentages as 0–100. */
export function displayValue(kind: FieldKind, value: number): string {
  if (kind === 'percent') return String(Number((value * 100).toPrecision(10)));
  if (kind === 'count' && Math.abs(value) >= 1e6) return value.toExponential().replace('e+', 'e');
  return String(value);
}

/** Reads what was typed; throws an InputError naming the field when it is not a number. */
export function parseInput(kind: FieldKind, field: string, text: string): number {
  const value = parseQuantity(field, text);
  return kind === 'percent' ? value / 100 : value;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function userSource(): Source {
  return { kind: 'user', note: '', date: today() };
}
