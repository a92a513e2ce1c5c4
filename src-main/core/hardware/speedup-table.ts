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

/** Row-making for one table: looks up pooled timings and turns them into rows with their words. */
class TableBuilder {
  private readonly byKey: Map<string, RawTiming>;
  private readonly rule: { minIterations: number; maxRelativeSpread: number };

  constructor(private readonly input: TableInput) {
    this.byKey = new Map(input.timings.map((t) => [timingKey(t), t]));
    this.rule = { minIterations: input.plan.settings.minIterations, maxRelativeSpread: input.plan.suite.tuning.maxRelativeSpread };
  }

  /** A case's pooled samples, with longer upper-bound chains expressed per request of the dense chain's depth. */
  measure(key: Parameters<typeof timingKey>[0]): Measured | null {
    const timing = this.byKey.get(timingKey(key));
    if (!timing || timing.samplesMs.length === 0) return null;
    const raw = summarize(timing.samplesMs);
    const { chainLayers } = this.input.plan.settings;
    return { summary: scaleSummary(raw, chainLayers / (timing.layers ?? chainLayers)), rawMedianMs: raw.medianMs };
  }

  unavailable(provider: Provider, model: Pick<ChainModel, 'variant' | 'sparsity'>, tokens: number, note: string): SpeedupRow {
    return { ...emptyRow(provider, model.variant, model.sparsity, tokens), kind: 'unavailable', note };
  }

  /** Why a case of this provider has no samples. */
  missing(provider: Provider): string {
    const { providerErrors, cancelled } = this.input;
    return LABELS.notRun(providerErrors[provider] ?? (cancelled ? 'the run was cancelled first' : 'no samples'));
  }

  measured(provider: Provider, model: ChainModel, tokens: number, m: Measured, baseline: Measured | null, note: string, extraProblem?: string): SpeedupRow {
    const own = reliability(m.summary, this.rule);
    const base = baseline ? reliability(baseline.summary, this.rule) : { reliable: false as const, reason: 'no dense baseline' };
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
  }

  /** Rows of a model timed through onnxruntime-node on `provider`, or why it was not. */
  jsRow(provider: Provider, model: ChainModel, tokens: number, baseline: Measured | null, note: string): SpeedupRow {
    const m = this.measure({ provider, variant: model.variant, sparsity: model.sparsity, tokens });
    return m ? this.measured(provider, model, tokens, m, baseline, note) : this.unavailable(provider, model, tokens, this.missing(provider));
  }

  /**
   * The sparse kernel exists only on the CPU, through the C API; its speed-up is against the
   * dense chain timed in the same process, and a kernel that disagrees with zeroed dense is no
   * measurement at all.
   */
  sparseRows(provider: Provider, tokens: number): SpeedupRow[] {
    const { plan, sparseKernel, cancelled } = this.input;
    const [capiDense, ...sparseModels] = plan.capiModels;
    if (provider !== 'cpu') return sparseModels.map((m) => this.unavailable(provider, m, tokens, LABELS.noSparseKernelOnProvider(provider)));
    if (!sparseKernel.reachable) return sparseModels.map((m) => this.unavailable(provider, m, tokens, LABELS.sparseUnreachable(sparseKernel.reason)));

    const capi = (model: ChainModel) => this.measure({ path: 'ort-c-api', provider: 'cpu', variant: model.variant, sparsity: model.sparsity, tokens });
    const baseline = capi(capiDense!);
    return sparseModels.map((model) => {
      const m = capi(model);
      if (!m) return this.unavailable('cpu', model, tokens, LABELS.notRun(cancelled ? 'the run was cancelled first' : 'no samples'));
      const check = sparseKernel.checks.find((c) => c.sparsity === model.sparsity && c.tokens === tokens);
      const difference = check?.relativeDifference ?? null;
      if (difference !== null && !(difference <= OUTPUT_TOLERANCE)) {
        return this.unavailable(
          'cpu',
          model,
          tokens,
          `sparse kernel output differs from zeroed dense by ${difference.toExponential(2)} (relative, tolerance ${OUTPUT_TOLERANCE}); not reported`,
        );
      }
      const checked =
        difference === null
          ? 'output not checked: no zeroed-dense output to compare'
          : `output matches zeroed dense within ${difference.toExponential(1)} (relative)`;
      const note = `${LABELS.sparseKernel(plan.settings.threads)}; ${checked}; ${cacheText(model, plan.lastLevelCacheBytes)}`;
      return this.measured('cpu', model, tokens, m, baseline, note, difference === null ? 'output not checked against zeroed dense' : undefined);
    });
  }
}

export function buildSpeedupTable(input: TableInput): SpeedupRow[] {
  const { plan } = input;
  const llc = plan.lastLevelCacheBytes;
  const builder = new TableBuilder(input);
  const [denseModel, ...restJs] = plan.jsModels;
  const zeroedModels = restJs.filter((m) => m.kind === 'zeroed');
  const upperModels = restJs.filter((m) => m.kind === 'upper-bound');

  const rows: SpeedupRow[] = [];
  for (const provider of input.providers) {
    for (const tokens of plan.settings.tokens) {
      const dense = builder.measure({ provider, variant: 'dense', sparsity: 0, tokens });
      rows.push(builder.jsRow(provider, denseModel!, tokens, dense, `${LABELS.dense(provider, plan.settings.threads)}; ${cacheText(denseModel!, llc)}`));
      const zeroed = zeroedModels.map((model) => builder.jsRow(provider, model, tokens, dense, LABELS.zeroed()));
      rows.push(...zeroed);
      rows.push(...builder.sparseRows(provider, tokens));
      rows.push(structuredRow(provider, tokens, zeroed.find((r) => r.sparsity === 0.5)));
      for (const model of upperModels) {
        rows.push(builder.jsRow(provider, model, tokens, dense, `${LABELS.upperBound(model.cacheCold)}; ${cacheText(model, llc)}`));
      }
    }
  }
  return rows;
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
