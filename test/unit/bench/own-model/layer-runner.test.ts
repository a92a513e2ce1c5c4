/**
 * Each prunable MatMul/Gemm layer of the test models, timed in isolation through ORT's C API
 * (this file's own process; it never loads onnxruntime-node): the sparse kernel's output equals
 * the zeroed dense layer's within 1e-5 relative, and every case reports samples.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLayerSuite } from '../../../../src-main/bench/own-model/layer-runner.js';
import type { LayerCase } from '../../../../src-main/bench/own-model/model-protocol.js';
import { analyseModel } from '../../../../src-main/bench/own-model/run-model-benchmark.js';
import type { WorkerMessage } from '../../../../src-main/bench/worker-protocol.js';
import { cnnModel, mlpModel, transformerModel } from '../../../support/own-models.js';

const folder = mkdtempSync(path.join(tmpdir(), 'advisor-layers-'));
const TIMING = { rounds: 1, budgetMsPerCase: 5, minIterations: 2, warmups: 1, slowCallMs: 100, budgetOverrun: 2, maxIterations: 4, threads: 1 };

describe.skipIf(process.platform !== 'linux')('isolated layers through the C API', () => {
  it.each([
    ['mlp', mlpModel(), [], 'all', 3],
    ['cnn', cnnModel(), [], 'all', 1],
    ['transformer', transformerModel({ fixedSeq: true }), [], 'default', 8],
  ] as const)('%s: the sparse kernel matches the zeroed dense layer within 1e-5', async (name, bytes, inputs, layers, m) => {
    const file = path.join(folder, `${name}.onnx`);
    writeFileSync(file, bytes);
    for (const pattern of ['unstructured', '2:4'] as const) {
      const { plan } = analyseModel(file, { inputs: [...inputs], layers, pattern });
      const cases: LayerCase[] = plan.layerCandidates.map((c) => ({ ...c, m, count: 1 }));
      expect(cases.length).toBeGreaterThan(0);
      const messages: WorkerMessage[] = [];
      await runLayerSuite(
        { ...TIMING, file, sha256: plan.sha256, externalLocations: [], targets: plan.targets, pattern, sparsities: plan.sparsities, cases, seed: 3 },
        null,
        (message) => messages.push(message),
      );
      const checks = messages.filter((x) => x.type === 'layer-check');
      expect(checks).toHaveLength(cases.length * plan.sparsities.length);
      for (const check of checks) expect(check.relativeDifference, `${check.layer} S=${check.sparsity} ${pattern}`).toBeLessThanOrEqual(1e-5);
      const samples = messages.filter((x) => x.type === 'layer-samples');
      expect(samples).toHaveLength(cases.length * (1 + plan.sparsities.length));
      expect(samples.every((s) => s.samplesMs.length >= 1)).toBe(true);
    }
  });
});
