/**
 * "Your own model on your own hardware": benchmarks the user's ONNX file on this machine, dense
 * against pruned, on every requested provider, and returns one benchmark result document with a
 * `model` section. The CLI (`bench --model`) and the app's "Measure our own model" both call
 * runModelBenchmark. This process reads and plans; all timing happens in benchmark children
 * (onnxruntime-node per provider, then a fresh one for ORT's C API), with the hardware check's
 * timing loop, statistics, progress and cancellation. The user's files are only read.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  BENCHMARK_FORMAT,
  BENCHMARK_VERSION,
  benchmarkResultSchema,
  type BenchmarkResult,
  type Provider,
  type ProviderProbe,
  type RawTiming,
} from '../../core/hardware/benchmark-result.js';
import { machineFingerprint } from '../../core/hardware/fingerprint.js';
import type { ModelSection } from '../../core/hardware/model-section.js';
import type { MachineRole } from '../../core/hardware/benchmark-result.js';
import { summarize } from '../../core/hardware/statistics.js';
import { timingKey } from '../../core/hardware/speedup-table.js';
import { InputError } from '../../core/input.js';
import { parseOnnxModel } from '../../core/own-model/onnx-graph.js';
import {
  API_MODEL_NAMES,
  DEFAULT_MAX_MODEL_BYTES,
  planModelBenchmark,
  type LayerCandidate,
  type ModelBenchmarkOptions,
  type ModelOptionNames,
  type ModelPlan,
} from '../../core/own-model/model-plan.js';
import { modelOverview, type ModelOverview } from '../../core/own-model/model-overview.js';
import { buildModelTable, type LayerMeasurement, type LayerOutcome } from '../../core/own-model/model-table.js';
import { parseDocument } from '../../core/schema.js';
import { collectInventory, listAdapters, type MachineInventory } from '../inventory.js';
import { BenchWorker, type TaskOutcome } from '../worker-process.js';
import type { WorkerMessage, WorkerTask } from '../worker-protocol.js';
import { externalFiles, gib, readModelFile } from './model-file.js';
import type { LayerCase, ModelJob, ModelTimingJob } from './model-protocol.js';

export interface ModelBenchmarkProgress {
  fraction: number;
  current: string;
}

export interface ModelBenchmarkHooks {
  onProgress?: (progress: ModelBenchmarkProgress) => void;
  signal?: AbortSignal;
}

export interface RunModelBenchmarkOptions extends ModelBenchmarkOptions {
  /** The machine's role, as the person running the check states it; default development. */
  role?: MachineRole;
  /** How options are called in errors; CLI option names from the CLI. */
  optionNames?: ModelOptionNames;
  /** How the model file is called in errors about the option itself (e.g. --model). */
  fileField?: string;
  ortLibraryPath?: string;
  inventory?: MachineInventory;
}

const PROBE_TIMEOUT_MS = 30_000;

/**
 * ORT's load errors start with a source path and a C++ signature ("/onnxruntime_src/…h:46 void
 * onnxruntime::…(…) "); what happened comes after. Drops that prefix and keeps at most the last
 * 400 characters, where ORT says what is wrong.
 */
export function ortMessage(text: string): string {
  const plain = text.replace(/\s+/g, ' ').replace(/^\/\S+:\d+ [^(]*\([^)]*\)( const)? /, '').trim();
  return plain.length <= 400 ? plain : `…${plain.slice(-400)}`;
}

function appVersion(): string {
  try {
    const file = createRequire(import.meta.url).resolve('../../../package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface AnalysedModel {
  plan: ModelPlan;
  path: string;
  externalLocations: string[];
}

/**
 * Reads and plans: the file's checks (regular file, size limit, ONNX, external data), the
 * layers to prune, the inputs. Fast and without children, so the app can show what it found
 * before anything is timed; runModelBenchmark calls it first.
 */
export function analyseModel(file: string, options: RunModelBenchmarkOptions = {}, cores = 1): AnalysedModel {
  const names = options.optionNames ?? API_MODEL_NAMES;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MODEL_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new InputError(names.maxBytes, `must be a whole number of bytes ≥ 1 (got ${maxBytes})`);
  const read = readModelFile(file, maxBytes, options.fileField ?? 'model');
  const model = parseOnnxModel(read.bytes, read.fileName);
  const external = externalFiles(model, read.path, read.fileName);
  const externalBytes = external.reduce((a, f) => a + f.bytes, 0);
  if (read.bytes.length + externalBytes > maxBytes) {
    throw new InputError(read.fileName, `the model and its external data are ${gib(read.bytes.length + externalBytes)}, over the ${gib(maxBytes)} limit (raise it with --max-size)`);
  }
  const plan = planModelBenchmark(
    { fileName: read.fileName, sha256: read.sha256, bytes: read.bytes, externalDataBytes: externalBytes, cores, model },
    options,
    names,
  );
  return { plan, path: read.path, externalLocations: external.map((f) => f.location) };
}

/**
 * What the app shows when a file is picked: the file's checks as for a run (ONNX, size, external
 * data), then its inputs and what pruning would touch; no shapes are needed yet.
 */
export function describeModelFile(file: string, token: string, maxBytes = DEFAULT_MAX_MODEL_BYTES): ModelOverview {
  const read = readModelFile(file, maxBytes, 'model');
  const model = parseOnnxModel(read.bytes, read.fileName);
  const external = externalFiles(model, read.path, read.fileName);
  const total = read.bytes.length + external.reduce((a, f) => a + f.bytes, 0);
  if (total > maxBytes) throw new InputError(read.fileName, `the model and its external data are ${gib(total)}, over the ${gib(maxBytes)} limit`);
  return modelOverview(model, { token, fileName: read.fileName, bytes: total });
}

function timingJob(plan: ModelPlan, budgetMsPerCase: number): ModelTimingJob {
  const t = plan.tuning;
  return {
    rounds: t.rounds,
    budgetMsPerCase,
    minIterations: t.minIterations,
    warmups: t.warmups,
    slowCallMs: t.slowCallMs,
    budgetOverrun: t.budgetOverrun,
    maxIterations: t.maxIterations,
    threads: plan.threads,
  };
}

/** M of a layer from its activation's shape in the profiled run; null when the run did not show it. */
export function layerRows(candidate: LayerCandidate, inputs: number[][] | undefined): number | null {
  const activation = inputs?.[0];
  if (!activation || activation.length < 2) return null;
  if (candidate.opType === 'Gemm') {
    if (activation.length !== 2) return null;
    const [a, b] = activation as [number, number];
    return candidate.transA ? b : a;
  }
  if (activation[activation.length - 1] !== candidate.k) return null;
  const m = activation.slice(0, -1).reduce((x, y) => x * y, 1);
  return m > 0 ? m : null;
}

/** Layers of equal (M, K, N) are timed once, with the first one's weights, and counted. */
export function layerCases(candidates: readonly LayerCandidate[], shapes: Map<number, number[][]>): { cases: LayerCase[]; untimed: string[] } {
  const cases: LayerCase[] = [];
  const untimed: string[] = [];
  for (const candidate of candidates) {
    const m = layerRows(candidate, shapes.get(candidate.nodeIndex));
    if (m === null) {
      untimed.push(`${candidate.name}: its input shape did not show in the profiled run`);
      continue;
    }
    const same = cases.find((c) => c.m === m && c.k === candidate.k && c.n === candidate.n);
    if (same) same.count++;
    else cases.push({ ...candidate, m, count: 1 });
  }
  return { cases, untimed };
}

class ModelCollector {
  readonly timings = new Map<string, RawTiming>();
  readonly probes = new Map<Provider, ProviderProbe>();
  readonly loaded = new Map<Provider, string | null>();
  readonly placement: ModelSection['placement'] = [];
  readonly outputChange: ModelSection['outputChange'] = [];
  readonly layerSamples = new Map<string, number[]>();
  readonly layerChecks = new Map<string, number>();
  shapes = new Map<number, number[][]>();
  ortVersion: string | null = null;
  unreachable: string | null = null;
  current = 'starting';
  done = 0;

  constructor(private readonly progress: () => void) {}

  readonly onMessage = (message: WorkerMessage): void => {
    switch (message.type) {
      case 'probe-result':
        this.probes.set(message.provider, { provider: message.provider, available: message.error === null, error: message.error });
        this.ortVersion ??= message.ortVersion;
        this.done++;
        break;
      case 'case-start':
        this.current = message.label;
        break;
      case 'samples': {
        const key = timingKey(message.timing);
        const pooled = this.timings.get(key);
        if (pooled) {
          pooled.samplesMs.push(...message.timing.samplesMs);
          pooled.warmups += message.timing.warmups;
        } else this.timings.set(key, { ...message.timing, samplesMs: [...message.timing.samplesMs] });
        this.done++;
        break;
      }
      case 'model-loaded':
        this.loaded.set(message.provider, message.error);
        this.done++;
        break;
      case 'model-placement':
        this.placement.push({ provider: message.provider, nodesByProvider: message.nodesByProvider });
        break;
      case 'model-shapes':
        this.shapes = new Map(message.shapes.map((s) => [s.node, s.inputs]));
        break;
      case 'model-output':
        this.outputChange.push({ provider: message.provider, sparsity: message.sparsity, relative: message.relative, finite: message.finite });
        break;
      case 'layer-samples': {
        const key = `${message.layer}|${message.variant}|${message.sparsity}`;
        this.layerSamples.set(key, [...(this.layerSamples.get(key) ?? []), ...message.samplesMs]);
        this.done++;
        break;
      }
      case 'layer-check':
        this.layerChecks.set(`${message.layer}|${message.sparsity}`, message.relativeDifference);
        break;
      case 'unreachable':
        this.unreachable = message.reason;
        break;
      default:
        return;
    }
    this.progress();
  };
}

/**
 * Runs the benchmark. Rejects with an InputError for a bad file or options (before any child
 * starts), or when the model runs on no provider at all; a provider that fails keeps its rows
 * with the reason, and cancelling resolves with `cancelled: true` and what finished.
 */
export async function runModelBenchmark(file: string, options: RunModelBenchmarkOptions = {}, hooks: ModelBenchmarkHooks = {}): Promise<BenchmarkResult> {
  const createdAt = new Date().toISOString();
  const machine = options.inventory ?? (await collectInventory());
  const { plan, path: modelPath, externalLocations } = analyseModel(file, options, machine.cpu.cores);
  const { signal, onProgress } = hooks;

  const variantsPerProvider = 1 + plan.sparsities.length;
  const unitsFor = (providers: number, layerShapes: number) =>
    plan.providers.length + providers * (1 + variantsPerProvider * plan.tuning.rounds) + layerShapes * variantsPerProvider * plan.tuning.rounds;
  let total = unitsFor(plan.providers.length, plan.layerCandidates.length);
  let reported = 0;
  const collector = new ModelCollector(() => {
    reported = Math.max(reported, Math.min(1, collector.done / total));
    onProgress?.({ fraction: reported, current: collector.current });
  });
  const providerErrors: Partial<Record<Provider, string>> = {};
  let cancelled = signal?.aborted ?? false;

  const child: { worker: BenchWorker | null } = { worker: null };
  const stopChild = () => {
    child.worker?.kill();
    child.worker = null;
  };
  const runTask = async (task: WorkerTask, timeoutMs?: number): Promise<TaskOutcome> => {
    const worker = (child.worker ??= BenchWorker.start());
    let error: string | null = null;
    const outcome = await worker.runTask(
      task,
      (m) => {
        if (m.type === 'task-error') error = m.message;
        collector.onMessage(m);
      },
      signal,
      timeoutMs,
    );
    if (outcome.status !== 'done') stopChild();
    if (outcome.status === 'cancelled') cancelled = true;
    if (outcome.status === 'done' && error !== null) return { status: 'crashed', reason: error };
    return outcome;
  };

  const job: ModelJob = {
    ...timingJob(plan, plan.tuning.budgetMsPerCase),
    file: modelPath,
    sha256: plan.sha256,
    externalLocations,
    targets: plan.targets,
    pattern: plan.pattern,
    sparsities: plan.sparsities,
    inputs: plan.inputs,
    indexBounds: plan.indexBounds,
    seed: plan.seed,
    batch: plan.batch,
  };

  try {
    for (const provider of plan.providers) {
      if (cancelled) break;
      collector.current = `probing ${provider}`;
      const outcome = await runTask({ type: 'probe', provider }, PROBE_TIMEOUT_MS);
      if (outcome.status === 'crashed' && !collector.probes.has(provider)) collector.probes.set(provider, { provider, available: false, error: outcome.reason });
    }
    const available = plan.providers.filter((p) => collector.probes.get(p)?.available === true);
    for (const p of plan.providers) if (!available.includes(p)) providerErrors[p] = `provider unavailable: ${collector.probes.get(p)?.error ?? 'not probed'}`;
    total = unitsFor(available.length, available.includes('cpu') ? plan.layerCandidates.length : 0);

    // The whole model on each provider; the first that runs it also reports the node shapes.
    let shapesTaken = false;
    for (const provider of available) {
      if (cancelled) break;
      const wantShapes = !shapesTaken && provider === 'cpu';
      const outcome = await runTask({ type: 'model-suite', provider, job, shapes: wantShapes });
      const loadError = collector.loaded.get(provider);
      if (loadError) providerErrors[provider] = `the model does not run on ${provider}: ${ortMessage(loadError)}`;
      else if (outcome.status === 'crashed') providerErrors[provider] = outcome.reason;
      if (wantShapes && !loadError) shapesTaken = true;
      stopChild();
    }
    const ran = available.filter((p) => collector.loaded.get(p) === null);
    if (!cancelled && ran.length === 0 && available.length > 0) {
      const first = available[0]!;
      const why = ortMessage(collector.loaded.get(first) ?? providerErrors[first] ?? 'no result');
      throw new InputError(plan.fileName, `ONNX Runtime ${collector.ortVersion ?? ''} cannot run this model on ${available.join(', ')}: ${why}`.replace(/\s+/g, ' '));
    }

    // Each prunable MatMul/Gemm shape in isolation through the C API, in a fresh child.
    let layers: LayerOutcome = { reachable: false, reason: 'not run' };
    if (cancelled) layers = { reachable: false, reason: 'the run was cancelled first' };
    else if (!ran.includes('cpu')) layers = { reachable: false, reason: 'the model did not run on the CPU provider' };
    else {
      const { cases, untimed } = layerCases(plan.layerCandidates, collector.shapes);
      total = unitsFor(available.length, cases.length);
      if (cases.length === 0) layers = { reachable: true, measured: [], untimed };
      else {
        const layerJob = { ...timingJob(plan, plan.tuning.layerBudgetMs), file: modelPath, sha256: plan.sha256, externalLocations, targets: plan.targets, pattern: plan.pattern, sparsities: plan.sparsities, cases, seed: plan.seed };
        const outcome = await runTask({ type: 'model-layers', job: layerJob, libraryPath: options.ortLibraryPath ?? null });
        stopChild();
        if (collector.unreachable !== null) layers = { reachable: false, reason: collector.unreachable };
        else if (outcome.status === 'crashed') layers = { reachable: false, reason: `the C-API run failed: ${outcome.reason}` };
        else layers = { reachable: true, measured: measurements(cases, plan.sparsities, collector), untimed };
      }
    }

    const timings = [...collector.timings.values()];
    const table = buildModelTable({
      providers: plan.providers,
      ran,
      sparsities: plan.sparsities,
      pattern: plan.pattern,
      batch: plan.batch,
      threads: plan.threads,
      timings,
      providerErrors,
      layers,
      convLayers: plan.choice.pruned.filter((l) => l.opType === 'Conv').length,
      rule: { minIterations: plan.tuning.minIterations, maxRelativeSpread: plan.tuning.maxRelativeSpread },
      cancelled,
    });
    const probes = plan.providers.map((p) => collector.probes.get(p) ?? { provider: p, available: false, error: cancelled ? 'not probed: the run was cancelled first' : 'not probed' });
    const largest = [...plan.choice.pruned].sort((a, b) => b.weight.elements - a.weight.elements)[0]!;
    const model: ModelSection = {
      ...plan.section,
      outputChange: collector.outputChange,
      placement: collector.placement,
      layerTimings: layers.reachable ? layers.measured.map(layerTimingOf) : [],
    };
    const document: BenchmarkResult = {
      format: BENCHMARK_FORMAT,
      version: BENCHMARK_VERSION,
      id: randomUUID(),
      createdAt,
      appVersion: appVersion(),
      role: options.role ?? 'development',
      inventory: { ...machine, ortVersion: collector.ortVersion ?? 'unknown', providers: probes, adapters: await listAdapters(plan.providers), fingerprint: machineFingerprint(machine) },
      // The chain settings of a hardware check, filled for a model run: d_model and FFN width are the largest pruned
      // layer's reduction and output sizes, chainLayers the pruned layer count, tokens the batch.
      settings: {
        quick: plan.quick,
        threads: plan.threads,
        dModel: Math.max(1, largest.reductionSize),
        ffnWidth: Math.max(1, Math.round(largest.weight.elements / Math.max(1, largest.reductionSize))),
        chainLayers: plan.choice.pruned.length,
        tokens: [plan.batch],
        sparsities: plan.sparsities,
        providers: plan.providers,
        timeBudgetMsPerCase: plan.tuning.budgetMsPerCase,
        minIterations: plan.tuning.minIterations,
        seed: plan.seed,
      },
      timings,
      table,
      cancelled,
      model,
    };
    if (!cancelled) onProgress?.({ fraction: 1, current: 'done' });
    return parseDocument(benchmarkResultSchema, document, 'benchmark');
  } finally {
    stopChild();
  }
}

function measurements(cases: LayerCase[], sparsities: number[], c: ModelCollector): LayerMeasurement[] {
  return cases.map((layer) => ({
    name: layer.name,
    m: layer.m,
    k: layer.k,
    n: layer.n,
    count: layer.count,
    denseSamplesMs: c.layerSamples.get(`${layer.name}|dense|0`) ?? [],
    sparse: sparsities.map((sparsity) => ({
      sparsity,
      samplesMs: c.layerSamples.get(`${layer.name}|sparse-kernel|${sparsity}`) ?? [],
      relativeDifference: c.layerChecks.get(`${layer.name}|${sparsity}`) ?? null,
    })),
  }));
}

function layerTimingOf(layer: LayerMeasurement): ModelSection['layerTimings'][number] {
  const median = (samples: number[]) => (samples.length > 0 ? summarize(samples).medianMs : null);
  return {
    name: layer.name.slice(0, 512),
    m: layer.m,
    k: layer.k,
    n: layer.n,
    count: layer.count,
    denseMedianMs: median(layer.denseSamplesMs),
    sparse: layer.sparse.map((s) => ({
      sparsity: s.sparsity,
      medianMs: median(s.samplesMs),
      relativeDifference: s.relativeDifference !== null && Number.isFinite(s.relativeDifference) ? s.relativeDifference : null,
    })),
  };
}
