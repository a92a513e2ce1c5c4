/**
 * The uncertainty range of each input: the user's, or a stated default, always in the input's own
 * unit and always containing its base value. Speed-ups are not here: each speed-up carries its own
 * range in absolute × (measured spread, published range or the user's), clipped to the physical bound.
 */
import type { CostInputs } from './costs.js';
import { baseValueOf, rangeApplies, UNCERTAIN_INPUTS, type InputRange, type Scenario, type UncertainInput } from './scenario.js';

export interface EffectiveRange extends InputRange {
  input: UncertainInput;
  base: number;
  origin: 'user' | 'default';
}

export const DEFAULT_RANGE_NOTE =
  'Sparsity Advisor default spread (2026-11-29): ±20 % on prices, 0.5–1.5× on volume and demand, 0.8–1.5× on engineering days ' +
  '(optimism bias), ±0.02/month on growth, 0.75–1.25× on deployment utilisation, 0.5–2× on retraining data and on the data price';

function defaultRange(input: UncertainInput, base: number): Omit<EffectiveRange, 'input' | 'base' | 'origin' | 'distribution'> | null {
  switch (input) {
    case 'requestsPerDay':
    case 'demandScale':
      return { low: base * 0.5, high: base * 1.5 };
    case 'growthPerMonth':
      return { low: Math.max(-0.5, base - 0.02), high: Math.min(1, base + 0.02) };
    case 'engineeringDays':
      return { low: base * 0.8, high: base * 1.5 };
    case 'trainingPricePerHour':
    case 'inferencePricePerHour':
    case 'devicePrice':
    case 'electricityPrice':
      return { low: base * 0.8, high: base * 1.2 };
    case 'inferenceUtilisation':
      return { low: base * 0.75, high: Math.min(1, base * 1.25) };
    case 'retrainData':
    case 'dataCostPerUnit':
      return base > 0 ? { low: base * 0.5, high: base * 2 } : null;
  }
}

export function effectiveRanges(scenario: Scenario): EffectiveRange[] {
  const ranges: EffectiveRange[] = [];
  for (const input of UNCERTAIN_INPUTS) {
    if (!rangeApplies(input, scenario).ok) continue;
    const base = baseValueOf(input, scenario);
    const given = scenario.uncertainty.ranges[input];
    if (given) {
      ranges.push({ ...given, input, base, origin: 'user' });
      continue;
    }
    const fallback = defaultRange(input, base);
    if (fallback && fallback.high > fallback.low) ranges.push({ ...fallback, input, base, distribution: 'triangular', origin: 'default' });
  }
  return ranges;
}

/** A copy of the inputs with one uncertain input set to `value`. */
export function withInput(x: CostInputs, input: UncertainInput, value: number): CostInputs {
  const y = copyInputs(x);
  setInput(y, input, value);
  return y;
}

/** A copy deep enough that setInput on it never touches `x`. */
export function copyInputs(x: CostInputs): CostInputs {
  return { ...x, metered: x.metered ? { ...x.metered } : null, fleet: x.fleet ? { ...x.fleet } : null };
}

/** Sets one uncertain input in place (the Monte Carlo reuses one working copy for every draw). */
export function setInput(y: CostInputs, input: UncertainInput, value: number): void {
  switch (input) {
    case 'requestsPerDay':
    case 'inferencePricePerHour':
    case 'inferenceUtilisation':
      if (y.metered) y.metered[input] = value;
      return;
    case 'growthPerMonth':
      y.growthPerMonth = value;
      if (y.fleet) y.fleet.growthPerMonth = value;
      return;
    case 'demandScale':
    case 'devicePrice':
    case 'electricityPrice':
      if (y.fleet) y.fleet[input] = value;
      return;
    case 'engineeringDays':
    case 'trainingPricePerHour':
    case 'retrainData':
    case 'dataCostPerUnit':
      y[input] = value;
      return;
  }
}
