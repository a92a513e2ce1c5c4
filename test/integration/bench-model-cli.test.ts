/**
 * `bench --model` end to end through the CLI: the three test models on the CPU, the result
 * document, --out and --save-db, and the list of bad inputs — each a one-line error naming the
 * file or the option, exit code 2, and the user's file unchanged.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkResultSchema } from '../../src-main/core/hardware/benchmark-result.js';
import { readBenchmarkFile } from '../../src-main/bench/result-file.js';
import { cli } from '../support/cli.js';
import { cnnModel, mlpModel, noWeightsModel, transformerModel, twoLayerModel, unknownOpModel, writeExternalDataMlp } from '../support/own-models.js';

const dir = mkdtempSync(path.join(tmpdir(), 'advisor-model-cli-'));
const FAST = ['--quick', '--threads', '1', '--providers', 'cpu'];

function model(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('sparsity-advisor bench --model', () => {
  it('measures the small CNN: dense, pruned and the estimate, saved and exported as a benchmark run', () => {
    const file = model('cnn.onnx', cnnModel());
    const before = hash(file);
    const out = path.join(dir, 'cnn-run.json');
    const db = path.join(dir, 'advisor.db');
    const run = cli('bench', '--model', file, ...FAST, '--out', out, '--save-db', db, '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = benchmarkResultSchema.parse(JSON.parse(run.stdout));
    expect(hash(file)).toBe(before);
    expect(doc.model).toMatchObject({ fileName: 'cnn.onnx', sha256: before, family: 'cnn', batch: 1, pattern: 'unstructured' });
    expect(doc.model!.prunedLayers.map((l) => l.name)).toEqual(['conv2', 'conv3', 'fc1']);
    expect(doc.model!.outputChange.map((c) => c.sparsity)).toEqual([0.5, 0.75, 0.9]);
    expect(doc.model!.outputChange.every((c) => c.finite && c.relative! > 0)).toBe(true);
    expect(doc.model!.placement).toEqual([{ provider: 'cpu', nodesByProvider: { CPUExecutionProvider: expect.any(Number) } }]);
    const kinds = doc.table.map((r) => `${r.variant}:${r.kind}`);
    expect(kinds).toEqual(['dense:measured', ...[0.5, 0.75, 0.9].flatMap(() => ['zeroed-dense:measured', 'sparse-kernel:estimate'])]);
    expect(doc.model!.layerTimings).toEqual([expect.objectContaining({ name: 'fc1', m: 1, k: 16, n: 32, count: 1 })]);
    expect(readBenchmarkFile(out)).toEqual(doc);
    const exported = path.join(dir, 'exported.json');
    const exportRun = cli('scenarios', 'export', '--benchmark', doc.id, '--db', db, '--out', exported);
    expect(exportRun.code, exportRun.stderr).toBe(0);
    expect(readBenchmarkFile(exported)).toEqual(doc);
  });

  it('prints the table a person reads, with latency, throughput and labels', () => {
    const file = model('mlp.onnx', mlpModel());
    const run = cli('bench', '--model', file, ...FAST, '--sparsities', '0.5', '--batch', '4');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Own model mlp.onnx');
    expect(run.stdout).toMatch(/Inputs: X float32\[4x16\]; batch 4/);
    expect(run.stdout).toMatch(/^provider\s+variant\s+S\s+median ms\s+p10–p90 ms\s+requests\/s\s+speed-up \[interval\]\s+label$/m);
    expect(run.stdout).toMatch(/^cpu\s+pruned \(zeros\)\s+0\.5\s+[\d.e-]+\s+\S+\s+[\d.e]+\s+×/m);
    expect(run.stdout).toMatch(/^cpu\s+sparse kernel\s+0\.5\s+.*estimate from layer timings/m);
    expect(run.stdout).toContain('sanity figure, not accuracy');
  });

  it('runs the Transformer block with --input for its dynamic sequence, pruning only the block’s linear layers', () => {
    const file = model('transformer.onnx', transformerModel());
    const run = cli('bench', '--model', file, ...FAST, '--input', 'ids=1x8', '--pattern', '2:4', '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = benchmarkResultSchema.parse(JSON.parse(run.stdout));
    expect(doc.model!.inputs).toEqual([{ name: 'ids', dtype: 'int64', shape: [1, 8] }]);
    expect(doc.model!.prunedLayers.map((l) => l.name)).toEqual(['q_proj', 'k_proj', 'v_proj', 'o_proj', 'ffn_up', 'ffn_down']);
    expect(doc.model!.leftDense.map((l) => l.name)).toEqual(['head']);
    expect(doc.settings.sparsities).toEqual([0.5]);
    expect(doc.table.find((r) => r.variant === 'zeroed-dense')!.pattern).toBe('2:4');
    expect(doc.table.find((r) => r.variant === 'structured-2:4')!.kind).toBe('unavailable');
  });

  it('runs a model whose weights are in an external data file', () => {
    const sub = mkdtempSync(path.join(dir, 'ext-'));
    const file = writeExternalDataMlp(sub);
    const data = hash(path.join(sub, 'weights.bin'));
    const run = cli('bench', '--model', file, ...FAST, '--sparsities', '0.75', '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = benchmarkResultSchema.parse(JSON.parse(run.stdout));
    expect(doc.model!.externalDataBytes).toBeGreaterThan(0);
    expect(doc.table.find((r) => r.variant === 'zeroed-dense')!.kind).toBe('measured');
    expect(hash(path.join(sub, 'weights.bin'))).toBe(data);
  });

  const text = model('notes.onnx', new TextEncoder().encode('these are meeting notes, not a model\n'));
  const cnn = cnnModel();
  const truncated = model('truncated.onnx', cnn.subarray(0, cnn.length - 700));
  const transformer = model('dynamic.onnx', transformerModel());
  const unknownOp = model('unknown-op.onnx', unknownOpModel());
  const futureOpset = model('opset99.onnx', mlpModel({ opset: 99 }));
  const noWeights = model('relu.onnx', noWeightsModel());
  const twoLayers = model('two.onnx', twoLayerModel());
  const missingData = (() => {
    const sub = mkdtempSync(path.join(dir, 'missing-'));
    const file = writeExternalDataMlp(sub);
    rmSync(path.join(sub, 'weights.bin'));
    return file;
  })();
  const bad: [string, string[], RegExp][] = [
    ['a file that is not ONNX', ['--model', text], /^sparsity-advisor bench: error: notes\.onnx: not an ONNX model/],
    ['a truncated file', ['--model', truncated], /^sparsity-advisor bench: error: truncated\.onnx: the file ends early .*truncated/],
    ['an op ONNX Runtime cannot run', ['--model', unknownOp], /^sparsity-advisor bench: error: unknown-op\.onnx: ONNX Runtime .*cannot run this model on cpu: .*FrobnicateTensor/],
    ['an opset ONNX Runtime does not support', ['--model', futureOpset], /^sparsity-advisor bench: error: opset99\.onnx: ONNX Runtime .*cannot run this model on cpu: .*Opset 99/],
    ['missing external data', ['--model', missingData], /^sparsity-advisor bench: error: mlp-external\.onnx: external data file "weights\.bin" .* is missing/],
    ['a model over the size limit', ['--model', transformer, '--max-size', '1kB'], /^sparsity-advisor bench: error: dynamic\.onnx: the model is .* GiB, over the .* GiB limit \(default 2 GiB/],
    ['dynamic shapes without --input', ['--model', transformer], /^sparsity-advisor bench: error: --input: input ids has a dynamic dimension seq/],
    ['a model with no weight layers', ['--model', noWeights], /^sparsity-advisor bench: error: relu\.onnx: no prunable weights/],
    ['a model the default rule leaves nothing in', ['--model', twoLayers], /^sparsity-advisor bench: error: two\.onnx: no prunable weights by the default rule/],
    ['a missing file', ['--model', path.join(dir, 'nope.onnx')], /^sparsity-advisor bench: error: --model: cannot read .*ENOENT/],
    ['a bad --input', ['--model', transformer, '--input', 'ids'], /^sparsity-advisor bench: error: --input: must be NAME=SHAPE/],
    ['an unknown input', ['--model', transformer, '--input', 'tokens=1x8'], /^sparsity-advisor bench: error: --input: the model has no input "tokens"/],
    ['2:4 with other sparsities', ['--model', transformer, '--input', 'ids=1x8', '--pattern', '2:4', '--sparsities', '0.9'], /^sparsity-advisor bench: error: --sparsities: 2:4 is 50 %/],
    ['a repeated option', ['--model', transformer, '--pattern', '2:4', '--pattern', 'unstructured'], /^sparsity-advisor bench: error: --pattern: is given more than once/],
    ['an unknown layer', ['--model', transformer, '--input', 'ids=1x8', '--layers', 'fc9'], /^sparsity-advisor bench: error: --layers: no weight layer named "fc9"/],
  ];
  it.each(bad)('%s: exit 2, one line naming the file or option, the file untouched', (_what, args, message) => {
    const file = args[args.indexOf('--model') + 1]!;
    const before = (() => {
      try {
        return hash(file);
      } catch {
        return null;
      }
    })();
    const run = cli('bench', ...args, ...FAST);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    if (before !== null) expect(hash(file)).toBe(before);
  });
});
