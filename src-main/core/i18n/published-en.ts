/**
 * English texts for published speed-ups (core/hardware/published.ts): the deployment targets, why
 * a row is left out of the range, and the picker "I will deploy on hardware I can't measure here".
 * Registered in index.ts under `published`; published-ja.ts must have the same shape.
 */
export const publishedEn = {
  label: 'published, not measured on your hardware',
  picker: {
    title: 'I will deploy on hardware I can’t measure here',
    intro:
      'Pick the machine and software you will deploy on. The app shows what others have published for it and uses the whole-model figures as a range. These are published figures, not measurements on your hardware: they count like an assumption, so the recommendation is at most “Pilot first”.',
    target: 'Deployment target',
    choose: 'Choose a target…',
    request: 'Looking for {{pattern}} sparsity at {{sparsity}}.',
    requestTokens: 'Looking for {{pattern}} sparsity at {{sparsity}}, {{tokens}} tokens per forward pass.',
    range: 'Published range: {{low}}–{{high}}×, median {{value}}× (from {{count}} whole-model figures).',
    noMatchTitle: 'No published whole-model figure matches',
    fallback: 'The assumed speed-up is used instead.',
    use: 'Use this target',
    chosen: 'Using {{target}}.',
    rowsTitle: 'Published figures for this target',
    used: 'Used in the range',
    excluded: 'Shown, not used',
    columns: { speedup: 'Speed-up', level: 'Level', hardware: 'Hardware', runtime: 'Runtime', workload: 'Workload', source: 'Source' },
    notUsedBecause: 'Not used: {{reasons}}',
    adviceTitle: 'When does sparsity pay on this hardware?',
    endOfLife: 'No longer maintained.',
    researchCode: 'Research code, not a supported product.',
    secondary: 'Read in a faithful copy of the source, not the original.',
    notRechecked: 'Not re-checked against the source for this release.',
    sparsityAt: 'S = {{sparsity}}',
    sparsityBand: 'S = {{min}}–{{max}}',
    sparsityUnknown: 'S not stated',
    batch: 'batch {{batch}}',
    times: '{{value}}×',
  },
  targets: {
    'a100-2of4': { name: 'NVIDIA A100, 2:4 (PyTorch or TensorRT)', description: 'Rented or own A100 GPUs with 2:4 sparse tensor cores.' },
    'h100-2of4': { name: 'NVIDIA H100, 2:4 (TensorRT-LLM or vLLM)', description: 'Hopper GPUs serving language models.' },
    'nvidia-vllm-2of4': { name: 'NVIDIA GPU (Ampere or newer), 2:4, vLLM', description: 'Serving a language model with vLLM; GPU model not fixed.' },
    'rtx-2of4': { name: 'RTX / consumer GPU (Ampere, Ada), 2:4', description: 'Workstation or gaming GPUs such as the RTX 3090 or 4090.' },
    'nvidia-unstructured': { name: 'NVIDIA GPU, unstructured or block sparsity', description: 'Any NVIDIA GPU without 2:4: cuSPARSE, research kernels, block sparsity.' },
    'x86-deepsparse': { name: 'x86 CPU, DeepSparse, unstructured', description: 'Intel or AMD servers with Neural Magic’s sparsity-aware runtime (end of life since June 2025).' },
    'x86-openvino': { name: 'x86 CPU, OpenVINO', description: 'Intel CPUs with OpenVINO’s sparse-weight option.' },
    'x86-other': { name: 'x86 CPU, other runtimes (ONNX Runtime, research kernels)', description: 'Standard runtimes and research kernels on Intel or AMD CPUs.' },
    'arm-xnnpack': { name: 'Arm / mobile, XNNPACK (TensorFlow Lite)', description: 'Phones, tablets and Arm boards running TensorFlow Lite.' },
    'apple-coreml': { name: 'Apple Neural Engine (Core ML)', description: 'iPhone, iPad or Mac running Core ML.' },
  },
  pattern: { '2:4': '2:4', unstructured: 'unstructured', block: 'block' },
  level: { kernel: 'kernel only', 'end-to-end': 'whole model' },
  metric: { time: 'time', throughput: 'throughput', latency: 'latency' },
  reason: {
    'pattern-mismatch': 'a different sparsity pattern',
    'kernel-level': 'a single kernel, not the whole model',
    confounded: 'something else is mixed in',
    'sparsity-not-stated': 'the source does not state the sparsity',
    'sparsity-mismatch': 'measured at a sparsity too far from yours',
  },
  confounder: {
    'different-models': 'different models compared',
    marketing: 'a marketing figure',
    'sparse-1gpu-vs-dense-2gpu': 'sparse on 1 GPU against dense on 2',
    'fewer-gpus': 'the sparse model runs on fewer GPUs',
    'with-quantization': 'quantization mixed in',
    'different-runtime': 'sparse and dense ran in different runtimes',
    'best-case-claim': 'an “up to” best case',
    'inconsistent-source': 'the source contradicts itself',
    'latency-only': 'a latency figure; the throughput figure is used',
  },
  caveat: {
    'computed-from-source': 'computed from the published numbers',
    'summary-only': 'summary figure only',
    unreviewed: 'unreviewed community report',
    'batch-not-stated': 'batch size not stated',
    'read-off-figure': 'read off a chart',
    'range-bound': 'one end of a published range',
  },
  noMatch: {
    'no-rows': 'Nothing is published for this target.',
    pattern: 'Nothing is published for {{pattern}} sparsity on this target.',
    'kernel-only': 'Only single-kernel figures are published for {{pattern}} sparsity here; a kernel figure alone is never used for the whole model.',
    'all-confounded': 'Every whole-model figure for {{pattern}} sparsity here mixes in something else (quantization, fewer GPUs, another model or runtime, a best case).',
    sparsity: 'No clean whole-model figure lies within ±10 points of sparsity {{sparsity}}.',
    sparsityAt: 'No clean whole-model figure lies within ±10 points of sparsity {{sparsity}}; published at {{available}}.',
  },
  regime: {
    'compute-bound': 'Many tokens per forward pass: the regime where 2:4 helps.',
    'small-batch': 'Few tokens per forward pass: 2:4 may be no faster, or slower, than dense.',
    unknown: '',
    'not-applicable': '',
  },
} as const;

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
/** The shape published-ja.ts must provide. */
export type PublishedTexts = Texts<typeof publishedEn>;
