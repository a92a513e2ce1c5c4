/**
 * Which layers the own-model benchmark prunes, on the three test models: the op inventory, the
 * default rule per model family, 2:4 eligibility, and the attention MatMuls that have no weight.
 */
import { describe, expect, it } from 'vitest';
import { parseOnnxModel } from '../../../../src-main/core/own-model/onnx-graph.js';
import { chooseLayers, layerName, opInventory } from '../../../../src-main/core/own-model/prunable-layers.js';
import { cnnModel, float16Int32DataModel, mlpModel, noWeightsModel, transformerModel, twoLayerModel, TRANSFORMER } from '../../../support/own-models.js';

const names = (layers: { node: { name: string }; weight: { name: string } }[]) => layers.map((l) => layerName(l as never));

describe('default rule', () => {
  it('prunes the linear layers of a Transformer block, not the embedding, the head or the attention products', () => {
    const model = parseOnnxModel(transformerModel(), 't.onnx');
    const choice = chooseLayers(model, 'default', 'unstructured', '--layers', 't.onnx');
    expect(choice.family).toBe('transformer');
    expect(names(choice.pruned)).toEqual(['q_proj', 'k_proj', 'v_proj', 'o_proj', 'ffn_up', 'ffn_down']);
    expect(names(choice.candidates)).toContain('head');
    expect(choice.candidates.find((l) => l.node.name === 'head')!.reason).toMatch(/outside the Transformer blocks/);
    // The two MatMuls of activations (scores, context) have no weight: never candidates.
    expect(names(choice.candidates)).not.toContain('scores');
    expect(names(choice.candidates)).not.toContain('context');
  });

  it('prunes every Conv and Gemm of a CNN except the first and the last', () => {
    const choice = chooseLayers(parseOnnxModel(cnnModel(), 'c.onnx'), 'default', 'unstructured', '--layers', 'c.onnx');
    expect(choice.family).toBe('cnn');
    expect(names(choice.pruned)).toEqual(['conv2', 'conv3', 'fc1']);
    expect(choice.pruned.map((l) => l.reductionSize)).toEqual([72, 144, 16]);
  });

  it('prunes the inner layers of an MLP; all or named layers when asked', () => {
    const model = parseOnnxModel(mlpModel(), 'm.onnx');
    expect(names(chooseLayers(model, 'default', 'unstructured', '--layers', 'm.onnx').pruned)).toEqual(['fc2', 'fc3']);
    expect(names(chooseLayers(model, 'all', 'unstructured', '--layers', 'm.onnx').pruned)).toEqual(['fc1', 'fc2', 'fc3', 'fc4']);
    expect(names(chooseLayers(model, ['fc4', 'W1'], 'unstructured', '--layers', 'm.onnx').pruned)).toEqual(['fc4', 'fc1']);
    expect(() => chooseLayers(model, ['fc9'], 'unstructured', '--layers', 'm.onnx')).toThrow(/^--layers: no weight layer named "fc9"/);
  });

  it('applies 2:4 only where the reduction size is a multiple of 4', () => {
    const model = parseOnnxModel(cnnModel(), 'c.onnx');
    const choice = chooseLayers(model, 'all', '2:4', '--layers', 'c.onnx');
    expect(names(choice.pruned)).toEqual(['conv2', 'conv3', 'fc1', 'head']);
    expect(choice.skipped.map((s) => s.why)).toEqual([expect.stringMatching(/conv1 sums over 3/)]);
  });

  it('leaves weights it cannot rewrite at the same length dense, and says why', () => {
    const model = parseOnnxModel(float16Int32DataModel(), 'f16.onnx');
    const choice = chooseLayers(model, 'all', 'unstructured', '--layers', 'f16.onnx');
    expect(names(choice.pruned)).toEqual(['fc1', 'fc3', 'fc4']);
    expect(choice.candidates.find((l) => l.node.name === 'fc2')!.blocker).toMatch(/stored as int32_data/);
    expect(() => chooseLayers(model, ['fc2'], 'unstructured', '--layers', 'f16.onnx')).toThrow(/^--layers: "fc2" cannot be pruned: weights are stored as int32_data/);
  });

  it('refuses a model with nothing to prune, naming the file', () => {
    expect(() => chooseLayers(parseOnnxModel(noWeightsModel(), 'relu.onnx'), 'default', 'unstructured', '--layers', 'relu.onnx')).toThrow(/^relu\.onnx: no prunable weights/);
    expect(() => chooseLayers(parseOnnxModel(twoLayerModel(), 'two.onnx'), 'default', 'unstructured', '--layers', 'two.onnx')).toThrow(/^two\.onnx: no prunable weights by the default rule.*--layers all/);
  });
});

describe('op inventory', () => {
  it('counts nodes and parameters per op type and the share pruning touches', () => {
    const model = parseOnnxModel(transformerModel(), 't.onnx');
    const choice = chooseLayers(model, 'default', 'unstructured', '--layers', 't.onnx');
    const { ops, totalParams, prunableParams } = opInventory(model, choice.pruned);
    const { vocab, d, ffn } = TRANSFORMER;
    const byOp = Object.fromEntries(ops.map((o) => [o.opType, o]));
    expect(byOp.MatMul).toEqual({ opType: 'MatMul', nodes: 9, params: 4 * d * d + 2 * d * ffn + d * vocab, prunableParams: 4 * d * d + 2 * d * ffn });
    expect(byOp.Gather).toEqual({ opType: 'Gather', nodes: 1, params: vocab * d, prunableParams: 0 });
    expect(byOp.LayerNormalization!.params).toBe(4 * d);
    expect(byOp.Softmax).toEqual({ opType: 'Softmax', nodes: 1, params: 0, prunableParams: 0 });
    expect(totalParams).toBe(4 * d * d + 2 * d * ffn + d * vocab + vocab * d + 4 * d);
    expect(prunableParams).toBe(4 * d * d + 2 * d * ffn);
  });

  it('counts the CNN by Conv and Gemm', () => {
    const model = parseOnnxModel(cnnModel(), 'c.onnx');
    const { ops } = opInventory(model, chooseLayers(model, 'default', 'unstructured', '--layers', 'c.onnx').pruned);
    expect(ops.slice(0, 2)).toEqual([
      { opType: 'Conv', nodes: 3, params: 8 * 27 + 16 * 72 + 16 * 144, prunableParams: 16 * 72 + 16 * 144 },
      { opType: 'Gemm', nodes: 2, params: 32 * 16 + 10 * 32, prunableParams: 32 * 16 },
    ]);
  });
});
