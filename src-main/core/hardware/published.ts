/**
 * Published speed-ups for a deployment target the user cannot measure (the third source kind next
 * to measured and assumed). The decision engine and the app's picker call publishedSpeedup(); it
 * turns the matching end-to-end rows of resources/published-speedups.json into a range, never
 * uses a kernel-level or confounded row, and says plainly when nothing matches so the caller can
 * fall back to its assumption. The rule is written down in docs/published-speedups.md.
 */
import { InputError, requirePositive, requireSparsity } from '../input.js';
import raw from '../../../resources/published-speedups.json' with { type: 'json' };
import {
  parsePublishedFile,
  sparsityBounds,
  type Advice,
  type ConfounderCode,
  type HardwareClass,
  type PublishedFile,
  type PublishedPattern,
  type PublishedRow,
  type PublishedSource,
  type RuntimeStatusSource,
} from './published-schema.js';

export * from './published-schema.js';

/** The shipped file, validated once when the module loads. */
export const PUBLISHED: PublishedFile = parsePublishedFile(raw);

/** How the engine and the memo label a value from this module. */
export const PUBLISHED_LABEL = 'published, not measured on your hardware';

/** A row is used when its sparsity (or stated band) lies within this distance of the requested one. */
export const SPARSITY_TOLERANCE = 0.1;

/**
 * Below this many tokens per forward pass, published 2:4 figures show no gain or a loss: BERT-base
 * ran at 0.87× with 1,536 tokens per pass and at 1.28× with 6,144 (rows A2-bs4 and A2-bs16).
 */
export const SMALL_BATCH_TOKENS = 2048;

export interface PublishedTarget {
  id: string;
  /** Rows of these hardware classes belong to the target... */
  hardwareClasses: readonly HardwareClass[];
  /** ...if their runtime is one of these (all runtimes when absent)... */
  runtimeIds?: readonly string[];
  /** ...and their pattern one of these. */
  patterns: readonly PublishedPattern[];
  /** The pattern a manager picks this target for (the picker's default). */
  pattern: PublishedPattern;
  /** 2:4 on a GPU: the tokens per forward pass decide the regime advice. */
  regimeByTokens: boolean;
  adviceKeys: readonly string[];
}

const NVIDIA_GPUS: readonly HardwareClass[] = ['a100', 'h100', 'l4', 'rtx-ampere', 'rtx-ada', 'nvidia-gpu'];
const GPU_2OF4_ADVICE = ['2of4-compute-bound', '2of4-batch-gpu-count'] as const;

/** The deployment targets a manager picks from; names and descriptions are in i18n (published.targets). */
export const PUBLISHED_TARGETS: readonly PublishedTarget[] = [
  { id: 'a100-2of4', hardwareClasses: ['a100'], patterns: ['2:4'], pattern: '2:4', regimeByTokens: true, adviceKeys: GPU_2OF4_ADVICE },
  { id: 'h100-2of4', hardwareClasses: ['h100'], patterns: ['2:4'], pattern: '2:4', regimeByTokens: true, adviceKeys: GPU_2OF4_ADVICE },
  {
    id: 'nvidia-vllm-2of4', hardwareClasses: ['a100', 'h100', 'nvidia-gpu'], runtimeIds: ['vllm'], patterns: ['2:4'], pattern: '2:4',
    regimeByTokens: true, adviceKeys: GPU_2OF4_ADVICE,
  },
  { id: 'rtx-2of4', hardwareClasses: ['rtx-ampere', 'rtx-ada'], patterns: ['2:4'], pattern: '2:4', regimeByTokens: true, adviceKeys: GPU_2OF4_ADVICE },
  {
    id: 'nvidia-unstructured', hardwareClasses: NVIDIA_GPUS, patterns: ['unstructured', 'block'], pattern: 'unstructured',
    regimeByTokens: false, adviceKeys: ['unstructured-gpu-90', 'block-gpu'],
  },
  {
    id: 'x86-deepsparse', hardwareClasses: ['x86-cpu'], runtimeIds: ['deepsparse'], patterns: ['unstructured'], pattern: 'unstructured',
    regimeByTokens: false, adviceKeys: ['cpu-sparse-runtime'],
  },
  {
    id: 'x86-openvino', hardwareClasses: ['x86-cpu'], runtimeIds: ['openvino'], patterns: ['unstructured'], pattern: 'unstructured',
    regimeByTokens: false, adviceKeys: ['openvino-sparse-off', 'cpu-sparse-runtime'],
  },
  {
    id: 'x86-other', hardwareClasses: ['x86-cpu'], runtimeIds: ['onnxruntime', 'sparamx', 'intel-extension-for-transformers'],
    patterns: ['unstructured', 'block'], pattern: 'unstructured', regimeByTokens: false, adviceKeys: ['cpu-sparse-runtime'],
  },
  {
    id: 'arm-xnnpack', hardwareClasses: ['arm-cpu', 'mobile'], runtimeIds: ['xnnpack'], patterns: ['unstructured'], pattern: 'unstructured',
    regimeByTokens: false, adviceKeys: ['mobile-xnnpack'],
  },
  {
    id: 'apple-coreml', hardwareClasses: ['apple-ane'], runtimeIds: ['coreml'], patterns: ['unstructured'], pattern: 'unstructured',
    regimeByTokens: false, adviceKeys: ['apple-ane'],
  },
];

export type PublishedTargetId = string;

export interface PublishedRequest {
  /** The scenario's sparsity; 2:4 always counts as 0.5. */
  sparsity: number;
  pattern: PublishedPattern;
  /** Tokens one forward pass processes; picks the regime advice for 2:4 on GPUs. */
  tokensPerRequest?: number | null;
}

/** Why a row of the target is shown but not used. */
export type ExclusionReason = 'pattern-mismatch' | 'kernel-level' | 'confounded' | 'sparsity-not-stated' | 'sparsity-mismatch';

export interface ShownRow {
  row: PublishedRow;
  used: boolean;
  /** Empty when used. */
  reasons: ExclusionReason[];
  /** The confounders behind a 'confounded' reason. */
  confounders: ConfounderCode[];
  citation: string;
}

export type Regime = 'compute-bound' | 'small-batch' | 'unknown' | 'not-applicable';

export type NoMatchReason = 'no-rows' | 'pattern' | 'kernel-only' | 'all-confounded' | 'sparsity';

interface OutcomeBase {
  target: PublishedTarget;
  request: { sparsity: number; pattern: PublishedPattern; tokensPerRequest: number | null };
  /** Every row of the target: used first, then excluded, each with its reasons. */
  rows: ShownRow[];
  /** Set when a runtime of the target is no longer maintained (DeepSparse: June 2025). */
  endOfLife: RuntimeStatusSource[];
  regime: Regime;
  /** Advice keys in the order to show them; texts in PUBLISHED.advice. */
  adviceKeys: string[];
  label: typeof PUBLISHED_LABEL;
}

export interface PublishedRange extends OutcomeBase {
  kind: 'range';
  /** min, median and max of the used end-to-end rows. */
  range: { low: number; value: number; high: number };
  used: ShownRow[];
}

export interface PublishedNoMatch extends OutcomeBase {
  kind: 'no-match';
  reason: NoMatchReason;
  /** English, for notes and the CLI; the app shows published.noMatch.<reason>. */
  message: string;
  /** Sparsities of the clean end-to-end rows of the pattern, for a 'sparsity' miss. */
  availableSparsities: number[];
}

export type PublishedOutcome = PublishedRange | PublishedNoMatch;

export function publishedTarget(id: string): PublishedTarget {
  const target = PUBLISHED_TARGETS.find((t) => t.id === id);
  if (!target) {
    throw new InputError('deployment.speedup.publishedTarget', `is not a known published target (choose one of ${PUBLISHED_TARGETS.map((t) => t.id).join(', ')})`);
  }
  return target;
}

/** All rows of a target, whatever the request. */
export function targetRows(target: PublishedTarget, file: PublishedFile = PUBLISHED): PublishedRow[] {
  return file.rows.filter(
    (r) => target.hardwareClasses.includes(r.hardwareClass) && target.patterns.includes(r.pattern) && (!target.runtimeIds || target.runtimeIds.includes(r.runtimeId)),
  );
}

export function sourceLocation(source: PublishedSource): string {
  if (source.repository) return `${source.repository.repo}/${source.repository.path}@${source.repository.commit.slice(0, 7)}`;
  return source.url ?? '';
}

/** "Title, locator, year (where)": one line a memo or note can print. */
export function citation(source: PublishedSource): string {
  return `${source.title}, ${source.locator}${source.year === null ? '' : `, ${source.year}`} (${sourceLocation(source)})`;
}

export function adviceEntry(key: string, file: PublishedFile = PUBLISHED): Advice | undefined {
  return file.advice.find((a) => a.key === key);
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function judge(row: PublishedRow, pattern: PublishedPattern, sparsity: number): ShownRow {
  const reasons: ExclusionReason[] = [];
  if (row.pattern !== pattern) reasons.push('pattern-mismatch');
  if (row.level === 'kernel') reasons.push('kernel-level');
  if (row.confounders.length > 0) reasons.push('confounded');
  const bounds = sparsityBounds(row);
  if (bounds === null) reasons.push('sparsity-not-stated');
  else if (bounds.max < sparsity - SPARSITY_TOLERANCE - 1e-9 || bounds.min > sparsity + SPARSITY_TOLERANCE + 1e-9) reasons.push('sparsity-mismatch');
  return { row, used: reasons.length === 0, reasons, confounders: row.confounders.map((c) => c.code), citation: citation(row.source) };
}

function regimeOf(target: PublishedTarget, pattern: PublishedPattern, tokens: number | null): Regime {
  if (!target.regimeByTokens || pattern !== '2:4') return 'not-applicable';
  if (tokens === null) return 'unknown';
  return tokens < SMALL_BATCH_TOKENS ? 'small-batch' : 'compute-bound';
}

const NO_MATCH: Record<NoMatchReason, (t: PublishedTarget, p: PublishedPattern, s: number, at: number[]) => string> = {
  'no-rows': (t) => `no published sparse-versus-dense figure exists for ${t.id}`,
  pattern: (t, p) => `no published figure for ${p} sparsity on ${t.id}`,
  'kernel-only': (t, p) => `only kernel-level figures are published for ${p} sparsity on ${t.id}; a kernel figure alone is never used for the whole model`,
  'all-confounded': (t, p) => `every end-to-end figure for ${p} sparsity on ${t.id} mixes in something else (quantization, fewer GPUs, another model or runtime, a best-case claim)`,
  sparsity: (t, p, s, at) =>
    `no clean end-to-end figure for ${p} sparsity on ${t.id} within ±${SPARSITY_TOLERANCE} of S = ${s}` + (at.length > 0 ? ` (published at S = ${at.join(', ')})` : ''),
};

/**
 * The published speed-up for a target: the min / median / max of its clean end-to-end rows at the
 * requested pattern and sparsity, with every other row of the target shown and the reason it was
 * left out; or a no-match saying why, so the engine falls back to the assumed speed-up.
 */
export function publishedSpeedup(targetId: string, request: PublishedRequest, file: PublishedFile = PUBLISHED): PublishedOutcome {
  const target = publishedTarget(targetId);
  const pattern = request.pattern;
  if (!(['2:4', 'unstructured', 'block'] as const).includes(pattern)) throw new InputError('pattern', 'must be 2:4, unstructured or block');
  const asked = requireSparsity('sparsity', request.sparsity);
  if (asked === 0) throw new InputError('sparsity', 'must be greater than 0');
  const sparsity = pattern === '2:4' ? 0.5 : asked;
  const tokens = request.tokensPerRequest == null ? null : requirePositive('tokensPerRequest', request.tokensPerRequest);

  const judged = targetRows(target, file).map((row) => judge(row, pattern, sparsity));
  const used = judged.filter((j) => j.used);
  const rows = [...used, ...judged.filter((j) => !j.used)];
  const runtimeIds = new Set(judged.map((j) => j.row.runtimeId));
  const regime = regimeOf(target, pattern, tokens);
  const base: OutcomeBase = {
    target,
    request: { sparsity, pattern, tokensPerRequest: tokens },
    rows,
    endOfLife: file.runtimeStatusSources.filter((s) => s.status === 'end-of-life' && runtimeIds.has(s.runtimeId)),
    regime,
    adviceKeys: [...(regime === 'small-batch' ? ['2of4-small-batch'] : []), ...target.adviceKeys],
    label: PUBLISHED_LABEL,
  };

  if (used.length > 0) {
    const values = used.map((u) => u.row.speedup).sort((a, b) => a - b);
    return { ...base, kind: 'range', range: { low: values[0]!, value: median(values), high: values[values.length - 1]! }, used };
  }
  const ofPattern = judged.filter((j) => !j.reasons.includes('pattern-mismatch'));
  const endToEnd = ofPattern.filter((j) => !j.reasons.includes('kernel-level'));
  const clean = endToEnd.filter((j) => !j.reasons.includes('confounded'));
  const reason: NoMatchReason =
    judged.length === 0 ? 'no-rows' : ofPattern.length === 0 ? 'pattern' : endToEnd.length === 0 ? 'kernel-only' : clean.length === 0 ? 'all-confounded' : 'sparsity';
  const availableSparsities = [...new Set(clean.flatMap((j) => (typeof j.row.sparsity === 'number' ? [j.row.sparsity] : [])))].sort((a, b) => a - b);
  return {
    ...base,
    kind: 'no-match',
    reason,
    message: `${NO_MATCH[reason](target, pattern, sparsity, availableSparsities)}; falling back to the assumed speed-up`,
    availableSparsities,
  };
}
