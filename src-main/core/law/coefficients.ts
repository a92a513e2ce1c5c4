/**
 * The law's seven coefficients in the two forms the project uses.
 *
 * Paper units: L = (aS·(1−S)^bS + cS)·N^−bN + (aD/D)^bD + c, with N in non-zero block
 * parameters and D in the law's data unit (images or tokens).
 *
 * Normalized form, used by the authors' notebook and by our fitter:
 *   L = (a·(1−S)^b + c)·N'^−d + e·D'^−f + g,  N' = N / nonzeroUnit,  D' = D / dataUnit.
 * Normalizing keeps the optimizer's parameters near 1, as the notebook does.
 */

import { InputError } from '../input.js';

export type DataUnit = 'images' | 'tokens';

export interface LawCoefficients {
  aS: number;
  bS: number;
  cS: number;
  bN: number;
  aD: number;
  bD: number;
  c: number;
}

export const COEFFICIENT_NAMES = ['aS', 'bS', 'cS', 'bN', 'aD', 'bD', 'c'] as const satisfies readonly (keyof LawCoefficients)[];

/** [a, b, c, d, e, f, g] in the notebook's order. */
export type NormalizedCoefficients = readonly [number, number, number, number, number, number, number];

export interface Normalization {
  /** Non-zero parameters per unit of N'. */
  nonzeroUnit: number;
  /** Data (images or tokens) per unit of D'. */
  dataUnit: number;
}

export function fromNormalized(x: NormalizedCoefficients, units: Normalization): LawCoefficients {
  const [a, b, c, d, e, f, g] = x;
  const nScale = units.nonzeroUnit ** d;
  return {
    aS: a * nScale,
    bS: b,
    cS: c * nScale,
    bN: d,
    // e·(D/Du)^−f = (e^(1/f)·Du / D)^f
    aD: e ** (1 / f) * units.dataUnit,
    bD: f,
    c: g,
  };
}

export function toNormalized(k: LawCoefficients, units: Normalization): NormalizedCoefficients {
  const nScale = units.nonzeroUnit ** k.bN;
  return [k.aS / nScale, k.bS, k.cS / nScale, k.bN, (k.aD / units.dataUnit) ** k.bD, k.bD, k.c];
}

function significant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/**
 * The rounded values the paper's table prints: scale coefficients to 3 significant digits,
 * exponents and the irreducible loss to 3 decimals. For display only; computations use full precision.
 */
export function roundedForDisplay(k: LawCoefficients): LawCoefficients {
  const dec3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    aS: significant(k.aS, 3),
    bS: dec3(k.bS),
    cS: significant(k.cS, 3),
    bN: dec3(k.bN),
    aD: significant(k.aD, 3),
    bD: dec3(k.bD),
    c: dec3(k.c),
  };
}

/**
 * The derived quantities (m(S), optimal sparsity, thresholds) assume a law that falls with N
 * and D and whose sparsity factor stays positive. Coefficients from a file or a fit are checked
 * against that before use.
 */
export function checkCoefficients(k: LawCoefficients, field = 'coefficients'): LawCoefficients {
  for (const name of COEFFICIENT_NAMES) {
    const v = k[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InputError(`${field}.${name}`, `must be a finite number (got ${String(v)})`);
    }
    if (name !== 'c' && v <= 0) {
      throw new InputError(`${field}.${name}`, `must be greater than 0 for the law to be usable (got ${v})`);
    }
  }
  return k;
}
