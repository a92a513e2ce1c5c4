/**
 * From pooled timings to the speed-up table the ROI engine reads. Every provider that ran gets
 * the same rows in the same order — dense, zeroed dense, sparse kernel, 2:4, upper bound, per
 * token count — so a row that could not be measured is present and says why rather than missing.
 */
import type { Provider, RawTiming, SpeedupRow, TimingPath, Variant } from './benchmark-result.js';
import type { ChainModel, SuitePlan } from './chain-plan.js';
import { cacheText, LABELS } from './row-labels.js';
import { reliability, scaleSummary, speedupAgainst, summarize, type TimingSummary } from './statistics.js';

/** Sparse-kernel outputs agree with zeroed dense when max |diff| / max |reference| is at most this. */
export const OUTPUT_TOLERANCE = 1e-4;

export interface SparseCheck {
  sparsity: number;
  tokens: number;
  /** max |sparse − zeroed dense| / max |zeroed dense|; null when no zeroed-dense output was there to compare. */
  relativeDifference: number | null;
}

export type SparseKernelOutcome = { reachable: true; checks: SparseCheck[] } | { reachable: false; reason: string };

export interface TableInput {
  plan: SuitePlan;
  /** Providers that passed their probe, i.e. that were timed. */
  providers: Provider[];
  timings: RawTiming[];
  /** Errors that stopped a provider part-way, by provider. */
  providerErrors: Partial<Record<Provider, string>>;
  sparseKernel: SparseKernelOutcome;
  cancelled: boolean;
}

export function timingKey(t: { provider: Provider; variant: Variant; sparsity: number; tokens: number; path?: TimingPath | undefined }): string {
  return `${t.path ?? 'onnxruntime-node'}|${t.provider}|${t.variant}|${t.sparsity}|${t.tokens}`;
}

interface Measured {
  summary: TimingSummary;
  /** Raw median of the chain as run, for useful-work throughput. */
  rawMedianMs: number;
}

function emptyRow(provider: Provider, variant: Variant, sparsity: number, tokens: number): Omit<SpeedupRow, 'kind' | 'note'> {
  return {
    provider,
    variant,
    pattern: 'unstructured',
    sparsity,
    tokens,
    medianMs: null,
    p10Ms: null,
    p90Ms: null,
    iterations: 0,
    usefulGflops: null,
    speedup: null,
    reliable: false,
  };
}

export function buildSpeedupTable(input: TableInput): SpeedupRow[] {
  const { plan } = input;
  const { settings } = plan;
  const llc = plan.lastLevelCacheBytes;
  const rule = { minIterations: settings.minIterations, maxRelativeSpread: plan.suite.tuning.maxRelativeSpread };
  const byKey = new Map(input.timings.map((t) => [timingKey(t), t]));

  const measure = (key: string, model: ChainModel): Measured | null => {
    const timing = byKey.get(key);
    if (!timing || timing.samplesMs.length === 0) return null;
    const raw = summarize(timing.samplesMs);
    // Longer upper-bound chains are expressed per request of the dense chain's depth.
    const layers = timing.layers ?? settings.chainLayers;
    return { summary: scaleSummary(raw, settings.chainLayers / layers), rawMedianMs: raw.medianMs };
  };

  const missing = (provider: Provider) =>
    LABELS.notRun(input.providerErrors[provider] ?? (input.cancelled ? 'the run was cancelled first' : 'no samples'));

  const measuredRow = (
    provider: Provider,
    model: ChainModel,
    tokens: number,
    m: Measured,
    baseline: Measured | null,
    note: string,
    extraProblem?: string,
  ): SpeedupRow => {
    const own = reliability(m.summary, rule);
    const base = baseline ? reliability(baseline.summary, rule) : { reliable: false as const, reason: 'no dense baseline' };
    const problems = [
      ...(own.reliable ? [] : [own.reason]),
      ...(base.reliable ? [] : [`dense baseline: ${base.reason}`]),
      ...(extraProblem ? [extraProblem] : []),
    ];
    return {
      ...emptyRow(provider, model.variant, model.sparsity, tokens),
      kind: model.variant === 'upper-bound' ? 'upper-bound' : 'measured',
      medianMs: m.summary.medianMs,
      p10Ms: m.summary.p10Ms,
      p90Ms: m.summary.p90Ms,
      iterations: m.summary.iterations,
      // 2·M·(non-zero weights) per chain, over the chain's own time: only work a sparse kernel cannot skip.
      usefulGflops: (2 * tokens * model.nonzeros) / (m.rawMedianMs * 1e6),
      speedup: baseline ? speedupAgainst(baseline.summary, m.summary) : null,
      reliable: problems.length === 0,
      note: problems.length === 0 ? note : `${note}. UNRELIABLE: ${problems.join('; ')}`,
    };
  };

  const rows: SpeedupRow[] = [];
  const [denseModel, ...restJs] = plan.jsModels;
  const zeroedModels = restJs.filter((m) => m.kind === 'zeroed');
  const upperModels = restJs.filter((m) => m.kind === 'upper-bound');
  const [capiDense, ...sparseModels] = plan.capiModels;

  for (const provider of input.providers) {
    for (const tokens of settings.tokens) {
      const js = (model: ChainModel) =>
        measure(timingKey({ provider, variant: model.variant, sparsity: model.sparsity, tokens }), model);
      const dense = js(denseModel!);
      const denseNote = `${LABELS.dense(provider, settings.threads)}; ${cacheText(denseModel!, llc)}`;
      rows.push(
        dense
          ? measuredRow(provider, denseModel!, tokens, dense, dense, denseNote)
          : { ...emptyRow(provider, 'dense', 0, tokens), kind: 'unavailable', note: missing(provider) },
      );

      const zeroedRows = new Map<number, SpeedupRow>();
      for (const model of zeroedModels) {
        const m = js(model);
        const row: SpeedupRow = m
          ? measuredRow(provider, model, tokens, m, dense, LABELS.zeroed())
          : { ...emptyRow(provider, 'zeroed-dense', model.sparsity, tokens), kind: 'unavailable', note: missing(provider) };
        zeroedRows.set(model.sparsity, row);
        rows.push(row);
      }

      rows.push(...sparseRows(input, provider, tokens, sparseModels, capiDense!, measure, measuredRow));

      rows.push(structuredRow(provider, tokens, zeroedRows.get(0.5)));

      for (const model of upperModels) {
        const m = js(model);
        const note = `${LABELS.upperBound(model.cacheCold)}; ${cacheText(model, llc)}`;
        rows.push(
          m
            ? measuredRow(provider, model, tokens, m, dense, note)
            : { ...emptyRow(provider, 'upper-bound', model.sparsity, tokens), kind: 'unavailable', note: missing(provider) },
        );
      }
    }
  }
  return rows;
}

function sparseRows(
  input: TableInput,
  provider: Provider,
  tokens: number,
  sparseModels: ChainModel[],
  capiDense: ChainModel,
  measure: (key: string, model: ChainModel) => Measured | null,
  measuredRow: (
    provider: Provider,
    model: ChainModel,
    tokens: number,
    m: Measured,
    baseline: Measured | null,
    note: string,
    extraProblem?: string,
  ) => SpeedupRow,
): SpeedupRow[] {
  const { plan, sparseKernel } = input;
  const unavailable = (model: ChainModel, note: string): SpeedupRow => ({
    ...emptyRow(provider, 'sparse-kernel', model.sparsity, tokens),
    kind: 'unavailable',
    note,
  });
  if (provider !== 'cpu') return sparseModels.map((m) => unavailable(m, LABELS.noSparseKernelOnProvider(provider)));
  if (!sparseKernel.reachable) return sparseModels.map((m) => unavailable(m, LABELS.sparseUnreachable(sparseKernel.reason)));

  const capiKey = (variant: Variant, sparsity: number) => timingKey({ path: 'ort-c-api', provider: 'cpu', variant, sparsity, tokens });
  const baseline = measure(capiKey('dense', 0), capiDense);
  return sparseModels.map((model) => {
    const m = measure(capiKey('sparse-kernel', model.sparsity), model);
    if (!m) return unavailable(model, LABELS.notRun(input.cancelled ? 'the run was cancelled first' : 'no samples'));
    const check = sparseKernel.checks.find((c) => c.sparsity === model.sparsity && c.tokens === tokens);
    const difference = check?.relativeDifference ?? null;
    if (difference !== null && !(difference <= OUTPUT_TOLERANCE)) {
      // A kernel that computes something else is not a sparse measurement at all.
      return unavailable(
        model,
        `sparse kernel output differs from zeroed dense by ${difference.toExponential(2)} (relative, tolerance ${OUTPUT_TOLERANCE}); not reported`,
      );
    }
    const checked =
      difference === null
        ? 'output not checked: no zeroed-dense output to compare'
        : `output matches zeroed dense within ${difference.toExponential(1)} (relative)`;
    const note = `${LABELS.sparseKernel(plan.settings.threads)}; ${checked}; ${cacheText(model, plan.lastLevelCacheBytes)}`;
    return measuredRow('cpu', model, tokens, m, baseline, note, difference === null ? 'output not checked against zeroed dense' : undefined);
  });
}

function structuredRow(provider: Provider, tokens: number, halfZeroed: SpeedupRow | undefined): SpeedupRow {
  const base = { ...emptyRow(provider, 'structured-2:4', 0.5, tokens), pattern: '2:4' as const };
  if (provider === 'tensorrt') return { ...base, kind: 'unavailable', note: LABELS.tensorrt24() };
  if (!halfZeroed || halfZeroed.kind === 'unavailable') {
    return { ...base, kind: 'same-as-unstructured', note: LABELS.sameAsUnstructured(provider, false) };
  }
  return {
    ...base,
    kind: 'same-as-unstructured',
    medianMs: halfZeroed.medianMs,
    p10Ms: halfZeroed.p10Ms,
    p90Ms: halfZeroed.p90Ms,
    iterations: halfZeroed.iterations,
    usefulGflops: halfZeroed.usefulGflops,
    speedup: halfZeroed.speedup,
    reliable: halfZeroed.reliable,
    note: LABELS.sameAsUnstructured(provider, true),
  };
}
