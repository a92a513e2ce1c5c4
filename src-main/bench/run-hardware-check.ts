/**
 * The hardware check: sparse-versus-dense ONNX micro-benchmarks on this machine, as one
 * versioned result document. The Electron main process and the CLI both call runHardwareCheck.
 *
 * All timing happens in child processes: one runs onnxruntime-node (provider probes, then dense,
 * zeroed-dense and upper-bound chains per provider), a second, fresh one runs ORT's sparse kernel
 * through the C API. This process only plans, collects and derives the table.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  BENCHMARK_FORMAT,
  BENCHMARK_VERSION,
  benchmarkResultSchema,
  type Adapter,
  type BenchmarkResult,
  type MachineRole,
  type Provider,
  type ProviderProbe,
  type RawTiming,
} from '../core/hardware/benchmark-result.js';
import { planSuite, unitsOfSparseSuite, unitsOfTensorRtSuite, unitsPerProvider, type SuitePlan } from '../core/hardware/chain-plan.js';
import { machineFingerprint } from '../core/hardware/fingerprint.js';
import { refuseOversizedShape } from '../core/hardware/memory-limits.js';
import { resolveRole } from '../core/hardware/machine-role.js';
import { explainProbeError } from '../core/hardware/provider-errors.js';
import {
  buildSpeedupTable,
  timingKey,
  PROVIDER_PRECISION,
  type OutputCheck,
  type SparseCheck,
  type SparseKernelOutcome,
  type TensorRtOutcome,
} from '../core/hardware/speedup-table.js';
import { API_SETTING_NAMES, resolveSuite, type HardwareCheckOptions, type SettingNames } from '../core/hardware/suite-settings.js';
import type { TensorRtEvidence } from '../core/hardware/tensorrt-evidence.js';
import { relativeMaxDifference } from '../core/hardware/weights.js';
import { parseDocument } from '../core/schema.js';
import { collectInventory, listAdapters, type MachineInventory } from './inventory.js';
import { rowSums } from './onnx-models.js';
import { BenchWorker, resolveWorkerEntry, type TaskOutcome, type WorkerEntry } from './worker-process.js';
import type { SuiteJob, WorkerMessage, WorkerTask } from './worker-protocol.js';

export interface HardwareCheckProgress {
  /** 0 to 1: timing units finished over units planned (a unit is one case in one round, or one probe). */
  fraction: number;
  /** What runs now, e.g. "cpu zeroed-dense S=0.9, 16 tokens (round 2/3)". */
  current: string;
}

export interface HardwareCheckHooks {
  onProgress?: (progress: HardwareCheckProgress) => void;
  /** Aborting kills the benchmark child at once; the result then has cancelled: true and what finished. */
  signal?: AbortSignal;
}

export interface RunHardwareCheckOptions extends HardwareCheckOptions {
  /** Names the settings carry in error messages: option names for the CLI (--d-model), keys otherwise. */
  settingNames?: SettingNames;
  /** The machine's role, as the person running the check states it; default development. */
  role?: MachineRole;
  /** libonnxruntime for the sparse kernel and TensorRT; default: the one inside onnxruntime-node. */
  ortLibraryPath?: string;
  /** Measured inventory to reuse, e.g. from a previous call; default: read now. */
  inventory?: MachineInventory;
  /** Where TensorRT keeps its built engines between runs (bench:gpu: next to the result file); null: no cache. */
  tensorrtEngineCache?: string | null;
  /** Lists each provider's adapter; default: the operating system's tools (bench/inventory.ts). */
  listAdapters?: (providers: readonly Provider[]) => Promise<Adapter[]>;
  /** The benchmark child's entry; default: the app's. Tests give one that injects faults. */
  workerEntry?: WorkerEntry;
}

function appVersion(): string {
  try {
    const file = createRequire(import.meta.url).resolve('../../package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function suiteJob(plan: SuitePlan, models: SuiteJob['models']): SuiteJob {
  const { suite } = plan;
  return {
    dModel: suite.dModel,
    ffnWidth: suite.ffnWidth,
    seed: suite.seed,
    threads: suite.threads,
    tokens: suite.tokens,
    rounds: suite.tuning.rounds,
    models,
    budgetMsPerCase: suite.timeBudgetMsPerCase,
    minIterations: suite.minIterations,
    warmups: suite.tuning.warmups,
    slowCallMs: suite.tuning.slowCallMs,
    budgetOverrun: suite.tuning.budgetOverrun,
    maxIterations: suite.tuning.maxIterations,
  };
}

/**
 * A probe builds a 4×4 MatMul; even a GPU provider initialising its driver answers within
 * seconds. One that has not answered by then counts as failed, with that as its error.
 */
const PROBE_TIMEOUT_MS = 30_000;

/** Collects what the children report, pooling each case's samples over the rounds. */
class Collector {
  readonly timings = new Map<string, RawTiming>();
  readonly outputs = new Map<string, { values: Float32Array; rowSums: boolean }>();
  readonly probes = new Map<Provider, ProviderProbe>();
  readonly tensorrtEvidence: { tokens: number; evidence: TensorRtEvidence | null }[] = [];
  ortVersion: string | null = null;
  unreachable: string | null = null;
  current = 'starting';
  done = 0;

  constructor(private readonly progress: (c: Collector) => void) {}

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
        } else {
          this.timings.set(key, { ...message.timing, samplesMs: [...message.timing.samplesMs] });
        }
        this.done++;
        break;
      }
      case 'output':
        this.outputs.set(outputKey(message.provider, message.variant, message.sparsity, message.tokens), { values: message.values, rowSums: message.rowSums === true });
        break;
      case 'tensorrt-evidence':
        this.tensorrtEvidence.push({ tokens: message.tokens, evidence: message.evidence });
        return;
      case 'unreachable':
        this.unreachable = message.reason;
        break;
      case 'task-error':
      case 'task-done':
        return;
    }
    this.progress(this);
  };
}

function outputKey(provider: Provider, variant: string, sparsity: number, tokens: number): string {
  return `${provider}|${variant}|${sparsity}|${tokens}`;
}

/** ORT writes a provider's loader error to stderr just before the binding throws; give the pipe a moment to deliver it. */
const STDERR_SETTLE_MS = 50;

/**
 * Runs the hardware check. Rejects only for bad options or an oversized shape (InputError naming
 * the setting, before any child starts); a failing provider or sparse path ends up in the
 * document, and cancellation resolves with `cancelled: true`.
 */
export async function runHardwareCheck(options: RunHardwareCheckOptions = {}, hooks: HardwareCheckHooks = {}): Promise<BenchmarkResult> {
  const createdAt = new Date().toISOString();
  const names = options.settingNames ?? API_SETTING_NAMES;
  const role = resolveRole(options.role, 'role');
  const machine = options.inventory ?? (await collectInventory());
  const suite = resolveSuite(options, machine.cpu.cores, names);
  const plan = planSuite(suite, machine.cpu.lastLevelCacheBytes);
  refuseOversizedShape(plan, machine.memoryBytes, names);
  const entry = options.workerEntry ?? resolveWorkerEntry();

  const { signal, onProgress } = hooks;
  const wantsCpu = suite.providers.includes('cpu');
  const wantsTensorRt = suite.providers.includes('tensorrt');
  // TensorRT is probed and timed by its own C-API child; the others through onnxruntime-node.
  const jsProviders = suite.providers.filter((p) => p !== 'tensorrt');
  const adapters = (options.listAdapters ?? listAdapters)(suite.providers);
  let total =
    suite.providers.length +
    unitsPerProvider(plan) * jsProviders.length +
    (wantsCpu ? unitsOfSparseSuite(plan) : 0) +
    (wantsTensorRt ? unitsOfTensorRtSuite(plan) : 0);
  let reported = 0;
  const collector = new Collector((c) => {
    // Never backwards: the total only shrinks once failed probes drop their providers.
    reported = Math.max(reported, Math.min(1, c.done / total));
    onProgress?.({ fraction: reported, current: c.current });
  });
  const providerErrors: Partial<Record<Provider, string>> = {};
  let cancelled = signal?.aborted ?? false;

  // One child at a time; replaced after a crash, a failed task or a cancelled one.
  const child: { worker: BenchWorker | null } = { worker: null };
  const stopChild = () => {
    child.worker?.kill();
    child.worker = null;
  };
  const runTask = async (task: WorkerTask, timeoutMs?: number): Promise<TaskOutcome> => {
    const worker = (child.worker ??= BenchWorker.start(entry));
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
    if (outcome.status === 'cancelled') cancelled = true;
    if (outcome.status === 'done' && error !== null) {
      // A provider that failed mid-task (a GPU gone, a driver reset) may have left the process unusable.
      stopChild();
      return { status: 'crashed', reason: error };
    }
    if (outcome.status !== 'done') stopChild();
    return outcome;
  };

  try {
    // 1. Probe every requested provider with a tiny session; a failure is recorded, never thrown.
    for (const provider of jsProviders) {
      if (cancelled) break;
      collector.current = `probing ${provider}`;
      const worker = (child.worker ??= BenchWorker.start(entry));
      const outcome = await runTask({ type: 'probe', provider }, PROBE_TIMEOUT_MS);
      const probe = collector.probes.get(provider);
      if (outcome.status === 'crashed' && !probe) {
        collector.probes.set(provider, { provider, available: false, error: outcome.reason });
      } else if (probe && !probe.available && probe.error !== null) {
        await new Promise((resolve) => setTimeout(resolve, STDERR_SETTLE_MS));
        collector.probes.set(provider, { ...probe, error: explainProbeError(provider, probe.error, worker.recentStderr()) });
      }
    }
    const available: Provider[] = jsProviders.filter((p) => collector.probes.get(p)?.available === true);
    const recount = () =>
      suite.providers.length +
      unitsPerProvider(plan) * available.length +
      (available.includes('cpu') ? unitsOfSparseSuite(plan) : 0) +
      (wantsTensorRt ? unitsOfTensorRtSuite(plan) : 0);
    total = recount();

    // 2. Dense, zeroed-dense and upper-bound chains through onnxruntime-node, provider by provider;
    //    every output goes back, so each GPU's is checked against the CPU's (the CPU runs first).
    const jsJob = suiteJob(plan, plan.jsModels);
    for (const provider of available) {
      if (cancelled) break;
      const outcome = await runTask({ type: 'js-suite', provider, job: jsJob, checkModels: [plan.structuredModel] });
      if (outcome.status === 'crashed') providerErrors[provider] = outcome.reason;
    }
    stopChild();

    // 3. The sparse kernel through the C API, in a fresh process that never loaded onnxruntime-node.
    let sparseKernel: SparseKernelOutcome = { reachable: false, reason: 'not run' };
    if (available.includes('cpu') && !cancelled) {
      const outcome = await runTask({ type: 'capi-suite', job: suiteJob(plan, plan.capiModels), libraryPath: options.ortLibraryPath ?? null });
      if (collector.unreachable !== null) sparseKernel = { reachable: false, reason: collector.unreachable };
      else if (outcome.status === 'crashed') sparseKernel = { reachable: false, reason: `the C-API run failed: ${outcome.reason}` };
      else sparseKernel = { reachable: true, checks: sparseChecks(plan, collector.outputs) };
    } else if (cancelled) {
      sparseKernel = { reachable: false, reason: 'the run was cancelled first' };
    }
    stopChild();

    // 4. TensorRT through the C API (FP16, sparse tactics allowed), in a fresh process of its own.
    let tensorrt: TensorRtOutcome | undefined;
    if (wantsTensorRt && !cancelled) {
      collector.current = 'probing tensorrt';
      const engineCache = options.tensorrtEngineCache ?? null;
      const task: WorkerTask = { type: 'tensorrt-suite', job: suiteJob(plan, plan.tensorrtModels), libraryPath: options.ortLibraryPath ?? null, engineCacheDir: engineCache };
      const outcome = await runTask(task);
      const probe = collector.probes.get('tensorrt');
      if (!probe) collector.probes.set('tensorrt', { provider: 'tensorrt', available: false, error: outcome.status === 'crashed' ? outcome.reason : 'not probed' });
      const reported = collector.probes.get('tensorrt')!;
      const loaded = reported.error === null ? reported : { ...reported, error: explainProbeError('tensorrt', reported.error, '') };
      collector.probes.set('tensorrt', loaded);
      if (loaded.available) {
        if (outcome.status === 'crashed') providerErrors.tensorrt = outcome.reason;
        tensorrt = { loaded: true, evidence: collector.tensorrtEvidence.flatMap((e) => (e.evidence ? [{ tokens: e.tokens, evidence: e.evidence }] : [])), engineCache };
        available.push('tensorrt');
      } else {
        tensorrt = { loaded: false, reason: loaded.error ?? 'unavailable' };
      }
    }

    const probes = suite.providers.map(
      (p) => collector.probes.get(p) ?? { provider: p, available: false, error: cancelled ? 'not probed: the run was cancelled first' : 'not probed' },
    );
    const adapterList = await adapters;
    const timings = [...collector.timings.values()];
    const table = buildSpeedupTable({
      plan,
      providers: available,
      timings,
      providerErrors,
      sparseKernel,
      cancelled,
      outputChecks: outputChecks(collector.outputs),
      ...(tensorrt ? { tensorrt } : {}),
      softwareProviders: adapterList.filter((a) => a.type === 'software').map((a) => a.provider),
    });
    const inventory = {
      ...machine,
      ortVersion: collector.ortVersion ?? 'unknown',
      providers: probes,
      adapters: adapterList,
      fingerprint: machineFingerprint(machine),
    };
    const document: BenchmarkResult = {
      format: BENCHMARK_FORMAT,
      version: BENCHMARK_VERSION,
      id: randomUUID(),
      createdAt,
      appVersion: appVersion(),
      role,
      inventory,
      settings: plan.settings,
      timings,
      table,
      cancelled,
    };
    if (!cancelled) onProgress?.({ fraction: 1, current: 'done' });
    // What we hand out must be what an import accepts.
    return parseDocument(benchmarkResultSchema, document, 'benchmark');
  } finally {
    stopChild();
  }
}

/** Sparse-kernel output against zeroed dense, per sparsity and token count, from the two processes' reports. */
function sparseChecks(plan: SuitePlan, outputs: Map<string, { values: Float32Array }>): SparseCheck[] {
  const checks: SparseCheck[] = [];
  for (const model of plan.capiModels.filter((m) => m.kind === 'sparse-csr')) {
    for (const tokens of plan.suite.tokens) {
      const sparse = outputs.get(outputKey('cpu', 'sparse-kernel', model.sparsity, tokens))?.values;
      const zeroed = outputs.get(outputKey('cpu', 'zeroed-dense', model.sparsity, tokens))?.values;
      checks.push({ sparsity: model.sparsity, tokens, relativeDifference: sparse && zeroed ? relativeMaxDifference(sparse, zeroed) : null });
    }
  }
  return checks;
}

/** Every GPU output against the CPU's for the same model, token count and input. */
function outputChecks(outputs: Map<string, { values: Float32Array; rowSums: boolean }>): OutputCheck[] {
  const checks: OutputCheck[] = [];
  for (const [key, { values, rowSums: summed }] of outputs) {
    const [provider, variant, sparsity, tokens] = key.split('|') as [Provider, OutputCheck['variant'], string, string];
    if (provider === 'cpu') continue;
    const cpu = outputs.get(outputKey('cpu', variant, Number(sparsity), Number(tokens)))?.values;
    const reference = cpu && summed ? rowSums(cpu, Number(tokens)) : cpu;
    checks.push({
      provider,
      variant,
      sparsity: Number(sparsity),
      tokens: Number(tokens),
      precision: PROVIDER_PRECISION[provider],
      relativeDifference: reference ? relativeMaxDifference(values, reference) : null,
    });
  }
  return checks;
}
