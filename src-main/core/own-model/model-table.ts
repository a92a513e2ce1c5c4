/**
 * The own-model benchmark's speed-up table: per provider the dense model, the pruned model with
 * its zeros at each sparsity, and on the CPU the sparse-kernel estimate from layer timings
 * (kind 'estimate'): the model's measured dense time, minus the isolated dense times of its
 * prunable MatMul/Gemm layers, plus their isolated SparseToDenseMatMul times. A provider that
 * failed keeps its rows, each saying why. Same statistics and reliability rule as the hardware check.
 */
import type { Provider, RawTiming, SpeedupRow } from '../hardware/benchmark-result.js';
import { LABELS, threadsText } from '../hardware/row-labels.js';
import { OUTPUT_TOLERANCE } from '../hardware/speedup-table.js';
import { reliability, speedupAgainst, summarize, type ReliabilityRule, type TimingSummary } from '../hardware/statistics.js';

/** One shape of prunable layer timed in isolation (C API, CPU): pooled samples per variant. */
export interface LayerMeasurement {
  name: string;
  m: number;
  k: number;
  n: number;
  /** Layers of the model with this shape. */
  count: number;
  denseSamplesMs: number[];
  sparse: { sparsity: number; samplesMs: number[]; relativeDifference: number | null }[];
}

export type LayerOutcome =
  | { reachable: true; measured: LayerMeasurement[]; /** Prunable MatMul/Gemm layers that could not be timed, with why. */ untimed: string[] }
  | { reachable: false; reason: string };

export interface ModelTableInput {
  providers: Provider[];
  /** Providers whose dense model loaded and ran. */
  ran: Provider[];
  sparsities: number[];
  pattern: 'unstructured' | '2:4';
  batch: number;
  threads: number;
  timings: RawTiming[];
  providerErrors: Partial<Record<Provider, string>>;
  layers: LayerOutcome;
  /** Pruned Conv layers (no sparse kernel in ORT): they count at dense time in the estimate. */
  convLayers: number;
  rule: ReliabilityRule;
  cancelled: boolean;
}

export const MODEL_LABELS = {
  dense: (provider: Provider, threads: number) => `dense model as given (measured; onnxruntime-node, ${provider}, ${threadsText(threads)})`,
  zeroed: (pattern: 'unstructured' | '2:4') =>
    `pruned model, ${pattern === '2:4' ? '2:4 structured' : 'unstructured magnitude'} pruning per tensor, zeros run as dense GEMMs ` +
    '(measured; what a pruned model exported as usual runs as)',
  estimate: (threads: number, layers: number, extra: string) =>
    'estimate from layer timings, not a whole-model measurement: measured dense model time − Σ isolated dense layer times + ' +
    `Σ isolated com.microsoft::SparseToDenseMatMul (CSR, CPU, single-threaded) layer times over ${layers} MatMul/Gemm layer${layers === 1 ? '' : 's'}; ` +
    `dense layers timed through ORT’s C API at ${threadsText(threads)}${extra}`,
  noTwoFourPath: (provider: Provider) =>
    `2:4 structured: no 2:4 kernel on ${provider} here; the 2:4-pruned model runs as a dense model with zeros (see the pruned row)`,
} as const;

function emptyRow(provider: Provider, variant: SpeedupRow['variant'], sparsity: number, tokens: number, pattern: SpeedupRow['pattern']): Omit<SpeedupRow, 'kind' | 'note'> {
  return { provider, variant, pattern, sparsity, tokens, medianMs: null, p10Ms: null, p90Ms: null, iterations: 0, usefulGflops: null, speedup: null, reliable: false };
}

function summaryOf(timings: RawTiming[], provider: Provider, variant: RawTiming['variant'], sparsity: number): TimingSummary | null {
  const t = timings.find((x) => x.provider === provider && x.variant === variant && x.sparsity === sparsity && (x.path ?? 'onnxruntime-node') === 'onnxruntime-node');
  return t && t.samplesMs.length > 0 ? summarize(t.samplesMs) : null;
}

function measuredRow(
  base: Omit<SpeedupRow, 'kind' | 'note'>,
  summary: TimingSummary,
  dense: TimingSummary | null,
  rule: ReliabilityRule,
  note: string,
  extraProblems: string[] = [],
): SpeedupRow {
  const own = reliability(summary, rule);
  const baseline = dense ? reliability(dense, rule) : ({ reliable: false, reason: 'no dense baseline' } as const);
  const problems = [...(own.reliable ? [] : [own.reason]), ...(baseline.reliable ? [] : [`dense baseline: ${baseline.reason}`]), ...extraProblems];
  return {
    ...base,
    kind: 'measured',
    medianMs: summary.medianMs,
    p10Ms: summary.p10Ms,
    p90Ms: summary.p90Ms,
    iterations: summary.iterations,
    speedup: dense ? speedupAgainst(dense, summary) : null,
    reliable: problems.length === 0,
    note: problems.length === 0 ? note : `${note}. UNRELIABLE: ${problems.join('; ')}`,
  };
}

export interface EstimateParts {
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  iterations: number;
  problems: string[];
  /** Largest sparse-vs-zeroed-dense output difference among the layers, null when none was checked. */
  worstDifference: number | null;
}

/**
 * The estimate at one sparsity: median = dense model − Σ count·dense layer + Σ count·sparse layer;
 * p10/p90 from the least and most favourable ends of every spread. Null when a layer lacks samples.
 */
export function estimateAt(dense: TimingSummary, layers: readonly LayerMeasurement[], sparsity: number, rule: ReliabilityRule): EstimateParts | null {
  let medianMs = dense.medianMs;
  let p10Ms = dense.p10Ms;
  let p90Ms = dense.p90Ms;
  let iterations = dense.iterations;
  let worstDifference: number | null = null;
  const problems: string[] = [];
  for (const layer of layers) {
    const sparse = layer.sparse.find((s) => s.sparsity === sparsity);
    if (layer.denseSamplesMs.length === 0 || !sparse || sparse.samplesMs.length === 0) return null;
    const d = summarize(layer.denseSamplesMs);
    const s = summarize(sparse.samplesMs);
    medianMs += layer.count * (s.medianMs - d.medianMs);
    p10Ms += layer.count * (s.p10Ms - d.p90Ms);
    p90Ms += layer.count * (s.p90Ms - d.p10Ms);
    iterations = Math.min(iterations, d.iterations, s.iterations);
    for (const [what, summary] of [['dense', d], ['sparse', s]] as const) {
      const r = reliability(summary, rule);
      if (!r.reliable) problems.push(`layer ${layer.name} ${what}: ${r.reason}`);
    }
    if (sparse.relativeDifference !== null) worstDifference = Math.max(worstDifference ?? 0, sparse.relativeDifference);
  }
  return { medianMs, p10Ms, p90Ms, iterations, problems, worstDifference };
}

function estimateRow(input: ModelTableInput, dense: TimingSummary | null, sparsity: number): SpeedupRow {
  const base = emptyRow('cpu', 'sparse-kernel', sparsity, input.batch, input.pattern);
  const unavailable = (note: string): SpeedupRow => ({ ...base, kind: 'unavailable', note });
  const { layers } = input;
  if (!layers.reachable) return unavailable(LABELS.sparseUnreachable(layers.reason));
  if (layers.measured.length === 0) {
    return unavailable(
      layers.untimed.length > 0
        ? `no sparse-kernel estimate: no prunable MatMul/Gemm layer could be timed (${layers.untimed.slice(0, 3).join('; ')})`
        : 'no sparse-kernel estimate: ORT’s sparse kernel is a MatMul; this model’s pruned layers are convolutions',
    );
  }
  if (!dense) return unavailable(LABELS.notRun(input.providerErrors.cpu ?? (input.cancelled ? 'the run was cancelled first' : 'no dense model time')));
  const parts = estimateAt(dense, layers.measured, sparsity, input.rule);
  if (!parts) return unavailable(LABELS.notRun(input.cancelled ? 'the run was cancelled before every layer was timed' : 'a layer has no samples'));
  if (parts.worstDifference !== null && !(parts.worstDifference <= OUTPUT_TOLERANCE)) {
    return unavailable(`sparse kernel output differs from zeroed dense by ${parts.worstDifference.toExponential(2)} (relative, tolerance ${OUTPUT_TOLERANCE}); not reported`);
  }
  if (!(parts.medianMs > 0)) {
    return unavailable(
      `no estimate: the isolated dense layers take longer than the whole model (${dense.medianMs.toPrecision(3)} ms); ` +
        'isolated timings do not add up here (threading or caching differ)',
    );
  }
  const layerCount = layers.measured.reduce((a, l) => a + l.count, 0);
  const extras = [
    parts.worstDifference === null ? '; sparse outputs not checked' : `; sparse outputs match zeroed dense within ${parts.worstDifference.toExponential(1)} (relative)`,
    input.convLayers > 0 ? `; ${input.convLayers} pruned Conv layer${input.convLayers === 1 ? '' : 's'} kept at dense time (ORT has no sparse convolution)` : '',
    layers.untimed.length > 0 ? `; ${layers.untimed.length} layer(s) could not be timed and count at dense time` : '',
  ].join('');
  const problems = [...parts.problems];
  const denseReliable = reliability(dense, input.rule);
  if (!denseReliable.reliable) problems.push(`dense model: ${denseReliable.reason}`);
  let speedup: SpeedupRow['speedup'] = null;
  if (parts.p10Ms > 0) {
    speedup = { value: dense.medianMs / parts.medianMs, low: dense.p10Ms / parts.p90Ms, high: dense.p90Ms / parts.p10Ms };
  } else {
    problems.push('the layer timings spread wider than the model time, so the estimate has no interval');
  }
  const note = MODEL_LABELS.estimate(input.threads, layerCount, extras);
  return {
    ...base,
    kind: 'estimate',
    medianMs: parts.medianMs,
    p10Ms: Math.max(0, parts.p10Ms),
    p90Ms: parts.p90Ms,
    iterations: parts.iterations,
    speedup,
    reliable: problems.length === 0 && speedup !== null,
    note: problems.length === 0 ? note : `${note}. UNRELIABLE: ${problems.slice(0, 4).join('; ')}${problems.length > 4 ? '; …' : ''}`,
  };
}

export function buildModelTable(input: ModelTableInput): SpeedupRow[] {
  const rows: SpeedupRow[] = [];
  const { batch, pattern, rule } = input;
  for (const provider of input.providers) {
    const why = LABELS.notRun(input.providerErrors[provider] ?? (input.cancelled ? 'the run was cancelled first' : 'no samples'));
    const dense = summaryOf(input.timings, provider, 'dense', 0);
    const denseBase = emptyRow(provider, 'dense', 0, batch, 'unstructured');
    rows.push(dense ? measuredRow(denseBase, dense, dense, rule, MODEL_LABELS.dense(provider, input.threads)) : { ...denseBase, kind: 'unavailable', note: why });
    for (const sparsity of input.sparsities) {
      const zeroedBase = emptyRow(provider, 'zeroed-dense', sparsity, batch, pattern);
      const zeroed = summaryOf(input.timings, provider, 'zeroed-dense', sparsity);
      rows.push(zeroed ? measuredRow(zeroedBase, zeroed, dense, rule, MODEL_LABELS.zeroed(pattern)) : { ...zeroedBase, kind: 'unavailable', note: why });
      if (provider === 'cpu') rows.push(estimateRow(input, dense, sparsity));
      else rows.push({ ...emptyRow(provider, 'sparse-kernel', sparsity, batch, pattern), kind: 'unavailable', note: LABELS.noSparseKernelOnProvider(provider) });
    }
    if (pattern === '2:4') {
      const base = emptyRow(provider, 'structured-2:4', 0.5, batch, '2:4');
      rows.push({ ...base, kind: 'unavailable', note: provider === 'tensorrt' ? LABELS.tensorrt24('the own-model benchmark does not build TensorRT engines') : MODEL_LABELS.noTwoFourPath(provider) });
    }
  }
  return rows;
}

/** Requests per second at the run's batch from a row's median. */
export function throughputPerSecond(row: Pick<SpeedupRow, 'medianMs'>, batch: number): number | null {
  return row.medianMs === null || !(row.medianMs > 0) ? null : (batch * 1000) / row.medianMs;
}
