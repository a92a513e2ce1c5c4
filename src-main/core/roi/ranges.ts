/**
 * The uncertainty range of each input: the user's, or a stated default. Ranges are in the
 * input's own unit, except the speed-up, whose range is a factor on the resolved speed-up
 * (1 = as measured or assumed).
 */
import type { CostInputs } from './costs.js';
import type { InputRange, Scenario, UncertainInput } from './scenario.js';
import type { ResolvedSpeedup } from './speedups.js';

export interface EffectiveRange extends InputRange {
  input: UncertainInput;
  base: number;
  origin: 'user' | 'default' | 'measured';
}

/** Which CostInputs field each uncertain input drives. */
export const INPUT_FIELD: Record<UncertainInput, keyof CostInputs> = {
  requestsPerDay: 'requestsPerDay',
  growthPerMonth: 'growthPerMonth',
  speedup: 'speedupFactor',
  engineeringDays: 'engineeringDays',
  trainingPricePerHour: 'trainingPricePerHour',
  inferencePricePerHour: 'inferencePricePerHour',
  inferenceUtilisation: 'inferenceUtilisation',
  retrainFraction: 'retrainFraction',
};

export const DEFAULT_RANGE_NOTE =
  'Sparsity Advisor default spread (2026-11-27): ±20 % on prices, 0.5–1.5× on volume, 0.8–1.5× on engineering days (optimism bias), ' +
  '±0.02/month on growth, 0.75–1.25× on deployment utilisation, 0.5× to the larger of 1.5× and a full re-run on retraining length, ' +
  'and on the speed-up the measured p10–p90 spread widened to at least ±10 % (±25 % when assumed)';

function defaultRange(input: UncertainInput, x: CostInputs, speedup: ResolvedSpeedup): EffectiveRange | null {
  const base = x[INPUT_FIELD[input]] as number;
  const make = (low: number, high: number, origin: EffectiveRange['origin'] = 'default'): EffectiveRange => ({
    input, base, low, high, distribution: 'triangular', origin,
  });
  switch (input) {
    case 'requestsPerDay':
      return make(base * 0.5, base * 1.5);
    case 'growthPerMonth':
      return make(Math.max(-0.5, base - 0.02), base + 0.02);
    case 'speedup': {
      if (speedup.kind === 'assumed') return make(0.75, 1.25);
      // The measured p10/p90 spread, but never narrower than ±10 %: timings drift between runs.
      const low = Math.min(0.9, speedup.low / speedup.value);
      const high = Math.max(1.1, speedup.high / speedup.value);
      return make(low, high, 'measured');
    }
    case 'engineeringDays':
      return make(base * 0.8, base * 1.5);
    case 'trainingPricePerHour':
    case 'inferencePricePerHour':
      return make(base * 0.8, base * 1.2);
    case 'inferenceUtilisation':
      return make(base * 0.75, Math.min(1, base * 1.25));
    case 'retrainFraction':
      return x.route === 'prune-retrain' ? make(base * 0.5, Math.max(1, base * 1.5)) : null;
  }
}

export function effectiveRanges(scenario: Scenario, x: CostInputs, speedup: ResolvedSpeedup): EffectiveRange[] {
  const user = scenario.uncertainty.ranges;
  const ranges: EffectiveRange[] = [];
  for (const input of Object.keys(INPUT_FIELD) as UncertainInput[]) {
    const given = user[input];
    if (given) {
      ranges.push({ ...given, input, base: x[INPUT_FIELD[input]] as number, origin: 'user' });
      continue;
    }
    const fallback = defaultRange(input, x, speedup);
    if (fallback) ranges.push(fallback);
  }
  return ranges;
}
