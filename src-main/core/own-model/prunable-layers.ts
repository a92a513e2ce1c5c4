/**
 * Which weights of a user's ONNX model pruning touches. Candidates are the constant weights of
 * MatMul, Gemm and Conv nodes. By default the benchmark prunes what the sparsity law counts: in
 * a Transformer the linear layers inside its residual blocks (attention projections and the
 * feed-forward layers, not the embedding or the output head); in a CNN or a plain MLP every
 * Conv, Gemm and MatMul layer except the first and the last. The products of two activations
 * (attention scores) have no weight and are never candidates. The caller may choose all
 * candidates or name its own.
 */
import { InputError } from '../input.js';
import { PRUNABLE_TYPES } from './magnitude-prune.js';
import type { NodeInfo, OnnxModel, TensorInfo } from './onnx-graph.js';
import { dataTypeName } from './onnx-graph.js';

export type ModelFamily = 'transformer' | 'cnn' | 'mlp';
export type LayerSelection = 'default' | 'all' | string[];

export interface WeightLayer {
  node: NodeInfo;
  opType: 'MatMul' | 'Gemm' | 'Conv';
  weight: TensorInfo;
  /** The axis of the stored weight that the layer sums over (2:4 groups run along it). */
  reductionAxis: number;
  /** Weights summed into one output: K for MatMul/Gemm, C_in/group·kh·kw for Conv. */
  reductionSize: number;
  /** Why the layer cannot be pruned at all (data type, storage), or null. */
  blocker: string | null;
  /** Chosen by the default rule, with the rule's reason either way. */
  byDefault: boolean;
  reason: string;
}

export interface LayerChoice {
  family: ModelFamily;
  candidates: WeightLayer[];
  /** The layers the benchmark prunes. */
  pruned: WeightLayer[];
  /** Candidates left dense for the pattern (2:4 needs reduction sizes that are multiples of 4), with why. */
  skipped: { layer: WeightLayer; why: string }[];
}

/** The name a person knows a layer by: the node's name, else its weight's name. */
export function layerName(layer: Pick<WeightLayer, 'node' | 'weight'>): string {
  return layer.node.name || layer.weight.name;
}

function intAttribute(node: NodeInfo, name: string, fallback: number): number {
  return node.attributes.get(name)?.i ?? fallback;
}

function blockerOf(weight: TensorInfo): string | null {
  if (!PRUNABLE_TYPES[weight.dataType]) return `weights are ${dataTypeName(weight.dataType)}; pruning handles float32, float16 and bfloat16`;
  if (weight.storage.kind === 'typed') return `weights are stored as ${weight.storage.field}, which cannot be rewritten at the same length`;
  if (weight.storage.kind === 'empty') return 'the weight tensor holds no data';
  const expected = weight.elements * PRUNABLE_TYPES[weight.dataType]!.bytes;
  const held =
    weight.storage.kind === 'external' ? weight.storage.length : weight.storage.kind === 'raw' || weight.storage.kind === 'float-data' ? weight.storage.end - weight.storage.start : null;
  if (held !== null && held !== expected) return `its data holds ${held} bytes, but [${weight.dims.join(', ')}] needs ${expected}`;
  if (weight.storage.kind === 'float-data' && weight.dataType !== 1) return `${dataTypeName(weight.dataType)} weights in float_data are not what ONNX specifies`;
  return null;
}

/** The weight layers of the graph in node order, with their reduction axes. */
export function weightLayers(model: OnnxModel): Omit<WeightLayer, 'byDefault' | 'reason'>[] {
  const layers: Omit<WeightLayer, 'byDefault' | 'reason'>[] = [];
  for (const node of model.nodes) {
    if (node.domain !== '' && node.domain !== 'ai.onnx') continue;
    const weight = node.inputs[1] === undefined ? undefined : model.initializers.get(node.inputs[1]);
    if (!weight || model.initializers.has(node.inputs[0] ?? '')) continue;
    const dims = weight.dims;
    if (node.opType === 'MatMul' && dims.length >= 2) {
      const axis = dims.length - 2;
      layers.push({ node, opType: 'MatMul', weight, reductionAxis: axis, reductionSize: dims[axis]!, blocker: blockerOf(weight) });
    } else if (node.opType === 'Gemm' && dims.length === 2) {
      const axis = intAttribute(node, 'transB', 0) === 1 ? 1 : 0;
      layers.push({ node, opType: 'Gemm', weight, reductionAxis: axis, reductionSize: dims[axis]!, blocker: blockerOf(weight) });
    } else if (node.opType === 'Conv' && dims.length >= 3) {
      // [C_out, C_in/group, k…]: 2:4 groups run along the input channels, as NVIDIA's ASP prunes convolutions.
      const reductionSize = dims.slice(1).reduce((a, b) => a * b, 1);
      layers.push({ node, opType: 'Conv', weight, reductionAxis: 1, reductionSize, blocker: blockerOf(weight) });
    }
  }
  return layers;
}

/** MatMuls of two activations: attention scores and attention-weighted values. */
function activationProducts(model: OnnxModel): NodeInfo[] {
  return model.nodes.filter(
    (n) => n.opType === 'MatMul' && n.inputs.length === 2 && n.inputs.every((i) => !model.initializers.has(i)),
  );
}

export function modelFamily(model: OnnxModel, layers: readonly Pick<WeightLayer, 'opType'>[]): ModelFamily {
  const attentionOps = model.nodes.some((n) => /^(Attention|MultiHeadAttention|GroupQueryAttention)$/.test(n.opType));
  if (attentionOps || activationProducts(model).length > 0) return 'transformer';
  if (layers.some((l) => l.opType === 'Conv')) return 'cnn';
  return 'mlp';
}

/** Tensor → producing node, and tensor → consuming nodes. */
function wiring(model: OnnxModel): { producer: Map<string, NodeInfo>; consumers: Map<string, NodeInfo[]> } {
  const producer = new Map<string, NodeInfo>();
  const consumers = new Map<string, NodeInfo[]>();
  for (const node of model.nodes) {
    for (const out of node.outputs) producer.set(out, node);
    for (const input of node.inputs) {
      if (!input) continue;
      const list = consumers.get(input);
      if (list) list.push(node);
      else consumers.set(input, [node]);
    }
  }
  return { producer, consumers };
}

/**
 * Whether a layer sits on a residual branch: some Add (or Sum) downstream of it also takes a
 * tensor from upstream of it that did not pass through it. That is the skip connection of a
 * Transformer block; an output head and an input embedding have none around them.
 */
function inResidualBlock(model: OnnxModel, node: NodeInfo, wires: ReturnType<typeof wiring>): boolean {
  const { producer, consumers } = wires;
  const downstream = new Set<string>();
  const addNodes: NodeInfo[] = [];
  const queue = [...node.outputs];
  while (queue.length > 0) {
    const tensor = queue.pop()!;
    if (downstream.has(tensor)) continue;
    downstream.add(tensor);
    for (const c of consumers.get(tensor) ?? []) {
      if (c.opType === 'Add' || c.opType === 'Sum') addNodes.push(c);
      queue.push(...c.outputs);
    }
  }
  if (addNodes.length === 0) return false;
  const upstream = new Set<string>();
  const up = node.inputs.filter((i) => i && !model.initializers.has(i));
  while (up.length > 0) {
    const tensor = up.pop()!;
    if (upstream.has(tensor)) continue;
    upstream.add(tensor);
    for (const i of producer.get(tensor)?.inputs ?? []) if (i && !model.initializers.has(i)) up.push(i);
  }
  return addNodes.some((add) => add.inputs.some((i) => !downstream.has(i) && upstream.has(i)));
}

function withDefaults(model: OnnxModel, family: ModelFamily, layers: Omit<WeightLayer, 'byDefault' | 'reason'>[]): WeightLayer[] {
  const wires = wiring(model);
  const firstLast = (l: (typeof layers)[number], i: number, all: readonly unknown[]): { byDefault: boolean; reason: string } => {
    if (i === 0) return { byDefault: false, reason: 'first weight layer (takes the raw input); left dense' };
    if (i === all.length - 1) return { byDefault: false, reason: 'last weight layer (the output head); left dense' };
    return { byDefault: true, reason: `inner ${l.opType} layer` };
  };
  let decided: { byDefault: boolean; reason: string }[];
  if (family === 'transformer') {
    decided = layers.map((l) => {
      if (l.opType === 'Conv') return { byDefault: false, reason: 'Conv in a Transformer (patch embedding); left dense' };
      return inResidualBlock(model, l.node, wires)
        ? { byDefault: true, reason: 'linear layer inside a Transformer block' }
        : { byDefault: false, reason: 'outside the Transformer blocks (embedding or output head); left dense' };
    });
    // A Transformer without skip connections is unusual; fall back to the first/last rule rather than prune nothing.
    if (!decided.some((d) => d.byDefault)) {
      const linear = layers.filter((l) => l.opType !== 'Conv');
      decided = layers.map((l) => (l.opType === 'Conv' ? decided[layers.indexOf(l)]! : firstLast(l, linear.indexOf(l), linear)));
    }
  } else {
    decided = layers.map((l, i, all) => firstLast(l, i, all));
  }
  return layers.map((l, i) => {
    const d = decided[i]!;
    if (l.blocker && d.byDefault) return { ...l, byDefault: false, reason: `cannot prune: ${l.blocker}` };
    return { ...l, ...d };
  });
}

/**
 * The candidates and the layers to prune for a selection and pattern. `field` names the
 * selection in errors (e.g. --layers). Refuses a selection that leaves nothing to prune.
 */
export function chooseLayers(model: OnnxModel, selection: LayerSelection, pattern: 'unstructured' | '2:4', field: string, file: string): LayerChoice {
  const raw = weightLayers(model);
  const family = modelFamily(model, raw);
  const candidates = withDefaults(model, family, raw);
  if (candidates.length === 0) {
    throw new InputError(file, 'no prunable weights: the model has no MatMul, Gemm or Conv node with a constant weight');
  }
  let chosen: WeightLayer[];
  if (selection === 'default') chosen = candidates.filter((l) => l.byDefault);
  else if (selection === 'all') chosen = candidates.filter((l) => !l.blocker);
  else {
    chosen = [];
    for (const name of selection) {
      const layer = candidates.find((l) => l.node.name === name || l.weight.name === name);
      if (!layer) {
        const known = candidates.slice(0, 8).map(layerName).join(', ');
        throw new InputError(field, `no weight layer named ${JSON.stringify(name)} (layers: ${known}${candidates.length > 8 ? ', …' : ''})`);
      }
      if (layer.blocker) throw new InputError(field, `${JSON.stringify(name)} cannot be pruned: ${layer.blocker}`);
      if (!chosen.includes(layer)) chosen.push(layer);
    }
  }
  const skipped: LayerChoice['skipped'] = [];
  const pruned = chosen.filter((l) => {
    if (pattern !== '2:4') return true;
    const size = l.weight.dims[l.reductionAxis]!;
    if (size % 4 === 0) return true;
    skipped.push({ layer: l, why: `2:4 needs a reduction size that is a multiple of 4 (${layerName(l)} sums over ${size})` });
    return false;
  });
  if (pruned.length === 0) {
    const why =
      chosen.length === 0
        ? selection === 'default'
          ? `no prunable weights by the default rule (${family}: ${candidates.map((c) => `${layerName(c)} — ${c.reason}`).slice(0, 4).join('; ')}); choose layers with --layers all or names`
          : 'none of the chosen layers can be pruned'
        : `no chosen layer can take 2:4: ${skipped.map((s) => s.why).slice(0, 3).join('; ')}`;
    throw new InputError(selection === 'default' && chosen.length === 0 ? file : field, why);
  }
  return { family, candidates, pruned, skipped };
}

export interface OpCount {
  opType: string;
  nodes: number;
  params: number;
  prunableParams: number;
}

/**
 * Nodes and weight parameters per op type. Each constant counts once, for the first node that
 * consumes it; only numeric weights count as parameters (not int32/int64 shapes and indices).
 */
export function opInventory(model: OnnxModel, pruned: readonly WeightLayer[]): { ops: OpCount[]; totalParams: number; prunableParams: number } {
  const byOp = new Map<string, OpCount>();
  const counted = new Set<string>();
  const prunedWeights = new Set(pruned.map((l) => l.weight.name));
  const isParameter = (t: TensorInfo) => ![6, 7, 8, 9, 12, 13].includes(t.dataType);
  let totalParams = 0;
  let prunableParams = 0;
  for (const node of model.nodes) {
    const key = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}::${node.opType}` : node.opType;
    if (node.opType === 'Constant' && node.domain === '') continue;
    let entry = byOp.get(key);
    if (!entry) {
      entry = { opType: key, nodes: 0, params: 0, prunableParams: 0 };
      byOp.set(key, entry);
    }
    entry.nodes++;
    for (const input of node.inputs) {
      const t = model.initializers.get(input);
      if (!t || counted.has(input) || !isParameter(t)) continue;
      counted.add(input);
      entry.params += t.elements;
      totalParams += t.elements;
      if (prunedWeights.has(input)) {
        entry.prunableParams += t.elements;
        prunableParams += t.elements;
      }
    }
  }
  const ops = [...byOp.values()].sort((a, b) => b.params - a.params || b.nodes - a.nodes || a.opType.localeCompare(b.opType));
  return { ops, totalParams, prunableParams };
}
