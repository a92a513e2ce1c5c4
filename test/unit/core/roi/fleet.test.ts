import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src-main/core/input.js';
import { seededRandom, type Random } from '../../../../src-main/core/random.js';
import { defaultFleet, defaultScenario } from '../../../../src-main/core/roi/defaults.js';
import {
  fleetInputsFrom,
  planFleet,
  planFleetTotal,
  throughputFromGflops,
  type FleetInputs,
  type FleetPerformance,
} from '../../../../src-main/core/roi/fleet.js';

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * One line of 2 devices, each 10 requests/s planned at 80 % (8 requests/s, 16 for the line), demand
 * 6.25 requests/s growing 60 % a month: 6.25, 10, 16, 25.6 over four months. Month 2 fits exactly on
 * 2 devices (16 / 8; 16.000000000000004 in floating point); month 3 needs ⌈25.6 / 8⌉ = 4, so the line
 * runs out in month 3 and buys 2. No power, no discount unless a test sets them.
 */
function baseInputs(change: Partial<FleetInputs> = {}): FleetInputs {
  return {
    lines: [{ devices: 2, deviceAgeMonths: 0, peakRequestsPerSecond: 6.25 }],
    steps: [],
    growthPerMonth: 0.6,
    demandScale: 1,
    horizonMonths: 4,
    maxUtilisation: 0.8,
    devicePrice: 1000,
    deviceLifeMonths: 60,
    powerWatts: 0,
    electricityPrice: 0,
    hoursPerDay: 0,
    monthlyDiscount: 0,
    ...change,
  };
}

const statusQuo: FleetPerformance = { requestsPerSecondPerDevice: 10, latencyMs: 50, deployMonth: 0, statusQuo: { requestsPerSecondPerDevice: 10 } };
const twiceAsFast = (deployMonth = 0): FleetPerformance => ({ ...statusQuo, requestsPerSecondPerDevice: 20, latencyMs: 25, deployMonth });
const BUDGET = 100;

describe('planFleet: capacity purchases', () => {
  it('a line that runs out in month 3 buys 2 devices at month 3', () => {
    const plan = planFleet(baseInputs(), statusQuo, BUDGET);
    expect(plan.runOutMonthByLine).toEqual([3]);
    expect(plan.purchases).toEqual([{ month: 3, line: 0, devices: 2, reason: 'capacity' }]);
    expect(plan.devicesBought).toBe(2);
    expect(plan.monthly.map((m) => m.devices)).toEqual([2, 2, 2, 4]);
    expect(plan.monthly.map((m) => m.capacity)).toEqual([16, 16, 16, 32]);
    plan.monthly.forEach((m, t) => expect(m.demand).toBeCloseTo(6.25 * 1.6 ** t, 9));
    expect(plan.warnings).toEqual([]);
  });

  it('an option twice as fast buys none within the horizon: 32 requests/s carry 25.6', () => {
    const plan = planFleet(baseInputs(), twiceAsFast(), BUDGET);
    expect(plan.runOutMonthByLine).toEqual([null]);
    expect(plan.purchases).toEqual([]);
    expect(plan.devicesBought).toBe(0);
    expect(plan.capital).toBe(0);
    expect(plan.monthly.map((m) => m.capacity)).toEqual([32, 32, 32, 32]);
  });

  it('before its deploy month an option runs at the status quo throughput', () => {
    // Deployed from month 3 it carries month 3; from month 3.5 (that is, month 4) or never, month 3 still runs on the old model.
    expect(planFleet(baseInputs(), twiceAsFast(3), BUDGET).devicesBought).toBe(0);
    for (const deployMonth of [3.5, Infinity]) {
      const plan = planFleet(baseInputs(), twiceAsFast(deployMonth), BUDGET);
      expect(plan.purchases).toEqual([{ month: 3, line: 0, devices: 2, reason: 'capacity' }]);
    }
    const late = planFleet(baseInputs(), twiceAsFast(2), BUDGET);
    expect(late.monthly.map((m) => m.capacity)).toEqual([16, 16, 32, 32]);
  });

  it('a line already out of capacity at month 0 buys then and is warned about, not refused', () => {
    // 30 requests/s need ⌈30 / 8⌉ = 4 devices; the line has 2.
    const x = baseInputs({ lines: [{ devices: 2, deviceAgeMonths: 0, peakRequestsPerSecond: 30 }], growthPerMonth: 0 });
    const plan = planFleet(x, statusQuo, BUDGET);
    expect(plan.runOutMonthByLine).toEqual([0]);
    expect(plan.purchases).toEqual([{ month: 0, line: 0, devices: 2, reason: 'capacity' }]);
    expect(plan.warnings).toEqual(['out-of-capacity-at-start']);
    // Twice as fast, 2 devices carry 32: no warning.
    expect(planFleet(x, twiceAsFast(), BUDGET).warnings).toEqual([]);
  });

  it('devices are never sold: falling demand keeps the devices in service', () => {
    const x = baseInputs({ lines: [{ devices: 3, deviceAgeMonths: 0, peakRequestsPerSecond: 20 }], growthPerMonth: -0.5 });
    const plan = planFleet(x, statusQuo, BUDGET);
    expect(plan.monthly.map((m) => m.devices)).toEqual([3, 3, 3, 3]);
    expect(plan.devicesBought).toBe(0);
  });
});

describe('planFleet: identical lines', () => {
  it('three identical lines cost three times one, and each line buys and runs out on its own', () => {
    const line = { devices: 2, deviceAgeMonths: 0, peakRequestsPerSecond: 6.25 };
    const money = { powerWatts: 100, hoursPerDay: 10, electricityPrice: 0.3, monthlyDiscount: 0.01 };
    const one = planFleet(baseInputs({ ...money, lines: [line] }), statusQuo, BUDGET);
    const three = planFleet(baseInputs({ ...money, lines: [line, { ...line }, { ...line }] }), statusQuo, BUDGET);
    expect(three.total).toBeCloseTo(3 * one.total, 9);
    expect(three.residual).toBeCloseTo(3 * one.residual, 9);
    expect(three.runOutMonthByLine).toEqual([3, 3, 3]);
    expect(three.purchases).toEqual([0, 1, 2].map((l) => ({ month: 3, line: l, devices: 2, reason: 'capacity' })));
    // A different line between two alike keeps its own plan and its own number.
    const mixed = planFleet(baseInputs({ lines: [line, { ...line, peakRequestsPerSecond: 1 }, line] }), statusQuo, BUDGET);
    expect(mixed.runOutMonthByLine).toEqual([3, null, 3]);
  });
});

describe('planFleet: new lines', () => {
  // Today's line has room for everything; two new lines of 20 requests/s start in month 9 and grow 10 % a month from then.
  const x = baseInputs({
    lines: [{ devices: 10, deviceAgeMonths: 0, peakRequestsPerSecond: 10 }],
    steps: [{ month: 9, addLines: 2, peakRequestsPerSecondPerLine: 20 }],
    growthPerMonth: 0.1,
    horizonMonths: 12,
  });

  it('a new line in month 9 buys its devices at month 9 for every option', () => {
    // Status quo: ⌈20 / 8⌉ = 3 per line; twice as fast: ⌈20 / 16⌉ = 2 per line.
    for (const [perf, perLine] of [
      [statusQuo, 3],
      [twiceAsFast(), 2],
    ] as const) {
      const plan = planFleet(x, perf, BUDGET);
      const fitOut = plan.purchases.filter((p) => p.reason === 'new-line');
      expect(fitOut).toEqual([
        { month: 9, line: 1, devices: perLine, reason: 'new-line' },
        { month: 9, line: 2, devices: perLine, reason: 'new-line' },
      ]);
      expect(plan.purchases.every((p) => p.month >= 9)).toBe(true);
      expect(plan.monthly[8]!.devices).toBe(10);
      expect(plan.monthly[9]!.devices).toBe(10 + 2 * perLine);
      // Before month 9 only today's line is demand; in month 9 the new lines add 2 × 20 (today's line is at 10 · 1.1⁹).
      expect(plan.monthly[9]!.demand).toBeCloseTo(10 * 1.1 ** 9 + 40, 9);
    }
  });

  it('new lines grow from their start month and run out on their own', () => {
    // Status quo, each new line: month 10 has 22 requests/s on 3 devices (24), month 11 has 24.2 and needs 4.
    const plan = planFleet(x, statusQuo, BUDGET);
    expect(plan.runOutMonthByLine).toEqual([null, 11, 11]);
    expect(plan.purchases.filter((p) => p.reason === 'capacity')).toEqual([
      { month: 11, line: 1, devices: 1, reason: 'capacity' },
      { month: 11, line: 2, devices: 1, reason: 'capacity' },
    ]);
    expect(plan.devicesBought).toBe(8);
  });

  it('a step with no lines adds nothing, and the lines after it keep their numbers', () => {
    const steps = [
      { month: 2, addLines: 0, peakRequestsPerSecondPerLine: 50 },
      { month: 9, addLines: 2, peakRequestsPerSecondPerLine: 20 },
    ];
    const plan = planFleet({ ...x, steps }, statusQuo, BUDGET);
    expect(plan.runOutMonthByLine).toHaveLength(3);
    expect(plan.purchases.filter((p) => p.reason === 'new-line').map((p) => p.line)).toEqual([1, 2]);
  });
});

describe('planFleet: replacement at end of life', () => {
  it('devices reaching their life are replaced in that month', () => {
    // 2 devices aged 10 months with a 12-month life, constant demand of 16: they are replaced in month 2, and those in month 14.
    const x = baseInputs({
      lines: [{ devices: 2, deviceAgeMonths: 10, peakRequestsPerSecond: 16 }],
      growthPerMonth: 0,
      horizonMonths: 20,
      deviceLifeMonths: 12,
    });
    const plan = planFleet(x, statusQuo, BUDGET);
    expect(plan.purchases).toEqual([
      { month: 2, line: 0, devices: 2, reason: 'replacement' },
      { month: 14, line: 0, devices: 2, reason: 'replacement' },
    ]);
    expect(plan.runOutMonthByLine).toEqual([null]);
    expect(plan.monthly.every((m) => m.devices === 2)).toBe(true);
  });

  it('devices past their life today are replaced at month 0', () => {
    const x = baseInputs({ lines: [{ devices: 2, deviceAgeMonths: 70, peakRequestsPerSecond: 10 }], growthPerMonth: 0 });
    const plan = planFleet(x, statusQuo, BUDGET);
    expect(plan.purchases).toEqual([{ month: 0, line: 0, devices: 2, reason: 'replacement' }]);
    expect(plan.warnings).toEqual([]);
  });

  it('only the devices still needed are replaced', () => {
    // 16 requests/s halve every month: month 2 needs 1 device (4 requests/s) when both (life 2) reach their end.
    const x = baseInputs({ lines: [{ devices: 2, deviceAgeMonths: 0, peakRequestsPerSecond: 16 }], growthPerMonth: -0.5, deviceLifeMonths: 2 });
    const plan = planFleet(x, statusQuo, BUDGET);
    expect(plan.purchases).toEqual([{ month: 2, line: 0, devices: 1, reason: 'replacement' }]);
    expect(plan.monthly.map((m) => m.devices)).toEqual([2, 2, 1, 1]);
  });

  it('growth and end of life in one month: capacity first, then replacement', () => {
    // Life 3: the 2 devices end in month 3, when 25.6 requests/s need 4: 2 more for capacity, 2 to replace.
    const plan = planFleet(baseInputs({ deviceLifeMonths: 3 }), statusQuo, BUDGET);
    expect(plan.purchases).toEqual([
      { month: 3, line: 0, devices: 2, reason: 'capacity' },
      { month: 3, line: 0, devices: 2, reason: 'replacement' },
    ]);
    expect(plan.monthly[3]!.devices).toBe(4);
    expect(plan.devicesBought).toBe(4);
  });
});

describe('planFleet: money', () => {
  // 100 W for 10 hours a day at 0.3 per kWh: 0.1 · 10 · 30.4375 · 0.3 = 9.13125 per device-month.
  const powered = (change: Partial<FleetInputs> = {}) => baseInputs({ powerWatts: 100, hoursPerDay: 10, electricityPrice: 0.3, ...change });
  const perDeviceMonth = 0.1 * 10 * DAYS_PER_MONTH * 0.3;

  it('at a 0 % discount rate the present values are plain sums', () => {
    const plan = planFleet(powered(), statusQuo, BUDGET);
    expect(perDeviceMonth).toBeCloseTo(9.13125, 9);
    expect(plan.capital).toBe(2 * 1000);
    // Devices in service: 2, 2, 2, 4 = 10 device-months.
    expect(plan.power).toBeCloseTo(10 * 9.13125, 9);
    // The 2 devices bought in month 3 are 1 month old at the horizon's end (month 4): 59/60 of their price remains.
    expect(plan.residual).toBeCloseTo(2 * 1000 * (59 / 60), 9);
    expect(plan.total).toBeCloseTo(2000 + 91.3125 - 2000 * (59 / 60), 9);
  });

  it('discounts purchases from the start of their month, power from its end, residual from the horizon', () => {
    const r = 0.01;
    const plan = planFleet(powered({ monthlyDiscount: r }), statusQuo, BUDGET);
    expect(plan.capital).toBeCloseTo(2000 / 1.01 ** 3, 9);
    const power = [2, 2, 2, 4].reduce((sum, devices, t) => sum + (devices * perDeviceMonth) / 1.01 ** (t + 1), 0);
    expect(plan.power).toBeCloseTo(power, 9);
    expect(plan.residual).toBeCloseTo((2000 * (59 / 60)) / 1.01 ** 4, 9);
    expect(plan.total).toBeCloseTo(plan.capital + plan.power - plan.residual, 9);
  });

  it('residual value is straight-line on devices bought within the horizon, none for today’s or expired ones', () => {
    // Life 12, horizon 20: today's 2 devices (age 10) are replaced in month 2 and those again in month 14;
    // the month-14 devices are 6 months old at month 20: half their price remains.
    const x = powered({
      lines: [{ devices: 2, deviceAgeMonths: 10, peakRequestsPerSecond: 16 }],
      growthPerMonth: 0,
      horizonMonths: 20,
      deviceLifeMonths: 12,
    });
    const plan = planFleet(x, statusQuo, BUDGET);
    expect(plan.residual).toBeCloseTo(2 * 1000 * 0.5, 9);
    // A horizon of 14 ends as the month-2 devices reach their life: nothing remains.
    expect(planFleet({ ...x, horizonMonths: 14 }, statusQuo, BUDGET).residual).toBe(0);
    // With no purchases at all there is no residual: today's devices were bought before and are not counted.
    expect(planFleet({ ...x, horizonMonths: 2 }, statusQuo, BUDGET).residual).toBe(0);
  });

  it('the faster option saves the purchases it avoids', () => {
    const slow = planFleet(powered(), statusQuo, BUDGET);
    const fast = planFleet(powered(), twiceAsFast(), BUDGET);
    // 2 devices fewer in month 3: their price, less their residual, plus one month of their power.
    expect(slow.total - fast.total).toBeCloseTo(2000 - 2000 * (59 / 60) + 2 * perDeviceMonth, 9);
  });
});

describe('planFleet: latency', () => {
  it('an option slower than the latency budget is flagged', () => {
    const slow = { ...statusQuo, latencyMs: 120 };
    const plan = planFleet(baseInputs(), slow, BUDGET);
    expect(plan.meetsLatency).toBe(false);
    expect(plan.warnings).toEqual(['latency-budget-missed']);
    const exact = planFleet(baseInputs(), slow, 120);
    expect(exact.meetsLatency).toBe(true);
    expect(exact.warnings).toEqual([]);
  });
});

describe('bad input', () => {
  const errorOf = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  };
  const refused = (change: Partial<FleetInputs>, field: string, perf: FleetPerformance = statusQuo) => {
    for (const run of [() => planFleetTotal(baseInputs(change), perf), () => planFleet(baseInputs(change), perf, BUDGET)]) {
      const error = errorOf(run);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
  };

  it('refuses a number that could make NaN, naming the field', () => {
    refused({ growthPerMonth: Number.NaN }, 'fleet.growthPerMonth');
    refused({ growthPerMonth: -1 }, 'fleet.growthPerMonth');
    refused({ horizonMonths: 0 }, 'fleet.horizonMonths');
    refused({ maxUtilisation: 0 }, 'fleet.maxUtilisation');
    refused({ lines: [{ devices: 1.5, deviceAgeMonths: 0, peakRequestsPerSecond: 1 }] }, 'fleet.lines[0].devices');
    refused({ lines: [{ devices: 1, deviceAgeMonths: 0, peakRequestsPerSecond: Infinity }] }, 'fleet.lines[0].peakRequestsPerSecond');
    refused({ steps: [{ month: 4, addLines: 1, peakRequestsPerSecondPerLine: 1 }] }, 'fleet.steps[0].month');
    refused({ monthlyDiscount: -1 }, 'fleet.monthlyDiscount');
    refused({}, 'performance.requestsPerSecondPerDevice', { ...statusQuo, requestsPerSecondPerDevice: 0 });
    refused({}, 'performance.deployMonth', { ...statusQuo, deployMonth: Number.NaN });
    expect(() => planFleet(baseInputs(), statusQuo, 0)).toThrow(/fleet.latencyBudgetMs/);
  });

  it('demand 0, growth −0.5 and a line with no devices give finite plans', () => {
    const x = baseInputs({
      lines: [
        { devices: 1, deviceAgeMonths: 0, peakRequestsPerSecond: 0 },
        { devices: 0, deviceAgeMonths: 0, peakRequestsPerSecond: 0 },
      ],
      steps: [{ month: 1, addLines: 1, peakRequestsPerSecondPerLine: 0 }],
      growthPerMonth: -0.5,
      demandScale: 0,
    });
    const plan = planFleet(x, statusQuo, BUDGET);
    // Every line in service keeps at least one device: the empty line buys one at month 0 (and is warned about), the new line one at month 1.
    expect(plan.purchases).toEqual([
      { month: 0, line: 1, devices: 1, reason: 'capacity' },
      { month: 1, line: 2, devices: 1, reason: 'new-line' },
    ]);
    expect(plan.warnings).toEqual(['out-of-capacity-at-start']);
    expect(Number.isFinite(plan.total)).toBe(true);
  });
});

/** Random inputs across the whole domain, edges included: zero demand, −50 % growth, never deployed, long lives. */
function randomCase(random: Random): { x: FleetInputs; perf: FleetPerformance } {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const between = (low: number, high: number) => low + (high - low) * random();
  const whole = (low: number, high: number) => Math.floor(between(low, high + 1));
  const horizonMonths = whole(1, 120);
  const lines: FleetInputs['lines'] = [];
  for (let i = whole(1, 8); i > 0; i--) {
    const fresh = {
      devices: whole(0, 20),
      deviceAgeMonths: pick([0, between(0, 120), 60]),
      peakRequestsPerSecond: pick([0, between(0, 200), between(0, 1e5)]),
    };
    // Often a copy of the line before, as in a factory of identical lines.
    lines.push(lines.length > 0 && random() < 0.4 ? { ...lines.at(-1)! } : fresh);
  }
  const steps = Array.from({ length: whole(0, 3) }, () => ({
    month: whole(0, horizonMonths - 1),
    addLines: whole(0, 5),
    peakRequestsPerSecondPerLine: pick([0, between(0, 200)]),
  }));
  const statusQuoRps = between(0.1, 100);
  return {
    x: {
      lines,
      steps,
      growthPerMonth: pick([-0.5, 0, between(-0.5, 0.2), 1]),
      demandScale: pick([1, 0, between(0.01, 10)]),
      horizonMonths,
      maxUtilisation: between(0.05, 1),
      devicePrice: between(0, 1e5),
      deviceLifeMonths: whole(1, 120),
      powerWatts: between(0, 1000),
      electricityPrice: between(0, 1),
      hoursPerDay: between(0, 24),
      monthlyDiscount: pick([0, between(-0.05, 0.05)]),
    },
    perf: {
      requestsPerSecondPerDevice: statusQuoRps * pick([1, between(0.5, 4)]),
      latencyMs: between(1, 500),
      deployMonth: pick([0, between(0, horizonMonths + 5), Infinity]),
      statusQuo: { requestsPerSecondPerDevice: statusQuoRps },
    },
  };
}

describe('planFleetTotal', () => {
  it('equals planFleet().total on 1,000 seeded random inputs, every figure finite and consistent', () => {
    const random = seededRandom(20261129);
    for (let i = 0; i < 1000; i++) {
      const { x, perf } = randomCase(random);
      const plan = planFleet(x, perf, 100);
      expect(planFleetTotal(x, perf)).toBe(plan.total);
      const figures = [plan.capital, plan.power, plan.residual, plan.total, ...plan.monthly.flatMap((m) => [m.capacity, m.demand, m.devices])];
      expect(figures.every(Number.isFinite)).toBe(true);
      expect(plan.monthly).toHaveLength(x.horizonMonths);
      // Exact up to 2^53 devices; growth of 100 % a month for years goes past that, where sums round.
      const listed = plan.purchases.reduce((sum, p) => sum + p.devices, 0);
      expect(Math.abs(listed - plan.devicesBought)).toBeLessThanOrEqual(plan.devicesBought * 1e-12);
      expect(plan.purchases.every((p) => Number.isInteger(p.devices) && p.devices > 0)).toBe(true);
      // Capacity carries demand every month, and the capital is at most the undiscounted price of what was bought.
      expect(plan.monthly.every((m) => m.capacity >= m.demand * (1 - 1e-8))).toBe(true);
      if (x.monthlyDiscount >= 0) expect(plan.capital).toBeLessThanOrEqual(plan.devicesBought * x.devicePrice * (1 + 1e-12));
    }
  });

  it('the same inputs give the same total however often it is called (the scratch space carries nothing over)', () => {
    const random = seededRandom(7);
    const cases = Array.from({ length: 50 }, () => randomCase(random));
    const first = cases.map(({ x, perf }) => planFleetTotal(x, perf));
    const again = [...cases].reverse().map(({ x, perf }) => planFleetTotal(x, perf)).reverse();
    expect(again).toEqual(first);
  });
});

describe('fleetInputsFrom', () => {
  it('takes the scenario’s fleet at base and turns the yearly discount rate into a monthly one', () => {
    const fleet = defaultFleet(defaultScenario('vit'));
    fleet.steps = [{ month: 9, name: 'Line 9', addLines: 2, peakRequestsPerSecondPerLine: 3 }];
    const x = fleetInputsFrom(fleet, 0.04);
    expect(x.lines).toEqual([{ devices: 1, deviceAgeMonths: 0, peakRequestsPerSecond: 1 }]);
    expect(x.steps).toEqual([{ month: 9, addLines: 2, peakRequestsPerSecondPerLine: 3 }]);
    expect(x.demandScale).toBe(1);
    expect((1 + x.monthlyDiscount) ** 12).toBeCloseTo(1.04, 12);
    expect([x.horizonMonths, x.maxUtilisation, x.devicePrice, x.deviceLifeMonths, x.powerWatts, x.electricityPrice, x.hoursPerDay]).toEqual([
      fleet.horizonMonths.value,
      fleet.maxUtilisation.value,
      fleet.devicePrice.value,
      fleet.deviceLifeMonths.value,
      fleet.powerWatts.value,
      fleet.electricityPrice.value,
      fleet.hoursPerDay.value,
    ]);
    expect(fleetInputsFrom(fleet, 0).monthlyDiscount).toBe(0);
  });
});

describe('throughputFromGflops', () => {
  it('divides useful FLOP/s by the FLOPs of one request', () => {
    // ViT-B/16: 2 · 85M non-zeros · 197 tokens = 33.5 GFLOP per image; 100 GFLOP/s carry 2.99 images/s.
    expect(throughputFromGflops(100, 2 * 85e6 * 197)).toBeCloseTo(1e11 / 3.349e10, 9);
    expect(() => throughputFromGflops(0, 1e9)).toThrow(/usefulGflops/);
    expect(() => throughputFromGflops(100, Number.NaN)).toThrow(/flopsPerRequest/);
  });
});
