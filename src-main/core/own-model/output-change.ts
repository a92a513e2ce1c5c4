/**
 * How much pruning moved a model's outputs: ‖y − y_dense‖₂ / ‖y_dense‖₂ over all float outputs
 * together, and whether every output stayed finite. A sanity figure for the benchmark (zeros in
 * the right places, nothing blew up), not a measure of accuracy: the pruned model is not retrained.
 */

export interface OutputChange {
  /** null when there is nothing to compare (no float outputs, or a zero or non-finite dense output). */
  relative: number | null;
  finite: boolean;
}

export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

export function outputChange(pruned: readonly ArrayLike<number>[], dense: readonly ArrayLike<number>[]): OutputChange {
  const finite = pruned.every(allFinite);
  if (pruned.length === 0 || pruned.length !== dense.length) return { relative: null, finite };
  let diff = 0;
  let norm = 0;
  for (let o = 0; o < dense.length; o++) {
    const a = pruned[o]!;
    const b = dense[o]!;
    if (a.length !== b.length) return { relative: null, finite };
    for (let i = 0; i < b.length; i++) {
      const d = a[i]! - b[i]!;
      diff += d * d;
      norm += b[i]! * b[i]!;
    }
  }
  if (!finite || !(norm > 0) || !Number.isFinite(norm)) return { relative: null, finite };
  return { relative: Math.sqrt(diff / norm), finite };
}
