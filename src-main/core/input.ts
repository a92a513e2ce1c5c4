/**
 * Input checking shared by every public core function. A bad number is refused with an
 * error that names the input, so no NaN or Infinity ever reaches a result.
 */

export class InputError extends Error {
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'InputError';
    this.field = field;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}

export function requireFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(field, `must be a finite number (got ${describe(value)})`);
  }
  return value;
}

export function requirePositive(field: string, value: unknown): number {
  const v = requireFinite(field, value);
  if (v <= 0) throw new InputError(field, `must be greater than 0 (got ${v})`);
  return v;
}

/** Sparsity is a fraction of zeroed weights: 0 is dense, 1 would leave no weights at all. */
export function requireSparsity(field: string, value: unknown): number {
  const v = requireFinite(field, value);
  if (v < 0 || v >= 1) throw new InputError(field, `must be in [0, 1) (got ${v})`);
  return v;
}

export function requireInteger(field: string, value: unknown, min: number): number {
  const v = requireFinite(field, value);
  if (!Number.isInteger(v) || v < min) {
    throw new InputError(field, `must be an integer ≥ ${min} (got ${v})`);
  }
  return v;
}

/** Guards a computed result: a non-finite value means the coefficients or inputs are out of the law's domain. */
export function requireFiniteResult(what: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new InputError(what, 'the law gives no finite value here; check the coefficients and inputs');
  }
  return value;
}
