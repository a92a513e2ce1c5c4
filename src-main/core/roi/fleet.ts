// TEMPORARY STUB (not committed): replaced by the fleet helper's module at merge.
import type { FleetDeployment } from './scenario.js';
export interface FleetInputs {
  lines: { devices: number; deviceAgeMonths: number; peakRequestsPerSecond: number }[];
  steps: { month: number; addLines: number; peakRequestsPerSecondPerLine: number }[];
  growthPerMonth: number; demandScale: number; horizonMonths: number; maxUtilisation: number; devicePrice: number;
  deviceLifeMonths: number; powerWatts: number; electricityPrice: number; hoursPerDay: number; monthlyDiscount: number;
}
export interface FleetPerformance { requestsPerSecondPerDevice: number; latencyMs: number; deployMonth: number; statusQuo: { requestsPerSecondPerDevice: number } }
export interface FleetPlan {
  meetsLatency: boolean; runOutMonthByLine: (number | null)[];
  purchases: { month: number; line: number; devices: number; reason: 'capacity' | 'new-line' | 'replacement' }[];
  devicesBought: number; capital: number; power: number; residual: number; total: number;
  warnings: ('out-of-capacity-at-start' | 'latency-budget-missed')[];
  monthly: { month: number; capacity: number; demand: number; devices: number }[];
}
export function planFleet(_x: FleetInputs, _p: FleetPerformance, _b: number): FleetPlan { throw new Error('stub'); }
export function planFleetTotal(_x: FleetInputs, _p: FleetPerformance): number { throw new Error('stub'); }
export function fleetInputsFrom(_d: FleetDeployment, _r: number): FleetInputs { throw new Error('stub'); }
