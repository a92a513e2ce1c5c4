import { describe, expect, it } from 'vitest';
import { batchOf, parseInputFlag, resolveInputs } from '../../../../src-main/core/own-model/input-shapes.js';
import { indexBounds, inputValues } from '../../../../src-main/core/own-model/input-values.js';
import { parseOnnxModel } from '../../../../src-main/core/own-model/onnx-graph.js';
import { cnnModel, transformerModel, TRANSFORMER } from '../../../support/own-models.js';

const FIELDS = { input: '--input', batch: '--batch' };

describe('input shapes', () => {
  it('parses NAME=SHAPE with x or commas', () => {
    expect(parseInputFlag('ids=1x128', '--input')).toEqual({ name: 'ids', shape: [1, 128] });
    expect(parseInputFlag('pixel_values=1,3,224,224', '--input')).toEqual({ name: 'pixel_values', shape: [1, 3, 224, 224] });
    expect(() => parseInputFlag('ids', '--input')).toThrow(/^--input: must be NAME=SHAPE/);
    expect(() => parseInputFlag('ids=1x0', '--input')).toThrow(/^--input: ids: each dimension/);
  });

  it('takes fixed shapes as they are and a symbolic batch as 1', () => {
    const cnn = parseOnnxModel(cnnModel(), 'c.onnx');
    expect(resolveInputs(cnn.inputs, [], 1, FIELDS)).toEqual([{ name: 'X', dtype: 'float32', shape: [1, 3, 16, 16] }]);
  });

  it('asks for dynamic dimensions other than the batch, naming the input', () => {
    const model = parseOnnxModel(transformerModel(), 't.onnx');
    expect(() => resolveInputs(model.inputs, [], 1, FIELDS)).toThrow(/^--input: input ids has a dynamic dimension seq at position 1 \[batchxseq\]: give ids=SHAPE/);
    const inputs = resolveInputs(model.inputs, [{ name: 'ids', shape: [2, 8] }], 1, FIELDS);
    expect(inputs).toEqual([{ name: 'ids', dtype: 'int64', shape: [2, 8] }]);
    expect(batchOf(inputs)).toBe(2);
    expect(() => resolveInputs(model.inputs, [{ name: 'tokens', shape: [1, 8] }], 1, FIELDS)).toThrow(/no input "tokens" \(inputs: ids\)/);
  });

  it('refuses a shape that contradicts a fixed dimension', () => {
    const cnn = parseOnnxModel(cnnModel(), 'c.onnx');
    expect(() => resolveInputs(cnn.inputs, [{ name: 'X', shape: [1, 4, 16, 16] }], 1, FIELDS)).toThrow(/X dimension 1 is fixed at 3/);
  });
});

describe('input values', () => {
  it('keeps token ids below the embedding table’s row count, the same every time', () => {
    const model = parseOnnxModel(transformerModel(), 't.onnx');
    expect(indexBounds(model)).toEqual({ ids: TRANSFORMER.vocab });
    const input = { name: 'ids', dtype: 'int64', shape: [4, 64] };
    const values = inputValues(input, TRANSFORMER.vocab, 1, 0) as BigInt64Array;
    expect(values).toHaveLength(256);
    expect(values.every((v) => v >= 0n && v < BigInt(TRANSFORMER.vocab))).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(20);
    expect(inputValues(input, TRANSFORMER.vocab, 1, 0)).toEqual(values);
  });

  it('fills floats in [−1, 1) and other integers with 1', () => {
    const floats = inputValues({ name: 'x', dtype: 'float32', shape: [100] }, undefined, 3, 0) as Float32Array;
    expect(floats.every((v) => v >= -1 && v < 1)).toBe(true);
    expect(Array.from(inputValues({ name: 'mask', dtype: 'int64', shape: [3] }, undefined, 3, 1) as BigInt64Array)).toEqual([1n, 1n, 1n]);
  });
});
