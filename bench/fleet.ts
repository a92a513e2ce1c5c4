/**
 * Fleet benchmark: the Monte Carlo's inner call, planFleetTotal, for a factory of eight lines with two
 * more in month 9 over 36 months: 10,000 draws × 5 options. Target ≤ 50 ms, half of the whole
 * evaluation's 100 ms.
 */
import { planFleetTotal, type FleetInputs, type FleetPerformance } from '../src-main/core/roi/fleet.js';

const factory: FleetInputs = {
  // Two batches of four alike lines (bought in two years), and one line that runs faster.
  lines: [
    ...Array.from({ length: 4 }, () => ({ devices: 2, deviceAgeMonths: 36, peakRequestsPerSecond: 12 })),
    ...Array.from({ length: 3 }, () => ({ devices: 2, deviceAgeMonths: 12, peakRequestsPerSecond: 12 })),
    { devices: 3, deviceAgeMonths: 12, peakRequestsPerSecond: 18 },
  ],
  steps: [{ month: 9, addLines: 2, peakRequestsPerSecondPerLine: 14 }],
  growthPerMonth: 0.02,
  demandScale: 1,
  horizonMonths: 36,
  maxUtilisation: 0.8,
  devicePrice: 300_000,
  deviceLifeMonths: 60,
  powerWatts: 150,
  electricityPrice: 30,
  hoursPerDay: 16,
  monthlyDiscount: Math.pow(1.04, 1 / 12) - 1,
};

export function benchFleet(): void {
  console.log('Fleet: 10,000 draws × 5 options of planFleetTotal, 8 + 2 lines × 36 months (median of 20 after 5 warm-ups; target ≤ 50 ms)');
  const speedups = [1, 1.2, 1.5, 2, 3];
  const run = () => {
    let sum = 0;
    for (let draw = 0; draw < 10_000; draw++) {
      const x = { ...factory, demandScale: 0.8 + (draw % 100) / 250 };
      for (const s of speedups) {
        const perf: FleetPerformance = { requestsPerSecondPerDevice: 10 * s, latencyMs: 80 / s, deployMonth: s === 1 ? 0 : 3, statusQuo: { requestsPerSecondPerDevice: 10 } };
        sum += planFleetTotal(x, perf);
      }
    }
    return sum;
  };
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`  factory              median ${times[10]!.toFixed(1)} ms   max ${times.at(-1)!.toFixed(1)} ms`);
}
