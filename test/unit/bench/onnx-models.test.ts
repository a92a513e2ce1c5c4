/**
 * The models the hardware check builds, loaded and run in onnxruntime-node itself. This file runs
 * in its own process (vitest forks), apart from the C-API test, as the two ORT environments must be.
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import type { ChainModel } from '../../../src-main/core/hardware/chain-plan.js';
import { keptInner } from '../../../src-main/core/hardware/chain-plan.js';
import { countNonZero, referenceMatMul, relativeMaxDifference, zeroCount } from '../../../src-main/core/hardware/weights.js';
import { probeProvider } from '../../../src-main/bench/js-runner.js';
import { ChainWeights, INPUT_NAME, inputRows, OUTPUT_NAME } from '../../../src-main/bench/onnx-models.js';
import type { WorkerMessage } from '../../../src-main/bench/worker-protocol.js';

const D = 24;
const F = 40;
const LAYERS = 4;
const TOKENS = 3;

function model(kind: ChainModel['kind'], sparsity = 0, layers = LAYERS): ChainModel {
  const variant = kind === 'dense' ? 'dense' : kind === 'zeroed' ? 'zeroed-dense' : kind === 'upper-bound' ? 'upper-bound' : 'sparse-kernel';
  return { kind, variant, sparsity, layers, nonzeros: 0, weightBytes: 0, cacheCold: null };
}

async function runModel(bytes: Uint8Array, x: Float32Array, tokens: number): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const out = await session.run({ [INPUT_NAME]: new ort.Tensor('float32', x, [tokens, D]) });
    expect(out[OUTPUT_NAME]!.dims).toEqual([tokens, D]);
    return Float32Array.from(out[OUTPUT_NAME]!.data as Float32Array);
  } finally {
    await session.release();
  }
}

/** The chain computed in plain JS from the same weights. */
function referenceChain(weights: ChainWeights, layer: (i: number) => Float32Array, x: Float32Array, tokens: number): Float32Array {
  let h = x;
  for (let i = 0; i < LAYERS; i++) h = referenceMatMul(h, layer(i), tokens, weights.shape(i));
  return h;
}

describe('benchmark models in onnxruntime-node', () => {
  const weights = new ChainWeights(D, F, 7);
  const x = inputRows(7, TOKENS, D);

  it('dense chain: loads and computes X·W₀·W₁·W₂·W₃', async () => {
    const y = await runModel(weights.modelBytes(model('dense')), x, TOKENS);
    const reference = referenceChain(weights, (i) => weights.denseLayer(i), x, TOKENS);
    expect(relativeMaxDifference(y, reference)).toBeLessThan(1e-4);
  });

  it.each([0.5, 0.9, 0.95])('zeroed chain at S = %s agrees with dense-with-zeros to 1e-4', async (s) => {
    const zeroed = Array.from({ length: LAYERS }, (_, i) => weights.zeroedLayer(i, s));
    for (const [i, w] of zeroed.entries()) expect(w.length - countNonZero(w)).toBe(zeroCount(weights.shape(i).inner * weights.shape(i).outer, s));
    const y = await runModel(weights.modelBytes(model('zeroed', s)), x, TOKENS);
    const reference = referenceChain(weights, (i) => zeroed[i]!, x, TOKENS);
    expect(relativeMaxDifference(y, reference)).toBeLessThan(1e-4);
    // Non-trivial output: the check compares numbers, not zeros.
    expect(Math.max(...reference.map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('upper-bound chain: uses only the first K′ = (1−S)·K inputs of each layer', async () => {
    const bytes = weights.modelBytes(model('upper-bound', 0.75, 6));
    const y = await runModel(bytes, x, TOKENS);
    expect(y.every(Number.isFinite)).toBe(true);
    // Changing an input beyond K′ of the first layer cannot change the output.
    const changed = Float32Array.from(x);
    changed[keptInner(D, 0.75) + 1] = 100;
    expect(await runModel(bytes, changed, TOKENS)).toEqual(y);
    changed[0] = 100;
    expect(await runModel(bytes, changed, TOKENS)).not.toEqual(y);
  });

  it('one session serves every token count', async () => {
    const bytes = weights.modelBytes(model('dense'));
    const one = await runModel(bytes, x.subarray(0, D), 1);
    const three = await runModel(bytes, x, TOKENS);
    expect(relativeMaxDifference(one, three.subarray(0, D))).toBeLessThan(1e-6);
  });

  it('sparse chain: loads with sparse weight inputs, which onnxruntime-node itself cannot feed', async () => {
    const session = await ort.InferenceSession.create(weights.modelBytes(model('sparse-csr', 0.9)), { executionProviders: ['cpu'] });
    expect(session.inputNames).toEqual(['X', 'A0', 'A1', 'A2', 'A3']);
    await session.release();
  });
});

describe('provider probes', () => {
  const probe = async (provider: Parameters<typeof probeProvider>[0]) => {
    const messages: WorkerMessage[] = [];
    await probeProvider(provider, (m) => messages.push(m));
    expect(messages).toHaveLength(1);
    return messages[0] as Extract<WorkerMessage, { type: 'probe-result' }>;
  };

  it('finds the CPU provider and the ORT version', async () => {
    const cpu = await probe('cpu');
    expect(cpu).toMatchObject({ type: 'probe-result', provider: 'cpu', error: null });
    expect(cpu.ortVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  // DirectML exists only on Windows and CoreML only on macOS: on any other OS each must fail.
  const foreign = process.platform === 'win32' ? 'coreml' : 'dml';
  it(`reports ${foreign}, which this OS cannot have, with its error instead of throwing`, async () => {
    const result = await probe(foreign);
    expect(result.error).toMatch(/backend|not found|not supported|failed/i);
  });
});
