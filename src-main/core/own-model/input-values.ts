/**
 * Deterministic inputs for a user's model: seeded uniform values for float inputs, and for
 * integer inputs that index an embedding table (a Gather on a constant) values below that
 * table's row count, so token ids never run off the table. Other integer inputs (attention
 * masks, flags) are 1, bool inputs true. Same seed, same inputs, on every provider and variant.
 */
import { seededUniform } from '../hardware/weights.js';
import type { OnnxModel } from './onnx-graph.js';
import type { ResolvedInput } from './input-shapes.js';

/** Ops that pass index values through unchanged on the way to a Gather. */
const PASS_THROUGH = new Set(['Cast', 'Reshape', 'Unsqueeze', 'Squeeze', 'Flatten', 'Identity', 'Expand']);

/**
 * For each graph input, the smallest row count of the constant tables it indexes through
 * Gather (following casts and reshapes), if any.
 */
export function indexBounds(model: OnnxModel): Record<string, number> {
  const consumers = new Map<string, typeof model.nodes>();
  for (const node of model.nodes) {
    node.inputs.forEach((input) => {
      if (!consumers.has(input)) consumers.set(input, []);
      consumers.get(input)!.push(node);
    });
  }
  const bounds: Record<string, number> = {};
  for (const input of model.inputs) {
    const seen = new Set<string>();
    const queue = [input.name];
    while (queue.length > 0) {
      const tensor = queue.pop()!;
      if (seen.has(tensor)) continue;
      seen.add(tensor);
      for (const node of consumers.get(tensor) ?? []) {
        if (node.opType === 'Gather' && node.inputs[1] === tensor) {
          const table = model.initializers.get(node.inputs[0] ?? '');
          const axis = node.attributes.get('axis')?.i ?? 0;
          const rows = table?.dims[axis < 0 ? table.dims.length + axis : axis];
          if (rows !== undefined && rows > 0) bounds[input.name] = Math.min(bounds[input.name] ?? rows, rows);
        } else if (PASS_THROUGH.has(node.opType) && node.inputs[0] === tensor) {
          queue.push(...node.outputs);
        }
      }
    }
  }
  return bounds;
}

export type InputData = Float32Array | Float64Array | Uint16Array | BigInt64Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint32Array;

/** float32 → IEEE half bits, round to nearest even; the inputs lie in [−1, 1), so no overflow handling is needed beyond clamping. */
export function toHalfBits(value: number): number {
  const f = new Float32Array([value]);
  const x = new Uint32Array(f.buffer)[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp < 103) return sign; // below half's smallest subnormal
  if (exp > 142) return sign | 0x7c00;
  if (exp < 113) {
    mant |= 0x800000;
    const shift = 126 - exp;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && (half & 1)) ? 1 : 0));
  }
  const half = ((exp - 112) << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && (half & 1)) ? 1 : 0));
}

/** The values of input number `index` of a run: same seed, same values. */
export function inputValues(input: ResolvedInput, bound: number | undefined, seed: number, index: number): InputData {
  const count = input.shape.reduce((a, b) => a * b, 1);
  const uniform = () => seededUniform(seed, 500 + index, count, 1);
  const indices = (make: (n: number) => number) => {
    if (bound === undefined) return Array.from({ length: count }, () => make(1));
    const u = uniform();
    return Array.from(u, (v) => make(Math.min(bound - 1, Math.floor(((v + 1) / 2) * bound))));
  };
  switch (input.dtype) {
    case 'float32':
      return uniform();
    case 'float64':
      return Float64Array.from(uniform());
    case 'float16':
      return Uint16Array.from(uniform(), toHalfBits);
    case 'int64':
      return BigInt64Array.from(indices((n) => n), (n) => BigInt(n));
    case 'int32':
      return Int32Array.from(indices((n) => n));
    case 'int16':
      return Int16Array.from(indices((n) => Math.min(n, 32_767)));
    case 'int8':
      return Int8Array.from(indices((n) => Math.min(n, 127)));
    case 'uint8':
      return Uint8Array.from(indices((n) => Math.min(n, 255)));
    case 'uint16':
      return Uint16Array.from(indices((n) => Math.min(n, 65_535)));
    case 'uint32':
      return Uint32Array.from(indices((n) => n));
    case 'bool':
      return new Uint8Array(count).fill(1);
    default:
      throw new Error(`no input generator for ${input.dtype}`);
  }
}

/** IEEE half bits → number (for reading float16 outputs). */
export function halfBitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
