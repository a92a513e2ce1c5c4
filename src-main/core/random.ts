/** Seeded uniform random numbers, so every fit, bootstrap and Monte Carlo run can be reproduced. */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { InputError } from './input.js';

/** Returns a uniform number in [0, 1) on each call. */
export type Random = () => number;

export function seededRandom(seed: number, field = 'seed'): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InputError(field, `must be an integer from 0 to 4294967295 (got ${seed})`);
  }
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** An integer in [0, n). */
export function randomIndex(random: Random, n: number): number {
  return Math.floor(random() * n);
}
