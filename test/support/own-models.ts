/**
 * Small ONNX models for the own-model benchmark's tests, built with onnx-proto: an MLP, a CNN
 * (Conv + Gemm) and a Transformer block whose attention MatMuls multiply activations (not
 * prunable) while its projections and feed-forward layers carry weights. Weights are seeded, so
 * every build is byte-identical.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import onnxProto, { type onnx as Onnx } from 'onnx-proto';
import { seededUniform, varianceKeepingScale } from '../../src-main/core/hardware/weights.js';

const { onnx } = onnxProto;
const FLOAT = 1;
const INT64 = 7;
const INT = onnx.AttributeProto.AttributeType.INT;
const INTS = onnx.AttributeProto.AttributeType.INTS;

type Dim = number | string;

export interface BuildOptions {
  /** Store weights as packed float_data instead of raw_data. */
  floatData?: boolean;
  /** Default-domain opset (17 unless given). */
  opset?: number;
  irVersion?: number;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

let stream = 0;
function weight(name: string, dims: number[], options: BuildOptions, inner = dims[0]!): Onnx.ITensorProto {
  const values = seededUniform(7, 2000 + stream++, dims.reduce((a, b) => a * b, 1), varianceKeepingScale(inner));
  return options.floatData ? { name, dims, dataType: FLOAT, floatData: Array.from(values) } : { name, dims, dataType: FLOAT, rawData: bytesOf(values) };
}

function int64s(name: string, values: number[]): Onnx.ITensorProto {
  return { name, dims: [values.length], dataType: INT64, rawData: bytesOf(BigInt64Array.from(values, BigInt)) };
}

function value(name: string, elemType: number, dims: Dim[]): Onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } } };
}

function encode(graph: Onnx.IGraphProto, options: BuildOptions): Uint8Array {
  stream = 0;
  const model = onnx.ModelProto.create({
    irVersion: options.irVersion ?? 8,
    producerName: 'sparsity-advisor-tests',
    opsetImport: [{ domain: '', version: options.opset ?? 17 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** X[batch, 16] → 4 linear layers (MatMul, MatMul, Gemm transB, MatMul) → Y[batch, 8]. */
export function mlpModel(options: BuildOptions = {}): Uint8Array {
  stream = 0;
  const initializer = [
    weight('W1', [16, 32], options),
    weight('b1', [32], options),
    weight('W2', [32, 32], options),
    weight('W3', [32, 32], options, 32),
    weight('b3', [32], options),
    weight('W4', [32, 8], options),
  ];
  const node: Onnx.INodeProto[] = [
    { name: 'fc1', opType: 'MatMul', input: ['X', 'W1'], output: ['h1'] },
    { name: 'bias1', opType: 'Add', input: ['h1', 'b1'], output: ['h1b'] },
    { name: 'act1', opType: 'Relu', input: ['h1b'], output: ['a1'] },
    { name: 'fc2', opType: 'MatMul', input: ['a1', 'W2'], output: ['h2'] },
    { name: 'act2', opType: 'Relu', input: ['h2'], output: ['a2'] },
    { name: 'fc3', opType: 'Gemm', input: ['a2', 'W3', 'b3'], output: ['h3'], attribute: [{ name: 'transB', type: INT, i: 1 }] },
    { name: 'act3', opType: 'Relu', input: ['h3'], output: ['a3'] },
    { name: 'fc4', opType: 'MatMul', input: ['a3', 'W4'], output: ['Y'] },
  ];
  return encode({ name: 'mlp', node, initializer, input: [value('X', FLOAT, ['batch', 16])], output: [value('Y', FLOAT, ['batch', 8])] }, options);
}

/** X[1, 3, 16, 16] → Conv(3→8) → Conv(8→16) → Conv(16→16) → pool → Gemm(16→32) → Gemm(32→10). */
export function cnnModel(options: BuildOptions = {}): Uint8Array {
  stream = 0;
  const conv = (name: string, input: string, w: string, output: string): Onnx.INodeProto => ({
    name,
    opType: 'Conv',
    input: [input, w],
    output: [output],
    attribute: [
      { name: 'kernel_shape', type: INTS, ints: [3, 3] },
      { name: 'pads', type: INTS, ints: [1, 1, 1, 1] },
    ],
  });
  const initializer = [
    weight('C1', [8, 3, 3, 3], options, 27),
    weight('C2', [16, 8, 3, 3], options, 72),
    weight('C3', [16, 16, 3, 3], options, 144),
    weight('G1', [32, 16], options, 16),
    weight('G2', [10, 32], options, 32),
  ];
  const node: Onnx.INodeProto[] = [
    conv('conv1', 'X', 'C1', 'c1'),
    { name: 'relu1', opType: 'Relu', input: ['c1'], output: ['r1'] },
    conv('conv2', 'r1', 'C2', 'c2'),
    { name: 'relu2', opType: 'Relu', input: ['c2'], output: ['r2'] },
    conv('conv3', 'r2', 'C3', 'c3'),
    { name: 'relu3', opType: 'Relu', input: ['c3'], output: ['r3'] },
    { name: 'pool', opType: 'GlobalAveragePool', input: ['r3'], output: ['p'] },
    { name: 'flatten', opType: 'Flatten', input: ['p'], output: ['f'] },
    { name: 'fc1', opType: 'Gemm', input: ['f', 'G1'], output: ['g1'], attribute: [{ name: 'transB', type: INT, i: 1 }] },
    { name: 'relu4', opType: 'Relu', input: ['g1'], output: ['r4'] },
    { name: 'head', opType: 'Gemm', input: ['r4', 'G2'], output: ['Y'], attribute: [{ name: 'transB', type: INT, i: 1 }] },
  ];
  return encode({ name: 'cnn', node, initializer, input: [value('X', FLOAT, [1, 3, 16, 16])], output: [value('Y', FLOAT, [1, 10])] }, options);
}

export const TRANSFORMER = { vocab: 50, d: 16, ffn: 64, seq: 8 } as const;

/**
 * ids[batch, seq] → embedding (Gather) → one pre-LN Transformer block (single-head attention,
 * ReLU feed-forward, two residual Adds) → output head MatMul → logits[batch, seq, vocab].
 */
export function transformerModel(options: BuildOptions & { fixedSeq?: boolean } = {}): Uint8Array {
  stream = 0;
  const { vocab, d, ffn } = TRANSFORMER;
  const initializer = [
    weight('embedding', [vocab, d], options, 3),
    weight('ln1_scale', [d], options, 3),
    weight('ln1_bias', [d], options, 3),
    weight('Wq', [d, d], options),
    weight('Wk', [d, d], options),
    weight('Wv', [d, d], options),
    weight('Wo', [d, d], options),
    weight('ln2_scale', [d], options, 3),
    weight('ln2_bias', [d], options, 3),
    weight('W1', [d, ffn], options),
    weight('W2', [ffn, d], options),
    weight('Whead', [d, vocab], options),
  ];
  const node: Onnx.INodeProto[] = [
    { name: 'embed', opType: 'Gather', input: ['embedding', 'ids'], output: ['x'] },
    { name: 'ln1', opType: 'LayerNormalization', input: ['x', 'ln1_scale', 'ln1_bias'], output: ['xn'], attribute: [{ name: 'axis', type: INT, i: -1 }] },
    { name: 'q_proj', opType: 'MatMul', input: ['xn', 'Wq'], output: ['q'] },
    { name: 'k_proj', opType: 'MatMul', input: ['xn', 'Wk'], output: ['k'] },
    { name: 'v_proj', opType: 'MatMul', input: ['xn', 'Wv'], output: ['v'] },
    { name: 'k_t', opType: 'Transpose', input: ['k'], output: ['kt'], attribute: [{ name: 'perm', type: INTS, ints: [0, 2, 1] }] },
    { name: 'scores', opType: 'MatMul', input: ['q', 'kt'], output: ['s'] },
    { name: 'softmax', opType: 'Softmax', input: ['s'], output: ['p'], attribute: [{ name: 'axis', type: INT, i: -1 }] },
    { name: 'context', opType: 'MatMul', input: ['p', 'v'], output: ['a'] },
    { name: 'o_proj', opType: 'MatMul', input: ['a', 'Wo'], output: ['o'] },
    { name: 'residual1', opType: 'Add', input: ['x', 'o'], output: ['h'] },
    { name: 'ln2', opType: 'LayerNormalization', input: ['h', 'ln2_scale', 'ln2_bias'], output: ['hn'], attribute: [{ name: 'axis', type: INT, i: -1 }] },
    { name: 'ffn_up', opType: 'MatMul', input: ['hn', 'W1'], output: ['f1'] },
    { name: 'ffn_act', opType: 'Relu', input: ['f1'], output: ['f1a'] },
    { name: 'ffn_down', opType: 'MatMul', input: ['f1a', 'W2'], output: ['f2'] },
    { name: 'residual2', opType: 'Add', input: ['h', 'f2'], output: ['y0'] },
    { name: 'head', opType: 'MatMul', input: ['y0', 'Whead'], output: ['logits'] },
  ];
  const seq: Dim = options.fixedSeq ? TRANSFORMER.seq : 'seq';
  return encode(
    {
      name: 'transformer_block',
      node,
      initializer,
      input: [value('ids', INT64, ['batch', seq])],
      output: [value('logits', FLOAT, ['batch', seq, vocab])],
    },
    options,
  );
}

/** The MLP with its weights in an external data file next to the model (written into `folder`). */
export function writeExternalDataMlp(folder: string, dataName = 'weights.bin'): string {
  const model = onnx.ModelProto.decode(mlpModel());
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const tensor of model.graph!.initializer!) {
    const raw = tensor.rawData!;
    tensor.rawData = new Uint8Array(0);
    tensor.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
    tensor.externalData = [
      { key: 'location', value: dataName },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(raw.length) },
    ];
    chunks.push(raw);
    offset += raw.length;
  }
  const data = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  writeFileSync(path.join(folder, dataName), data);
  const file = path.join(folder, 'mlp-external.onnx');
  writeFileSync(file, onnx.ModelProto.encode(model).finish());
  return file;
}

/** A model using an op ONNX Runtime does not know. */
export function unknownOpModel(): Uint8Array {
  stream = 0;
  const initializer = [weight('W1', [4, 4], {}), weight('W2', [4, 4], {}), weight('W3', [4, 4], {})];
  const node: Onnx.INodeProto[] = [
    { name: 'fc1', opType: 'MatMul', input: ['X', 'W1'], output: ['h1'] },
    { name: 'fc2', opType: 'MatMul', input: ['h1', 'W2'], output: ['h2'] },
    { name: 'weird', opType: 'FrobnicateTensor', domain: 'com.example.unknown', input: ['h2'], output: ['h3'] },
    { name: 'fc3', opType: 'MatMul', input: ['h3', 'W3'], output: ['Y'] },
  ];
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [
      { domain: '', version: 17 },
      { domain: 'com.example.unknown', version: 1 },
    ],
    graph: { name: 'unknown_op', node, initializer, input: [value('X', FLOAT, [1, 4])], output: [value('Y', FLOAT, [1, 4])] },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Only a two-layer MLP: the default rule (not first, not last) leaves nothing to prune. */
export function twoLayerModel(): Uint8Array {
  stream = 0;
  const initializer = [weight('W1', [8, 8], {}), weight('W2', [8, 4], {})];
  const node: Onnx.INodeProto[] = [
    { name: 'fc1', opType: 'MatMul', input: ['X', 'W1'], output: ['h'] },
    { name: 'fc2', opType: 'MatMul', input: ['h', 'W2'], output: ['Y'] },
  ];
  return encode({ name: 'two', node, initializer, input: [value('X', FLOAT, [1, 8])], output: [value('Y', FLOAT, [1, 4])] }, {});
}

/** A graph with no weight layer at all. */
export function noWeightsModel(): Uint8Array {
  const node: Onnx.INodeProto[] = [{ name: 'relu', opType: 'Relu', input: ['X'], output: ['Y'] }];
  return encode({ name: 'none', node, initializer: [int64s('unused', [1])], input: [value('X', FLOAT, [1, 8])], output: [value('Y', FLOAT, [1, 8])] }, {});
}

/** The MLP with its inner weights as float16 in int32_data (how ONNX stores float16 outside raw_data). */
export function float16Int32DataModel(): Uint8Array {
  const model = onnx.ModelProto.decode(mlpModel());
  for (const tensor of model.graph!.initializer!) {
    if (tensor.name !== 'W2') continue;
    const count = tensor.dims!.reduce((a, b) => Number(a) * Number(b), 1) as number;
    tensor.rawData = new Uint8Array(0);
    tensor.dataType = 10;
    tensor.int32Data = Array.from({ length: count }, (_, i) => 0x3c00 + (i % 7));
  }
  return onnx.ModelProto.encode(model).finish();
}
