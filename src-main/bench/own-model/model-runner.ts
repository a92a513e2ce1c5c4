/**
 * The onnxruntime-node side of the own-model benchmark, inside a benchmark child: loads the
 * user's model on one provider, profiles one run to see where its nodes ran (and, asked for,
 * the activation shapes of its nodes), checks each pruned variant's outputs against dense, then
 * times dense and pruned models in interleaved rounds with exactly one live session at a time —
 * the hardware check's timing loop and rules.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { Provider } from '../../core/hardware/benchmark-result.js';
import { halfBitsToNumber, inputValues } from '../../core/own-model/input-values.js';
import { allFinite, outputChange } from '../../core/own-model/output-change.js';
import { roundSettings, timeRoundAsync } from '../timing-loop.js';
import type { WorkerMessage } from '../worker-protocol.js';
import type { ModelJob } from './model-protocol.js';
import { ModelVariants, type ModelSource } from './model-variants.js';

type Send = (message: WorkerMessage) => void;

/** Pruned in-memory models are kept between rounds up to this many bytes in total, else rebuilt each time. */
const KEEP_VARIANTS_BYTES = 1024 ** 3;

function sessionOptions(provider: Provider, threads: number, extra: Partial<ort.InferenceSession.SessionOptions> = {}): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    ...extra,
  };
}

function create(source: ModelSource, options: ort.InferenceSession.SessionOptions): Promise<ort.InferenceSession> {
  return 'path' in source ? ort.InferenceSession.create(source.path, options) : ort.InferenceSession.create(source.bytes, options);
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}

export function makeFeeds(job: Pick<ModelJob, 'inputs' | 'indexBounds' | 'seed'>): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  job.inputs.forEach((input, i) => {
    const data = inputValues(input, job.indexBounds[input.name], job.seed, i);
    feeds[input.name] = new ort.Tensor(input.dtype as 'float32', data as Float32Array, input.shape);
  });
  return feeds;
}

/** The float outputs of a run as plain numbers, in output order; integer and string outputs are left out. */
export function floatOutputs(outputs: ort.InferenceSession.OnnxValueMapType, names: readonly string[]): Float64Array[] {
  const result: Float64Array[] = [];
  for (const name of names) {
    const value = outputs[name] as ort.Tensor | undefined;
    if (!value || !('type' in value)) continue;
    if (value.type === 'float32' || value.type === 'float64') result.push(Float64Array.from(value.data as Float32Array));
    else if (value.type === 'float16') result.push(Float64Array.from(value.data as Uint16Array, halfBitsToNumber));
  }
  return result;
}

interface ProfileEvent {
  cat?: string;
  name?: string;
  args?: { provider?: string; node_index?: string; input_type_shape?: Record<string, number[]>[] };
}

/** Runs once with profiling on and returns the run's node events and outputs. */
async function profiledRun(
  source: ModelSource,
  options: ort.InferenceSession.SessionOptions,
  feeds: Record<string, ort.Tensor>,
): Promise<{ events: ProfileEvent[]; outputs: Float64Array[] }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'advisor-profile-'));
  try {
    const session = await create(source, { ...options, enableProfiling: true, profileFilePrefix: path.join(folder, 'run') });
    let outputs: Float64Array[];
    try {
      outputs = floatOutputs(await session.run(feeds), session.outputNames);
      session.endProfiling();
    } finally {
      await session.release();
    }
    const events: ProfileEvent[] = [];
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const parsed = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as ProfileEvent[];
      events.push(...parsed.filter((e) => e.cat === 'Node'));
    }
    return { events, outputs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function placementOf(events: readonly ProfileEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    const provider = e.args?.provider;
    if (provider) counts[provider] = (counts[provider] ?? 0) + 1;
  }
  return counts;
}

export function shapesOf(events: readonly ProfileEvent[]): { node: number; inputs: number[][] }[] {
  const shapes: { node: number; inputs: number[][] }[] = [];
  for (const e of events) {
    const index = Number(e.args?.node_index);
    const inputs = e.args?.input_type_shape;
    if (!Number.isInteger(index) || !Array.isArray(inputs)) continue;
    shapes.push({ node: index, inputs: inputs.map((entry) => Object.values(entry)[0] ?? []) });
  }
  return shapes;
}

export async function runModelSuite(provider: Provider, job: ModelJob, shapes: boolean, send: Send): Promise<void> {
  const variants = new ModelVariants({ file: job.file, sha256: job.sha256, targets: job.targets, pattern: job.pattern, externalLocations: job.externalLocations });
  try {
    const feeds = makeFeeds(job);
    const options = sessionOptions(provider, job.threads);

    // 1. The dense model: loads and runs here, or this provider's rows say why not.
    send({ type: 'case-start', label: `${provider}: loading the model` });
    let dense: Float64Array[];
    try {
      const run = await profiledRun(variants.dense(), options, feeds);
      dense = run.outputs;
      send({ type: 'model-loaded', provider, error: null });
      send({ type: 'model-placement', provider, nodesByProvider: placementOf(run.events) });
    } catch (error) {
      send({ type: 'model-loaded', provider, error: message(error) });
      return;
    }
    // 2. Node shapes as written in the graph: no optimization, so node indices are the file's.
    if (shapes) {
      send({ type: 'case-start', label: `${provider}: reading layer shapes` });
      const run = await profiledRun(variants.dense(), { ...options, graphOptimizationLevel: 'disabled' }, feeds);
      send({ type: 'model-shapes', shapes: shapesOf(run.events) });
    }

    // 3. Each pruned variant once: outputs finite, and how far they moved.
    const keep = variants.external || variants.bytes.length * job.sparsities.length <= KEEP_VARIANTS_BYTES;
    const kept = new Map<number, ModelSource>();
    const sourceAt = (sparsity: number): ModelSource => {
      const cached = kept.get(sparsity);
      if (cached) return cached;
      const { source } = variants.pruned(sparsity);
      if (keep) kept.set(sparsity, source);
      return source;
    };
    const denseFinite = dense.every(allFinite);
    for (const sparsity of job.sparsities) {
      send({ type: 'case-start', label: `${provider}: checking the outputs at S=${sparsity}` });
      const session = await create(sourceAt(sparsity), options);
      try {
        const outputs = floatOutputs(await session.run(feeds), session.outputNames);
        const change = outputChange(outputs, dense);
        send({ type: 'model-output', provider, sparsity, relative: denseFinite ? change.relative : null, finite: change.finite, denseFinite });
      } finally {
        await session.release();
      }
    }

    // 4. Timing: rounds interleave the variants so drift spreads over all of them.
    const round = roundSettings(job);
    const models = [{ variant: 'dense' as const, sparsity: 0 }, ...job.sparsities.map((sparsity) => ({ variant: 'zeroed-dense' as const, sparsity }))];
    for (let r = 1; r <= job.rounds; r++) {
      for (const model of models) {
        const source = model.variant === 'dense' ? variants.dense() : sourceAt(model.sparsity);
        const session = await create(source, options);
        try {
          const what = model.variant === 'dense' ? 'dense' : `pruned S=${model.sparsity}`;
          send({ type: 'case-start', label: `${provider} ${what}, batch ${job.batch} (round ${r}/${job.rounds})` });
          const times = await timeRoundAsync(() => session.run(feeds), round);
          send({
            type: 'samples',
            timing: {
              provider,
              variant: model.variant,
              sparsity: model.sparsity,
              tokens: job.batch,
              warmups: times.warmups,
              samplesMs: times.samplesMs,
              path: 'onnxruntime-node',
            },
          });
        } finally {
          await session.release();
        }
      }
    }
  } finally {
    variants.cleanup();
  }
}
