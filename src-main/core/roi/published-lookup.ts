/**
 * The decision engine's view of the published speed-ups (resources/published-speedups.json through
 * core/hardware/published.ts): the end-to-end range for a deployment target, its citations, and a note
 * that says it is published, not measured. With fewer than three figures the range is widened to at
 * least 0.8–1.2 × the median, because one or two figures say little about another machine's spread.
 */
import { citation, publishedSpeedup as queryPublished } from '../hardware/published.js';
import type { PublishedAnswer } from './speedups.js';

export function publishedLookup(target: string, sparsity: number, pattern: 'unstructured' | '2:4', tokensPerRequest: number): PublishedAnswer {
  const outcome = queryPublished(target, { sparsity, pattern, tokensPerRequest });
  if (outcome.kind === 'no-match') return { range: null, citations: [], note: `no published figure matches (${outcome.message})` };
  const { low, value, high } = outcome.range;
  const few = outcome.used.length < 3;
  const range = few ? { low: Math.min(low, 0.8 * value), value, high: Math.max(high, 1.2 * value) } : outcome.range;
  const eol = outcome.endOfLife.length > 0 ? '; the runtime is no longer maintained' : '';
  return {
    range,
    citations: outcome.used.map((u) => ({ id: u.row.id, label: citation(u.row.source), speedup: u.row.speedup })),
    note: `${target}: ${outcome.used.length} end-to-end figure${outcome.used.length === 1 ? '' : 's'}${few ? ', range widened to ±20 %' : ''}${eol}`,
  };
}
