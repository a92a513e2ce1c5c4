/**
 * Sensitivity of the best sparse option's savings: a tornado (each input at its low and high
 * value, the others at base) and switching values (HM Treasury Green Book: the value an input
 * would need for the option to stop paying, others at base).
 */
import type { CostInputs } from './costs.js';
import type { ModelOption } from './options.js';
import { INPUT_FIELD, type EffectiveRange } from './ranges.js';
import { savingsOf } from './savings.js';
import type { UncertainInput } from './scenario.js';

export interface TornadoBar {
  input: UncertainInput;
  low: number;
  high: number;
  base: number;
  origin: EffectiveRange['origin'];
  savingsAtLow: number;
  savingsAtHigh: number;
  swing: number;
}

export function tornado(option: ModelOption, baseline: ModelOption, x: CostInputs, ranges: EffectiveRange[]): TornadoBar[] {
  return ranges
    .map((range) => {
      const field = INPUT_FIELD[range.input];
      const at = (value: number) => savingsOf(option, baseline, { ...x, [field]: value });
      const savingsAtLow = at(range.low);
      const savingsAtHigh = at(range.high);
      return {
        input: range.input, low: range.low, high: range.high, base: range.base, origin: range.origin,
        savingsAtLow, savingsAtHigh, swing: Math.abs(savingsAtHigh - savingsAtLow),
      };
    })
    .sort((a, b) => b.swing - a.swing);
}

export type SwitchingInput =
  | 'requestsPerDay'
  | 'horizonMonths'
  | 'speedup'
  | 'engineeringDays'
  | 'trainingPricePerHour'
  | 'inferencePricePerHour'
  | 'growthPerMonth'
  | 'retrainFraction';

export interface SwitchingValue {
  input: SwitchingInput;
  base: number;
  /** The nearest value at which savings cross zero, or null when none in the searched domain does. */
  value: number | null;
  /** The verdict flips when the input goes above (or below) the value. */
  flipsWhen: 'above' | 'below' | null;
  domain: [number, number];
}

interface SwitchSpec {
  input: SwitchingInput;
  field: keyof CostInputs;
  domain: (base: number) => [number, number];
  logScale: boolean;
  integer?: boolean;
  /** Converts the searched CostInputs value to the value people read (speed-up: factor → ×). */
  display?: (fieldValue: number) => number;
}

export function switchingValues(option: ModelOption, baseline: ModelOption, x: CostInputs): SwitchingValue[] {
  const specs: SwitchSpec[] = [
    { input: 'requestsPerDay', field: 'requestsPerDay', domain: (b) => [Math.max(b, 1) / 1e6, Math.max(b, 1) * 1e6], logScale: true },
    { input: 'horizonMonths', field: 'horizonMonths', domain: () => [1, 240], logScale: false, integer: true },
    {
      input: 'speedup', field: 'speedupFactor', domain: () => [1e-3, 1e3], logScale: true,
      display: (factor) => factor * option.speedup.value,
    },
    { input: 'engineeringDays', field: 'engineeringDays', domain: (b) => [0, Math.max(b, 1) * 1000], logScale: false },
    { input: 'trainingPricePerHour', field: 'trainingPricePerHour', domain: (b) => [0, Math.max(b, 1) * 1000], logScale: false },
    { input: 'inferencePricePerHour', field: 'inferencePricePerHour', domain: (b) => [0, Math.max(b, 1) * 1000], logScale: false },
    { input: 'growthPerMonth', field: 'growthPerMonth', domain: () => [-0.5, 2], logScale: false },
  ];
  if (x.route === 'prune-retrain') {
    specs.push({ input: 'retrainFraction', field: 'retrainFraction', domain: () => [0, 5], logScale: false });
  }
  return specs.map((spec) => {
    const base = x[spec.field] as number;
    const [lo, hi] = spec.domain(base);
    const at = (v: number) => savingsOf(option, baseline, { ...x, [spec.field]: spec.integer ? Math.round(v) : v });
    const toAxis = (v: number) => (spec.logScale ? Math.log(v) : v);
    const fromAxis = (v: number) => (spec.logScale ? Math.exp(v) : v);
    const display = (v: number) => (spec.display ? spec.display(v) : v);
    const steps = spec.integer ? hi - lo : 200;
    // A zero base (e.g. no inference volume) has no logarithm: search from the domain's low end.
    const start = spec.logScale && base <= 0 ? lo : base;
    const baseSign = Math.sign(at(start));
    // Walk outward from the base value in both directions to the nearest sign change.
    let found: { value: number; flipsWhen: 'above' | 'below' } | null = null;
    let nearest = Infinity;
    for (const [from, to] of [[toAxis(start), toAxis(hi)], [toAxis(start), toAxis(lo)]] as const) {
      let previous = from;
      for (let i = 1; i <= steps; i++) {
        const point = from + ((to - from) * i) / steps;
        if (Math.sign(at(fromAxis(point))) !== baseSign) {
          let a = previous;
          let b = point;
          for (let k = 0; k < 60 && !spec.integer; k++) {
            const mid = (a + b) / 2;
            if (Math.sign(at(fromAxis(mid))) === baseSign) a = mid;
            else b = mid;
          }
          const value = spec.integer ? Math.round(fromAxis(b)) : fromAxis((a + b) / 2);
          const distance = Math.abs(toAxis(value) - toAxis(start));
          if (distance < nearest) {
            nearest = distance;
            found = { value, flipsWhen: value > start ? 'above' : 'below' };
          }
          break;
        }
        previous = point;
      }
    }
    return {
      input: spec.input,
      base: display(base),
      value: found ? display(found.value) : null,
      flipsWhen: found ? found.flipsWhen : null,
      domain: [display(lo), display(hi)],
    };
  });
}
