/**
 * Repeated data is worth less than fresh data. Muennighoff et al. (2023), "Scaling Data-Constrained
 * Language Models" (NeurIPS 2023, arXiv 2305.16264), fit the effective data of U unique tokens seen
 * for R repetitions beyond the first: D′ = U + U·R*·(1 − e^(−R/R*)), with R* ≈ 15.4. The paper's law
 * was fitted on less than one pass, so the decision engine feeds D′ to it instead of the data seen.
 * Fitted on language: for images it is an assumption, and the engine says so.
 */

/** R*: repetitions after which repeated data is worth 1 − 1/e of fresh data (Muennighoff et al., Eq. 5 fit). */
export const REPETITION_HALF_LIFE = 15.4;

export const EFFECTIVE_DATA_CITATION =
  'Muennighoff et al. 2023, Scaling Data-Constrained Language Models (NeurIPS 2023, arXiv 2305.16264): D′ = U + U·R*·(1 − e^(−R/R*)), R* ≈ 15.4';

/** Effective data D′ of `unique` units seen for `passes` passes (passes ≥ 1). */
export function effectiveData(unique: number, passes: number): number {
  const repeats = Math.max(0, passes - 1);
  return unique + unique * REPETITION_HALF_LIFE * (1 - Math.exp(-repeats / REPETITION_HALF_LIFE));
}
