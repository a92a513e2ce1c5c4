/**
 * What an own-model benchmark will do, decided before any child process starts: the layers to
 * prune and where their bytes are, the inputs and their shapes, the sparsities, providers and
 * timing budgets. Pure: the adapter reads the file and hands the bytes in. Every refusal is an
 * InputError naming the file or the option.
 */
import { PROVIDERS, type Provider } from '../hardware/benchmark-result.js';
import type { ModelSection } from '../hardware/model-section.js';
import { InputError } from '../input.js';
import { batchOf, resolveInputs, type GivenShape, type ResolvedInput } from './input-shapes.js';
import { indexBounds } from './input-values.js';
import { defaultOpset, parseOnnxModel, type OnnxModel, type TensorStorage } from './onnx-graph.js';
import { chooseLayers, layerName, opInventory, type LayerChoice, type LayerSelection, type ModelFamily, type WeightLayer } from './prunable-layers.js';

export const DEFAULT_MODEL_SPARSITIES = [0.5, 0.75, 0.9] as const;
/** Default cap on the model file plus its external data: protobuf itself cannot hold a file above 2 GiB. */
export const DEFAULT_MAX_MODEL_BYTES = 2 * 1024 ** 3;

export interface ModelBenchmarkOptions {
  inputs?: GivenShape[];
  /** The batch for a symbolic leading dimension; default 1. */
  batch?: number;
  sparsities?: number[];
  pattern?: 'unstructured' | '2:4';
  layers?: LayerSelection;
  providers?: Provider[];
  threads?: number;
  quick?: boolean;
  seed?: number;
  maxBytes?: number;
}

/** How each option is called where the caller set it (CLI option names, or API keys). */
export interface ModelOptionNames {
  input: string;
  batch: string;
  sparsities: string;
  pattern: string;
  layers: string;
  providers: string;
  threads: string;
  seed: string;
  maxBytes: string;
}

export const API_MODEL_NAMES: ModelOptionNames = {
  input: 'inputs',
  batch: 'batch',
  sparsities: 'sparsities',
  pattern: 'pattern',
  layers: 'layers',
  providers: 'providers',
  threads: 'threads',
  seed: 'seed',
  maxBytes: 'maxBytes',
};

/** A tensor to prune, with where its bytes are: in the model file, or in an external data file. */
export interface PruneTarget {
  weight: string;
  dataType: number;
  dims: number[];
  reductionAxis: number;
  storage: Extract<TensorStorage, { kind: 'raw' | 'float-data' | 'external' }>;
}

/** A prunable MatMul/Gemm layer whose isolated timing can enter the sparse-kernel estimate. */
export interface LayerCandidate {
  name: string;
  nodeIndex: number;
  opType: 'MatMul' | 'Gemm';
  weight: string;
  /** Gemm with transB = 1 stores the weight as [N, K]. */
  transposed: boolean;
  transA: boolean;
  k: number;
  n: number;
}

export interface ModelTuning {
  rounds: number;
  budgetMsPerCase: number;
  minIterations: number;
  warmups: number;
  slowCallMs: number;
  budgetOverrun: number;
  maxIterations: number;
  maxRelativeSpread: number;
  /** Per isolated layer case, over all rounds. */
  layerBudgetMs: number;
}

const TUNING: Record<'full' | 'quick', ModelTuning> = {
  full: { rounds: 3, budgetMsPerCase: 900, minIterations: 10, warmups: 3, slowCallMs: 100, budgetOverrun: 4, maxIterations: 600, maxRelativeSpread: 0.5, layerBudgetMs: 300 },
  quick: { rounds: 2, budgetMsPerCase: 240, minIterations: 6, warmups: 2, slowCallMs: 100, budgetOverrun: 4, maxIterations: 300, maxRelativeSpread: 0.5, layerBudgetMs: 120 },
};

export interface ModelPlan {
  fileName: string;
  sha256: string;
  bytes: number;
  externalDataBytes: number;
  model: OnnxModel;
  choice: LayerChoice;
  selection: ModelSection['selection'];
  family: ModelFamily;
  inputs: ResolvedInput[];
  indexBounds: Record<string, number>;
  batch: number;
  pattern: 'unstructured' | '2:4';
  sparsities: number[];
  providers: Provider[];
  threads: number;
  quick: boolean;
  seed: number;
  targets: PruneTarget[];
  layerCandidates: LayerCandidate[];
  tuning: ModelTuning;
  /** The part of the document's model section known before timing. */
  section: Omit<ModelSection, 'outputChange' | 'placement' | 'layerTimings'>;
}

function integerIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(field, `must be a whole number from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

function sparsitiesOf(options: ModelBenchmarkOptions, pattern: 'unstructured' | '2:4', field: string): number[] {
  if (pattern === '2:4') {
    if (options.sparsities && !(options.sparsities.length === 1 && options.sparsities[0] === 0.5)) {
      throw new InputError(field, '2:4 is 50 % sparsity by definition; leave --sparsities out or give 0.5');
    }
    return [0.5];
  }
  const list = options.sparsities ?? [...DEFAULT_MODEL_SPARSITIES];
  if (list.length === 0 || list.length > 8) throw new InputError(field, `must list 1 to 8 sparsities (got ${list.length})`);
  for (const s of list) {
    if (typeof s !== 'number' || !(s > 0 && s < 1)) throw new InputError(field, `each must be in (0, 1) (got ${String(s)})`);
  }
  return [...new Set(list)].sort((a, b) => a - b);
}

function layerSummary(l: WeightLayer, reason: string): ModelSection['prunedLayers'][number] {
  return { name: layerName(l).slice(0, 512), opType: l.opType, params: l.weight.elements, reductionSize: Math.max(1, l.reductionSize), reason: reason.slice(0, 300) };
}

function candidatesForEstimate(pruned: readonly WeightLayer[]): LayerCandidate[] {
  return pruned
    .filter((l) => l.opType !== 'Conv' && l.weight.dims.length === 2 && l.weight.dataType === 1)
    .map((l) => {
      const transposed = l.opType === 'Gemm' && (l.node.attributes.get('transB')?.i ?? 0) === 1;
      const [a, b] = l.weight.dims as [number, number];
      return {
        name: layerName(l),
        nodeIndex: l.node.index,
        opType: l.opType as 'MatMul' | 'Gemm',
        weight: l.weight.name,
        transposed,
        transA: l.opType === 'Gemm' && (l.node.attributes.get('transA')?.i ?? 0) === 1,
        k: transposed ? b : a,
        n: transposed ? a : b,
      };
    });
}

export interface ModelFacts {
  /** Base name of the file, for the document and messages. */
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
  externalDataBytes: number;
  /** Logical cores, for the default thread count. */
  cores: number;
  /** The model already parsed from `bytes`, to save a second pass. */
  model?: OnnxModel;
}

/** Plans a run from the model's bytes; `names` are the option names errors should use. */
export function planModelBenchmark(facts: ModelFacts, options: ModelBenchmarkOptions, names: ModelOptionNames = API_MODEL_NAMES): ModelPlan {
  const file = facts.fileName;
  const model = facts.model ?? parseOnnxModel(facts.bytes, file);
  const pattern = options.pattern ?? 'unstructured';
  if (pattern !== 'unstructured' && pattern !== '2:4') throw new InputError(names.pattern, `must be unstructured or 2:4 (got ${JSON.stringify(pattern)})`);
  const sparsities = sparsitiesOf(options, pattern, names.sparsities);
  const selection = options.layers ?? 'default';
  const choice = chooseLayers(model, selection, pattern, names.layers, file);

  const batchGiven = options.batch;
  const inputs = resolveInputs(model.inputs, options.inputs ?? [], batchGiven ?? 1, { input: names.input, batch: names.batch });
  if (inputs.length === 0) throw new InputError(file, 'the model has no inputs to feed');
  const batch = batchOf(inputs);
  if (batchGiven !== undefined && batch !== batchGiven) {
    throw new InputError(names.batch, `the model's inputs fix the batch at ${batch} (given ${batchGiven})`);
  }

  const providersIn = options.providers ?? ['cpu'];
  if (providersIn.length === 0) throw new InputError(names.providers, 'must list at least one provider');
  for (const p of providersIn) {
    if (!(PROVIDERS as readonly string[]).includes(p)) throw new InputError(names.providers, `unknown provider ${JSON.stringify(p)} (known: ${PROVIDERS.join(', ')})`);
  }
  const providers = PROVIDERS.filter((p) => providersIn.includes(p));
  const threads = integerIn(names.threads, options.threads ?? Math.max(1, facts.cores - 1), 1, 1024);
  const seed = integerIn(names.seed, options.seed ?? 1, 0, 0xffffffff);
  const quick = options.quick === true;

  const targets: PruneTarget[] = [];
  for (const layer of choice.pruned) {
    if (targets.some((t) => t.weight === layer.weight.name)) continue;
    const storage = layer.weight.storage;
    if (storage.kind !== 'raw' && storage.kind !== 'float-data' && storage.kind !== 'external') continue;
    targets.push({ weight: layer.weight.name, dataType: layer.weight.dataType, dims: layer.weight.dims, reductionAxis: layer.reductionAxis, storage });
  }

  const inventory = opInventory(model, choice.pruned);
  const prunedSet = new Set(choice.pruned);
  const leftDense = choice.candidates
    .filter((l) => !prunedSet.has(l))
    .map((l) => layerSummary(l, choice.skipped.find((s) => s.layer === l)?.why ?? (l.blocker ? `cannot prune: ${l.blocker}` : l.reason)));
  const section: ModelPlan['section'] = {
    fileName: file.slice(0, 255),
    sha256: facts.sha256,
    bytes: facts.bytes.length,
    externalDataBytes: facts.externalDataBytes,
    irVersion: model.irVersion,
    opset: defaultOpset(model),
    producer: model.producer.slice(0, 200),
    family: choice.family,
    selection: Array.isArray(selection) ? 'named' : selection,
    inputs: inputs.map((i) => ({ name: i.name.slice(0, 256), dtype: i.dtype, shape: i.shape })),
    batch,
    ops: inventory.ops.slice(0, 512).map((o) => ({ ...o, opType: o.opType.slice(0, 64) })),
    totalParams: inventory.totalParams,
    prunableParams: inventory.prunableParams,
    prunableShare: inventory.totalParams > 0 ? inventory.prunableParams / inventory.totalParams : 0,
    pattern,
    prunedLayers: choice.pruned.map((l) => layerSummary(l, l.byDefault ? l.reason : `chosen by the user (${names.layers})`)),
    leftDense,
  };
  return {
    fileName: file,
    sha256: facts.sha256,
    bytes: facts.bytes.length,
    externalDataBytes: facts.externalDataBytes,
    model,
    choice,
    selection: section.selection,
    family: choice.family,
    inputs,
    indexBounds: indexBounds(model),
    batch,
    pattern,
    sparsities,
    providers,
    threads,
    quick,
    seed,
    targets,
    layerCandidates: candidatesForEstimate(choice.pruned),
    tuning: { ...TUNING[quick ? 'quick' : 'full'] },
    section,
  };
}
