/**
 * English texts for a fleet of owned devices (line PCs): why a device is bought, the plan's warnings,
 * where a throughput comes from, and the two fleet charts. Registered under `fleet` in index.ts.
 */
export const fleetEn = {
  reason: {
    capacity: 'more capacity',
    'new-line': 'new line',
    replacement: 'replacement at end of life',
  },
  warning: {
    'out-of-capacity-at-start': 'A line cannot keep up with its demand even today, so its devices are bought in month 0.',
    'latency-budget-missed': 'This option takes {{latency}} per request, longer than the takt time of {{budget}}: it is never recommended.',
  },
  runOut: {
    never: 'keeps up for all {{horizon}} months',
    month: 'runs out in month {{month}}',
  },
  /** Where a per-device throughput comes from; shown beside every throughput. */
  throughput: {
    measured: 'measured on {{machine}}',
    estimate: 'estimate — MatMuls only, synthetic shapes',
    entered: 'entered',
    published: 'published',
  },
  chart: {
    capacityVsDemand: {
      caption: 'Capacity of the devices against peak demand, month by month, for each option; dots mark purchases',
      monthAxis: 'Month',
      rateAxis: 'Requests per second',
      demand: 'Peak demand',
      purchases: 'Purchases',
    },
    devicesBought: {
      caption: 'Devices bought over {{horizon}} months for each option, by reason',
      devicesAxis: 'Devices bought',
      capacity: 'More capacity',
      'new-line': 'New lines',
      replacement: 'Replacement',
      total: '{{devices}} in all',
    },
  },
};

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
/** The shape every language must provide for the fleet's texts. */
export type FleetTexts = Texts<typeof fleetEn>;
