/**
 * The onnxruntime-node side of the benchmark child: probes execution providers and times the
 * dense, zeroed-dense and upper-bound chains on one provider. Runs only inside the child process.
 */
import * as ort from 'onnxruntime-node';
import type { Provider } from '../core/hardware/benchmark-result.js';
import type { ChainModel } from '../core/hardware/chain-plan.js';
import { ChainWeights, denseChainBytes, INPUT_NAME, inputRows, OUTPUT_NAME } from './onnx-models.js';
import { roundSettings, timeRoundAsync } from './timing-loop.js';
import type { SuiteJob, WorkerMessage } from './worker-protocol.js';

type Send = (message: WorkerMessage) => void;

/**
 * Every session alike: a fixed intra-op thread count, one inter-op thread and sequential
 * execution, so no second pool competes with the timed one.
 */
function sessionOptions(provider: Provider, threads: number): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
}

function ortVersion(): string | null {
  const versions = (ort.env as { versions?: { node?: string; common?: string } }).versions;
  return versions?.node ?? versions?.common ?? null;
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}

/** A provider counts as available when it creates a session for a 1×4·4×4 MatMul and runs it. */
export async function probeProvider(provider: Provider, send: Send): Promise<void> {
  let error: string | null = null;
  try {
    const shape = { inner: 4, outer: 4 };
    const bytes = denseChainBytes([{ shape, values: new Float32Array(16).fill(0.25) }]);
    const session = await ort.InferenceSession.create(bytes, sessionOptions(provider, 1));
    try {
      const out = await session.run({ [INPUT_NAME]: new ort.Tensor('float32', new Float32Array(4).fill(1), [1, 4]) });
      const y = out[OUTPUT_NAME]?.data as Float32Array | undefined;
      if (!y || Math.abs(y[0]! - 1) > 1e-5) throw new Error(`the probe MatMul returned ${y?.[0]} instead of 1`);
    } finally {
      await session.release();
    }
  } catch (e) {
    error = message(e);
  }
  send({ type: 'probe-result', provider, error, ortVersion: ortVersion() });
}

function caseLabel(provider: Provider, model: ChainModel, tokens: number, round: number, rounds: number): string {
  const what = model.kind === 'dense' ? 'dense' : `${model.variant} S=${model.sparsity}`;
  return `${provider} ${what}, ${tokens} tokens (round ${round}/${rounds})`;
}

async function outputOf(session: ort.InferenceSession, feed: ort.InferenceSession.FeedsType): Promise<Float32Array> {
  const out = await session.run(feed);
  return Float32Array.from(out[OUTPUT_NAME]!.data as Float32Array);
}

/**
 * Times every model on one provider. Rounds interleave the models so slow drift of the machine
 * (thermal, other tenants of a VM) spreads over all of them; within a round each model gets one
 * fresh session, timed for every token count, then released: exactly one live session at a time.
 * Every model's output in the first round, and that of each check model (run once, untimed), go
 * to the parent: the CPU's are the reference a GPU's are checked against.
 */
export async function runJsSuite(provider: Provider, job: SuiteJob, checkModels: ChainModel[], send: Send): Promise<void> {
  const weights = new ChainWeights(job.dModel, job.ffnWidth, job.seed);
  const encoded = new Map<ChainModel, Uint8Array>();
  const bytesOf = (model: ChainModel) => {
    let bytes = encoded.get(model);
    if (!bytes) {
      bytes = weights.modelBytes(model);
      encoded.set(model, bytes);
    }
    return bytes;
  };
  const maxTokens = Math.max(...job.tokens);
  const x = inputRows(job.seed, maxTokens, job.dModel);
  const feeds = new Map(
    job.tokens.map((m) => [m, { [INPUT_NAME]: new ort.Tensor('float32', x.subarray(0, m * job.dModel), [m, job.dModel]) }]),
  );
  const round = roundSettings(job);

  // First, while the dense layers they derive from are at hand: the untimed check models.
  for (const model of checkModels) {
    send({ type: 'case-start', label: `${provider} ${model.variant} model, output check` });
    const session = await ort.InferenceSession.create(weights.modelBytes(model), sessionOptions(provider, job.threads));
    try {
      for (const tokens of job.tokens) {
        const values = await outputOf(session, feeds.get(tokens)!);
        send({ type: 'output', provider, variant: model.variant, sparsity: model.sparsity, tokens, values });
      }
    } finally {
      await session.release();
    }
  }

  for (let r = 1; r <= job.rounds; r++) {
    for (const model of job.models) {
      const session = await ort.InferenceSession.create(bytesOf(model), sessionOptions(provider, job.threads));
      if (r === 1 && encoded.size === job.models.length) weights.release();
      try {
        for (const tokens of job.tokens) {
          send({ type: 'case-start', label: caseLabel(provider, model, tokens, r, job.rounds) });
          const feed = feeds.get(tokens)!;
          const times = await timeRoundAsync(() => session.run(feed), round);
          if (r === 1) {
            send({ type: 'output', provider, variant: model.variant, sparsity: model.sparsity, tokens, values: await outputOf(session, feed) });
          }
          send({
            type: 'samples',
            timing: {
              provider,
              variant: model.variant,
              sparsity: model.sparsity,
              tokens,
              warmups: times.warmups,
              samplesMs: times.samplesMs,
              path: 'onnxruntime-node',
              layers: model.layers,
            },
          });
        }
      } finally {
        await session.release();
      }
    }
  }
}
