/**
 * Magnitude pruning of one weight tensor, in place on its little-endian words: unstructured to
 * exactly round(S·n) zeros, or 2:4 (two zeros in every group of four consecutive weights along
 * the reduction axis). Works on the bit patterns, so float32, float16 and bfloat16 are pruned
 * alike: for IEEE formats, |w| orders like the integer (bits & sign-mask-off). Ties go to the
 * lower index, so the result is deterministic. Called by the own-model benchmark on a copy of
 * the model's bytes; it never changes a tensor's length.
 */
import { InputError } from '../input.js';

/** The weight element types pruning can handle (ONNX TensorProto.DataType). */
export const PRUNABLE_TYPES: Record<number, { name: string; bytes: 2 | 4 }> = {
  1: { name: 'float32', bytes: 4 },
  10: { name: 'float16', bytes: 2 },
  16: { name: 'bfloat16', bytes: 2 },
};

export type Words = Uint32Array | Uint16Array;

function magnitudeMask(words: Words): number {
  return words instanceof Uint32Array ? 0x7fffffff : 0x7fff;
}

/** The number of weights unstructured pruning zeroes at sparsity S: exactly round(S·n). */
export function zerosFor(count: number, sparsity: number): number {
  return Math.round(sparsity * count);
}

/**
 * Finds the threshold key and how many entries equal to it must also be zeroed so that exactly
 * k entries fall below-or-at it: a two-level radix histogram, O(n) with no sort.
 */
function threshold(words: Words, k: number): { key: number; ties: number } {
  const mask = magnitudeMask(words);
  const wide = words instanceof Uint32Array;
  const highShift = wide ? 15 : 0;
  const high = new Float64Array(wide ? 1 << 16 : 1 << 15);
  for (let i = 0; i < words.length; i++) high[(words[i]! & mask) >>> highShift]!++;
  let below = 0;
  let bucket = 0;
  while (below + high[bucket]! < k) below += high[bucket++]!;
  if (!wide) return { key: bucket, ties: k - below };
  const low = new Float64Array(1 << 15);
  for (let i = 0; i < words.length; i++) {
    const key = words[i]! & mask;
    if (key >>> 15 === bucket) low[key & 0x7fff]!++;
  }
  let lowKey = 0;
  while (below + low[lowKey]! < k) below += low[lowKey++]!;
  return { key: (bucket << 15) | lowKey, ties: k - below };
}

/** Zeroes the round(S·n) smallest-magnitude entries; returns how many were zeroed. */
export function pruneUnstructured(words: Words, sparsity: number): number {
  if (!(sparsity >= 0 && sparsity < 1)) throw new InputError('sparsity', `must be in [0, 1) (got ${sparsity})`);
  const k = zerosFor(words.length, sparsity);
  if (k === 0) return 0;
  const mask = magnitudeMask(words);
  const { key, ties } = threshold(words, k);
  let tiesLeft = ties;
  for (let i = 0; i < words.length; i++) {
    const m = words[i]! & mask;
    if (m < key) words[i] = 0;
    else if (m === key && tiesLeft > 0) {
      words[i] = 0;
      tiesLeft--;
    }
  }
  return k;
}

/** Elements before, along and after `axis` of a row-major tensor. */
export function axisLayout(dims: readonly number[], axis: number): { outer: number; size: number; inner: number } {
  if (!Number.isInteger(axis) || axis < 0 || axis >= dims.length) throw new InputError('axis', `must be a dimension of [${dims.join(', ')}] (got ${axis})`);
  const outer = dims.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = dims.slice(axis + 1).reduce((a, b) => a * b, 1);
  return { outer, size: dims[axis]!, inner };
}

/**
 * 2:4 along `axis`: in every group of four consecutive positions along it, the two entries of
 * smallest magnitude become zero. The axis size must be a multiple of 4. Returns the zero count.
 */
export function pruneTwoFour(words: Words, dims: readonly number[], axis: number): number {
  const { outer, size, inner } = axisLayout(dims, axis);
  if (size % 4 !== 0) throw new InputError('pattern', `2:4 needs the reduction size to be a multiple of 4 (got ${size})`);
  if (outer * size * inner !== words.length) throw new InputError('dims', `[${dims.join(', ')}] does not hold ${words.length} values`);
  const mask = magnitudeMask(words);
  for (let o = 0; o < outer; o++) {
    for (let g = 0; g < size; g += 4) {
      const base = (o * size + g) * inner;
      for (let i = 0; i < inner; i++) {
        const p0 = base + i;
        const p1 = p0 + inner;
        const p2 = p1 + inner;
        const p3 = p2 + inner;
        const m0 = words[p0]! & mask;
        const m1 = words[p1]! & mask;
        const m2 = words[p2]! & mask;
        const m3 = words[p3]! & mask;
        // Rank of each entry, ties ranked by index: the two lowest ranks (smallest, lower index first) become zero.
        const r0 = +(m1 < m0) + +(m2 < m0) + +(m3 < m0);
        const r1 = +(m0 <= m1) + +(m2 < m1) + +(m3 < m1);
        const r2 = +(m0 <= m2) + +(m1 <= m2) + +(m3 < m2);
        const r3 = +(m0 <= m3) + +(m1 <= m3) + +(m2 <= m3);
        if (r0 < 2) words[p0] = 0;
        if (r1 < 2) words[p1] = 0;
        if (r2 < 2) words[p2] = 0;
        if (r3 < 2) words[p3] = 0;
      }
    }
  }
  return words.length / 2;
}

export interface PruneSpec {
  dataType: number;
  dims: readonly number[];
  /** The axis the layer sums over: groups of four for 2:4 run along it. */
  reductionAxis: number;
}

/**
 * Prunes a tensor held in `bytes` (its raw little-endian data, any alignment) in place and
 * returns the number of zeros written. Unaligned data is pruned in an aligned copy and copied back.
 */
export function pruneTensorBytes(bytes: Uint8Array, spec: PruneSpec, pattern: 'unstructured' | '2:4', sparsity: number): number {
  const type = PRUNABLE_TYPES[spec.dataType];
  if (!type) throw new InputError('dataType', `cannot prune weights of ONNX data type ${spec.dataType}`);
  if (bytes.length % type.bytes !== 0) throw new InputError('bytes', `${bytes.length} bytes do not hold whole ${type.name} values`);
  const aligned = bytes.byteOffset % type.bytes === 0;
  // A copy through the constructor: Node's Buffer.slice() would return a view with the same misalignment.
  const work = aligned ? bytes : new Uint8Array(bytes);
  const words = type.bytes === 4 ? new Uint32Array(work.buffer, work.byteOffset, work.length / 4) : new Uint16Array(work.buffer, work.byteOffset, work.length / 2);
  const expected = spec.dims.reduce((a, b) => a * b, 1);
  if (words.length !== expected) throw new InputError('dims', `[${spec.dims.join(', ')}] needs ${expected} values, the data holds ${words.length}`);
  const zeros = pattern === '2:4' ? pruneTwoFour(words, spec.dims, spec.reductionAxis) : pruneUnstructured(words, sparsity);
  if (!aligned) bytes.set(work);
  return zeros;
}
