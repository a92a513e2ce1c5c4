import type { DataUnit, LawCoefficients, Normalization, NormalizedCoefficients } from './coefficients.js';
import { fromNormalized } from './coefficients.js';

export interface ValueRange {
  min: number;
  max: number;
}

/** The region the coefficients were fitted on; anything outside it is extrapolation. */
export interface FittedRange {
  sparsity: ValueRange;
  nonzero: ValueRange;
  data: ValueRange;
}

export interface LawSource {
  kind: 'preset' | 'fit' | 'file';
  /** One line a person can check: paper, notebook, file or fit that produced the numbers. */
  citation: string;
}

export interface Law {
  id: string;
  name: string;
  dataUnit: DataUnit;
  coefficients: LawCoefficients;
  fittedRange: FittedRange | null;
  source: LawSource;
}

export interface Preset extends Law {
  id: PresetId;
  /** The notebook's own output, kept verbatim so the paper-unit values can be re-derived. */
  notebook: { coefficients: NormalizedCoefficients; normalization: Normalization; objective: number };
  /** Block weights of the reference model at scale 1 (the data files' PARAM_COUNT). */
  paramCountAtScale1: number;
  /** 90 % interval of a factor on m(S) − 1, from a bootstrap over the paper's runs (see lawUncertainty). */
  multiplierExcess90: { low: number; high: number };
}

/**
 * How uncertain the dense-equivalent multiplier is, as a factor on m(S) − 1. A seeded bootstrap
 * (400 resamples, seed 2024, 90 % intervals) of the paper's runs gives 0.92–1.12 for ViT at
 * S = 0.75 (0.90–1.15 at S = 0.5). For T5 the bootstrap alone gives about 0.90–1.07, but refits
 * land in another basin than the published coefficients (m(0.5) 1.77 against 1.59, a factor of
 * about 1.3 on m − 1), so the T5 interval is widened to 0.88–1.30 to cover it.
 * test/unit/core/fit.test.ts re-derives the ViT interval.
 */
export const LAW_UNCERTAINTY_CITATION =
  'seeded bootstrap of the paper’s training runs (Sparsity Advisor, 2026-11-27)';

export type PresetId = 'vit' | 't5';

export const PAPER_CITATION =
  'Frantar, Riquelme, Houlsby, Alistarh, Evci: Scaling Laws for Sparsely-Connected Foundation Models, ICLR 2024 (arXiv:2309.08520)';
export const NOTEBOOK_CITATION =
  'google-research/jaxpruner, jaxpruner/projects/bigsparse/sparsity-scaling.ipynb @ f133ee50f31a03d0152b8b272edb534065152f5d';

/** T5 on C4: one optimizer step sees batch 128 × 512 input tokens. */
export const T5_TOKENS_PER_STEP = 128 * 512;

/** Non-zero parameters of one Transformer block of width d: 4d² attention + 8d² MLP. */
export function blockParams(dModel: number, layers: number): number {
  return 12 * dModel * dModel * layers;
}

function preset(
  id: PresetId,
  name: string,
  dataUnit: DataUnit,
  coefficients: NormalizedCoefficients,
  normalization: Normalization,
  objective: number,
  paramCountAtScale1: number,
  fittedRange: FittedRange,
  multiplierExcess90: { low: number; high: number },
): Preset {
  return {
    id,
    name,
    dataUnit,
    coefficients: fromNormalized(coefficients, normalization),
    fittedRange,
    source: { kind: 'preset', citation: `${PAPER_CITATION}; coefficients from ${NOTEBOOK_CITATION}` },
    notebook: { coefficients, normalization, objective },
    paramCountAtScale1,
    multiplierExcess90,
  };
}

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  vit: preset(
    'vit',
    'ViT on JFT-4B (vision)',
    'images',
    [1.30485411, 0.82101251, 2.07506343, 0.39222675, 0.27818217, 0.88979104, 4.51669257],
    { nonzeroUnit: 1e6, dataUnit: 1e9 },
    4.929087939147767e-4,
    blockParams(768, 12),
    {
      sparsity: { min: 0, max: 0.9375 },
      nonzero: { min: blockParams(768, 12) / 128, max: blockParams(768, 12) / 2 },
      data: { min: 2.25e8, max: 1.8e9 },
    },
    { low: 0.92, high: 1.12 },
  ),
  t5: preset(
    't5',
    'T5 on C4 (language)',
    'tokens',
    [0.56778512, 0.72161276, 1.52265016, 0.24513173, 0.63361517, 0.20270772, 0.65074219],
    // The notebook measures data in steps/1e5; one step is 65,536 tokens.
    { nonzeroUnit: 1e6, dataUnit: 1e5 * T5_TOKENS_PER_STEP },
    7.603605281507622e-6,
    blockParams(768, 24),
    {
      sparsity: { min: 0, max: 0.875 },
      nonzero: { min: blockParams(768, 24) / 128, max: blockParams(768, 24) / 2 },
      data: { min: 2.5e5 * T5_TOKENS_PER_STEP, max: 1e6 * T5_TOKENS_PER_STEP },
    },
    { low: 0.88, high: 1.3 },
  ),
};

export function isPresetId(value: string): value is PresetId {
  return value === 'vit' || value === 't5';
}
