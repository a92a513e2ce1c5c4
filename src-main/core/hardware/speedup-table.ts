/**
 * From pooled timings to the speed-up table the ROI engine reads. Every provider that ran gets
 * the same rows in the same order — dense, zeroed dense, sparse kernel, 2:4, upper bound, per
 * token count — so a row that could not be measured is present and says why rather than missing.
 */
import { ADAPTER_LABELS } from './adapters.js';
import type { Provider, RawTiming, SpeedupRow, TimingPath, Variant } from './benchmark-result.js';
import type { ChainModel, SuitePlan } from './chain-plan.js';
import { cacheText, LABELS } from './row-labels.js';
import { evidenceText, type TensorRtEvidence } from './tensorrt-evidence.js';
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

/**
 * A GPU's output against the CPU's for the same model and input. GPUs sum in another order, and
 * reduced precisions keep 11 significant bits, so each arithmetic has its tolerance (relative to
 * the output's largest value): FP32 agrees to ~1e-6 in practice (WebGPU on lavapipe: ~5e-7),
 * TF32 and FP16 to ~1e-3.
 */
export const GPU_OUTPUT_TOLERANCE = { fp32: 1e-4, tf32: 1e-2, fp16: 1e-2 } as const;
export type OutputPrecision = keyof typeof GPU_OUTPUT_TOLERANCE;

/**
 * The arithmetic each provider may use for an FP32 model: ORT's CUDA provider lets cuBLAS use
 * TF32 on Ampere and newer by default (onnxruntime-node cannot turn it off), Core ML may run on
 * the GPU or Neural Engine in FP16, and TensorRT is asked for FP16.
 */
export const PROVIDER_PRECISION: Record<Provider, OutputPrecision> = {
  cpu: 'fp32',
  webgpu: 'fp32',
  dml: 'fp32',
  coreml: 'fp16',
  cuda: 'tf32',
  tensorrt: 'fp16',
};

export interface OutputCheck {
  provider: Provider;
  variant: Variant;
  sparsity: number;
  tokens: number;
  precision: OutputPrecision;
  /** max |gpu − cpu| / max |cpu|; null when the CPU did not run this model. */
  relativeDifference: number | null;
}

/** The TensorRT suite (C API, FP16, sparsity on): loaded with its build-log evidence per token count, or why not. */
export type TensorRtOutcome = { loaded: true; evidence: { tokens: number; evidence: TensorRtEvidence }[]; engineCache: string | null } | { loaded: false; reason: string };

export interface TableInput {
  plan: SuitePlan;
  /** Providers that passed their probe, i.e. that were timed. */
  providers: Provider[];
  timings: RawTiming[];
  /** Errors that stopped a provider part-way, by provider. */
  providerErrors: Partial<Record<Provider, string>>;
  sparseKernel: SparseKernelOutcome;
  cancelled: boolean;
  /** Every GPU output the run checked against the CPU's. */
  outputChecks?: OutputCheck[];
  /** Present when TensorRT was asked for. */
  tensorrt?: TensorRtOutcome;
  /** Providers whose adapter is a GPU emulated on the CPU: every row of theirs says it is no performance figure. */
  softwareProviders?: Provider[];
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
    if (!m) return this.unavailable(provider, model, tokens, this.missing(provider));
    const check = this.checkOutcome(provider, model.variant, model.sparsity, tokens);
    if ('refused' in check) return this.unavailable(provider, model, tokens, check.refused);
    return this.measured(provider, model, tokens, m, baseline, note + check.suffix, this.failedLater(provider));
  }

  /** A provider that crashed part-way keeps the rows it finished, marked unreliable with its error. */
  failedLater(provider: Provider): string | undefined {
    const error = this.input.providerErrors[provider];
    return error === undefined ? undefined : LABELS.providerFailedLater(error);
  }

  outputCheck(provider: Provider, variant: Variant, sparsity: number, tokens: number): OutputCheck | undefined {
    return this.input.outputChecks?.find((c) => c.provider === provider && c.variant === variant && c.sparsity === sparsity && c.tokens === tokens);
  }

  /**
   * A GPU row's output against the CPU's: words to add to its note, or the reason it is refused
   * (a model that computes something else on the GPU is no measurement). CPU rows are the reference.
   */
  checkOutcome(provider: Provider, variant: Variant, sparsity: number, tokens: number): { suffix: string } | { refused: string } {
    const check = provider === 'cpu' ? undefined : this.outputCheck(provider, variant, sparsity, tokens);
    if (!check) return { suffix: '' };
    if (check.relativeDifference === null) return { suffix: `; ${LABELS.outputNotChecked()}` };
    const tolerance = GPU_OUTPUT_TOLERANCE[check.precision];
    if (!(check.relativeDifference <= tolerance)) return { refused: LABELS.outputDiffers(provider, check.relativeDifference, tolerance) };
    return { suffix: `; ${LABELS.outputMatches(check.relativeDifference, tolerance)}` };
  }

  /**
   * TensorRT runs through the C API with FP16 and sparse tactics allowed, for the dense and the
   * 2:4 chain only; its 2:4 speed-up is against that dense FP16 chain.
   */
  tensorrtRows(tokens: number): SpeedupRow[] {
    const { plan, tensorrt } = this.input;
    const [denseModel, structured] = plan.tensorrtModels as [ChainModel, ChainModel];
    const capi = (model: ChainModel) => this.measure({ path: 'ort-c-api', provider: 'tensorrt', variant: model.variant, sparsity: model.sparsity, tokens });
    const cache = tensorrt?.loaded && tensorrt.engineCache ? `; engines cached in ${tensorrt.engineCache}` : '';
    const dense = capi(denseModel);
    const rows: SpeedupRow[] = [];
    const timed = (model: ChainModel, m: Measured | null, note: string): SpeedupRow => {
      if (!m) return this.unavailable('tensorrt', model, tokens, this.missing('tensorrt'));
      const check = this.checkOutcome('tensorrt', model.variant, model.sparsity, tokens);
      if ('refused' in check) return this.unavailable('tensorrt', model, tokens, check.refused);
      return this.measured('tensorrt', model, tokens, m, dense, note + check.suffix, this.failedLater('tensorrt'));
    };
    rows.push(timed(denseModel, dense, `${LABELS.tensorrtDense(cache)}; ${cacheText(denseModel, plan.lastLevelCacheBytes)}`));
    const zeroed = plan.jsModels.filter((m) => m.kind === 'zeroed');
    rows.push(...zeroed.map((m) => this.unavailable('tensorrt', m, tokens, LABELS.tensorrtNotTimed())));
    rows.push(...plan.capiModels.slice(1).map((m) => this.unavailable('tensorrt', m, tokens, LABELS.noSparseKernelOnProvider('tensorrt'))));
    const evidence = tensorrt?.loaded ? tensorrt.evidence.find((e) => e.tokens === tokens)?.evidence : undefined;
    const row = timed(structured, capi(structured), LABELS.tensorrt24(evidenceText(evidence ?? null)));
    rows.push({ ...row, pattern: '2:4' });
    rows.push(...plan.jsModels.filter((m) => m.kind === 'upper-bound').map((m) => this.unavailable('tensorrt', m, tokens, LABELS.tensorrtNotTimed())));
    return rows;
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
      if (provider === 'tensorrt') {
        rows.push(...builder.tensorrtRows(tokens));
        continue;
      }
      const dense = builder.measure({ provider, variant: 'dense', sparsity: 0, tokens });
      rows.push(builder.jsRow(provider, denseModel!, tokens, dense, `${LABELS.dense(provider, plan.settings.threads)}; ${cacheText(denseModel!, llc)}`));
      const zeroed = zeroedModels.map((model) => builder.jsRow(provider, model, tokens, dense, LABELS.zeroed()));
      rows.push(...zeroed);
      rows.push(...builder.sparseRows(provider, tokens));
      rows.push(structuredRow(provider, tokens, zeroed.find((r) => r.sparsity === 0.5), builder.outputCheck(provider, 'structured-2:4', 0.5, tokens)));
      for (const model of upperModels) {
        rows.push(builder.jsRow(provider, model, tokens, dense, `${LABELS.upperBound(model.cacheCold)}; ${cacheText(model, llc)}`));
      }
    }
  }
  // TensorRT asked for but not loaded: its one row that matters says why, with the loader's error.
  if (input.tensorrt && !input.tensorrt.loaded && !input.providers.includes('tensorrt')) {
    for (const tokens of plan.settings.tokens) {
      const base = emptyRow('tensorrt', 'structured-2:4', 0.5, tokens);
      rows.push({ ...base, pattern: '2:4', kind: 'unavailable', note: LABELS.tensorrtUnavailable(input.tensorrt.reason) });
    }
  }
  const software = new Set(input.softwareProviders ?? []);
  return rows.map((r) => (software.has(r.provider) ? { ...r, note: `${r.note}; ${ADAPTER_LABELS.software}` } : r));
}

/** The words for the 2:4 model's output check on a GPU, or nothing on the CPU (the reference) or without a check. */
function structuredCheckText(check: OutputCheck | undefined): string {
  if (!check || check.provider === 'cpu') return '';
  if (check.relativeDifference === null) return `; ${LABELS.structuredChecked(LABELS.outputNotChecked())}`;
  const tolerance = GPU_OUTPUT_TOLERANCE[check.precision];
  const result =
    check.relativeDifference <= tolerance
      ? LABELS.outputMatches(check.relativeDifference, tolerance)
      : LABELS.outputDiffers(check.provider, check.relativeDifference, tolerance);
  return `; ${LABELS.structuredChecked(result)}`;
}

function structuredRow(provider: Provider, tokens: number, halfZeroed: SpeedupRow | undefined, check: OutputCheck | undefined): SpeedupRow {
  const base = { ...emptyRow(provider, 'structured-2:4', 0.5, tokens), pattern: '2:4' as const };
  const checked = structuredCheckText(check);
  if (!halfZeroed || halfZeroed.kind === 'unavailable') {
    return { ...base, kind: 'same-as-unstructured', note: LABELS.sameAsUnstructured(provider, false) + checked };
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
    note: LABELS.sameAsUnstructured(provider, true) + checked,
  };
}
