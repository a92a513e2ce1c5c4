/**
 * The C-API side of the own-model benchmark, in a fresh benchmark child: each prunable
 * MatMul/Gemm layer shape of the user's model timed in isolation at its real M, K, N with its
 * real weights — dense MatMul against com.microsoft::SparseToDenseMatMul (CSR) with the weights
 * magnitude-pruned exactly as in the pruned model — plus a check that the sparse output equals
 * the zeroed dense layer's. These feed the "estimate from layer timings". Runs only in a child.
 */
import { denseChainBytes, INPUT_NAME, OUTPUT_NAME, sparseChainBytes, sparseInputName } from '../onnx-models.js';
import { findOrtLibrary, OrtCApi, type Pointer } from '../ort-c-api.js';
import { roundSettings, timeRoundSync } from '../timing-loop.js';
import type { WorkerMessage } from '../worker-protocol.js';
import { csrOfTranspose, relativeMaxDifference, seededUniform } from '../../core/hardware/weights.js';
import { pruneTensorBytes } from '../../core/own-model/magnitude-prune.js';
import type { PruneTarget } from '../../core/own-model/model-plan.js';
import type { LayerCase, LayerJob } from './model-protocol.js';
import { ModelVariants, weightBytes } from './model-variants.js';

type Send = (message: WorkerMessage) => void;

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

/** A stored float32 weight as W[K, N] (Gemm with transB = 1 stores it as [N, K]). */
export function asKByN(stored: Uint8Array, layer: Pick<LayerCase, 'k' | 'n' | 'transposed'>): Float32Array {
  // new Uint8Array(…) copies; a Buffer's slice() would be a view into the whole file.
  const values = new Float32Array(new Uint8Array(stored).buffer, 0, layer.k * layer.n);
  if (!layer.transposed) return values;
  const out = new Float32Array(layer.k * layer.n);
  for (let row = 0; row < layer.n; row++) {
    for (let col = 0; col < layer.k; col++) out[col * layer.n + row] = values[row * layer.k + col]!;
  }
  return out;
}

/** The layer's weights pruned the way the pruned model prunes them, as W[K, N]. */
export function prunedKByN(stored: Uint8Array, target: PruneTarget, layer: Pick<LayerCase, 'k' | 'n' | 'transposed'>, pattern: 'unstructured' | '2:4', sparsity: number): Float32Array {
  const copy = new Uint8Array(stored);
  pruneTensorBytes(copy, target, pattern, sparsity);
  return asKByN(copy, layer);
}

interface Prepared {
  layer: LayerCase;
  dense: Uint8Array;
  sparseGraph: Uint8Array;
  csr: Map<number, Pointer>;
  x: Pointer;
  y: Pointer;
  yData: Float32Array;
}

export async function runLayerSuite(job: LayerJob, libraryPath: string | null, send: Send): Promise<void> {
  const api = loadApi(libraryPath);
  if (typeof api === 'string') {
    send({ type: 'unreachable', reason: api });
    return;
  }
  const variants = new ModelVariants({ file: job.file, sha256: job.sha256, targets: job.targets, pattern: job.pattern, externalLocations: job.externalLocations });
  const prepared: Prepared[] = [];
  try {
    for (const [index, layer] of job.cases.entries()) {
      const target = job.targets.find((t) => t.weight === layer.weight);
      if (!target) throw new Error(`layer ${layer.name}: its weight ${layer.weight} is not among the pruned tensors`);
      const stored = weightBytes(job, variants.bytes, target);
      const shape = { inner: layer.k, outer: layer.n };
      const input = api.createFloatTensor([layer.m, layer.k]);
      input.data.set(seededUniform(job.seed, 700 + index, layer.m * layer.k, 1));
      const output = api.createFloatTensor([layer.m, layer.n]);
      const entry: Prepared = {
        layer,
        dense: denseChainBytes([{ shape, values: asKByN(stored, layer) }]),
        sparseGraph: sparseChainBytes(1, layer.k, layer.n),
        csr: new Map(),
        x: input.value,
        y: output.value,
        yData: output.data,
      };
      prepared.push(entry);
      for (const sparsity of job.sparsities) {
        const zeroed = prunedKByN(stored, target, layer, job.pattern, sparsity);
        entry.csr.set(sparsity, api.createCsrTensor(csrOfTranspose(zeroed, shape)));
        // The reference: the same zeroed weights in a dense MatMul, run once, untimed.
        const reference = api.createSession(denseChainBytes([{ shape, values: zeroed }]), job.threads);
        let expected: Float32Array;
        try {
          api.run(reference, [INPUT_NAME], [entry.x], [OUTPUT_NAME], [entry.y]);
          expected = Float32Array.from(entry.yData);
        } finally {
          api.releaseSession(reference);
        }
        const sparse = api.createSession(entry.sparseGraph, job.threads);
        try {
          api.run(sparse, [INPUT_NAME, sparseInputName(0)], [entry.x, entry.csr.get(sparsity)!], [OUTPUT_NAME], [entry.y]);
          send({ type: 'layer-check', layer: layer.name, sparsity, relativeDifference: relativeMaxDifference(Float32Array.from(entry.yData), expected) });
        } finally {
          api.releaseSession(sparse);
        }
      }
    }

    const round = roundSettings(job);
    for (let r = 1; r <= job.rounds; r++) {
      for (const entry of prepared) {
        const { layer } = entry;
        const shapeText = `${layer.m}×${layer.k}·${layer.k}×${layer.n}`;
        const dense = api.createSession(entry.dense, job.threads);
        try {
          send({ type: 'case-start', label: `cpu layer ${layer.name} dense ${shapeText} (round ${r}/${job.rounds})` });
          await yieldToEventLoop();
          const times = timeRoundSync(() => api.run(dense, [INPUT_NAME], [entry.x], [OUTPUT_NAME], [entry.y]), round);
          send({ type: 'layer-samples', layer: layer.name, variant: 'dense', sparsity: 0, warmups: times.warmups, samplesMs: times.samplesMs });
        } finally {
          api.releaseSession(dense);
        }
        const sparse = api.createSession(entry.sparseGraph, job.threads);
        try {
          for (const sparsity of job.sparsities) {
            send({ type: 'case-start', label: `cpu layer ${layer.name} sparse kernel S=${sparsity} (round ${r}/${job.rounds})` });
            await yieldToEventLoop();
            const inputs = [entry.x, entry.csr.get(sparsity)!];
            const times = timeRoundSync(() => api.run(sparse, [INPUT_NAME, sparseInputName(0)], inputs, [OUTPUT_NAME], [entry.y]), round);
            send({ type: 'layer-samples', layer: layer.name, variant: 'sparse-kernel', sparsity, warmups: times.warmups, samplesMs: times.samplesMs });
          }
        } finally {
          api.releaseSession(sparse);
        }
      }
    }
  } finally {
    for (const entry of prepared) {
      for (const value of entry.csr.values()) api.releaseValue(value);
      api.releaseValue(entry.x);
      api.releaseValue(entry.y);
    }
    variants.cleanup();
  }
}
