/**
 * Pruned copies of a user's model: the bytes change only inside the pruned weights' ranges, the
 * pruned tensors (decoded independently by onnx-proto) hold exactly the requested zeros, and the
 * user's files are never written — external data is pruned in a temporary copy.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { zerosFor } from '../../../../src-main/core/own-model/magnitude-prune.js';
import { analyseModel } from '../../../../src-main/bench/own-model/run-model-benchmark.js';
import { ModelVariants } from '../../../../src-main/bench/own-model/model-variants.js';
import { cnnModel, mlpModel, transformerModel, writeExternalDataMlp } from '../../../support/own-models.js';

const { onnx } = onnxProto;
const folder = mkdtempSync(path.join(tmpdir(), 'advisor-variants-'));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

function floats(tensor: onnxProto.onnx.ITensorProto): Float32Array {
  if (tensor.floatData && tensor.floatData.length > 0) return Float32Array.from(tensor.floatData);
  return new Float32Array(new Uint8Array(tensor.rawData!).buffer);
}

function zeros(values: Float32Array): number {
  return values.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
}

describe('pruned model variants', () => {
  it.each([
    ['mlp', mlpModel(), []],
    ['cnn', cnnModel(), []],
    ['transformer', transformerModel(), [{ name: 'ids', shape: [1, 8] }]],
    ['mlp with float_data', mlpModel({ floatData: true }), []],
  ] as const)('%s: exact per-tensor sparsity, every other byte unchanged', (name, bytes, inputs) => {
    const file = write(`${name.replace(/\W/g, '_')}.onnx`, bytes);
    const before = statSync(file).mtimeMs;
    const { plan } = analyseModel(file, { inputs: inputs.map((i) => ({ name: i.name, shape: [...i.shape] })) });
    const variants = new ModelVariants({ file, sha256: plan.sha256, targets: plan.targets, pattern: 'unstructured', externalLocations: [] });
    for (const s of [0.5, 0.75, 0.9]) {
      const { source, tensors } = variants.pruned(s);
      const pruned = (source as { bytes: Uint8Array }).bytes;
      expect(pruned.length).toBe(bytes.length);
      const decoded = onnx.ModelProto.decode(pruned).graph!.initializer!;
      for (const target of plan.targets) {
        const values = floats(decoded.find((t) => t.name === target.weight)!);
        expect(zeros(values), `${target.weight} at S=${s}`).toBe(zerosFor(values.length, s));
      }
      expect(tensors.map((t) => t.weight).sort()).toEqual(plan.targets.map((t) => t.weight).sort());
      // Outside the pruned ranges the file is byte-identical.
      const ranges = plan.targets.map((t) => t.storage as { start: number; end: number });
      for (let i = 0; i < bytes.length; i++) {
        if (pruned[i] !== bytes[i]) expect(ranges.some((r) => i >= r.start && i < r.end)).toBe(true);
      }
      // Weights that were not chosen keep every value.
      for (const t of onnx.ModelProto.decode(bytes).graph!.initializer!) {
        if (plan.targets.some((x) => x.weight === t.name)) continue;
        expect(floats(decoded.find((d) => d.name === t.name)!)).toEqual(floats(t));
      }
    }
    expect(readFileSync(file).equals(Buffer.from(bytes))).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('2:4 keeps two of every four weights along the reduction axis in the pruned model', () => {
    const file = write('cnn24.onnx', cnnModel());
    const { plan } = analyseModel(file, { pattern: '2:4' });
    const variants = new ModelVariants({ file, sha256: plan.sha256, targets: plan.targets, pattern: '2:4', externalLocations: [] });
    const decoded = onnx.ModelProto.decode((variants.pruned(0.5).source as { bytes: Uint8Array }).bytes).graph!.initializer!;
    const c2 = floats(decoded.find((t) => t.name === 'C2')!); // [16, 8, 3, 3], groups along the 8 input channels
    for (let o = 0; o < 16; o++) for (let g = 0; g < 8; g += 4) for (let p = 0; p < 9; p++) {
      expect([0, 1, 2, 3].filter((j) => c2[(o * 8 + g + j) * 9 + p] === 0)).toHaveLength(2);
    }
  });

  it('prunes external data in a temporary copy and leaves the user’s data file alone', () => {
    const sub = mkdtempSync(path.join(folder, 'ext-'));
    const file = writeExternalDataMlp(sub);
    const data = readFileSync(path.join(sub, 'weights.bin'));
    const analysed = analyseModel(file, {});
    expect(analysed.externalLocations).toEqual(['weights.bin']);
    expect(analysed.plan.externalDataBytes).toBe(data.length);
    const variants = new ModelVariants({ file, sha256: analysed.plan.sha256, targets: analysed.plan.targets, pattern: 'unstructured', externalLocations: analysed.externalLocations });
    const { source, tensors } = variants.pruned(0.75);
    const copy = (source as { path: string }).path;
    expect(path.dirname(copy)).not.toBe(sub);
    expect(tensors.map((t) => t.zeros)).toEqual(analysed.plan.targets.map((t) => zerosFor(t.dims[0]! * t.dims[1]!, 0.75)));
    const prunedData = readFileSync(path.join(path.dirname(copy), 'weights.bin'));
    expect(prunedData.equals(data)).toBe(false);
    expect(readFileSync(path.join(sub, 'weights.bin')).equals(data)).toBe(true);
    variants.cleanup();
    expect(() => statSync(copy)).toThrow();
  });

  it('refuses to build variants of a file that changed since it was analysed', () => {
    const file = write('changing.onnx', mlpModel());
    const { plan } = analyseModel(file, {});
    writeFileSync(file, cnnModel());
    expect(() => new ModelVariants({ file, sha256: plan.sha256, targets: plan.targets, pattern: 'unstructured', externalLocations: [] })).toThrow(/changed since it was analysed/);
  });
});
