/**
 * The localized labels of the fleet charts, from the i18n resources (fleet.chart.*), with the same
 * number formats as every other chart.
 */
import { translator, type Language } from '../i18n/index.js';
import type { CapacityVsDemandLabels } from './capacity-vs-demand.js';
import type { DevicesBoughtLabels } from './devices-bought.js';
import { chartFormat } from './labels.js';

export interface FleetChartLabels {
  capacityVsDemand: CapacityVsDemandLabels;
  devicesBought: DevicesBoughtLabels;
}

export function fleetChartLabels(language: Language, currency: string): FleetChartLabels {
  const tr = translator(language);
  const { t } = tr;
  const format = chartFormat(tr, currency);
  return {
    capacityVsDemand: {
      monthAxis: t('fleet.chart.capacityVsDemand.monthAxis'),
      rateAxis: t('fleet.chart.capacityVsDemand.rateAxis'),
      demand: t('fleet.chart.capacityVsDemand.demand'),
      purchases: t('fleet.chart.capacityVsDemand.purchases'),
      format,
    },
    devicesBought: {
      devicesAxis: t('fleet.chart.devicesBought.devicesAxis'),
      capacity: t('fleet.chart.devicesBought.capacity'),
      'new-line': t('fleet.chart.devicesBought.new-line'),
      replacement: t('fleet.chart.devicesBought.replacement'),
      total: (count) => t('fleet.chart.devicesBought.total', { devices: tr.number(count, 6) }),
      format,
    },
  };
}
