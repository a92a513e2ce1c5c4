/**
 * Which inference speed-up applies to a sparse model at sparsity S on the deployment hardware, and
 * what kind of number it is: measured (on which machine, in which role), an upper bound, a published
 * figure for a deployment target, the user's assumption, or none at all. Every value is a range in
 * absolute ×, clipped to the physical bound of ideal-speedup.ts; values above the bound are flagged
 * (measured: clipped as noise; assumed: refused by the engine).
 */
import type { BenchmarkResult, Provider, SpeedupRow } from '../hardware/benchmark-result.js';
import { ADAPTER_LABELS } from '../hardware/adapters.js';
import { adapterOf, isSoftwareAdapter } from '../hardware/deployment-evidence.js';

export type SpeedupKind = 'measured' | 'upper-bound' | 'published' | 'assumed' | 'none';

/**
 * For measured values: deployment = a benchmark marked as the deployment machine; development = any
 * other machine (or a v1 result, which had no role); software-gpu = a software adapter (lavapipe,
 * SwiftShader, WARP), which checks the GPU path but says nothing about speed.
 */
export type Evidence = 'deployment' | 'development' | 'software-gpu';

export interface PublishedCitation {
  id: string;
  label: string;
  speedup: number;
}

export interface ResolvedSpeedup {
  value: number;
  low: number;
  high: number;
  kind: SpeedupKind;
  evidence: Evidence | null;
  /** The benchmark variant the value comes from, when measured. */
  variant: SpeedupRow['variant'] | null;
  provider: Provider | null;
  tokens: number | null;
  /** The sparsities of the rows used; interpolated between when S is not on the benchmark grid. */
  fromSparsities: number[];
  interpolated: boolean;
  /** S lies beyond the last measured sparsity; the last value is carried. */
  beyondRange: boolean;
  reliable: boolean;
  benchmarkId: string | null;
  /** The physical ceiling for this S and pattern (Amdahl); value, low and high never exceed it. */
  bound: number;
  /** The source's own value was above the bound and was clipped to it. */
  clipped: boolean;
  /** Published rows the range is made of, with their citations. */
  citations: PublishedCitation[];
  note: string;
}

export interface AssumedSpeedup {
  sparsity: number;
  value: number;
  low: number;
  high: number;
}

export interface SpeedupRequest {
  sparsity: number;
  pattern: 'unstructured' | '2:4';
  provider: Provider;
  /** Tokens or images per request: picks the benchmark rows whose M is closest. */
  tokens: number;
  useUpperBound: boolean;
  bound: number;
}

/** A published figure for a deployment target, as the published-speed-ups module answers it. */
export interface PublishedAnswer {
  range: { low: number; value: number; high: number } | null;
  citations: PublishedCitation[];
  note: string;
}
export type PublishedLookup = (target: string, sparsity: number, pattern: 'unstructured' | '2:4', tokensPerRequest: number) => PublishedAnswer;

interface Point {
  sparsity: number;
  value: number;
  low: number;
  high: number;
  reliable: boolean;
  variant: SpeedupRow['variant'] | null;
}

/** Log-linear interpolation in S through (0, 1) and the measured points. */
function interpolate(points: Point[], sparsity: number): { point: Point; from: number[]; interpolated: boolean; beyond: boolean } {
  const sorted = [...points].sort((a, b) => a.sparsity - b.sparsity);
  const exact = sorted.find((p) => Math.abs(p.sparsity - sparsity) < 1e-9);
  if (exact) return { point: exact, from: [exact.sparsity], interpolated: false, beyond: false };
  const last = sorted[sorted.length - 1]!;
  if (sparsity > last.sparsity) return { point: last, from: [last.sparsity], interpolated: false, beyond: true };
  const dense: Point = { sparsity: 0, value: 1, low: 1, high: 1, reliable: true, variant: null };
  const upperIndex = sorted.findIndex((p) => p.sparsity > sparsity);
  const hi = sorted[upperIndex]!;
  const lo = upperIndex === 0 ? dense : sorted[upperIndex - 1]!;
  const t = (sparsity - lo.sparsity) / (hi.sparsity - lo.sparsity);
  const mix = (a: number, b: number) => Math.exp(Math.log(a) * (1 - t) + Math.log(b) * t);
  return {
    point: {
      sparsity,
      value: mix(lo.value, hi.value),
      low: mix(lo.low, hi.low),
      high: mix(lo.high, hi.high),
      reliable: lo.reliable && hi.reliable,
      variant: hi.variant,
    },
    from: lo === dense ? [hi.sparsity] : [lo.sparsity, hi.sparsity],
    interpolated: true,
    beyond: false,
  };
}

function closestTokens(rows: SpeedupRow[], tokens: number): number | null {
  let best: number | null = null;
  for (const row of rows) {
    if (best === null || Math.abs(Math.log(row.tokens / tokens)) < Math.abs(Math.log(best / tokens))) best = row.tokens;
  }
  return best;
}

/** Best usable row per sparsity: the faster of zeroed-dense and a sparse kernel, reliable rows first. */
function measuredPoints(rows: SpeedupRow[], useUpperBound: boolean): Point[] {
  const wanted = rows.filter((r) =>
    useUpperBound ? r.variant === 'upper-bound' && r.kind === 'upper-bound' : r.kind === 'measured' && (r.variant === 'zeroed-dense' || r.variant === 'sparse-kernel'),
  );
  const bySparsity = new Map<number, SpeedupRow[]>();
  for (const row of wanted) {
    if (!row.speedup) continue;
    bySparsity.set(row.sparsity, [...(bySparsity.get(row.sparsity) ?? []), row]);
  }
  return [...bySparsity.entries()].map(([sparsity, candidates]) => {
    const pool = candidates.some((c) => c.reliable) ? candidates.filter((c) => c.reliable) : candidates;
    const best = pool.reduce((a, b) => (b.speedup!.value > a.speedup!.value ? b : a));
    return { sparsity, ...best.speedup!, reliable: best.reliable, variant: best.variant };
  });
}

/** Clips a range to the physical bound, keeping low ≤ value ≤ high. */
function clip(value: number, low: number, high: number, bound: number): { value: number; low: number; high: number; clipped: boolean } {
  const clipped = value > bound * (1 + 1e-9);
  const v = Math.min(value, bound);
  return { value: v, low: Math.min(low, v), high: Math.min(Math.max(high, v), bound), clipped };
}

function none(bound: number, note: string): ResolvedSpeedup {
  return {
    value: 1, low: 1, high: 1, kind: 'none', evidence: null, variant: null, provider: null, tokens: null, fromSparsities: [],
    interpolated: false, beyondRange: false, reliable: true, benchmarkId: null, bound, clipped: false, citations: [], note,
  };
}

/** The user's assumption at S, interpolated between the assumed points (evaluate.ts refuses any above the bound). */
export function assumedSpeedup(assumed: readonly AssumedSpeedup[], sparsity: number, bound: number): ResolvedSpeedup {
  const points = assumed.map((a) => ({ ...a, reliable: true, variant: null }));
  const { point, from, interpolated, beyond } = interpolate(points, sparsity);
  const c = clip(point.value, point.low, point.high, bound);
  return {
    ...c, kind: 'assumed', evidence: null, variant: null, provider: null, tokens: null, fromSparsities: from, interpolated,
    beyondRange: beyond, reliable: true, benchmarkId: null, bound, citations: [], note: 'assumed by the user; not measured',
  };
}

function benchmarkEvidence(benchmark: BenchmarkResult): Evidence {
  return benchmark.role === 'deployment' ? 'deployment' : 'development';
}

/** The speed-up from a hardware check's rows for the provider; `none` when it has no usable rows. */
export function measuredSpeedup(request: SpeedupRequest, benchmark: BenchmarkResult | null): ResolvedSpeedup {
  if (!benchmark) return none(request.bound, 'no hardware check loaded: nothing was measured');
  // A GPU emulated on the CPU proves the GPU path runs; its timings are never offered as a speed-up.
  if (isSoftwareAdapter(benchmark, request.provider)) {
    const name = adapterOf(benchmark, request.provider)?.name ?? 'unnamed';
    return none(request.bound, `the hardware check's ${request.provider} rows ran on ${name}, a ${ADAPTER_LABELS.software}`);
  }
  const providerRows = benchmark.table.filter((r) => r.provider === request.provider);
  const tokens = closestTokens(providerRows, request.tokens);
  if (tokens === null) return none(request.bound, `the hardware check has no rows for ${request.provider}`);
  const rows = providerRows.filter((r) => r.tokens === tokens);
  const evidence = benchmarkEvidence(benchmark);
  if (request.pattern === '2:4') {
    const structured = rows.find((r) => r.variant === 'structured-2:4' && r.kind === 'measured' && r.speedup);
    if (structured) {
      const c = clip(structured.speedup!.value, structured.speedup!.low, structured.speedup!.high, request.bound);
      return {
        ...c, kind: 'measured', evidence, variant: 'structured-2:4', provider: request.provider, tokens, fromSparsities: [0.5],
        interpolated: false, beyondRange: false, reliable: structured.reliable, benchmarkId: benchmark.id, bound: request.bound,
        citations: [], note: structured.note + (c.clipped ? '; above the physical bound: clipped as timing noise' : ''),
      };
    }
  }
  const sparsity = request.pattern === '2:4' ? 0.5 : request.sparsity;
  const points = measuredPoints(rows, request.useUpperBound);
  if (points.length === 0) {
    return none(request.bound, `the hardware check has no ${request.useUpperBound ? 'upper-bound' : 'measured'} sparse rows for ${request.provider}`);
  }
  const { point, from, interpolated, beyond } = interpolate(points, sparsity);
  const c = clip(point.value, point.low, point.high, request.bound);
  const notes = [
    request.useUpperBound ? 'upper bound — ideal sparse kernel; not a sparse measurement' : `measured (${point.variant})`,
    ...(request.pattern === '2:4' ? ['2:4 has no accelerated path on this provider: runs like 50 % unstructured'] : []),
    ...(interpolated ? [`interpolated between S = ${from.join(' and ')}`] : []),
    ...(beyond ? [`S beyond the measured ${from[0]}: carried over`] : []),
    ...(point.reliable ? [] : ['unreliable timing']),
    ...(c.clipped ? ['above the physical bound: clipped as timing noise'] : []),
  ];
  return {
    ...c, kind: request.useUpperBound ? 'upper-bound' : 'measured', evidence, variant: point.variant, provider: request.provider,
    tokens, fromSparsities: from, interpolated, beyondRange: beyond, reliable: point.reliable, benchmarkId: benchmark.id,
    bound: request.bound, citations: [], note: notes.join('; '),
  };
}

/** The published end-to-end range for a deployment target; `none` when no figure matches. */
export function publishedSpeedup(request: SpeedupRequest, target: string, lookup: PublishedLookup | null): ResolvedSpeedup {
  if (!lookup) return none(request.bound, 'published figures are not available in this build');
  const answer = lookup(target, request.sparsity, request.pattern, request.tokens);
  if (!answer.range) return none(request.bound, answer.note);
  const c = clip(answer.range.value, answer.range.low, answer.range.high, request.bound);
  return {
    ...c, kind: 'published', evidence: null, variant: null, provider: null, tokens: null, fromSparsities: [request.sparsity],
    interpolated: false, beyondRange: false, reliable: true, benchmarkId: null, bound: request.bound, citations: answer.citations,
    note: `published, not measured on your hardware: ${answer.note}`,
  };
}
