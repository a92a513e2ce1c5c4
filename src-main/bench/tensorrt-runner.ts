/**
 * The TensorRT side of the benchmark child: TensorRT's 2:4 sparse tactics need the provider
 * options trt_sparsity_enable and trt_fp16_enable, which onnxruntime-node cannot pass, so this
 * reaches TensorRT through ORT's C API (koffi), probes it, then times a dense and a 2:4 chain
 * with the same options in the same process and reports what the build log says about sparse
 * tactics. Runs only in a child of its own; where TensorRT does not load, the probe carries the
 * loader's error and nothing else runs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChainModel } from '../core/hardware/chain-plan.js';
import { parseSparsityLog, type TensorRtEvidence } from '../core/hardware/tensorrt-evidence.js';
import { ChainWeights, denseChainBytes, INPUT_NAME, inputRows, OUTPUT_NAME, SCALE_NAME } from './onnx-models.js';
import { findOrtLibrary, ORT_LOGGING_LEVEL_INFO, OrtCApi, type GpuProviderSetup, type Pointer } from './ort-c-api.js';
import { captureStderr } from './stderr-capture.js';
import { roundSettings, timeRoundSync } from './timing-loop.js';
import type { SuiteJob, WorkerMessage } from './worker-protocol.js';

type Send = (message: WorkerMessage) => void;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}

/** Evidence recorded when an engine was built, kept beside the engine cache for runs that load it from there. */
const EVIDENCE_FILE = 'sparsity-evidence.json';

function readEvidenceFile(dir: string): Record<string, TensorRtEvidence> {
  try {
    const value = JSON.parse(readFileSync(path.join(dir, EVIDENCE_FILE), 'utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, TensorRtEvidence>) : {};
  } catch {
    return {};
  }
}

function writeEvidenceFile(dir: string, entries: Record<string, TensorRtEvidence>): void {
  try {
    writeFileSync(path.join(dir, EVIDENCE_FILE), `${JSON.stringify(entries, null, 2)}\n`);
  } catch {
    // The evidence only labels later runs that hit the cache; without it they say "did not say".
  }
}

/**
 * The options of every TensorRT session: FP16 (the sparse tactics need FP16 or INT8), sparsity on,
 * and the detailed build log, where TensorRT names the layers it ran sparse. The timed chains have
 * static shapes (one model per token count), so no optimisation profile is needed.
 */
export function tensorRtOptions(engineCacheDir: string | null): Record<string, string> {
  return {
    device_id: '0',
    trt_fp16_enable: 'true',
    trt_sparsity_enable: 'true',
    trt_detailed_build_log: 'true',
    ...(engineCacheDir === null
      ? {}
      : {
          trt_engine_cache_enable: 'true',
          trt_engine_cache_path: engineCacheDir,
          trt_timing_cache_enable: 'true',
          trt_timing_cache_path: engineCacheDir,
        }),
  };
}

/** A 1×4 · 4×4 MatMul on TensorRT: whether the provider loads, and its loader's error when not. */
function probe(api: OrtCApi): string | null {
  let session: Pointer = null;
  const input = api.createFloatTensor([1, 4]);
  const output = api.createFloatTensor([1, 4]);
  try {
    input.data.fill(1);
    const bytes = denseChainBytes([{ shape: { inner: 4, outer: 4 }, values: new Float32Array(16).fill(0.25) }]);
    // device_id is passed so the options update runs: without TensorRT's libraries it fails with the loader's own error.
    session = api.createSession(bytes, 1, { provider: 'tensorrt', options: { device_id: '0' } });
    api.run(session, [INPUT_NAME], [input.value], [OUTPUT_NAME], [output.value]);
    if (Math.abs(output.data[0]! - 1) > 1e-3) return `the probe MatMul returned ${output.data[0]} instead of 1`;
    return null;
  } catch (error) {
    return message(error);
  } finally {
    if (session) api.releaseSession(session);
    api.releaseValue(input.value);
    api.releaseValue(output.value);
  }
}

export async function runTensorRtSuite(job: SuiteJob, libraryPath: string | null, engineCacheDir: string | null, send: Send): Promise<void> {
  const found = libraryPath === null ? findOrtLibrary() : { path: libraryPath };
  let api: OrtCApi;
  try {
    if ('reason' in found) throw new Error(found.reason);
    api = OrtCApi.load(found.path, ORT_LOGGING_LEVEL_INFO);
  } catch (error) {
    send({ type: 'probe-result', provider: 'tensorrt', error: `cannot load the ORT C API: ${message(error)}`, ortVersion: null });
    return;
  }
  const probeError = probe(api);
  send({ type: 'probe-result', provider: 'tensorrt', error: probeError, ortVersion: api.version });
  if (probeError !== null) return;

  if (engineCacheDir !== null) mkdirSync(engineCacheDir, { recursive: true });
  const recorded = engineCacheDir === null ? {} : readEvidenceFile(engineCacheDir);
  const weights = new ChainWeights(job.dModel, job.ffnWidth, job.seed);
  const sessions = new Map<string, Pointer>();
  const key = (model: ChainModel, tokens: number) => `${model.variant}|${tokens}`;
  // The request is inside each model (device-resident chains): a call sends the scalar S = 1 and gets each token's sum back.
  const scale = api.createFloatTensor([1]);
  scale.data[0] = 1;
  const io = new Map<number, { y: Pointer; yData: Float32Array }>();
  const x = inputRows(job.seed, Math.max(...job.tokens), job.dModel);
  try {
    for (const tokens of job.tokens) {
      const output = api.createFloatTensor([tokens]);
      io.set(tokens, { y: output.value, yData: output.data });
    }
    // Engines are built once per model and token count (minutes each without the cache), then kept for every round.
    for (const model of job.models) {
      for (const tokens of job.tokens) {
        send({ type: 'case-start', label: `tensorrt ${model.variant}, ${tokens} tokens: building the engine` });
        await yieldToEventLoop();
        const bytes = weights.deviceResidentBytes(model, x.subarray(0, tokens * job.dModel), tokens);
        const setup: GpuProviderSetup = { provider: 'tensorrt', options: tensorRtOptions(engineCacheDir) };
        const { value: session, text } = captureStderr(() => api.createSession(bytes, job.threads, setup));
        sessions.set(key(model, tokens), session);
        if (model.kind === 'structured') {
          const evidenceKey = `ort ${api.version}|${job.dModel}x${job.ffnWidth}x${model.layers}|seed ${job.seed}|${tokens} tokens`;
          let evidence = parseSparsityLog(text);
          if (evidence !== null && engineCacheDir !== null) writeEvidenceFile(engineCacheDir, { ...readEvidenceFile(engineCacheDir), [evidenceKey]: evidence });
          if (evidence === null && recorded[evidenceKey]) evidence = { ...recorded[evidenceKey]!, source: 'engine-cache' };
          send({ type: 'tensorrt-evidence', tokens, evidence });
        }
        const { y, yData } = io.get(tokens)!;
        api.run(session, [SCALE_NAME], [scale.value], [OUTPUT_NAME], [y]);
        send({ type: 'output', provider: 'tensorrt', variant: model.variant, sparsity: model.sparsity, tokens, values: Float32Array.from(yData), rowSums: true });
      }
    }
    weights.release();

    const round = roundSettings(job);
    for (let r = 1; r <= job.rounds; r++) {
      for (const model of job.models) {
        for (const tokens of job.tokens) {
          send({ type: 'case-start', label: `tensorrt ${model.variant} (FP16), ${tokens} tokens (round ${r}/${job.rounds})` });
          await yieldToEventLoop();
          const { y } = io.get(tokens)!;
          const session = sessions.get(key(model, tokens));
          const times = timeRoundSync(() => api.run(session, [SCALE_NAME], [scale.value], [OUTPUT_NAME], [y]), round);
          send({
            type: 'samples',
            timing: {
              provider: 'tensorrt',
              variant: model.variant,
              sparsity: model.sparsity,
              tokens,
              warmups: times.warmups,
              samplesMs: times.samplesMs,
              path: 'ort-c-api',
              layers: model.layers,
              precision: 'fp16',
            },
          });
        }
      }
    }
  } finally {
    for (const session of sessions.values()) api.releaseSession(session);
    for (const { y } of io.values()) api.releaseValue(y);
    api.releaseValue(scale.value);
  }
}

