/**
 * The recommendation. The headline names the cheapest option of today's quality, whatever it is
 * (keep, a new dense model, or sparse at S with data D), so that when a non-sparse option is better
 * the app says so first. The verdict on sparsity then takes one of five levels from
 * P(best sparse − best non-sparse > materiality), both chosen per Monte Carlo draw, and is capped by
 * its weakest input: every cap that applies is listed with its reason (docs/method.md §Decision rules).
 */
import type { OptimalSparsity } from '../law/optimal.js';
import type { MonteCarloResult } from './montecarlo.js';
import type { ModelOption } from './options.js';
import type { SwitchingValue } from './sensitivity.js';
import type { Evidence, SpeedupKind } from './speedups.js';

export const LEVELS = ['go', 'go-with-conditions', 'pilot-first', 'not-now', 'no'] as const;
export type Level = (typeof LEVELS)[number];

/** IPCC AR5 calibrated likelihood language. */
export const LIKELIHOODS = [
  { phrase: 'virtually-certain', min: 0.99 },
  { phrase: 'very-likely', min: 0.9 },
  { phrase: 'likely', min: 0.66 },
  { phrase: 'about-as-likely-as-not', min: 0.33 },
  { phrase: 'unlikely', min: 0.1 },
  { phrase: 'very-unlikely', min: 0.01 },
  { phrase: 'exceptionally-unlikely', min: 0 },
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number]['phrase'];

export const CONFIDENCES = ['high', 'medium', 'low', 'very-low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Beyond this factor outside the fitted range on any axis, a verdict is at most "Pilot first". */
export const EXTRAPOLATION_CAP = 3;

export type ConfidenceReason =
  | 'speedup-none'
  | 'speedup-assumed'
  | 'speedup-published'
  | 'speedup-upper-bound'
  | 'speedup-software-gpu'
  | 'speedup-development-machine'
  | 'speedup-unreliable'
  | 'speedup-clipped'
  | 'law-extrapolated'
  | 'law-far-extrapolated'
  | 'cross-architecture'
  | 'repeated-data'
  | 'pruned-quality-assumed'
  | 'custom-law-use-with-care'
  | 'custom-law-unreliable'
  | 'custom-law-unvalidated';

export type CapReason =
  | 'speedup-not-measured-on-deployment-machine'
  | 'extrapolated-beyond-3x'
  | 'cross-architecture'
  | 'custom-law-unreliable'
  | 'no-material-difference'
  | 'no-sparse-option'
  | 'no-sparse-option-within-takt'
  | 'no-inference-volume';

export interface Cap {
  reason: CapReason;
  /** The most this cap allows. */
  level: Level;
  /** Numbers for the sentence: the speed-up's kind, the option and factor that extrapolate, and so on. */
  detail: Record<string, string | number>;
}

export type Note =
  | 'optimal-sparsity-zero'
  | 'repeated-data'
  | 'effective-data-assumed-for-images'
  | 'pruned-quality-assumed'
  | 'latency-budget-missed'
  | 'out-of-capacity-at-start'
  | 'planned-deploy-time-not-charged';

export interface Pilot {
  /** What to do, in order. */
  steps: ('measure-on-deployment-machine' | 'check-task-quality' | 'refit-law-with-pilot-runs')[];
  /** An app assumption: up to 10 person-days with the risk buffer, plus one-shot pruning of today's model. */
  cost: number;
  personDays: number;
  /** Pass criteria: the speed-up that must be measured, and the quality floor. */
  requiredSpeedup: number | null;
  requiredSpeedupReachable: boolean;
  qualityFloor: number;
}

export interface Reasons {
  dataVolume: {
    optimalSparsity: number;
    effectiveData: number;
    thresholdData: number;
    /** Effective data / threshold: above 1, sparsity pays at equal compute. */
    ratio: number;
    dataUnit: string;
  };
  hardware: {
    sparsity: number;
    speedup: number;
    speedupLow: number;
    speedupHigh: number;
    kind: SpeedupKind;
    evidence: Evidence | null;
    bound: number;
    note: string;
    /** Speed-up at which sparsity would change the decision; null if none does. */
    breakEvenSpeedup: number | null;
    breakEvenBeyondBound: boolean;
    provider: string | null;
  };
  pruningCost: {
    upfrontExtra: number;
    pruning: number;
    engineering: number;
    paybackMonth: number | null;
    horizonMonths: number;
  };
}

export interface Recommendation {
  /** The cheapest option of today's quality (or of acceptable quality, when the user accepts lower). */
  headlineId: string;
  /** The headline may be stated without a pilot only on deployment-machine evidence inside 3× of the fitted range. */
  headlineNeedsPilot: boolean;
  /** The sparse and non-sparse options the verdict compares. */
  sparseId: string | null;
  alternativeId: string;
  /** The verdict on sparsity. */
  level: Level;
  probability: number;
  likelihood: Likelihood;
  confidence: Confidence;
  confidenceReasons: ConfidenceReason[];
  caps: Cap[];
  notes: Note[];
  /** Savings below this (present value) are no material difference. */
  materiality: number;
  pilot: Pilot | null;
  reasons: Reasons;
}

export function likelihoodOf(probability: number): Likelihood {
  return LIKELIHOODS.find((l) => probability >= l.min)!.phrase;
}

function levelFromProbability(p: number): Level {
  if (p >= 0.9) return 'go';
  if (p >= 0.66) return 'go-with-conditions';
  if (p >= 0.33) return 'pilot-first';
  if (p >= 0.1) return 'not-now';
  return 'no';
}

const rank = (level: Level) => LEVELS.indexOf(level);
/** The more cautious of two levels. */
export const atMost = (level: Level, cap: Level): Level => (rank(level) >= rank(cap) ? level : cap);

/** A speed-up counts as evidence for a verdict above "Pilot first" only when measured on the deployment machine. */
export function deploymentEvidence(option: ModelOption): boolean {
  const s = option.speedup;
  return s.kind === 'measured' && s.evidence === 'deployment' && s.reliable && !s.clipped;
}

export interface RecommendationInput {
  options: readonly ModelOption[];
  headline: ModelOption;
  sparse: ModelOption | null;
  /** When no sparse option competes, the cheapest one excluded (for the reasons' numbers). */
  sparseReference: ModelOption | null;
  alternative: ModelOption;
  advantage: number;
  upfront: (option: ModelOption) => { upfront: number; pruning: number; engineering: number };
  paybackMonth: (option: ModelOption) => number | null;
  monteCarlo: MonteCarloResult;
  optimal: OptimalSparsity;
  effectiveData: number;
  dataUnit: string;
  horizonMonths: number;
  materiality: number;
  qualityFloor: number;
  crossArchitecture: boolean;
  passes: number;
  imagesData: boolean;
  customLawVerdict: 'extrapolates-well' | 'use-with-care' | 'unreliable' | 'unvalidated' | null;
  noVolume: boolean;
  switching: SwitchingValue[];
  pilotCost: number;
  pilotDays: number;
  notes: Note[];
}

export function recommend(input: RecommendationInput): Recommendation {
  const { sparse, alternative, headline, monteCarlo } = input;
  const caps: Cap[] = [];
  const reasons: ConfidenceReason[] = [];
  const notes: Note[] = [...input.notes];
  const baseline = input.options[0]!;
  const compared = [baseline, alternative, ...(sparse ? [sparse] : [])];

  // Confidence: every weak input lowers it; the worst speed-up kind counts most.
  const s = (sparse ?? input.sparseReference)?.speedup;
  if (s && sparse) {
    if (s.kind === 'none') reasons.push('speedup-none');
    else if (s.kind === 'assumed') reasons.push('speedup-assumed');
    else if (s.kind === 'published') reasons.push('speedup-published');
    else if (s.kind === 'upper-bound') reasons.push('speedup-upper-bound');
    else if (s.evidence === 'software-gpu') reasons.push('speedup-software-gpu');
    else if (s.evidence === 'development') reasons.push('speedup-development-machine');
    if (s.kind === 'measured' && !s.reliable) reasons.push('speedup-unreliable');
    if (s.clipped) reasons.push('speedup-clipped');
  }
  const worst = compared.reduce((a, b) => (b.extrapolation.factor > a.extrapolation.factor ? b : a));
  if (worst.extrapolation.factor > 10) reasons.push('law-far-extrapolated');
  else if (worst.extrapolation.factor > EXTRAPOLATION_CAP) reasons.push('law-extrapolated');
  if (input.crossArchitecture) reasons.push('cross-architecture');
  if (input.passes > 4) reasons.push('repeated-data');
  if (compared.some((o) => o.kind === 'pruned')) reasons.push('pruned-quality-assumed');
  if (input.customLawVerdict === 'use-with-care') reasons.push('custom-law-use-with-care');
  if (input.customLawVerdict === 'unreliable') reasons.push('custom-law-unreliable');
  if (input.customLawVerdict === 'unvalidated') reasons.push('custom-law-unvalidated');
  const weight: Partial<Record<ConfidenceReason, number>> = {
    'speedup-none': 3, 'speedup-assumed': 2, 'speedup-upper-bound': 2, 'speedup-software-gpu': 2, 'law-far-extrapolated': 2, 'custom-law-unreliable': 2,
  };
  const drop = reasons.reduce((n, r) => n + (weight[r] ?? 1), 0);
  const confidence = CONFIDENCES[Math.min(CONFIDENCES.length - 1, drop)]!;

  // The verdict on sparsity and its caps.
  const p = monteCarlo.probabilitySparseMaterial;
  let level = levelFromProbability(p);
  const cap = (reason: CapReason, most: Level, detail: Cap['detail'] = {}) => {
    caps.push({ reason, level: most, detail });
    level = atMost(level, most);
  };
  const tooSlow = input.options.some((o) => (o.kind === 'sparse' || o.kind === 'pruned') && (o as { group?: string }).group === 'misses-latency');
  if (!sparse) cap(tooSlow ? 'no-sparse-option-within-takt' : 'no-sparse-option', 'no');
  if (input.noVolume) cap('no-inference-volume', 'no');
  if (sparse && !deploymentEvidence(sparse)) {
    cap('speedup-not-measured-on-deployment-machine', 'pilot-first', { kind: sparse.speedup.kind, evidence: sparse.speedup.evidence ?? '' });
  }
  const far = compared.filter((o) => o.extrapolation.factor > EXTRAPOLATION_CAP);
  if (far.length > 0) {
    const most = far.reduce((a, b) => (b.extrapolation.factor > a.extrapolation.factor ? b : a));
    cap('extrapolated-beyond-3x', 'pilot-first', { option: most.id, factor: most.extrapolation.factor });
  }
  if (input.crossArchitecture) cap('cross-architecture', 'pilot-first');
  if (input.customLawVerdict === 'unreliable') cap('custom-law-unreliable', 'pilot-first');
  // Either way round, a difference this small is no reason to act: at most "Not now".
  if (sparse && Math.abs(input.advantage) < input.materiality) cap('no-material-difference', 'not-now', { advantage: input.advantage, materiality: input.materiality });
  // A confident "Go" needs measured evidence and no open doubt.
  if (level === 'go' && CONFIDENCES.indexOf(confidence) >= 2) level = 'go-with-conditions';
  if (input.optimal.sparsity === 0) notes.push('optimal-sparsity-zero');
  if (input.passes > 1) notes.push('repeated-data');
  if (input.passes > 1 && input.imagesData) notes.push('effective-data-assumed-for-images');
  if (input.options.some((o) => o.kind === 'pruned')) notes.push('pruned-quality-assumed');

  const headlineCompared = [headline, baseline, headline.kind === 'sparse' || headline.kind === 'pruned' ? alternative : sparse ?? alternative];
  const speedSwitch = input.switching.find((v) => v.input === 'speedup') ?? null;
  // A non-sparse headline rests on the sparse speed-up only when a reachable speed-up could overturn it.
  const speedCouldFlip = speedSwitch !== null && speedSwitch.value !== null && !speedSwitch.beyondPhysicalBound;
  const headlineIsSparse = headline.kind === 'sparse' || headline.kind === 'pruned';
  const headlineNeedsPilot =
    (headlineIsSparse && !deploymentEvidence(headline)) ||
    (!headlineIsSparse && sparse !== null && speedCouldFlip && !deploymentEvidence(sparse)) ||
    headlineCompared.some((o) => o.extrapolation.factor > EXTRAPOLATION_CAP) ||
    input.crossArchitecture ||
    input.customLawVerdict === 'unreliable';

  const pilot: Pilot | null =
    level === 'pilot-first' || headlineNeedsPilot
      ? {
          steps: [
            'measure-on-deployment-machine',
            'check-task-quality',
            ...(compared.some((o) => o.extrapolation.factor > EXTRAPOLATION_CAP) ? (['refit-law-with-pilot-runs'] as const) : []),
          ],
          cost: input.pilotCost,
          personDays: input.pilotDays,
          requiredSpeedup: speedSwitch?.value ?? null,
          requiredSpeedupReachable: speedSwitch !== null && speedSwitch.value !== null && !speedSwitch.beyondPhysicalBound,
          qualityFloor: input.qualityFloor,
        }
      : null;

  const shown = sparse ?? input.sparseReference;
  const sparseUpfront = shown ? input.upfront(shown) : { upfront: 0, pruning: 0, engineering: 0 };
  const otherUpfront = input.upfront(alternative);
  return {
    headlineId: headline.id,
    headlineNeedsPilot,
    sparseId: sparse?.id ?? null,
    alternativeId: alternative.id,
    level,
    probability: p,
    likelihood: likelihoodOf(p),
    confidence,
    confidenceReasons: reasons,
    caps,
    notes: [...new Set(notes)],
    materiality: input.materiality,
    pilot,
    reasons: {
      dataVolume: {
        optimalSparsity: input.optimal.sparsity,
        effectiveData: input.effectiveData,
        thresholdData: input.optimal.threshold.data,
        ratio: input.effectiveData / input.optimal.threshold.data,
        dataUnit: input.dataUnit,
      },
      hardware: {
        sparsity: shown?.sparsity ?? 0,
        speedup: s?.value ?? 1,
        speedupLow: s?.low ?? 1,
        speedupHigh: s?.high ?? 1,
        kind: s?.kind ?? 'none',
        evidence: s?.evidence ?? null,
        bound: s?.bound ?? 1,
        note: s?.note ?? '',
        breakEvenSpeedup: speedSwitch?.value ?? null,
        breakEvenBeyondBound: speedSwitch?.beyondPhysicalBound ?? false,
        provider: s?.provider ?? null,
      },
      pruningCost: {
        upfrontExtra: sparseUpfront.upfront - otherUpfront.upfront,
        pruning: sparseUpfront.pruning,
        engineering: sparseUpfront.engineering,
        paybackMonth: shown ? input.paybackMonth(shown) : null,
        horizonMonths: input.horizonMonths,
      },
    },
  };
}
