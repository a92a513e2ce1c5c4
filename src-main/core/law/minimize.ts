/**
 * BFGS with a strong-Wolfe line search (Nocedal & Wright, Numerical Optimization, 2nd ed.,
 * Algorithms 3.5, 3.6 and 6.1), for the small smooth problems of the fitter. The objective
 * supplies its own gradient, so each iteration costs a handful of evaluations instead of
 * the 2·n extra evaluations of finite differences that SciPy's default BFGS makes.
 */

/** Writes the gradient into `grad` and returns the value; may return Infinity outside its domain. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeOptions {
  /** Stop when the largest gradient component is below this. */
  gradientTolerance: number;
  maxIterations: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;

interface Probe {
  alpha: number;
  value: number;
  slope: number;
  x: Float64Array;
  grad: Float64Array;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** Minimizer of the cubic through two points with slopes, or NaN when it has none. */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

class LineSearch {
  evaluations = 0;
  constructor(
    private readonly objective: Objective,
    private readonly x0: Float64Array,
    private readonly direction: Float64Array,
    private readonly value0: number,
    private readonly slope0: number,
  ) {}

  private probe(alpha: number): Probe {
    const n = this.x0.length;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = this.x0[i]! + alpha * this.direction[i]!;
    const grad = new Float64Array(n);
    this.evaluations++;
    let value = this.objective(x, grad);
    if (Number.isNaN(value)) value = Infinity;
    const slope = Number.isFinite(value) ? dot(grad, this.direction) : NaN;
    return { alpha, value, slope, x, grad };
  }

  private sufficientDecrease(p: Probe): boolean {
    return Number.isFinite(p.value) && p.value <= this.value0 + C1 * p.alpha * this.slope0;
  }

  private curvatureHolds(p: Probe): boolean {
    return Math.abs(p.slope) <= -C2 * this.slope0;
  }

  run(initialStep: number): Probe | null {
    let previous: Probe = { alpha: 0, value: this.value0, slope: this.slope0, x: this.x0, grad: new Float64Array(0) };
    let alpha = initialStep;
    for (let i = 0; i < 40; i++) {
      const p = this.probe(alpha);
      if (!this.sufficientDecrease(p) || (i > 0 && p.value >= previous.value)) return this.zoom(previous, p);
      if (this.curvatureHolds(p)) return p;
      if (p.slope >= 0) return this.zoom(p, previous);
      previous = p;
      alpha *= 2;
    }
    return null;
  }

  private zoom(lo: Probe, hi: Probe): Probe | null {
    for (let j = 0; j < 60; j++) {
      const width = hi.alpha - lo.alpha;
      if (Math.abs(width) <= 1e-16 * Math.max(1, Math.abs(lo.alpha))) break;
      let alpha = Number.isFinite(hi.value)
        ? cubicMinimizer(lo.alpha, lo.value, lo.slope, hi.alpha, hi.value, hi.slope)
        : NaN;
      const low = Math.min(lo.alpha, hi.alpha) + 0.1 * Math.abs(width);
      const high = Math.max(lo.alpha, hi.alpha) - 0.1 * Math.abs(width);
      if (!(alpha >= low && alpha <= high)) alpha = lo.alpha + width / 2;
      const p = this.probe(alpha);
      if (!this.sufficientDecrease(p) || p.value >= lo.value) {
        hi = p;
      } else {
        if (this.curvatureHolds(p)) return p;
        if (p.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = p;
      }
    }
    // No strong-Wolfe point in floating point: accept any decrease found, as SciPy does.
    return lo.alpha > 0 && lo.value < this.value0 ? lo : null;
  }
}

export function minimizeBfgs(objective: Objective, start: ArrayLike<number>, options: MinimizeOptions): MinimizeResult {
  const n = start.length;
  let x: Float64Array = Float64Array.from(start);
  let grad: Float64Array = new Float64Array(n);
  let value = objective(x, grad);
  let evaluations = 1;
  if (!Number.isFinite(value)) return { x, value: Infinity, iterations: 0, evaluations, converged: false };

  // Inverse Hessian approximation, row-major n×n; starts as the identity.
  let inverseHessian = identity(n);
  let iterations = 0;
  let converged = false;
  let freshHessian = true;
  const direction = new Float64Array(n);

  while (iterations < options.maxIterations) {
    if (maxAbs(grad) <= options.gradientTolerance) {
      converged = true;
      break;
    }
    multiply(inverseHessian, grad, direction, -1);
    let slope = dot(grad, direction);
    if (!(slope < 0)) {
      inverseHessian = identity(n);
      freshHessian = true;
      for (let i = 0; i < n; i++) direction[i] = -grad[i]!;
      slope = dot(grad, direction);
    }
    const search = new LineSearch(objective, x, direction, value, slope);
    // A step along the raw gradient has no natural scale: start with a move of 0.01 in the
    // largest parameter, which suits coefficients normalized to order 1.
    const initialStep = freshHessian ? 0.01 / Math.max(maxAbs(grad), 1e-300) : 1;
    const step = search.run(initialStep);
    evaluations += search.evaluations;
    iterations++;
    if (!step) {
      if (freshHessian) break;
      inverseHessian = identity(n);
      freshHessian = true;
      continue;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i]! - x[i]!;
      y[i] = step.grad[i]! - grad[i]!;
    }
    const decrease = value - step.value;
    x = step.x;
    grad = step.grad;
    value = step.value;
    const ys = dot(y, s);
    if (ys > 1e-300) {
      if (freshHessian) scaleIdentity(inverseHessian, ys / dot(y, y));
      updateInverseHessian(inverseHessian, s, y, 1 / ys);
      freshHessian = false;
    }
    if (decrease <= 1e-16 * Math.abs(value) && maxAbs(s) <= 1e-14 * Math.max(1, maxAbs(x))) {
      converged = true;
      break;
    }
  }
  return { x, value, iterations, evaluations, converged };
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function scaleIdentity(m: Float64Array, factor: number): void {
  const n = Math.round(Math.sqrt(m.length));
  m.fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = factor;
}

function multiply(m: Float64Array, v: Float64Array, out: Float64Array, sign: number): void {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += m[i * n + j]! * v[j]!;
    out[i] = sign * s;
  }
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded so it costs O(n²). */
function updateInverseHessian(h: Float64Array, s: Float64Array, y: Float64Array, rho: number): void {
  const n = s.length;
  const hy = new Float64Array(n);
  multiply(h, y, hy, 1);
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] =
        h[i * n + j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
}
