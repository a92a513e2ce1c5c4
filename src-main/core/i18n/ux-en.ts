/**
 * English texts of the inputs' plain-language layer: validation messages (field name, what is
 * wrong, how to fix it), the error summary, the glossary buttons, the hardware table's words and
 * the saved-scenario comparison. Registered under `ux`; Japanese in ux-ja.ts.
 */
export const uxEn = {
  /** Examples in the notNumber message, by the kind of field: what that field's answers look like. */
  examples: {
    count: '1500000000, 1.5B or 1.5e9',
    money: '800000 or 800K',
    percent: '40',
    number: '25 or 12.5',
    integer: '24',
  },
  summary: {
    title: 'There is a problem',
    intro: 'Fix these answers to continue:',
    engine: 'The recommendation could not be calculated. Check the answers and try again. (Details: {{details}})',
  },
  issue: {
    notNumber: 'Enter a number for “{{field}}”, for example {{examples}}.',
    greaterThan: '“{{field}}” must be greater than {{limit}}.',
    atLeast: '“{{field}}” must be at least {{limit}}.',
    atMost: '“{{field}}” must be at most {{limit}}.',
    lessThan: '“{{field}}” must be less than {{limit}}.',
    wholeNumber: 'Enter a whole number for “{{field}}”, for example 24.',
    atLeastItems: 'Add at least {{limit}} to “{{field}}”.',
    atMostItems: '“{{field}}” can have at most {{limit}} entries.',
    empty: 'Enter “{{field}}”.',
    tooLong: '“{{field}}” must be {{limit}} characters or fewer.',
    availableBelowTraining: '“{{field}}” must be at least the baseline’s training data ({{other}}).',
    lowAboveHigh: 'The low end of “{{field}}” must not be above the high end.',
    lognormalNeedsPositive: 'For a lognormal range, the low end of “{{field}}” must be greater than 0.',
    assumedMissing: 'Add at least one assumed speed-up, or choose speed-ups measured by a hardware check.',
    wrongUnit: 'The unit of “{{field}}” does not match this kind of model. Start a new scenario for this kind of model.',
    tokensPerToken: '“{{field}}” must be 1 when data is counted in tokens.',
    choose: 'Choose an option for “{{field}}”.',
    check: 'Check “{{field}}”.',
  },
  /** Names of the inputs that are not a single number field. */
  field: {
    name: 'Scenario name',
    assumedSpeedups: 'Assumed speed-ups',
    assumedSparsity: 'Sparsity of an assumed speed-up',
    assumedValue: 'Assumed speed-up',
    candidates: 'Sparsities compared',
    rangeLow: '{{field}} (low end of the range)',
    rangeHigh: '{{field}} (high end of the range)',
    range: '{{field}} (range)',
    seed: 'Simulation seed',
    draws: 'Simulation draws',
    provider: 'Execution provider',
    currency: 'Currency',
    coefficients: 'Custom scaling law',
  },
  /** Where an input without its own name sits, so a message can still say where to look. */
  section: {
    baseline: 'an answer about data volume',
    hardware: 'an answer about hardware',
    pruning: 'an answer about pruning cost',
    money: 'an answer about use and money',
    uncertainty: 'a range for an uncertain input',
    other: 'an answer',
  },
  term: {
    open: 'What is “{{term}}”?',
    close: 'Close',
  },
  steps: {
    goTo: 'Go to: {{step}}',
    done: 'completed',
    current: 'current step',
  },
  file: {
    choose: 'Choose a file',
    none: 'No file chosen',
    chosen: 'Chosen: {{name}}',
    failed: 'The file could not be read. Check that it is a scenario, hardware-check or scaling-law file (JSON). (Details: {{details}})',
  },
  hardware: {
    progress: 'Measuring… {{percent}} done',
    failed: {
      run: 'The hardware check could not finish. Close other programs and try again. (Details: {{details}})',
      list: 'The saved hardware checks could not be listed. (Details: {{details}})',
    },
    starting: 'Preparing the check…',
    details: 'Details for engineers',
    rowCount: '{{count}} rows',
    provider: {
      cpu: 'CPU',
      webgpu: 'WebGPU',
      dml: 'DirectML',
      coreml: 'CoreML',
      cuda: 'CUDA',
      tensorrt: 'TensorRT',
    },
    /** The plain reading of each row, built from its kind and variant; the stored note is the engineer's detail. */
    rowNote: {
      'zeroed-dense': 'Weights set to zero but run as a normal dense calculation: shows what a pruned model gains without sparse software.',
      'sparse-kernel': 'Run with a real sparse kernel (ONNX Runtime, CPU, one thread).',
      'structured-2:4': 'Run with a 2:4 structured kernel.',
      'upper-bound': 'An estimate of what an ideal sparse kernel could reach; not a measurement of sparse computing.',
      'same-as-unstructured': 'This provider has no 2:4 path, so 2:4 runs like 50 % unstructured sparsity.',
      unavailable: 'Could not be measured on this machine.',
      unreliable: '(The timings varied too much to rely on.)',
    },
    assumedSparsity: 'Sparsity (%)',
    assumedSpeedup: 'Speed-up (times)',
  },
  pruning: {
    fullRetrainNote: 'full re-run (Mishra et al. 2021)',
  },
  check: {
    assumedAt: 'Assumed speed-up at {{sparsity}} sparsity',
  },
  library: {
    comparison: 'Side by side',
    row: {
      level: 'Recommendation',
      option: 'Option assessed',
      probability: 'Probability of saving money',
      confidence: 'Confidence',
      savings: 'Savings over the horizon',
      total: 'Cost of ownership',
      payback: 'Payback month',
      speedup: 'Speed-up used',
      optimal: 'Optimal sparsity',
      data: 'Training data ÷ threshold',
      requests: 'Requests per day',
      horizon: 'Horizon',
    },
    months: '{{count}} months',
    actionFailed: 'That did not work. Try again; if it keeps failing, restart the app. (Details: {{details}})',
    kind: { scenario: 'scenario', benchmark: 'hardware check', fit: 'scaling law' },
  },
  /** The word a unit uses for the scenario's currency: 円/時間 in Japanese. */
  currencyUnit: { JPY: 'JPY', USD: 'USD', EUR: 'EUR', GBP: 'GBP', CNY: 'CNY', KRW: 'KRW' },
  /** A person-day figure below what anyone can estimate. */
  lessThanTenthDay: 'less than 0.1',
  fit: {
    interval: '{{median}} (range {{low}} to {{high}})',
  },
} as const;
