/**
 * The law's own uncertainty, carried into every option. Coefficient vectors from a bootstrap of the
 * runs (≥ 200 per preset, made by a repo script; a custom law carries its own) are individually
 * unidentifiable, but the quantities the options need are tight, so those are what is drawn: for each
 * vector, the equal-quality non-zeros of each new model at its chosen data (closed form), against that
 * vector's own loss of today's model. Each draw's value is centred on the point law (÷ the median over
 * vectors × the point value), and its deviation is widened with extrapolation: the log-ratio is
 * multiplied by 1 + ln(extrapolation factor), an app assumption (docs/method.md).
 */
import { effectiveData } from '../law/effective-data.js';
import type { LawCoefficients } from '../law/coefficients.js';
import { lossUnchecked } from '../law/law.js';
import { quantileSorted } from 'simple-statistics';
import { equalQualityNonzero, type ModelOption } from './options.js';

export interface LawDraws {
  /** Number of coefficient vectors. */
  vectors: number;
  /** Per option (same order as the options), the factor on its size in each vector's world; Infinity: infeasible. */
  sizeFactor: Float64Array[];
  /** Per option, how many vectors make it infeasible (no size reaches today's quality). */
  infeasible: number[];
  /** Per option, the widening applied to its log-deviations: 1 + ln(extrapolation factor). */
  widening: number[];
  source: string;
}

export function lawDraws(
  vectors: readonly LawCoefficients[],
  options: readonly ModelOption[],
  baseline: { params: number; uniqueData: number; passes: number },
  source: string,
): LawDraws {
  const d0 = effectiveData(baseline.uniqueData, baseline.passes);
  const baselineFactor = options[0]!.extrapolation.factor;
  const sizeFactor: Float64Array[] = [];
  const infeasible: number[] = [];
  const widening: number[] = [];
  for (const option of options) {
    const factors = new Float64Array(vectors.length).fill(1);
    const spread = 1 + Math.log(Math.max(1, option.extrapolation.factor, baselineFactor));
    widening.push(spread);
    if (option.kind !== 'dense' && option.kind !== 'sparse') {
      sizeFactor.push(factors);
      infeasible.push(0);
      continue;
    }
    let bad = 0;
    vectors.forEach((k, i) => {
      const target = lossUnchecked(k, 0, baseline.params, d0);
      const size = equalQualityNonzero(k, option.sparsity, option.effectiveData, target);
      factors[i] = Number.isFinite(size) && size > 0 ? size : Infinity;
      if (!Number.isFinite(factors[i]!)) bad++;
    });
    const finite = Array.from(factors).filter(Number.isFinite).sort((a, b) => a - b);
    const median = finite.length > 0 ? quantileSorted(finite, 0.5) : 1;
    for (let i = 0; i < factors.length; i++) {
      if (!Number.isFinite(factors[i]!)) continue;
      factors[i] = Math.exp(Math.log(factors[i]! / median) * spread);
    }
    sizeFactor.push(factors);
    infeasible.push(bad);
  }
  return { vectors: vectors.length, sizeFactor, infeasible, widening, source };
}
