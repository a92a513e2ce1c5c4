/**
 * The C-API side of the benchmark child: times ORT's SparseToDenseMatMul (CSR, CPU) against a
 * dense MatMul chain run through the same C API in the same process, and reports the sparse
 * outputs so the parent can check them against zeroed dense. Runs only in a child of its own.
 */
import type { ChainModel } from '../core/hardware/chain-plan.js';
import { ChainWeights, INPUT_NAME, inputRows, OUTPUT_NAME, sparseInputName } from './onnx-models.js';
import { findOrtLibrary, OrtCApi, type Pointer } from './ort-c-api.js';
import { roundSettings, timeRoundSync } from './timing-loop.js';
import type { SuiteJob, WorkerMessage } from './worker-protocol.js';

type Send = (message: WorkerMessage) => void;

/** Lets queued messages reach the parent between synchronous timing loops. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function loadApi(libraryPath: string | null): OrtCApi | string {
  const found = libraryPath === null ? findOrtLibrary() : { path: libraryPath };
  if ('reason' in found) return found.reason;
  try {
    return OrtCApi.load(found.path);
  } catch (error) {
    return `cannot load ${found.path}: ${(error as Error).message.replace(/\s+/g, ' ')}`;
  }
}

export async function runCapiSuite(job: SuiteJob, libraryPath: string | null, send: Send): Promise<void> {
  const api = loadApi(libraryPath);
  if (typeof api === 'string') {
    send({ type: 'unreachable', reason: api });
    return;
  }
  const weights = new ChainWeights(job.dModel, job.ffnWidth, job.seed);
  const dense = job.models.find((m) => m.kind === 'dense');
  const sparse = job.models.filter((m) => m.kind === 'sparse-csr');
  const denseBytes = dense ? weights.modelBytes(dense) : null;
  // The sparse chain's graph holds no weights (they are inputs), so one graph serves every sparsity.
  const layers = sparse[0]?.layers ?? 0;
  const sparseBytes = layers > 0 ? weights.modelBytes(sparse[0]!) : null;

  const csr = new Map<ChainModel, Pointer[]>();
  const io = new Map<number, { x: Pointer; y: Pointer; yData: Float32Array }>();
  const x = inputRows(job.seed, Math.max(...job.tokens), job.dModel);
  try {
    for (const model of sparse) {
      const values: Pointer[] = [];
      csr.set(model, values);
      for (let i = 0; i < model.layers; i++) values.push(api.createCsrTensor(weights.csrLayer(i, model.sparsity)));
    }
    weights.release();
    for (const tokens of job.tokens) {
      const input = api.createFloatTensor([tokens, job.dModel]);
      input.data.set(x.subarray(0, tokens * job.dModel));
      const output = api.createFloatTensor([tokens, job.dModel]);
      io.set(tokens, { x: input.value, y: output.value, yData: output.data });
    }
    const sparseNames = [INPUT_NAME, ...Array.from({ length: layers }, (_, i) => sparseInputName(i))];
    const round = roundSettings(job);

    for (let r = 1; r <= job.rounds; r++) {
      for (const model of job.models) {
        const bytes = model.kind === 'dense' ? denseBytes! : sparseBytes!;
        // Dense: as many intra-op threads as the JS runs; the sparse kernel ignores the setting (single-threaded Eigen).
        const session = api.createSession(bytes, job.threads);
        try {
          for (const tokens of job.tokens) {
            send({ type: 'case-start', label: `cpu ${model.kind === 'dense' ? 'dense (C API)' : `sparse kernel S=${model.sparsity}`}, ${tokens} tokens (round ${r}/${job.rounds})` });
            await yieldToEventLoop();
            const { x: xValue, y, yData } = io.get(tokens)!;
            const names = model.kind === 'dense' ? [INPUT_NAME] : sparseNames;
            const inputs = model.kind === 'dense' ? [xValue] : [xValue, ...csr.get(model)!];
            const times = timeRoundSync(() => api.run(session, names, inputs, [OUTPUT_NAME], [y]), round);
            if (r === 1 && model.kind === 'sparse-csr') {
              send({ type: 'output', provider: 'cpu', variant: 'sparse-kernel', sparsity: model.sparsity, tokens, values: Float32Array.from(yData) });
            }
            send({
              type: 'samples',
              timing: {
                provider: 'cpu',
                variant: model.variant,
                sparsity: model.sparsity,
                tokens,
                warmups: times.warmups,
                samplesMs: times.samplesMs,
                path: 'ort-c-api',
                layers: model.layers,
              },
            });
          }
        } finally {
          api.releaseSession(session);
        }
      }
    }
  } finally {
    for (const values of csr.values()) values.forEach((v) => api.releaseValue(v));
    for (const { x: xv, y } of io.values()) {
      api.releaseValue(xv);
      api.releaseValue(y);
    }
  }
}
