/** English texts of the core: recommendation, reasons and labels. The renderer and memo add their own. */
export const en = {
  level: {
    go: 'Go',
    'go-with-conditions': 'Go, with conditions',
    'pilot-first': 'Pilot first',
    'not-now': 'Not now',
    no: 'No',
  },
  likelihood: {
    'virtually-certain': 'virtually certain',
    'very-likely': 'very likely',
    likely: 'likely',
    'about-as-likely-as-not': 'about as likely as not',
    unlikely: 'unlikely',
    'very-unlikely': 'very unlikely',
    'exceptionally-unlikely': 'exceptionally unlikely',
  },
  confidence: { high: 'high', medium: 'medium', low: 'low', 'very-low': 'very low' },
  headline:
    '{{level}}. Sparsifying to {{sparsity}} is {{likelihood}} to save money over {{horizon}} months (probability {{probability}}; {{confidence}} confidence).',
  reason: {
    dataVolume: {
      pays: 'Data volume: your training data ({{data}}) is {{ratio}}× the threshold ({{threshold}}) above which sparsity pays; the optimal sparsity is {{optimal}}.',
      notYet:
        'Data volume: your training data ({{data}}) is only {{ratio}}× the threshold ({{threshold}}) above which sparsity pays; the optimal sparsity is 0, so at equal training compute a dense model is better.',
    },
    hardware: {
      withBreakEven: 'Hardware: {{kind}} speed-up at {{sparsity}}{{provider}} is ×{{speedup}}{{interval}}; the sparse model needs ×{{breakEven}} to pay back over the horizon.',
      noBreakEven:
        'Hardware: {{kind}} speed-up at {{sparsity}}{{provider}} is ×{{speedup}}{{interval}}; no speed-up pays back the fixed costs within the horizon.',
      on: ' on $t(ux.hardware.provider.{{provider}})',
      interval: ' (×{{low}}–×{{high}})',
    },
    pruningCost: {
      payback: 'Pruning cost: {{upfront}} extra up front ({{engineering}} engineering, {{pruning}} retraining); pays back in month {{month}} of {{horizon}}.',
      never: 'Pruning cost: {{upfront}} extra up front ({{engineering}} engineering, {{pruning}} retraining); does not pay back within {{horizon}} months.',
      cheaper: 'Pruning cost: no extra up-front cost; the option is cheaper from the start.',
    },
  },
  unit: { images: 'images', tokens: 'tokens' },
  speedupKind: { measured: 'measured', 'upper-bound': 'upper-bound (ideal kernel, not measured sparse)', assumed: 'assumed' },
  condition: {
    'confirm-speedup-on-deployment-hardware': 'Confirm the speed-up with a hardware check on the deployment machine.',
    'smaller-dense-cheaper': 'A smaller dense model trained on more data is cheaper still: consider it first.',
    'payback-late-in-horizon': 'Payback comes late in the horizon: a shorter service life would erase the savings.',
    'check-extrapolation': 'The law is extrapolated beyond the models it was fitted on: validate with a pilot run.',
  },
  cap: {
    'optimal-sparsity-zero': 'The optimal sparsity is 0 for this data volume: sparsity is not recommended.',
    'no-measured-speedup': 'The measured speed-up is ×1 or less, and pruning has a cost: the hardware does not reward sparsity.',
    'no-inference-volume': 'There is no inference volume, so nothing can be saved on serving.',
  },
  confidenceReason: {
    'speedup-assumed': 'speed-ups are assumed, not measured',
    'speedup-upper-bound': 'speed-ups are an upper bound, not a sparse measurement',
    'speedup-unreliable': 'the speed-up measurement is unreliable',
    'law-extrapolated': 'the law is extrapolated more than 2× beyond its fitted range',
    'law-far-extrapolated': 'the law is extrapolated more than 10× beyond its fitted range',
    'prune-retrain-route': 'the law was fitted for pruning during training, not for pruning a pretrained model',
    'custom-law-without-range': 'the coefficients carry no fitted range',
  },
  /** The PDF decision memo; the chart texts are shared with the app's charts. */
  memo: {
    lawName: { vit: 'ViT on JFT-4B (vision)', t5: 'T5 on C4 (language)' },
    listSeparator: '; ',
    option: {
      dense: 'Dense baseline',
      sparse: 'Sparse {{sparsity}}',
      sparseOptimal: 'Sparse {{sparsity}} (S_opt)',
      smallerDense: 'Smaller dense',
    },
    chart: {
      lossCurve: {
        caption: 'Predicted error against sparsity at {{nonzero}} non-zeros and the baseline\'s training compute',
        sparsityAxis: 'Sparsity',
        lossAxis: 'Predicted error against the dense model',
        curve: 'Predicted error',
        optimal: 'S_opt',
        baseline: 'Dense model: {{loss}}',
        outsideRange: 'Outside the fitted range: extrapolated',
        fittedRange: 'fitted range',
      },
      costOfOwnership: {
        caption: 'Cost of ownership per option over {{horizon}} months',
        costAxis: 'Cost ({{currency}})',
        training: 'Training',
        pruning: 'Retraining',
        engineering: 'Engineering',
        inference: 'Inference',
      },
      savingsOverTime: {
        caption: 'Cumulative savings of {{option}} against the dense baseline',
        monthAxis: 'Month',
        savingsAxis: 'Cumulative savings',
        series: 'Cumulative savings',
        zero: 'break-even line',
        payback: 'payback: month {{month}}',
        breakEven: 'break-even',
      },
      tornado: {
        caption: 'What moves the savings of {{option}}: each input at its low and high value, the others at base',
        savingsAxis: 'Savings over the horizon',
        low: 'input at low',
        high: 'input at high',
        base: 'base case {{value}}',
        input: '{{name}} {{low}}–{{high}}',
      },
      distribution: {
        caption: 'Savings of {{option}} in {{draws}} simulated futures (seed {{seed}}): P10 {{p10}}, P50 {{p50}}, P90 {{p90}}',
        savingsAxis: 'Savings over the horizon',
        shareAxis: 'Share of draws',
        series: 'Draws',
        zero: '0',
        p10: 'P10',
        p50: 'P50',
        p90: 'P90',
      },
    },
    inputName: {
      requestsPerDay: 'Requests per day',
      growthPerMonth: 'Growth per month',
      speedup: 'Speed-up',
      engineeringDays: 'Engineering person-days',
      trainingPricePerHour: 'Training price per hour',
      inferencePricePerHour: 'Inference price per hour',
      inferenceUtilisation: 'Inference utilisation',
      retrainFraction: 'Retraining length',
      horizonMonths: 'Horizon in months',
    },
  },
} as const;

/** The shape every language must provide. */
type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
export type CoreTexts = Texts<typeof en>;
