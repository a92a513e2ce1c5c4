/**
 * ORT's SparseToDenseMatMul through the C API (koffi), in this test file's own process: it must
 * never share a process with onnxruntime-node. The path is verified on Linux only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChainModel } from '../../../src-main/core/hardware/chain-plan.js';
import { referenceMatMul, relativeMaxDifference } from '../../../src-main/core/hardware/weights.js';
import { ChainWeights, INPUT_NAME, inputRows, OUTPUT_NAME, rowSums, SCALE_NAME, sparseInputName } from '../../../src-main/bench/onnx-models.js';
import { findOrtLibrary, OrtCApi } from '../../../src-main/bench/ort-c-api.js';
import { runCapiSuite } from '../../../src-main/bench/capi-runner.js';
import { runTensorRtSuite } from '../../../src-main/bench/tensorrt-runner.js';
import type { SuiteJob, WorkerMessage } from '../../../src-main/bench/worker-protocol.js';

const D = 32;
const F = 48;
const LAYERS = 4;
const TOKENS = 5;
const onLinux = process.platform === 'linux';

function model(kind: ChainModel['kind'], sparsity = 0): ChainModel {
  return { kind, variant: kind === 'dense' ? 'dense' : kind === 'zeroed' ? 'zeroed-dense' : 'sparse-kernel', sparsity, layers: LAYERS, nonzeros: 0, weightBytes: 0, cacheCold: null };
}

describe.skipIf(!onLinux)('SparseToDenseMatMul through the C API', () => {
  const found = findOrtLibrary();

  it('finds libonnxruntime inside onnxruntime-node', () => {
    expect('path' in found && found.path).toMatch(/libonnxruntime\.so/);
  });

  it.each([0.5, 0.9, 0.95])('sparse kernel and zeroed dense agree with dense-with-zeros to 1e-4 at S = %s', (s) => {
    const api = OrtCApi.load((found as { path: string }).path);
    expect(api.version).toMatch(/^1\.\d+\.\d+/);
    const weights = new ChainWeights(D, F, 3);
    const x = inputRows(3, TOKENS, D);
    let reference = x;
    for (let i = 0; i < LAYERS; i++) reference = referenceMatMul(reference, weights.zeroedLayer(i, s), TOKENS, weights.shape(i));

    const input = api.createFloatTensor([TOKENS, D]);
    input.data.set(x);
    const output = api.createFloatTensor([TOKENS, D]);
    const csr = Array.from({ length: LAYERS }, (_, i) => api.createCsrTensor(weights.csrLayer(i, s)));
    const sparse = api.createSession(weights.modelBytes(model('sparse-csr', s)), 1);
    api.run(sparse, [INPUT_NAME, ...csr.map((_, i) => sparseInputName(i))], [input.value, ...csr], [OUTPUT_NAME], [output.value]);
    const sparseY = Float32Array.from(output.data);
    api.releaseSession(sparse);

    const zeroed = api.createSession(weights.modelBytes(model('zeroed', s)), 1);
    api.run(zeroed, [INPUT_NAME], [input.value], [OUTPUT_NAME], [output.value]);
    const zeroedY = Float32Array.from(output.data);
    api.releaseSession(zeroed);
    [input.value, output.value, ...csr].forEach((v) => api.releaseValue(v));

    expect(relativeMaxDifference(sparseY, reference)).toBeLessThan(1e-4);
    expect(relativeMaxDifference(zeroedY, reference)).toBeLessThan(1e-4);
    expect(relativeMaxDifference(sparseY, zeroedY)).toBeLessThan(1e-4);
    expect(Math.max(...reference.map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('turns an ORT error into a thrown message', () => {
    const api = OrtCApi.load((found as { path: string }).path);
    expect(() => api.createSession(Uint8Array.of(1, 2, 3), 1)).toThrow(/protobuf|parse|model/i);
  });

  const job: SuiteJob = {
    dModel: D,
    ffnWidth: F,
    seed: 3,
    threads: 1,
    tokens: [1, 2],
    rounds: 2,
    models: [model('dense'), model('sparse-csr', 0.9)],
    budgetMsPerCase: 4,
    minIterations: 4,
    warmups: 1,
    slowCallMs: 100,
    budgetOverrun: 4,
    maxIterations: 1000,
  };

  it('times dense and sparse per round and reports the sparse outputs once', async () => {
    const messages: WorkerMessage[] = [];
    await runCapiSuite(job, null, (m) => messages.push(m));
    const samples = messages.filter((m) => m.type === 'samples').map((m) => m.timing);
    // 2 models × 2 token counts × 2 rounds.
    expect(samples).toHaveLength(8);
    expect(samples.every((t) => t.path === 'ort-c-api' && t.provider === 'cpu' && t.samplesMs.length >= 2 && t.layers === LAYERS)).toBe(true);
    const outputs = messages.filter((m) => m.type === 'output');
    expect(outputs.map((o) => `${o.variant}@${o.sparsity}×${o.tokens}`)).toEqual(['sparse-kernel@0.9×1', 'sparse-kernel@0.9×2']);
  });

  it('reports an unreachable path, not a crash, when the library cannot be loaded', async () => {
    const messages: WorkerMessage[] = [];
    await runCapiSuite(job, '/nonexistent/libonnxruntime.so.1', (m) => messages.push(m));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'unreachable' });
    expect((messages[0] as { reason: string }).reason).toContain('/nonexistent/libonnxruntime.so.1');
  });
});

/** Whether this machine has onnxruntime-node's GPU provider libraries (npm run gpu:install); these machines have not. */
const gpuLibraries = onLinux && existsSync(path.join(path.dirname((findOrtLibrary() as { path: string }).path), 'libonnxruntime_providers_shared.so'));

describe.skipIf(!onLinux || gpuLibraries)('TensorRT and CUDA through the C API, without their libraries', () => {
  const libraryPath = (findOrtLibrary() as { path: string }).path;
  const bytes = new ChainWeights(4, 4, 1).modelBytes(model('dense'));

  it.each(['tensorrt', 'cuda'] as const)('refuses a %s session with the loader\'s own error', (provider) => {
    const api = OrtCApi.load(libraryPath);
    expect(() => api.createSession(bytes, 1, { provider, options: { device_id: '0' } })).toThrow(
      /Failed to load library \S*libonnxruntime_providers_shared\.so with error: .*cannot open shared object file/,
    );
    // The CPU path of the same process is unharmed.
    api.releaseSession(api.createSession(bytes, 1));
  });

  it('ends the TensorRT suite at its probe, reporting the loader\'s error and timing nothing', async () => {
    const messages: WorkerMessage[] = [];
    const job: SuiteJob = {
      dModel: 8, ffnWidth: 16, seed: 1, threads: 1, tokens: [1], rounds: 1, models: [model('dense')], budgetMsPerCase: 5,
      minIterations: 1, warmups: 0, slowCallMs: 100, budgetOverrun: 2, maxIterations: 5,
    };
    await runTensorRtSuite(job, libraryPath, null, (m) => messages.push(m));
    expect(messages).toHaveLength(1);
    const probe = messages[0]!;
    expect(probe.type === 'probe-result' && probe.provider === 'tensorrt' && probe.error).toMatch(/libonnxruntime_providers_shared\.so/);
  });
});

describe.skipIf(!onLinux)('device-resident chains (the form TensorRT times)', () => {
  it.each(['dense', 'structured'] as const)('a %s chain holding its request returns each token\'s sum of the ordinary chain\'s output', (kind) => {
    const api = OrtCApi.load((findOrtLibrary() as { path: string }).path);
    const weights = new ChainWeights(D, F, 5);
    const chain: ChainModel = { ...model('dense'), kind, variant: kind === 'dense' ? 'dense' : 'structured-2:4', sparsity: kind === 'dense' ? 0 : 0.5 };
    const x = inputRows(5, TOKENS, D);
    let reference = x;
    for (let i = 0; i < LAYERS; i++) {
      const layer = kind === 'dense' ? weights.denseLayer(i) : weights.structuredLayer(i);
      reference = referenceMatMul(reference, layer, TOKENS, weights.shape(i));
    }
    const scale = api.createFloatTensor([1]);
    scale.data[0] = 1;
    const output = api.createFloatTensor([TOKENS]);
    const session = api.createSession(weights.deviceResidentBytes(chain, x, TOKENS), 1);
    try {
      api.run(session, [SCALE_NAME], [scale.value], [OUTPUT_NAME], [output.value]);
      expect(relativeMaxDifference(output.data, rowSums(reference, TOKENS))).toBeLessThan(1e-4);
    } finally {
      api.releaseSession(session);
      api.releaseValue(scale.value);
      api.releaseValue(output.value);
    }
  });
});
