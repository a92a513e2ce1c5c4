/**
 * English texts of the result page (src-renderer/wizard/ResultStep.svelte and src-renderer/result/),
 * registered under `result` in index.ts. The card, the comparison and the range reuse the memo's
 * page-1 wording (memo2.*); what is said only on screen is here.
 */
export const resultEn = {
  title: 'Recommendation',
  invalid: 'Some answers need fixing before a recommendation can be made.',
  actions: {
    label: 'Memo and scenario',
    memoLanguage: 'Memo language',
    export: 'Export the memo (PDF)',
    exporting: 'Exporting…',
    save: 'Save scenario',
    saving: 'Saving…',
    exported: 'Memo saved: {{path}}',
    saved: 'Saved as revision {{revision}}.',
    exportFailed: 'The memo could not be exported. Check that the folder can be written to, then try again. ({{details}})',
    saveFailed: 'The scenario could not be saved. Try again; if it was changed in another window, open it again from the saved scenarios. ({{details}})',
  },
  card: {
    label: 'The decision',
    savings: 'Savings',
    savingsValue: '{{base}} in the base case; {{low}} to {{high}} in 8 of 10 simulated futures; median {{median}}.',
    cheapest: {
      keep: 'Keeping today’s model costs least: the next best option, {{option}}, would cost {{amount}} more over {{horizon}} months (base case).',
      dense: 'The dense model as planned costs least: the next best option, {{option}}, would cost {{amount}} more over {{horizon}} months (base case).',
    },
    only: {
      keep: 'No other option of today’s quality is available.',
      dense: 'No other option of the same quality is available.',
    },
    sparsity: 'Sparsity',
    confidence: 'Confidence',
    because: '— {{reasons}}.',
    change: 'Would change it',
    more: 'and {{count}} more below',
  },
  compare: {
    title: 'Side by side',
    recommended: 'Recommended',
    note: 'Money: present values at a discount rate of {{rate}} a year. Quality: predicted by the scaling law ({{law}}){{extrapolation}}. Speed-ups: {{speedups}}.',
    extrapolated: ', up to ×{{factor}} outside the range it was fitted on',
  },
  range: {
    title: 'Base case and range',
    columns: { what: 'Savings', base: 'Base case', low: 'Low (P10)', high: 'High (P90)', median: 'Median' },
    headline: '{{option}} against today’s model, over {{horizon}} months',
    advantage: '{{sparse}} against {{alternative}}, over {{horizon}} months',
    what: 'The base case puts every input at its stated value. The range holds the middle 8 of every 10 of {{draws}} simulated futures; the median is the middle one.',
    medianLower:
      'Why the median is below the base case: some ranges are wider on one side of their stated value than on the other — a range of 0.8 to 1.6 around 1.0 averages 1.2, not 1.0 — and here the wider side costs money{{example}}. Both figures come from the same calculation.',
    medianHigher:
      'Why the median is above the base case: some ranges are wider on one side of their stated value than on the other — a range of 0.8 to 1.6 around 1.0 averages 1.2, not 1.0 — and here the wider side saves money{{example}}. Both figures come from the same calculation.',
    example: ' (mainly {{input}}: {{low}} to {{high}} around {{base}})',
    withLaw: ' The scaling law’s own uncertainty adds to the spread.',
  },
  months: '{{months}} months',
  scope:
    'Not evaluated here: quantization (8- or 4-bit weights), distillation into a smaller model, and a different inference runtime or compiler (such as TensorRT or OpenVINO). Each can also cut inference cost: ask the team how they compare with these options.',
  sections: {
    reasons: 'Why: three checks',
    change: 'What would change the decision',
    caps: 'What limits the verdict',
    notes: 'Notes',
    pilot: 'What the pilot is',
  },
  details: {
    summary: 'Details for engineers',
    hint: 'Charts, every option, the speed-ups and the scaling law.',
    charts: 'Charts',
    costs: 'Cost of every option',
    costsIntro: 'Present values over {{horizon}} months at a discount rate of {{rate}} a year. Savings are against {{baseline}}; a negative saving is a higher cost.',
    shapes: 'Every option in detail',
    speedups: 'Speed-ups used',
    benchmark: 'The hardware check’s measurements',
    data: 'Data volume',
    law: 'The scaling law',
    coefficients: 'Coefficients',
  },
  charts: {
    savings: 'Cumulative savings of every option against today’s model (present values)',
    cost: 'Cost of every option over {{horizon}} months, by part (present values)',
    capacity: 'Line PCs: capacity against peak demand, month by month (dots mark purchases)',
    devices: 'Line PCs bought over {{horizon}} months, per option',
    tornado: 'What moves the advantage of the best sparse option most',
    distribution: 'Advantage of the best sparse option in {{draws}} simulated futures',
    loss: 'Predicted loss against sparsity (the law’s own units, not money)',
  },
};
