/**
 * The ONNX reader against onnx-proto's own decoder: same nodes, inputs and initializers, and each
 * initializer's byte range holding exactly the bytes onnx-proto finds there.
 */
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { defaultOpset, parseOnnxModel } from '../../../../src-main/core/own-model/onnx-graph.js';
import { cnnModel, mlpModel, transformerModel } from '../../../support/own-models.js';

const { onnx } = onnxProto;

describe('parseOnnxModel', () => {
  it.each([
    ['mlp', mlpModel()],
    ['cnn', cnnModel()],
    ['transformer', transformerModel()],
  ])('reads the %s model as onnx-proto does, with each weight at its byte range', (_name, bytes) => {
    const model = parseOnnxModel(bytes, 'm.onnx');
    const decoded = onnx.ModelProto.decode(bytes);
    expect(model.irVersion).toBe(8);
    expect(defaultOpset(model)).toBe(17);
    expect(model.nodes.map((n) => n.opType)).toEqual(decoded.graph!.node!.map((n) => n.opType));
    expect(model.nodes.map((n) => n.inputs)).toEqual(decoded.graph!.node!.map((n) => n.input));
    expect(model.inputs.map((i) => i.name)).toEqual(decoded.graph!.input!.map((i) => i.name));
    for (const t of decoded.graph!.initializer!) {
      const info = model.initializers.get(t.name!)!;
      expect(info.dims).toEqual(t.dims!.map(Number));
      expect(info.storage.kind).toBe('raw');
      if (info.storage.kind !== 'raw') continue;
      expect(Buffer.from(bytes.subarray(info.storage.start, info.storage.end)).equals(Buffer.from(t.rawData!))).toBe(true);
    }
  });

  it('reads symbolic and fixed input dimensions and attributes', () => {
    const model = parseOnnxModel(transformerModel(), 't.onnx');
    expect(model.inputs).toEqual([{ name: 'ids', elemType: 7, dims: ['batch', 'seq'] }]);
    const cnn = parseOnnxModel(cnnModel(), 'c.onnx');
    expect(cnn.inputs[0]!.dims).toEqual([1, 3, 16, 16]);
    expect(cnn.nodes.find((n) => n.name === 'fc1')!.attributes.get('transB')!.i).toBe(1);
    expect(cnn.nodes[0]!.attributes.get('pads')!.ints).toEqual([1, 1, 1, 1]);
  });

  it('finds float_data weights as packed float32 bytes', () => {
    const bytes = mlpModel({ floatData: true });
    const model = parseOnnxModel(bytes, 'm.onnx');
    const w2 = model.initializers.get('W2')!;
    expect(w2.storage.kind).toBe('float-data');
    if (w2.storage.kind !== 'float-data') return;
    const decoded = onnx.ModelProto.decode(bytes).graph!.initializer!.find((t) => t.name === 'W2')!;
    const values = new Float32Array(new Uint8Array(bytes.subarray(w2.storage.start, w2.storage.end)).buffer);
    expect(Array.from(values)).toEqual(decoded.floatData);
  });

  it('refuses a file that is not ONNX, naming the file', () => {
    expect(() => parseOnnxModel(new TextEncoder().encode('name,value\nfoo,1\n'), 'notes.csv')).toThrow(/^notes\.csv: not an ONNX model/);
    expect(() => parseOnnxModel(new Uint8Array(0), 'empty.onnx')).toThrow(/empty\.onnx: the file is empty/);
  });

  it('calls a file that ends early truncated', () => {
    const bytes = cnnModel();
    expect(() => parseOnnxModel(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.onnx')).toThrow(/cut\.onnx: the file ends early .*truncated/);
  });
});
