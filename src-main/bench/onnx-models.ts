/**
 * ONNX models built in memory with onnx-proto, nothing downloaded: MatMul chains shaped like
 * Transformer feed-forward blocks, in the variants the hardware check times. The encoded bytes
 * go straight into InferenceSession.create() or the C API's CreateSessionFromArray.
 */
import onnxProto, { type onnx as Onnx } from 'onnx-proto';
import { keptInner, layerShape, type ChainModel } from '../core/hardware/chain-plan.js';
import {
  csrOfTranspose,
  denseLayerWeights,
  pruneExactly,
  pruneTwoFour,
  seededUniform,
  STREAM,
  varianceKeepingScale,
  type CsrMatrix,
  type LayerShape,
} from '../core/hardware/weights.js';

const { onnx } = onnxProto;

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
/** IR 8 with opset 17 and com.microsoft 1 loads in ORT 1.30; onnx-proto 8.0.1 writes ONNX 1.10's schema. */
const IR_VERSION = 8;
const OPSETS = [
  { domain: '', version: 17 },
  { domain: 'com.microsoft', version: 1 },
];
export const INPUT_NAME = 'X';
export const OUTPUT_NAME = 'Y';
/** Symbolic batch dimension: one session serves every token count. */
const TOKENS_DIM = 'tokens';

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function floatTensor(name: string, dims: number[], values: Float32Array): Onnx.ITensorProto {
  // rawData, not floatData: a 64 MiB initializer encodes as one copy instead of millions of varints.
  return { name, dims, dataType: FLOAT, rawData: bytesOf(values) };
}

function int64Tensor(name: string, values: number[]): Onnx.ITensorProto {
  return { name, dims: [values.length], dataType: INT64, rawData: bytesOf(BigInt64Array.from(values, BigInt)) };
}

type Dim = number | string;

function tensorValue(name: string, dims: Dim[] | null, sparse = false): Onnx.IValueInfoProto {
  const shape = dims === null ? null : { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) };
  const tensor = { elemType: FLOAT, shape };
  return { name, type: sparse ? { sparseTensorType: tensor } : { tensorType: tensor } };
}

function encode(graph: Onnx.IGraphProto): Uint8Array {
  const model = onnx.ModelProto.create({ irVersion: IR_VERSION, producerName: 'sparsity-advisor', opsetImport: OPSETS, graph });
  return onnx.ModelProto.encode(model).finish();
}

function hidden(layer: number, layers: number): string {
  return layer === layers - 1 ? OUTPUT_NAME : `H${layer + 1}`;
}

/** X[tokens, K₀] through `weights.length` MatMul layers with constant weights. */
export function denseChainBytes(weights: readonly { shape: LayerShape; values: Float32Array }[]): Uint8Array {
  const layers = weights.length;
  const node: Onnx.INodeProto[] = [];
  const initializer: Onnx.ITensorProto[] = [];
  weights.forEach(({ shape, values }, i) => {
    initializer.push(floatTensor(`W${i}`, [shape.inner, shape.outer], values));
    node.push({ opType: 'MatMul', input: [i === 0 ? INPUT_NAME : `H${i}`, `W${i}`], output: [hidden(i, layers)] });
  });
  return encode({
    name: 'dense_chain',
    node,
    initializer,
    input: [tensorValue(INPUT_NAME, [TOKENS_DIM, weights[0]!.shape.inner])],
    output: [tensorValue(OUTPUT_NAME, [TOKENS_DIM, weights[layers - 1]!.shape.outer])],
  });
}

export const SCALE_NAME = 'S';

/**
 * A chain for GPU timing whose request lives in the model: X is a constant [tokens, K₀] scaled by
 * a runtime scalar S (so nothing can be folded away), and the output is each token's sum,
 * [tokens]. A call then moves 4 bytes to the GPU and 4·tokens back instead of the whole
 * activations, which on a fast GPU took longer than the MatMuls themselves.
 */
export function deviceResidentChainBytes(weights: readonly { shape: LayerShape; values: Float32Array }[], x: Float32Array, tokens: number): Uint8Array {
  const layers = weights.length;
  const node: Onnx.INodeProto[] = [{ opType: 'Mul', input: ['X0', SCALE_NAME], output: ['H0'] }];
  const initializer: Onnx.ITensorProto[] = [floatTensor('X0', [tokens, weights[0]!.shape.inner], x), int64Tensor('sumAxes', [1])];
  weights.forEach(({ shape, values }, i) => {
    initializer.push(floatTensor(`W${i}`, [shape.inner, shape.outer], values));
    node.push({ opType: 'MatMul', input: [`H${i}`, `W${i}`], output: [i === layers - 1 ? 'Z' : `H${i + 1}`] });
  });
  node.push({
    opType: 'ReduceSum',
    input: ['Z', 'sumAxes'],
    output: [OUTPUT_NAME],
    attribute: [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
  });
  return encode({
    name: 'device_resident_chain',
    node,
    initializer,
    input: [tensorValue(SCALE_NAME, [1])],
    output: [tensorValue(OUTPUT_NAME, [tokens])],
  });
}

/** Each token's sum of a [tokens, width] output: what a device-resident chain returns. */
export function rowSums(values: Float32Array, tokens: number): Float32Array {
  const width = values.length / tokens;
  const out = new Float32Array(tokens);
  for (let t = 0; t < tokens; t++) {
    let sum = 0;
    for (let c = 0; c < width; c++) sum += values[t * width + c]!;
    out[t] = sum;
  }
  return out;
}

/**
 * The proxy for an ideal sparse kernel: each layer keeps only the first K′ = (1−S)·K inputs
 * (Slice) and multiplies by a dense [K′, N] weight. Not a sparse computation; an upper bound.
 */
export function upperBoundChainBytes(model: ChainModel, dModel: number, ffnWidth: number, seed: number): Uint8Array {
  const node: Onnx.INodeProto[] = [];
  const initializer: Onnx.ITensorProto[] = [int64Tensor('zero', [0]), int64Tensor('axis1', [1])];
  for (let i = 0; i < model.layers; i++) {
    const shape = layerShape(i, dModel, ffnWidth);
    const kept = keptInner(shape.inner, model.sparsity);
    const values = seededUniform(seed, STREAM.upperBoundLayer(i), kept * shape.outer, varianceKeepingScale(kept));
    initializer.push(floatTensor(`W${i}`, [kept, shape.outer], values), int64Tensor(`K${i}`, [kept]));
    node.push(
      { opType: 'Slice', input: [i === 0 ? INPUT_NAME : `H${i}`, 'zero', `K${i}`, 'axis1'], output: [`S${i}`] },
      { opType: 'MatMul', input: [`S${i}`, `W${i}`], output: [hidden(i, model.layers)] },
    );
  }
  const last = layerShape(model.layers - 1, dModel, ffnWidth);
  return encode({
    name: 'upper_bound_chain',
    node,
    initializer,
    input: [tensorValue(INPUT_NAME, [TOKENS_DIM, dModel])],
    output: [tensorValue(OUTPUT_NAME, [TOKENS_DIM, last.outer])],
  });
}

export function sparseInputName(layer: number): string {
  return `A${layer}`;
}

/**
 * A chain of com.microsoft::SparseToDenseMatMul layers whose sparse weights are graph inputs
 * (ORT densifies sparse initializers at load, so inputs are the only way to keep them sparse).
 * Per layer: Yᵀ = Wᵀ·Xᵀ as SparseToDenseMatMul(A = Wᵀ, B = X, transB = 1) — transB = 1 is
 * 7–11× faster than feeding Xᵀ — then Transpose back to [tokens, N]. ORT's shape inference
 * ignores transB, so every dimension it sees is symbolic, and Reshape(H, Shape(H)) hides the
 * concrete ones a Transpose would otherwise propagate into the next layer's check.
 */
export function sparseChainBytes(layers: number, dModel: number, ffnWidth: number): Uint8Array {
  const node: Onnx.INodeProto[] = [];
  const input = [tensorValue(INPUT_NAME, [TOKENS_DIM, 'k'])];
  for (let i = 0; i < layers; i++) {
    const shape = layerShape(i, dModel, ffnWidth);
    input.push(tensorValue(sparseInputName(i), [shape.outer, shape.inner], true));
    node.push(
      {
        opType: 'SparseToDenseMatMul',
        domain: 'com.microsoft',
        input: [sparseInputName(i), i === 0 ? INPUT_NAME : `H${i}`],
        output: [`YT${i}`],
        attribute: [{ name: 'transB', type: onnx.AttributeProto.AttributeType.INT, i: 1 }],
      },
      {
        opType: 'Transpose',
        input: [`YT${i}`],
        output: [`T${i}`],
        attribute: [{ name: 'perm', type: onnx.AttributeProto.AttributeType.INTS, ints: [1, 0] }],
      },
      { opType: 'Shape', input: [`T${i}`], output: [`D${i}`] },
      { opType: 'Reshape', input: [`T${i}`, `D${i}`], output: [hidden(i, layers)] },
    );
  }
  return encode({ name: 'sparse_chain', node, input, output: [tensorValue(OUTPUT_NAME, null)] });
}

/**
 * Builds the weights of one benchmark run once and hands out models. The dense layers are kept
 * while zeroed variants are derived from them, so every zeroed chain prunes the very weights the
 * dense chain uses.
 */
export class ChainWeights {
  private readonly dense = new Map<number, Float32Array>();

  constructor(
    readonly dModel: number,
    readonly ffnWidth: number,
    readonly seed: number,
  ) {}

  shape(layer: number): LayerShape {
    return layerShape(layer, this.dModel, this.ffnWidth);
  }

  denseLayer(layer: number): Float32Array {
    let values = this.dense.get(layer);
    if (!values) {
      values = denseLayerWeights(this.seed, layer, this.shape(layer));
      this.dense.set(layer, values);
    }
    return values;
  }

  /**
   * Layer `layer` with exactly round(S·K·N) weights zeroed. The survivors are scaled by 1/√(1−S)
   * so a deep zeroed chain keeps its activations' size like the dense one (see varianceKeepingScale).
   */
  zeroedLayer(layer: number, sparsity: number): Float32Array {
    const scale = 1 / Math.sqrt(1 - sparsity);
    return pruneExactly(this.denseLayer(layer), sparsity, this.seed, STREAM.pruneLayer(layer, sparsity), scale);
  }

  /** Layer `layer` pruned 2:4 along K, survivors scaled by √2 like a zeroed layer at S = 0.5. */
  structuredLayer(layer: number): Float32Array {
    return pruneTwoFour(this.denseLayer(layer), this.shape(layer), Math.SQRT2);
  }

  csrLayer(layer: number, sparsity: number): CsrMatrix {
    return csrOfTranspose(this.zeroedLayer(layer, sparsity), this.shape(layer));
  }

  /** Encoded bytes of a dense, zeroed, 2:4, upper-bound or sparse chain. */
  modelBytes(model: ChainModel): Uint8Array {
    const layers = Array.from({ length: model.layers }, (_, i) => i);
    switch (model.kind) {
      case 'dense':
        return denseChainBytes(layers.map((i) => ({ shape: this.shape(i), values: this.denseLayer(i) })));
      case 'zeroed':
        return denseChainBytes(layers.map((i) => ({ shape: this.shape(i), values: this.zeroedLayer(i, model.sparsity) })));
      case 'structured':
        return denseChainBytes(layers.map((i) => ({ shape: this.shape(i), values: this.structuredLayer(i) })));
      case 'upper-bound':
        return upperBoundChainBytes(model, this.dModel, this.ffnWidth, this.seed);
      case 'sparse-csr':
        return sparseChainBytes(model.layers, this.dModel, this.ffnWidth);
    }
  }

  /** A dense or 2:4 chain with the request inside (see deviceResidentChainBytes), for TensorRT. */
  deviceResidentBytes(model: ChainModel, x: Float32Array, tokens: number): Uint8Array {
    if (model.kind !== 'dense' && model.kind !== 'structured') throw new Error(`no device-resident form of a ${model.kind} chain`);
    const layers = Array.from({ length: model.layers }, (_, i) => ({
      shape: this.shape(i),
      values: model.kind === 'dense' ? this.denseLayer(i) : this.structuredLayer(i),
    }));
    return deviceResidentChainBytes(layers, x, tokens);
  }

  /** Drops the dense layers once every variant derived from them is built. */
  release(): void {
    this.dense.clear();
  }
}

/** The request: `tokens` rows of d_model inputs, the same for every variant and provider. */
export function inputRows(seed: number, tokens: number, dModel: number): Float32Array {
  return seededUniform(seed, STREAM.input, tokens * dModel, 1);
}
