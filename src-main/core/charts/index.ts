/** The chart option builders shared by the desktop app and the PDF memo. */
export { CHART_STYLES, chartTheme, type ChartStyle, type ChartTheme } from './theme.js';
export type { ChartFormat, ChartOption, ChartSeries } from './option.js';
export { lossCurveOption, lossCurvePoints, lossCurveEnd, type LossCurveLabels } from './loss-curve.js';
export { costOfOwnershipOption, COST_PARTS, type CostOfOwnershipLabels } from './cost-of-ownership.js';
export { savingsOverTimeOption, savingsOverTimePoints, headlineOption, plottedOptions, type SavingsOverTimeLabels } from './savings-over-time.js';
export { tornadoOption, tornadoBars, type TornadoLabels } from './tornado.js';
export { savingsDistributionOption, type SavingsDistributionLabels } from './savings-distribution.js';
export { chartLabels, chartFormat, optionName, inputValue, type ChartLabels } from './labels.js';
export { capacityVsDemandOption, optionColour, type CapacityVsDemandLabels, type FleetChartPlan } from './capacity-vs-demand.js';
export { devicesBoughtOption, PURCHASE_REASONS, type DevicesBoughtLabels } from './devices-bought.js';
export { fleetChartLabels, type FleetChartLabels } from './fleet-labels.js';
export { withReadableText, MIN_CHART_TEXT_PX } from './readable-text.js';
