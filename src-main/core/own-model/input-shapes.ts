/**
 * The shapes the own-model benchmark feeds: fixed dimensions as the model states them, a
 * symbolic leading dimension as the batch (1 unless the caller says otherwise), and every other
 * symbolic dimension from the caller (`--input NAME=1x128` on the CLI, the shape form in the
 * app). A dimension the model leaves open and nobody gives is an error naming the input.
 */
import { InputError } from '../input.js';
import { dataTypeName, type Dim, type ValueInfo } from './onnx-graph.js';

/** Element types the benchmark can make inputs for. */
export const FEEDABLE_TYPES = ['float32', 'float16', 'float64', 'int64', 'int32', 'int16', 'int8', 'uint8', 'uint16', 'uint32', 'bool'] as const;

/** The largest input we generate, in elements: far above any real request, well below memory trouble. */
export const MAX_INPUT_ELEMENTS = 1 << 28;

export interface ResolvedInput {
  name: string;
  dtype: string;
  shape: number[];
}

export interface GivenShape {
  name: string;
  shape: number[];
}

/** "NAME=1x3x224x224" (or with commas). `field` names the option in errors. */
export function parseInputFlag(text: string, field: string): GivenShape {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new InputError(field, `must be NAME=SHAPE, e.g. input_ids=1x128 (got ${JSON.stringify(text)})`);
  const name = text.slice(0, at);
  const parts = text.slice(at + 1).split(/[x×,]/);
  const shape = parts.map((p) => {
    const value = /^\d+$/.test(p.trim()) ? Number(p.trim()) : NaN;
    if (!Number.isSafeInteger(value) || value < 1 || value > 1_000_000) {
      throw new InputError(field, `${name}: each dimension must be a whole number from 1 to 1000000 (got ${JSON.stringify(p)})`);
    }
    return value;
  });
  if (shape.length > 8) throw new InputError(field, `${name}: at most 8 dimensions (got ${shape.length})`);
  return { name, shape };
}

function dimText(d: Dim): string {
  return d === null ? '?' : String(d);
}

/**
 * One shape per model input. `batch` fills a symbolic or unknown first dimension; `given`
 * overrides whole shapes and must match the model's fixed dimensions.
 */
export function resolveInputs(inputs: readonly ValueInfo[], given: readonly GivenShape[], batch: number, fields: { input: string; batch: string }): ResolvedInput[] {
  if (!Number.isInteger(batch) || batch < 1 || batch > 65_536) throw new InputError(fields.batch, `must be a whole number from 1 to 65536 (got ${batch})`);
  for (const g of given) {
    if (!inputs.some((i) => i.name === g.name)) {
      throw new InputError(fields.input, `the model has no input ${JSON.stringify(g.name)} (inputs: ${inputs.map((i) => i.name).join(', ')})`);
    }
  }
  if (new Set(given.map((g) => g.name)).size !== given.length) throw new InputError(fields.input, 'each input may be given once');
  return inputs.map((input) => {
    const dtype = input.elemType === null ? 'non-tensor' : dataTypeName(input.elemType);
    if (!(FEEDABLE_TYPES as readonly string[]).includes(dtype)) {
      throw new InputError(input.name, `input of type ${dtype} cannot be generated (supported: ${FEEDABLE_TYPES.join(', ')})`);
    }
    const stated = input.dims;
    const override = given.find((g) => g.name === input.name);
    let shape: number[];
    if (override) {
      if (stated) {
        if (stated.length !== override.shape.length) {
          throw new InputError(fields.input, `${input.name} has ${stated.length} dimensions [${stated.map(dimText).join('x')}], the shape given has ${override.shape.length}`);
        }
        stated.forEach((d, i) => {
          if (typeof d === 'number' && d !== override.shape[i]) {
            throw new InputError(fields.input, `${input.name} dimension ${i} is fixed at ${d} in the model (given ${override.shape[i]})`);
          }
        });
      }
      shape = override.shape;
    } else {
      if (!stated) throw new InputError(fields.input, `the model states no shape for input ${input.name}: give ${input.name}=SHAPE`);
      shape = stated.map((d, i) => {
        if (typeof d === 'number' && d > 0) return d;
        if (i === 0) return batch;
        throw new InputError(
          fields.input,
          `input ${input.name} has a dynamic dimension ${dimText(d)} at position ${i} [${stated.map(dimText).join('x')}]: give ${input.name}=SHAPE`,
        );
      });
    }
    const elements = shape.reduce((a, b) => a * b, 1);
    if (elements > MAX_INPUT_ELEMENTS) throw new InputError(fields.input, `${input.name} would have ${elements} elements (limit ${MAX_INPUT_ELEMENTS})`);
    return { name: input.name, dtype, shape };
  });
}

/** The batch a run measures: the leading dimension shared by the inputs, else 1. */
export function batchOf(inputs: readonly ResolvedInput[]): number {
  const leading = inputs.filter((i) => i.shape.length > 0).map((i) => i.shape[0]!);
  return leading.length > 0 && leading.every((b) => b === leading[0]) ? leading[0]! : 1;
}
