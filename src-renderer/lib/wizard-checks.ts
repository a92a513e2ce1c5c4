/**
 * The wizard's own checks beyond the scenario schema, so that no silent default decides: the
 * speed-up must be answered (unanswered is refused), "measured" needs something measured on the
 * chosen execution provider, and an
 * assumed speed-up may not exceed the physical bound at its sparsity. state.svelte.ts adds these to
 * the schema's problems; they block Continue on the hardware page like any other problem.
 */
import type { BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import type { SchemaIssue } from '../../src-main/core/i18n/issues.js';
import { contextTokens } from '../../src-main/core/roi/evaluate.js';
import { idealSpeedup, prunableShare } from '../../src-main/core/roi/ideal-speedup.js';
import type { Scenario } from '../../src-main/core/roi/scenario.js';

/** The most the whole model can speed up at this sparsity (Amdahl), or null while the inputs cannot say. */
export function speedupBound(s: Scenario, sparsity: number): number | null {
  const params = s.baseline.params.value;
  const tokens = contextTokens(s);
  if (!(params > 0) || !Number.isFinite(params) || !Number.isFinite(tokens) || !(sparsity > 0 && sparsity < 1)) return null;
  const bound = idealSpeedup(prunableShare({ params, contextTokens: tokens }), sparsity, s.sparsity.pattern);
  return Number.isFinite(bound) ? bound : null;
}

/** Whether a measurement timed sparse models on this execution provider (else the engine would fall back to ×1). */
export function measuresProvider(benchmark: BenchmarkResult, provider: string, useUpperBound: boolean): boolean {
  return benchmark.table.some(
    (r) => r.provider === provider && r.variant !== 'dense' && r.speedup !== null && (r.kind === 'measured' || r.kind === 'estimate' || (useUpperBound && r.kind === 'upper-bound')),
  );
}

const issue = (path: (string | number)[], key: string, message: string, limit?: number): SchemaIssue => ({
  path,
  code: 'custom',
  message,
  params: { key, ...(limit !== undefined ? { limit } : {}) },
});

export function wizardIssues(s: Scenario, benchmark: BenchmarkResult | null): SchemaIssue[] {
  const speed = s.deployment.speedup;
  const found: SchemaIssue[] = [];
  if (speed.source === 'unanswered') {
    found.push(issue(['deployment', 'speedup', 'source'], 'speedupUnanswered', 'choose how the speed-up is known'));
  }
  if (speed.source === 'measured' && benchmark === null) {
    found.push(issue(['deployment', 'speedup', 'benchmarkId'], 'measureFirst', 'nothing is measured yet'));
  }
  if (speed.source === 'measured' && benchmark !== null && !measuresProvider(benchmark, speed.provider, speed.useUpperBound)) {
    found.push(issue(['deployment', 'speedup', 'provider'], 'noRowsForProvider', 'no sparse timings for this execution provider'));
  }
  speed.assumed.forEach((a, i) => {
    const bound = speedupBound(s, a.sparsity);
    if (bound === null) return;
    // The engine refuses the same values (a relative margin of 1e-9 for rounding).
    for (const key of ['value', 'high'] as const) {
      if (a[key] > bound * (1 + 1e-9)) found.push(issue(['deployment', 'speedup', 'assumed', i, key], 'aboveBound', 'above the physical bound', bound));
    }
  });
  return found;
}
