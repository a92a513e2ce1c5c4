/**
 * Two fleet plans worked out by hand, for the fleet charts' tests. One line of 2 devices (8 requests/s
 * each at 80 %) with demand 6.25 growing 60 % a month, and one new line of 5 requests/s from month 2:
 * the status quo fits out the new line with 1 device in month 2 and buys 2 for capacity in month 3;
 * an option twice as fast fits out the new line with 1 device and buys nothing else.
 */
import { planFleet, type FleetInputs, type FleetPerformance, type FleetPlan } from '../../src-main/core/roi/fleet.js';

export const fleetInputs: FleetInputs = {
  lines: [{ devices: 2, deviceAgeMonths: 0, peakRequestsPerSecond: 6.25 }],
  steps: [{ month: 2, addLines: 1, peakRequestsPerSecondPerLine: 5 }],
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
};

const statusQuo: FleetPerformance = { requestsPerSecondPerDevice: 10, latencyMs: 50, deployMonth: 0, statusQuo: { requestsPerSecondPerDevice: 10 } };

export function fleetChartPlans(): { optionLabel: string; plan: FleetPlan }[] {
  return [
    { optionLabel: 'Dense (today)', plan: planFleet(fleetInputs, statusQuo, 100) },
    { optionLabel: 'Sparse 50 %', plan: planFleet(fleetInputs, { ...statusQuo, requestsPerSecondPerDevice: 20 }, 100) },
  ];
}

/** Every fontSize anywhere in an ECharts option. */
export function fontSizes(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(fontSizes);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'fontSize' && typeof v === 'number' ? [v] : fontSizes(v)));
}
