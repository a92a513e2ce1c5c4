/**
 * The parts of an ONNX model the own-model benchmark needs, read straight from the file's bytes
 * with the protobuf wire reader: opsets, nodes with their attributes, graph inputs and outputs,
 * and every initializer with the absolute byte range of its data. Nothing is decoded into
 * onnx-proto objects and nothing is re-encoded, so fields newer than onnx-proto's IR 8 schema
 * survive untouched. Field numbers are those of onnx/onnx.proto (stable since IR 3).
 */
import { InputError } from '../input.js';
import { fields, packedFloats, packedVarints, utf8, WIRE, WireError, WireReader, type Field } from './protobuf-wire.js';

/** TensorProto.DataType values and the names ORT's JS API uses for them. */
export const DATA_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  21: 'uint4',
  22: 'int4',
};

export function dataTypeName(type: number): string {
  return DATA_TYPES[type] ?? `type ${type}`;
}

/**
 * Where a tensor's values sit. raw: raw_data's bytes; float-data: packed float_data (the same
 * little-endian bytes as raw float32); external: a range of another file; typed: another typed
 * field (int32_data, int64_data, …) whose encoding pruning cannot keep at its length.
 */
export type TensorStorage =
  | { kind: 'raw'; start: number; end: number }
  | { kind: 'float-data'; start: number; end: number }
  | { kind: 'external'; location: string; offset: number; length: number | null }
  | { kind: 'typed'; field: string }
  | { kind: 'empty' };

export interface TensorInfo {
  name: string;
  dataType: number;
  dims: number[];
  elements: number;
  storage: TensorStorage;
}

export interface AttributeInfo {
  name: string;
  i?: number;
  f?: number;
  s?: string;
  ints?: number[];
  /** A tensor attribute (Constant's value). */
  t?: TensorInfo;
  /** The attribute holds a subgraph (If, Loop, Scan): its nodes are not looked into. */
  graph?: boolean;
}

export interface NodeInfo {
  index: number;
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, AttributeInfo>;
}

/** A dimension: a fixed size, a symbolic name, or unknown (neither given). */
export type Dim = number | string | null;

export interface ValueInfo {
  name: string;
  /** TensorProto.DataType of a tensor value; null for sequences, maps and other non-tensors. */
  elemType: number | null;
  /** null when the model states no shape at all. */
  dims: Dim[] | null;
}

export interface OnnxModel {
  irVersion: number | null;
  opsets: { domain: string; version: number }[];
  producer: string;
  graphName: string;
  nodes: NodeInfo[];
  initializers: Map<string, TensorInfo>;
  sparseInitializers: number;
  /** Graph inputs that are not initializers: what a caller must feed. */
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Nodes holding subgraphs, whose own nodes are not counted. */
  subgraphNodes: number;
  localFunctions: number;
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

function text(bytes: Uint8Array, f: Field): string {
  if (f.wireType !== WIRE.bytes) throw new WireError(f.start, `field ${f.number} should be a string`);
  return utf8(bytes, f.start, f.end);
}

function parseTensor(bytes: Uint8Array, start: number, end: number): TensorInfo {
  let name = '';
  let dataType = 0;
  const dims: number[] = [];
  let storage: TensorStorage = { kind: 'empty' };
  let external = false;
  const externalEntries = new Map<string, string>();
  for (const f of fields(bytes, start, end)) {
    switch (f.number) {
      case 1:
        packedVarints(bytes, f, dims);
        break;
      case 2:
        dataType = f.value;
        break;
      case 8:
        name = text(bytes, f);
        break;
      case 9:
        if (f.wireType !== WIRE.bytes) throw new WireError(f.start, 'raw_data should be bytes');
        // An empty raw_data beside another data field (or external data) holds nothing.
        if (f.end > f.start || storage.kind === 'empty') storage = { kind: 'raw', start: f.start, end: f.end };
        break;
      case 4:
        // float_data is [packed = true] in onnx.proto; an exporter writing it unpacked spreads the values over many fields.
        storage =
          f.wireType === WIRE.bytes && storage.kind === 'empty'
            ? { kind: 'float-data', start: f.start, end: f.end }
            : { kind: 'typed', field: 'float_data (unpacked)' };
        break;
      case 5:
        storage = { kind: 'typed', field: 'int32_data' };
        break;
      case 6:
        storage = { kind: 'typed', field: 'string_data' };
        break;
      case 7:
        storage = { kind: 'typed', field: 'int64_data' };
        break;
      case 10:
        storage = { kind: 'typed', field: 'double_data' };
        break;
      case 11:
        storage = { kind: 'typed', field: 'uint64_data' };
        break;
      case 13: {
        let key = '';
        let value = '';
        for (const e of fields(bytes, f.start, f.end)) {
          if (e.number === 1) key = text(bytes, e);
          else if (e.number === 2) value = text(bytes, e);
        }
        externalEntries.set(key, value);
        break;
      }
      case 14:
        external = f.value === 1;
        break;
      default:
        break;
    }
  }
  if (external) {
    const number = (key: string): number | null => {
      const v = externalEntries.get(key);
      if (v === undefined) return null;
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n < 0) throw new WireError(start, `tensor ${JSON.stringify(name)} has external_data ${key} ${JSON.stringify(v)}`);
      return n;
    };
    storage = { kind: 'external', location: externalEntries.get('location') ?? '', offset: number('offset') ?? 0, length: number('length') };
  }
  return { name, dataType, dims, elements: product(dims), storage };
}

function parseAttribute(bytes: Uint8Array, start: number, end: number): AttributeInfo {
  const attribute: AttributeInfo = { name: '' };
  const ints: number[] = [];
  for (const f of fields(bytes, start, end)) {
    switch (f.number) {
      case 1:
        attribute.name = text(bytes, f);
        break;
      case 2: {
        const values: number[] = [];
        packedFloats(bytes, f, values);
        attribute.f = values[0];
        break;
      }
      case 3:
        attribute.i = f.value;
        break;
      case 4:
        attribute.s = text(bytes, f);
        break;
      case 5:
        attribute.t = parseTensor(bytes, f.start, f.end);
        break;
      case 6:
      case 11:
        attribute.graph = true;
        break;
      case 8:
        packedVarints(bytes, f, ints);
        break;
      default:
        break;
    }
  }
  if (ints.length > 0) attribute.ints = ints;
  return attribute;
}

function parseNode(bytes: Uint8Array, start: number, end: number, index: number): NodeInfo {
  const node: NodeInfo = { index, name: '', opType: '', domain: '', inputs: [], outputs: [], attributes: new Map() };
  for (const f of fields(bytes, start, end)) {
    switch (f.number) {
      case 1:
        node.inputs.push(text(bytes, f));
        break;
      case 2:
        node.outputs.push(text(bytes, f));
        break;
      case 3:
        node.name = text(bytes, f);
        break;
      case 4:
        node.opType = text(bytes, f);
        break;
      case 7:
        node.domain = text(bytes, f);
        break;
      case 5: {
        const attribute = parseAttribute(bytes, f.start, f.end);
        node.attributes.set(attribute.name, attribute);
        break;
      }
      default:
        break;
    }
  }
  return node;
}

function parseValueInfo(bytes: Uint8Array, start: number, end: number): ValueInfo {
  const value: ValueInfo = { name: '', elemType: null, dims: null };
  for (const f of fields(bytes, start, end)) {
    if (f.number === 1) value.name = text(bytes, f);
    else if (f.number === 2) {
      for (const t of fields(bytes, f.start, f.end)) {
        if (t.number !== 1) continue; // tensor_type; sequences, maps and sparse tensors stay elemType null
        for (const tt of fields(bytes, t.start, t.end)) {
          if (tt.number === 1) value.elemType = tt.value;
          else if (tt.number === 2) {
            const dims: Dim[] = [];
            for (const d of fields(bytes, tt.start, tt.end)) {
              if (d.number !== 1) continue;
              let dim: Dim = null;
              for (const dd of fields(bytes, d.start, d.end)) {
                if (dd.number === 1) dim = dd.value;
                else if (dd.number === 2) dim = text(bytes, dd);
              }
              dims.push(dim);
            }
            value.dims = dims;
          }
        }
      }
    }
  }
  return value;
}

interface RawGraph {
  name: string;
  nodes: NodeInfo[];
  initializers: TensorInfo[];
  sparseInitializers: number;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

function parseGraph(bytes: Uint8Array, start: number, end: number): RawGraph {
  const graph: RawGraph = { name: '', nodes: [], initializers: [], sparseInitializers: 0, inputs: [], outputs: [] };
  for (const f of fields(bytes, start, end)) {
    switch (f.number) {
      case 1:
        graph.nodes.push(parseNode(bytes, f.start, f.end, graph.nodes.length));
        break;
      case 2:
        graph.name = text(bytes, f);
        break;
      case 5:
        graph.initializers.push(parseTensor(bytes, f.start, f.end));
        break;
      case 11:
        graph.inputs.push(parseValueInfo(bytes, f.start, f.end));
        break;
      case 12:
        graph.outputs.push(parseValueInfo(bytes, f.start, f.end));
        break;
      case 15:
        graph.sparseInitializers++;
        break;
      default:
        break;
    }
  }
  return graph;
}

/**
 * Reads a model. `file` names the model in errors. A file that is not protobuf, ends early, or
 * has no graph is an InputError saying so; the bytes are never modified.
 */
export function parseOnnxModel(bytes: Uint8Array, file: string): OnnxModel {
  if (bytes.length === 0) throw new InputError(file, 'the file is empty, not an ONNX model');
  let irVersion: number | null = null;
  const opsets: { domain: string; version: number }[] = [];
  let producer = '';
  let graph: RawGraph | null = null;
  let localFunctions = 0;
  try {
    const reader = new WireReader(bytes);
    while (!reader.done) {
      const f = reader.next();
      switch (f.number) {
        case 1:
          irVersion = f.value;
          break;
        case 2:
          producer = text(bytes, f);
          break;
        case 7:
          if (f.wireType !== WIRE.bytes) throw new WireError(f.start, 'graph should be a message');
          graph = parseGraph(bytes, f.start, f.end);
          break;
        case 8: {
          let domain = '';
          let version = 0;
          for (const o of fields(bytes, f.start, f.end)) {
            if (o.number === 1) domain = text(bytes, o);
            else if (o.number === 2) version = o.value;
          }
          opsets.push({ domain, version });
          break;
        }
        case 25:
          localFunctions++;
          break;
        default:
          break;
      }
    }
  } catch (error) {
    if (error instanceof WireError) {
      throw new InputError(
        file,
        error.truncated
          ? `the file ends early (${error.message}): truncated, or not an ONNX model`
          : `not an ONNX model: the bytes are not a protobuf ModelProto (${error.message})`,
      );
    }
    throw error;
  }
  if (!graph || irVersion === null) {
    throw new InputError(file, `not an ONNX model: ${!graph ? 'no graph' : 'no IR version'} in the file`);
  }
  if (graph.nodes.length === 0) throw new InputError(file, 'the ONNX graph has no nodes');

  const initializers = new Map<string, TensorInfo>();
  for (const t of graph.initializers) initializers.set(t.name, t);
  // Constant nodes are weights too when exporters put them there; their value sits in the file like an initializer's.
  for (const node of graph.nodes) {
    const value = node.opType === 'Constant' && node.domain === '' ? node.attributes.get('value')?.t : undefined;
    if (value && node.outputs[0]) initializers.set(node.outputs[0], { ...value, name: node.outputs[0] });
  }
  // Before IR 4 every initializer was also listed as a graph input; those are not fed.
  const inputs = graph.inputs.filter((v) => !initializers.has(v.name));
  const subgraphNodes = graph.nodes.filter((n) => [...n.attributes.values()].some((a) => a.graph)).length;
  return {
    irVersion,
    opsets,
    producer,
    graphName: graph.name,
    nodes: graph.nodes,
    initializers,
    sparseInitializers: graph.sparseInitializers,
    inputs,
    outputs: graph.outputs,
    subgraphNodes,
    localFunctions,
  };
}

/** The default-domain opset the model imports, or null when it names none. */
export function defaultOpset(model: OnnxModel): number | null {
  return model.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version ?? null;
}
