/**
 * Sensitivity of the decision, measured against the recommended action: the tornado (each input at
 * its low and high value, the others at base) and switching values (HM Treasury Green Book: the value
 * an input would need for the decision to flip, others at base). The quantity is always the advantage
 * of the best sparse option over the best non-sparse one, so "what would change the decision" answers
 * the question the manager has, not a comparison with a baseline nobody recommends.
 */
import { withHorizon, type CostInputs } from './costs.js';
import { drawCost } from './montecarlo.js';
import type { ModelOption } from './options.js';
import { withInput, type EffectiveRange } from './ranges.js';
import { INPUT_DOMAINS, type UncertainInput } from './scenario.js';

/** The two options the decision is between: the best sparse one and the best non-sparse one. */
export interface Comparison {
  sparse: ModelOption;
  other: ModelOption;
  baseFlops: number;
}

/** Cost(other) − cost(sparse): above 0, sparsity wins. */
export function advantage(c: Comparison, x: CostInputs, sparseSpeedup = c.sparse.speedup.value): number {
  return drawCost(c.other, x, 1, 1, c.baseFlops) - drawCost(c.sparse, x, 1, sparseSpeedup, c.baseFlops);
}

export interface TornadoBar {
  input: UncertainInput;
  low: number;
  high: number;
  base: number;
  origin: EffectiveRange['origin'];
  advantageAtLow: number;
  advantageAtHigh: number;
  swing: number;
}

export function tornado(c: Comparison, x: CostInputs, ranges: readonly EffectiveRange[]): TornadoBar[] {
  return ranges
    .map((range) => {
      const advantageAtLow = advantage(c, withInput(x, range.input, range.low));
      const advantageAtHigh = advantage(c, withInput(x, range.input, range.high));
      return {
        input: range.input, low: range.low, high: range.high, base: range.base, origin: range.origin,
        advantageAtLow, advantageAtHigh, swing: Math.abs(advantageAtHigh - advantageAtLow),
      };
    })
    .sort((a, b) => b.swing - a.swing);
}

export type SwitchingInput = UncertainInput | 'horizonMonths' | 'speedup';

export interface SwitchingValue {
  input: SwitchingInput;
  base: number;
  /** The nearest value at which the decision flips, or null when none in the searched domain does. */
  value: number | null;
  /** The decision flips when the input goes above (or below) the value. */
  flipsWhen: 'above' | 'below' | null;
  domain: [number, number];
  /** For the speed-up: the flip lies above the physical bound, so no hardware can reach it. */
  beyondPhysicalBound: boolean;
}

interface SwitchSpec {
  input: SwitchingInput;
  base: number;
  domain: [number, number];
  logScale: boolean;
  integer?: boolean;
  at: (value: number) => number;
}

/**
 * The nearest flip on either side of the base value: a coarse walk outward to the first sign change,
 * then bisection (on whole numbers for integer inputs).
 */
function search(spec: SwitchSpec): { value: number; flipsWhen: 'above' | 'below' } | null {
  const [lo, hi] = spec.domain;
  const toAxis = (v: number) => (spec.logScale ? Math.log(v) : v);
  const fromAxis = (v: number) => (spec.logScale ? Math.exp(v) : v);
  // Floating point may step a hair outside the domain at its ends; the inputs refuse that.
  const round = (v: number) => Math.min(hi, Math.max(lo, spec.integer ? Math.round(v) : v));
  const start = spec.logScale && spec.base <= 0 ? lo : Math.min(Math.max(spec.base, lo), hi);
  const baseSign = Math.sign(spec.at(start));
  const steps = 40;
  let found: { value: number; flipsWhen: 'above' | 'below' } | null = null;
  let nearest = Infinity;
  for (const end of [hi, lo]) {
    const from = toAxis(start);
    const to = toAxis(end);
    let previous = from;
    for (let i = 1; i <= steps; i++) {
      const point = from + ((to - from) * i) / steps;
      if (Math.sign(spec.at(round(fromAxis(point)))) === baseSign) {
        previous = point;
        continue;
      }
      let a = previous;
      let b = point;
      for (let k = 0; k < 50; k++) {
        if (spec.integer && Math.abs(Math.round(fromAxis(a)) - Math.round(fromAxis(b))) <= 1) break;
        const mid = (a + b) / 2;
        if (Math.sign(spec.at(round(fromAxis(mid)))) === baseSign) a = mid;
        else b = mid;
      }
      const flip = round(spec.integer ? fromAxis(b) : fromAxis((a + b) / 2));
      const distance = Math.abs(toAxis(flip) - toAxis(start));
      if (distance < nearest) {
        nearest = distance;
        found = { value: flip, flipsWhen: flip > start ? 'above' : 'below' };
      }
      break;
    }
  }
  return found;
}

export function switchingValues(c: Comparison, x: CostInputs, inputs: readonly UncertainInput[]): SwitchingValue[] {
  const specs: SwitchSpec[] = [];
  const sparse = c.sparse.speedup;
  specs.push({
    input: 'speedup', base: sparse.value, domain: [1e-2, Math.max(1000, sparse.bound * 10)], logScale: true,
    at: (v) => advantage(c, x, v),
  });
  specs.push({
    input: 'horizonMonths', base: x.horizonMonths, domain: [1, 240], logScale: false, integer: true,
    at: (v) => advantage(c, withHorizon(x, v)),
  });
  for (const input of inputs) {
    const base = valueOf(x, input);
    // Search within the input's own physical domain (scenario.ts), at most 1e4 times away from its base.
    const limits = INPUT_DOMAINS[input];
    const linear = input === 'growthPerMonth' || input === 'engineeringDays' || input === 'dataCostPerUnit' || input === 'retrainData' || input === 'inferenceUtilisation';
    const low = linear ? limits.min : Math.max(limits.min, Math.max(base, 1e-9) / 1e4, 1e-12);
    const high = Math.min(limits.max, linear && input !== 'growthPerMonth' && input !== 'inferenceUtilisation' ? Math.max(base, 1) * 1e3 : Math.max(base, 1) * 1e4);
    const domain: [number, number] = [input === 'inferenceUtilisation' ? 1e-3 : low, high];
    specs.push({ input, base, domain, logScale: !linear, at: (v) => advantage(c, withInput(x, input, v)) });
  }
  return specs.map((spec) => {
    const found = search(spec);
    return {
      input: spec.input,
      base: spec.base,
      value: found?.value ?? null,
      flipsWhen: found?.flipsWhen ?? null,
      domain: spec.domain,
      beyondPhysicalBound: spec.input === 'speedup' && found !== null && found.value > sparse.bound,
    };
  });
}

/** The current value of an uncertain input in the flat inputs. */
export function valueOf(x: CostInputs, input: UncertainInput): number {
  switch (input) {
    case 'requestsPerDay':
      return x.metered?.requestsPerDay ?? 0;
    case 'inferencePricePerHour':
      return x.metered?.inferencePricePerHour ?? 0;
    case 'inferenceUtilisation':
      return x.metered?.inferenceUtilisation ?? 0;
    case 'demandScale':
      return x.fleet?.demandScale ?? 1;
    case 'devicePrice':
      return x.fleet?.devicePrice ?? 0;
    case 'electricityPrice':
      return x.fleet?.electricityPrice ?? 0;
    case 'growthPerMonth':
      return x.growthPerMonth;
    case 'engineeringDays':
      return x.engineeringDays;
    case 'trainingPricePerHour':
      return x.trainingPricePerHour;
    case 'retrainData':
      return x.retrainData;
    case 'dataCostPerUnit':
      return x.dataCostPerUnit;
  }
}

/**
 * The input whose lopsided range moves the median of the sparse advantage most in `direction` (±1):
 * each range's centre (the mean of a triangular range, the geometric mean of a lognormal one) against
 * its base, times the advantage's slope across the range (from the tornado). It says why a median can
 * differ from the base case; the memo's page 1 and the result page both name it.
 */
export function lopsidedInput(bars: readonly TornadoBar[], ranges: readonly EffectiveRange[], direction: number): TornadoBar | null {
  let best: { shift: number; bar: TornadoBar } | null = null;
  for (const bar of bars) {
    const range = ranges.find((x) => x.input === bar.input);
    if (!range || !(bar.high > bar.low)) continue;
    const centre = range.distribution === 'lognormal' ? Math.sqrt(bar.low * bar.high) : (bar.low + bar.base + bar.high) / 3;
    const shift = ((centre - bar.base) / (bar.high - bar.low)) * (bar.advantageAtHigh - bar.advantageAtLow);
    if (Math.sign(shift) !== direction || (best && Math.abs(shift) <= Math.abs(best.shift))) continue;
    best = { shift, bar };
  }
  return best?.bar ?? null;
}
