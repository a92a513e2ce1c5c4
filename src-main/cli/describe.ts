/** JSON descriptions shared by the CLI commands: every number with its unit and source. */
import { roundedForDisplay } from '../core/law/coefficients.js';
import type { Extrapolation } from '../core/law/law.js';
import type { Law } from '../core/law/presets.js';
import { num } from './format.js';

export function describeLaw(law: Law) {
  return {
    id: law.id,
    name: law.name,
    dataUnit: law.dataUnit,
    nonzeroUnit: 'non-zero Transformer-block parameters (12·d² per layer)',
    coefficients: law.coefficients,
    coefficientsRounded: roundedForDisplay(law.coefficients),
    fittedRange: law.fittedRange,
    source: law.source,
  };
}

export function lawHeader(law: Law): string {
  const k = roundedForDisplay(law.coefficients);
  return [
    `Law: ${law.name}  (data in ${law.dataUnit})`,
    `  L = (${k.aS}·(1−S)^${k.bS} + ${k.cS})·N^−${k.bN} + (${num(k.aD, 3)}/D)^${k.bD} + ${k.c}   (rounded for display)`,
    `  Source: ${law.source.citation}`,
  ].join('\n');
}

export function extrapolationText(e: Extrapolation, dataUnit: string): string {
  if (!e.rangeKnown) return 'Fitted range: unknown for these coefficients; treat results as unverified.';
  if (!e.extrapolates) return 'Within the fitted range: no extrapolation.';
  const parts = e.axes.map((a) => {
    const what = a.axis === 'nonzero' ? 'non-zero parameters' : a.axis === 'data' ? `data (${dataUnit})` : 'sparsity';
    return `${what} ${num(a.value)} is ${a.side} the fitted range ${num(a.range.min)}–${num(a.range.max)} by ${num(a.factor, 3)}×`;
  });
  return `EXTRAPOLATION (up to ${num(e.factor, 3)}× outside the fitted range): ${parts.join('; ')}.`;
}
