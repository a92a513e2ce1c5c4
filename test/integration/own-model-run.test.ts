/**
 * The own-model benchmark as the app runs it: the model and layer tasks through the built
 * benchmark worker (out/, built by the global setup) under plain Node, and runModelBenchmark with
 * progress, cancellation and a provider that cannot run here keeping the other provider's rows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseModel, runModelBenchmark } from '../../src-main/bench/own-model/run-model-benchmark.js';
import type { ModelJob } from '../../src-main/bench/own-model/model-protocol.js';
import { BenchWorker, resolveWorkerEntry } from '../../src-main/bench/worker-process.js';
import type { WorkerMessage } from '../../src-main/bench/worker-protocol.js';
import { benchmarkResultSchema } from '../../src-main/core/hardware/benchmark-result.js';
import { REPO_ROOT } from '../support/cli.js';
import { cnnModel, transformerModel } from '../support/own-models.js';

const folder = mkdtempSync(path.join(tmpdir(), 'advisor-model-run-'));
const cnn = path.join(folder, 'cnn.onnx');
writeFileSync(cnn, cnnModel());
const TIMING = { rounds: 1, budgetMsPerCase: 5, minIterations: 2, warmups: 1, slowCallMs: 100, budgetOverrun: 2, maxIterations: 5, threads: 1 };

describe('own-model tasks in the built benchmark worker', () => {
  it('loads, profiles, checks and times the model, then times its layers through the C API', async () => {
    const entry = resolveWorkerEntry(pathToFileURL(path.join(REPO_ROOT, 'out/main/index.js')).href);
    const { plan, path: file } = analyseModel(cnn, {});
    const job: ModelJob = {
      ...TIMING, file, sha256: plan.sha256, externalLocations: [], targets: plan.targets, pattern: 'unstructured', sparsities: [0.5],
      inputs: plan.inputs, indexBounds: plan.indexBounds, seed: 1, batch: 1,
    };
    const messages: WorkerMessage[] = [];
    const worker = BenchWorker.start(entry);
    try {
      expect(await worker.runTask({ type: 'model-suite', provider: 'cpu', job, shapes: true }, (m) => messages.push(m))).toEqual({ status: 'done' });
    } finally {
      worker.kill();
    }
    expect(messages.find((m) => m.type === 'model-loaded')).toEqual({ type: 'model-loaded', provider: 'cpu', error: null });
    const shapes = messages.find((m) => m.type === 'model-shapes');
    const fc1 = plan.layerCandidates.find((c) => c.name === 'fc1')!;
    expect(shapes?.type === 'model-shapes' && shapes.shapes.find((s) => s.node === fc1.nodeIndex)?.inputs[0]).toEqual([1, 16]);
    expect(messages.find((m) => m.type === 'model-output')).toMatchObject({ provider: 'cpu', sparsity: 0.5, finite: true });
    expect(messages.filter((m) => m.type === 'samples').map((m) => m.type === 'samples' && m.timing.variant)).toEqual(['dense', 'zeroed-dense']);

    const layers: WorkerMessage[] = [];
    const second = BenchWorker.start(entry);
    try {
      const layerJob = { ...TIMING, file, sha256: plan.sha256, externalLocations: [], targets: plan.targets, pattern: 'unstructured' as const, sparsities: [0.5], cases: [{ ...fc1, m: 1, count: 1 }], seed: 1 };
      expect(await second.runTask({ type: 'model-layers', job: layerJob, libraryPath: null }, (m) => layers.push(m))).toEqual({ status: 'done' });
    } finally {
      second.kill();
    }
    const check = layers.find((m) => m.type === 'layer-check');
    expect(check?.type === 'layer-check' && check.relativeDifference).toBeLessThan(1e-5);
  });
});

describe('runModelBenchmark', () => {
  it('runs every requested provider it can, keeps the CPU rows whatever the others do, and reports progress up to 1', async () => {
    const fractions: number[] = [];
    const doc = await runModelBenchmark(cnn, { quick: true, threads: 1, providers: ['cpu', 'webgpu'], sparsities: [0.5] }, { onProgress: (p) => fractions.push(p.fraction) });
    benchmarkResultSchema.parse(doc);
    expect(doc.table.filter((r) => r.provider === 'cpu').map((r) => r.kind)).toEqual(['measured', 'measured', 'estimate']);
    const webgpu = doc.table.filter((r) => r.provider === 'webgpu');
    expect(webgpu.map((r) => r.variant)).toEqual(['dense', 'zeroed-dense', 'sparse-kernel']);
    const probe = doc.inventory.providers.find((p) => p.provider === 'webgpu')!;
    if (probe.available) {
      // Where a GPU lane exists (lavapipe or a real GPU), WebGPU is timed like the CPU and its placement reported.
      expect(webgpu[0]!.kind).toBe('measured');
      expect(doc.model!.placement.map((p) => p.provider)).toEqual(['cpu', 'webgpu']);
    } else {
      expect(webgpu.every((r) => r.kind === 'unavailable')).toBe(true);
      expect(webgpu[0]!.note).toContain('provider unavailable');
    }
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  }, 180_000);

  it('stops at once when cancelled and returns what finished, marked cancelled', async () => {
    const controller = new AbortController();
    const file = path.join(folder, 'block.onnx');
    writeFileSync(file, transformerModel({ fixedSeq: true }));
    const started = Date.now();
    const doc = await runModelBenchmark(file, { threads: 1, providers: ['cpu'] }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.current.includes('round 1')) controller.abort();
      },
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(doc.cancelled).toBe(true);
    benchmarkResultSchema.parse(doc);
    expect(doc.table.find((r) => r.variant === 'sparse-kernel')!.kind).toBe('unavailable');
  });

  it('refuses options that cannot work before starting any child', async () => {
    await expect(runModelBenchmark(cnn, { pattern: '2:4', sparsities: [0.75] })).rejects.toThrow(/^sparsities: 2:4 is 50 %/);
    await expect(runModelBenchmark(cnn, { threads: 0 })).rejects.toThrow(/^threads: must be a whole number/);
    await expect(runModelBenchmark(cnn, { batch: 4 })).rejects.toThrow(/^batch: the model's inputs fix the batch at 1/);
  });
});
