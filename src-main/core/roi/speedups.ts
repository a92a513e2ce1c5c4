/**
 * Which inference speed-up applies to a sparse model at sparsity S on the deployment provider:
 * a measured row of a hardware check, an upper-bound row when the user picks it, or the user's
 * assumption. The answer always says which it is. Rows from a software GPU (one emulated on the
 * CPU) are never used: they check the GPU path, not its speed.
 */
import { ADAPTER_LABELS } from '../hardware/adapters.js';
import type { BenchmarkResult, Provider, SpeedupRow } from '../hardware/benchmark-result.js';
import { adapterOf, isSoftwareAdapter } from '../hardware/deployment-evidence.js';

export type SpeedupKind = 'measured' | 'upper-bound' | 'assumed';

export interface ResolvedSpeedup {
  value: number;
  low: number;
  high: number;
  kind: SpeedupKind;
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
  note: string;
}

export interface AssumedSpeedup {
  sparsity: number;
  value: number;
}

export interface SpeedupRequest {
  sparsity: number;
  pattern: 'unstructured' | '2:4';
  provider: Provider;
  /** Tokens or images per request: picks the benchmark rows whose M is closest. */
  tokens: number;
  useUpperBound: boolean;
}

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

export function assumedSpeedup(assumed: readonly AssumedSpeedup[], sparsity: number): ResolvedSpeedup {
  const points = assumed.map((a) => ({ ...a, low: a.value, high: a.value, reliable: true, variant: null }));
  const { point, from, interpolated, beyond } = interpolate(points, sparsity);
  return {
    value: point.value,
    low: point.low,
    high: point.high,
    kind: 'assumed',
    variant: null,
    provider: null,
    tokens: null,
    fromSparsities: from,
    interpolated,
    beyondRange: beyond,
    reliable: true,
    benchmarkId: null,
    note: 'assumed by the user; not measured',
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

/**
 * The speed-up for a request, from a benchmark when it has usable rows for the provider, else
 * from the assumptions. 2:4 counts as measured 2:4 only where a provider accelerates it;
 * elsewhere it runs like 50 % unstructured.
 */
export function resolveSpeedup(
  request: SpeedupRequest,
  benchmark: BenchmarkResult | null,
  assumed: readonly AssumedSpeedup[],
): ResolvedSpeedup {
  const fallback = (why: string): ResolvedSpeedup => {
    if (assumed.length > 0) {
      const a = assumedSpeedup(assumed, request.sparsity);
      return { ...a, note: `${a.note}; ${why}` };
    }
    return {
      value: 1, low: 1, high: 1, kind: 'assumed', variant: null, provider: null, tokens: null,
      fromSparsities: [], interpolated: false, beyondRange: false, reliable: true, benchmarkId: null,
      note: `${why}; no speed-up assumed`,
    };
  };
  if (!benchmark) return fallback('no hardware check');
  // A GPU emulated on the CPU proves the GPU path runs; its timings are never offered as a speed-up.
  if (isSoftwareAdapter(benchmark, request.provider)) {
    const name = adapterOf(benchmark, request.provider)?.name ?? 'unnamed';
    return fallback(`the hardware check's ${request.provider} rows ran on ${name}, a ${ADAPTER_LABELS.software}`);
  }
  const providerRows = benchmark.table.filter((r) => r.provider === request.provider);
  const tokens = closestTokens(providerRows, request.tokens);
  if (tokens === null) return fallback(`the hardware check has no rows for ${request.provider}`);
  const rows = providerRows.filter((r) => r.tokens === tokens);

  if (request.pattern === '2:4') {
    const structured = rows.find((r) => r.variant === 'structured-2:4' && r.kind === 'measured' && r.speedup);
    if (structured) {
      return {
        ...structured.speedup!, kind: 'measured', variant: 'structured-2:4', provider: request.provider, tokens,
        fromSparsities: [0.5], interpolated: false, beyondRange: false, reliable: structured.reliable,
        benchmarkId: benchmark.id, note: structured.note,
      };
    }
  }
  const sparsity = request.pattern === '2:4' ? 0.5 : request.sparsity;
  const points = measuredPoints(rows, request.useUpperBound);
  if (points.length === 0) {
    return fallback(`the hardware check has no ${request.useUpperBound ? 'upper-bound' : 'measured'} sparse rows for ${request.provider}`);
  }
  const { point, from, interpolated, beyond } = interpolate(points, sparsity);
  const kind: SpeedupKind = request.useUpperBound ? 'upper-bound' : 'measured';
  const notes = [
    request.useUpperBound ? 'upper bound — ideal sparse kernel; not a sparse measurement' : `measured (${point.variant})`,
    ...(request.pattern === '2:4' ? ['2:4 has no accelerated path on this provider: runs like 50 % unstructured'] : []),
    ...(interpolated ? [`interpolated between S = ${from.join(' and ')}`] : []),
    ...(beyond ? [`S beyond the measured ${from[0]}: carried over`] : []),
    ...(point.reliable ? [] : ['unreliable timing']),
  ];
  return {
    value: point.value, low: point.low, high: point.high, kind, variant: point.variant, provider: request.provider, tokens,
    fromSparsities: from, interpolated, beyondRange: beyond, reliable: point.reliable, benchmarkId: benchmark.id,
    note: notes.join('; '),
  };
}
