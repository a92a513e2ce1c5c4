/**
 * A fleet of owned devices (line PCs) planned month by month for one option: how many devices each
 * line needs to carry its peak demand, when it runs out, what is bought when and why, and the
 * discounted capital, power and residual value. The decision engine calls `planFleet` once per option
 * and `planFleetTotal` in every Monte Carlo draw; both run one simulation, so their totals are equal.
 * Inputs are checked first and the totals last, so no NaN or Infinity ever reaches a result.
 */
import type { FleetDeployment } from './scenario.js';
import { InputError } from '../input.js';

/** Flat numbers, so the Monte Carlo can vary them. */
export interface FleetInputs {
  lines: { devices: number; deviceAgeMonths: number; peakRequestsPerSecond: number }[];
  steps: { month: number; addLines: number; peakRequestsPerSecondPerLine: number }[];
  /** Compound, applies to every line's demand (new lines grow from their start month). */
  growthPerMonth: number;
  /** Multiplies all demand (1 at base). */
  demandScale: number;
  horizonMonths: number;
  /** Plan devices to this share of their throughput. */
  maxUtilisation: number;
  /** Purchase plus installation, currency per device. */
  devicePrice: number;
  /** A device reaching this age is replaced if still needed. */
  deviceLifeMonths: number;
  powerWatts: number;
  /** Currency per kWh. */
  electricityPrice: number;
  hoursPerDay: number;
  /**
   * (1 + yearly rate)^(1/12) − 1. Cash in month t is discounted by (1+r)^-(t+1), purchases at the
   * start of month t by (1+r)^-t.
   */
  monthlyDiscount: number;
}

export interface FleetPerformance {
  /** This option's per-device throughput. */
  requestsPerSecondPerDevice: number;
  /** This option's latency for one request on one device. */
  latencyMs: number;
  /**
   * Month from which this option runs (it is deployed): it serves every month t ≥ deployMonth, so
   * 2.5 means from month 3. Before that the status quo performance applies; Infinity: never deployed.
   */
  deployMonth: number;
  statusQuo: { requestsPerSecondPerDevice: number };
}

export type PurchaseReason = 'capacity' | 'new-line' | 'replacement';
export type FleetWarning = 'out-of-capacity-at-start' | 'latency-budget-missed';

export interface FleetPurchase {
  month: number;
  line: number;
  devices: number;
  reason: PurchaseReason;
}

export interface FleetMonth {
  month: number;
  /** Requests per second all devices in service carry at maxUtilisation. */
  capacity: number;
  /** Peak requests per second of all lines in service. */
  demand: number;
  /** Devices in service after this month's purchases. */
  devices: number;
}

export interface FleetPlan {
  meetsLatency: boolean;
  /**
   * Per line (today's lines, then lines added by steps in order): first month in which the devices it
   * has (before buying) cannot carry its peak demand at maxUtilisation; null when never within the
   * horizon. A new line's first fit-out in its start month is not a run-out.
   */
  runOutMonthByLine: (number | null)[];
  /** Sorted by month, then line; in one month and line, capacity before replacement. */
  purchases: FleetPurchase[];
  devicesBought: number;
  /** Present values. Residual: straight-line remaining value, at the horizon's end, of the devices bought within it. */
  capital: number;
  power: number;
  residual: number;
  /** capital + power − residual. */
  total: number;
  warnings: FleetWarning[];
  /** For the chart: month by month, total capacity (requests/s at maxUtilisation) and total demand. */
  monthly: FleetMonth[];
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A demand within this relative margin of a whole number of devices' capacity fits on that many, so
 * that float noise in (1 + g)^t never buys a device for 16.000000000002 requests on 8 + 8.
 */
const FIT_MARGIN = 1e-9;

/**
 * Devices a line in service needs: enough for its peak demand, and at least one (a line cannot run
 * without a PC). `devicesPerRequest` is (1 − FIT_MARGIN) / capacity per device, worked out once a month.
 */
function devicesNeeded(demand: number, devicesPerRequest: number): number {
  return Math.max(1, Math.ceil(demand * devicesPerRequest));
}

interface Bound {
  minExclusive?: boolean;
  integer?: boolean;
}

/** What is wrong with a number, or null; the field name is built only on failure (the Monte Carlo checks every draw). */
function problem(value: number, min: number, max: number, options: Bound = {}): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return `must be a number (got ${String(value)})`;
  if (!Number.isFinite(value)) return `must be a finite number (got ${value})`;
  if (options.minExclusive ? value <= min : value < min) return `must be ${options.minExclusive ? 'greater than' : 'at least'} ${min} (got ${value})`;
  if (value > max) return `must be at most ${max} (got ${value})`;
  if (options.integer && !Number.isInteger(value)) return `must be a whole number (got ${value})`;
  return null;
}

function check(field: string, value: number, min: number, max: number, options: Bound = {}): void {
  const wrong = problem(value, min, max, options);
  if (wrong !== null) throw new InputError(field, wrong);
}

function checkItem(list: string, index: number, key: string, value: number, min: number, max: number, options: Bound = {}): void {
  const wrong = problem(value, min, max, options);
  if (wrong !== null) throw new InputError(`fleet.${list}[${index}].${key}`, wrong);
}

/** The bounds keep every intermediate finite: at most 2^240 growth on 1e9 × 1e3 requests per second. */
function checkInputs(x: FleetInputs, perf: FleetPerformance): void {
  check('fleet.horizonMonths', x.horizonMonths, 1, 240, { integer: true });
  for (let i = 0; i < x.lines.length; i++) {
    const line = x.lines[i]!;
    checkItem('lines', i, 'devices', line.devices, 0, 1e7, { integer: true });
    checkItem('lines', i, 'deviceAgeMonths', line.deviceAgeMonths, 0, 1200);
    checkItem('lines', i, 'peakRequestsPerSecond', line.peakRequestsPerSecond, 0, 1e9);
  }
  for (let i = 0; i < x.steps.length; i++) {
    const step = x.steps[i]!;
    checkItem('steps', i, 'month', step.month, 0, x.horizonMonths - 1, { integer: true });
    checkItem('steps', i, 'addLines', step.addLines, 0, 1e4, { integer: true });
    checkItem('steps', i, 'peakRequestsPerSecondPerLine', step.peakRequestsPerSecondPerLine, 0, 1e9);
  }
  check('fleet.growthPerMonth', x.growthPerMonth, -1, 1, { minExclusive: true });
  check('fleet.demandScale', x.demandScale, 0, 1e3);
  check('fleet.maxUtilisation', x.maxUtilisation, 0, 1, { minExclusive: true });
  check('fleet.devicePrice', x.devicePrice, 0, 1e12);
  check('fleet.deviceLifeMonths', x.deviceLifeMonths, 1, 1200, { integer: true });
  check('fleet.powerWatts', x.powerWatts, 0, 1e6);
  check('fleet.electricityPrice', x.electricityPrice, 0, 1e6);
  check('fleet.hoursPerDay', x.hoursPerDay, 0, 24);
  check('fleet.monthlyDiscount', x.monthlyDiscount, -1, 1, { minExclusive: true });
  check('performance.requestsPerSecondPerDevice', perf.requestsPerSecondPerDevice, 0, 1e12, { minExclusive: true });
  check('performance.latencyMs', perf.latencyMs, 0, 1e9);
  if (typeof perf.deployMonth !== 'number' || Number.isNaN(perf.deployMonth) || perf.deployMonth < 0) {
    throw new InputError('performance.deployMonth', `must be a number of months ≥ 0, or Infinity for never (got ${String(perf.deployMonth)})`);
  }
  check('performance.statusQuo.requestsPerSecondPerDevice', perf.statusQuo.requestsPerSecondPerDevice, 0, 1e12, { minExclusive: true });
}

/** What planFleet records; planFleetTotal passes none, so the Monte Carlo allocates nothing per draw. */
interface Recorder {
  /** Each of `lines` lines from `firstLine` on (all alike) bought these devices in `month`. */
  buy(firstLine: number, lines: number, month: number, capacity: number, replacement: number, newLine: number): void;
  shortfall(firstLine: number, lines: number, month: number): void;
  month(month: number, capacity: number, demand: number, devices: number): void;
}

interface Totals {
  capital: number;
  power: number;
  residual: number;
}

// Scratch space reused across calls: the Monte Carlo calls planFleetTotal tens of thousands of times.
const scratch = {
  bought: new Float64Array(0),
  growth: new Float64Array(0),
  owned: new Float64Array(0),
  peakDemand: new Float64Array(0),
  initialDevices: new Float64Array(0),
  size: new Int32Array(0),
  firstLine: new Int32Array(0),
  startMonth: new Int32Array(0),
  firstRetirement: new Int32Array(0),
  /** 1 for a group of new lines from a step, 0 for today's lines. */
  added: new Int32Array(0),
};

function ensureScratch(groups: number, horizon: number): void {
  if (scratch.bought.length < groups * horizon) scratch.bought = new Float64Array(groups * horizon);
  if (scratch.growth.length < horizon) scratch.growth = new Float64Array(horizon);
  if (scratch.owned.length < groups) {
    scratch.owned = new Float64Array(groups);
    scratch.peakDemand = new Float64Array(groups);
    scratch.initialDevices = new Float64Array(groups);
    scratch.size = new Int32Array(groups);
    scratch.firstLine = new Int32Array(groups);
    scratch.startMonth = new Int32Array(groups);
    scratch.firstRetirement = new Int32Array(groups);
    scratch.added = new Int32Array(groups);
  }
}

/**
 * Splits the lines into groups of identical lines, which share every number of the plan: runs of
 * today's lines with the same devices, age and demand (a factory's lines often are), and each step's
 * `addLines` new lines. Fills the scratch arrays and returns the number of groups.
 */
function groupLines(x: FleetInputs): number {
  ensureScratch(x.lines.length + x.steps.length, x.horizonMonths);
  const { peakDemand, initialDevices, size, firstLine, startMonth, firstRetirement, added } = scratch;
  const life = x.deviceLifeMonths;
  let groups = 0;
  let line = 0;
  for (let i = 0; i < x.lines.length; i++, line++) {
    const l = x.lines[i]!;
    const previous = i > 0 ? x.lines[i - 1]! : null;
    if (previous && previous.devices === l.devices && previous.deviceAgeMonths === l.deviceAgeMonths && previous.peakRequestsPerSecond === l.peakRequestsPerSecond) {
      size[groups - 1]!++;
      continue;
    }
    peakDemand[groups] = l.peakRequestsPerSecond * x.demandScale;
    initialDevices[groups] = l.devices;
    size[groups] = 1;
    firstLine[groups] = line;
    startMonth[groups] = 0;
    // Today's devices reach the end of their life when their age reaches `life`; at once if it already has.
    firstRetirement[groups] = Math.max(0, Math.ceil(life - l.deviceAgeMonths));
    added[groups] = 0;
    groups++;
  }
  for (const step of x.steps) {
    if (step.addLines === 0) continue;
    peakDemand[groups] = step.peakRequestsPerSecondPerLine * x.demandScale;
    initialDevices[groups] = 0;
    size[groups] = step.addLines;
    firstLine[groups] = line;
    startMonth[groups] = step.month;
    firstRetirement[groups] = -1;
    added[groups] = 1;
    groups++;
    line += step.addLines;
  }
  return groups;
}

function simulate(x: FleetInputs, perf: FleetPerformance, rec: Recorder | null): Totals {
  const horizon = x.horizonMonths;
  const life = x.deviceLifeMonths;
  const groups = groupLines(x);
  // Local names for the scratch arrays: V8 optimises these loads better than property reads.
  const { bought, growth, owned, peakDemand, initialDevices, size, firstLine, startMonth, firstRetirement, added } = scratch;
  for (let g = 0; g < groups; g++) owned[g] = initialDevices[g]!;
  growth[0] = 1;
  for (let k = 1; k < horizon; k++) growth[k] = growth[k - 1]! * (1 + x.growthPerMonth);

  const powerPerDeviceMonth = (x.powerWatts / 1000) * x.hoursPerDay * DAYS_PER_MONTH * x.electricityPrice;
  let capital = 0;
  let power = 0;
  let discount = 1; // (1 + r)^-t at the start of month t
  for (let t = 0; t < horizon; t++) {
    const throughput = t >= perf.deployMonth ? perf.requestsPerSecondPerDevice : perf.statusQuo.requestsPerSecondPerDevice;
    const capacityPerDevice = throughput * x.maxUtilisation;
    const devicesPerRequest = (1 - FIT_MARGIN) / capacityPerDevice;
    let devicesBoughtNow = 0;
    let devicesInService = 0;
    let demandInService = 0;
    for (let g = 0; g < groups; g++) {
      const start = startMonth[g]!;
      if (t < start) continue;
      const count = size[g]!;
      const demand = peakDemand[g]! * growth[t - start]!;
      const need = devicesNeeded(demand, devicesPerRequest);
      const have = owned[g]!;
      const fitOut = added[g] === 1 && t === start;
      let keep = have;
      if (!fitOut) {
        // Devices reaching the end of their life this month: today's (see firstRetirement), bought ones `life` months on.
        if (t === firstRetirement[g]) keep -= initialDevices[g]!;
        if (t - life >= start) keep -= bought[g * horizon + t - life]!;
      }
      // Bought up to the need, never sold: a new line's fit-out, or growth beyond `have` and replacements.
      const buy = Math.max(0, need - keep);
      if (rec) {
        if (fitOut) rec.buy(firstLine[g]!, count, t, 0, 0, buy);
        else {
          if (need > have) rec.shortfall(firstLine[g]!, count, t);
          const forCapacity = Math.max(0, need - have);
          if (buy > 0) rec.buy(firstLine[g]!, count, t, forCapacity, buy - forCapacity, 0);
        }
      }
      bought[g * horizon + t] = buy;
      owned[g] = keep + buy;
      devicesBoughtNow += count * buy;
      devicesInService += count * (keep + buy);
      demandInService += count * demand;
    }
    capital += devicesBoughtNow * x.devicePrice * discount;
    discount /= 1 + x.monthlyDiscount;
    power += devicesInService * powerPerDeviceMonth * discount;
    rec?.month(t, devicesInService * capacityPerDevice, demandInService, devicesInService);
  }

  // `discount` is now (1 + r)^-horizon. A device bought in month t is worth (t + life − horizon) / life of its price then.
  let remaining = 0;
  for (let g = 0; g < groups; g++) {
    for (let t = Math.max(startMonth[g]!, horizon - life + 1); t < horizon; t++) remaining += size[g]! * bought[g * horizon + t]! * ((t + life - horizon) / life);
  }
  const residual = remaining * x.devicePrice * discount;
  if (!Number.isFinite(capital + power + residual)) {
    throw new InputError('fleet', 'the demand is too large for the devices’ throughput: the plan needs more devices than can be counted');
  }
  return { capital, power, residual };
}

/** The option's discounted fleet cost (capital + power − residual) without any plan details: for the Monte Carlo. */
export function planFleetTotal(x: FleetInputs, perf: FleetPerformance): number {
  checkInputs(x, perf);
  const { capital, power, residual } = simulate(x, perf, null);
  return capital + power - residual;
}

export function planFleet(x: FleetInputs, perf: FleetPerformance, latencyBudgetMs: number): FleetPlan {
  checkInputs(x, perf);
  check('fleet.latencyBudgetMs', latencyBudgetMs, 0, 1e9, { minExclusive: true });
  const lines = x.lines.length + x.steps.reduce((sum, step) => sum + step.addLines, 0);
  const runOut: (number | null)[] = new Array<number | null>(lines).fill(null);
  const purchases: FleetPurchase[] = [];
  const monthly: FleetMonth[] = [];
  let devicesBought = 0;
  const rec: Recorder = {
    buy(firstLine, count, month, capacity, replacement, newLine) {
      for (let line = firstLine; line < firstLine + count; line++) {
        if (newLine > 0) purchases.push({ month, line, devices: newLine, reason: 'new-line' });
        if (capacity > 0) purchases.push({ month, line, devices: capacity, reason: 'capacity' });
        if (replacement > 0) purchases.push({ month, line, devices: replacement, reason: 'replacement' });
      }
      devicesBought += count * (newLine + capacity + replacement);
    },
    shortfall(firstLine, count, month) {
      for (let line = firstLine; line < firstLine + count; line++) runOut[line] ??= month;
    },
    month(month, capacity, demand, devices) {
      monthly.push({ month, capacity, demand, devices });
    },
  };
  const { capital, power, residual } = simulate(x, perf, rec);
  // Groups are visited line by line within a month, so the purchases are already sorted by month, then line.
  const meetsLatency = perf.latencyMs <= latencyBudgetMs;
  const warnings: FleetWarning[] = [];
  if (runOut.slice(0, x.lines.length).some((m) => m === 0)) warnings.push('out-of-capacity-at-start');
  if (!meetsLatency) warnings.push('latency-budget-missed');
  return { meetsLatency, runOutMonthByLine: runOut, purchases, devicesBought, capital, power, residual, total: capital + power - residual, warnings, monthly };
}

/**
 * Requests per second one device sustains, from the hardware check's useful GFLOP/s and the FLOPs of
 * one request (2 · non-zeros per token · tokens per request). An estimate — MatMuls only, synthetic
 * shapes: it leaves out everything but the matrix products and was measured on shapes that are not
 * the user's model, so it must be labelled as such wherever it is shown.
 */
export function throughputFromGflops(usefulGflops: number, flopsPerRequest: number): number {
  check('usefulGflops', usefulGflops, 0, 1e12, { minExclusive: true });
  check('flopsPerRequest', flopsPerRequest, 0, 1e30, { minExclusive: true });
  return (usefulGflops * 1e9) / flopsPerRequest;
}

/** The scenario's fleet as flat numbers at base (demandScale 1); discountRate is per year. */
export function fleetInputsFrom(deployment: FleetDeployment, discountRate: number): FleetInputs {
  check('decision.discountRate', discountRate, -1, 10, { minExclusive: true });
  return {
    lines: deployment.lines.map((l) => ({ devices: l.devices, deviceAgeMonths: l.deviceAgeMonths, peakRequestsPerSecond: l.peakRequestsPerSecond })),
    steps: deployment.steps.map((s) => ({ month: s.month, addLines: s.addLines, peakRequestsPerSecondPerLine: s.peakRequestsPerSecondPerLine })),
    growthPerMonth: deployment.growthPerMonth.value,
    demandScale: 1,
    horizonMonths: deployment.horizonMonths.value,
    maxUtilisation: deployment.maxUtilisation.value,
    devicePrice: deployment.devicePrice.value,
    deviceLifeMonths: deployment.deviceLifeMonths.value,
    powerWatts: deployment.powerWatts.value,
    electricityPrice: deployment.electricityPrice.value,
    hoursPerDay: deployment.hoursPerDay.value,
    monthlyDiscount: Math.pow(1 + discountRate, 1 / 12) - 1,
  };
}
