/**
 * The fleet editor's actions on the scenario being edited: lines and planned changes added and
 * removed, cells typed as people type them (counts take digits only), and the throughput of one
 * device taken from where the user chooses: typed in, the own-model measurement (measured), or the
 * hardware check's useful GFLOP/s (an estimate — MatMuls only, synthetic shapes). Used by
 * FleetEditor.svelte, which only renders; no IPC.
 */
import type { BenchmarkResult, SpeedupRow } from '../../src-main/core/hardware/benchmark-result.js';
import { throughputPerSecond } from '../../src-main/core/own-model/model-table.js';
import { costInputsFrom } from '../../src-main/core/roi/costs.js';
import { throughputFromGflops } from '../../src-main/core/roi/fleet.js';
import type { FleetDeployment, Scenario } from '../../src-main/core/roi/scenario.js';
import { parseInput, today, type FieldKind } from './fields.js';
import { advisor } from './state.svelte.js';

export type LineKey = 'name' | 'devices' | 'deviceAgeMonths' | 'peakRequestsPerSecond';
export type StepKey = 'month' | 'name' | 'addLines' | 'peakRequestsPerSecondPerLine';

export const LINE_KINDS: Record<Exclude<LineKey, 'name'>, FieldKind> = { devices: 'integer', deviceAgeMonths: 'number', peakRequestsPerSecond: 'number' };
export const STEP_KINDS: Record<Exclude<StepKey, 'name'>, FieldKind> = { month: 'integer', addLines: 'integer', peakRequestsPerSecondPerLine: 'number' };

function fleet(): FleetDeployment | null {
  const d = advisor.scenario.deployment;
  return d.kind === 'fleet' ? d : null;
}

/** A number typed into a cell at `path` (dot-joined): set when it reads, kept as a draft when refused. */
export function setNumber(path: string, kind: FieldKind, text: string, apply: (value: number) => void): void {
  let value: number;
  try {
    value = parseInput(kind, path, text);
  } catch {
    advisor.refuse(path, text, kind === 'integer' ? 'not_multiple_of' : 'not_a_number');
    return;
  }
  advisor.accept(path);
  apply(value);
}

export function addLine(name: string): void {
  const d = fleet();
  if (!d) return;
  const last = d.lines.at(-1);
  d.lines.push({ name, devices: 1, deviceAgeMonths: 0, peakRequestsPerSecond: last?.peakRequestsPerSecond ?? 1 });
}

export function removeLine(index: number): void {
  const d = fleet();
  if (!d || d.lines.length <= 1) return;
  // Drafts are keyed by row number: the rows after this one move up, so their drafts go too.
  for (let i = index; i < d.lines.length; i++) advisor.acceptUnder(`deployment.lines.${i}`);
  d.lines.splice(index, 1);
}

export function addStep(name: string): void {
  const d = fleet();
  if (!d) return;
  const month = Math.min(d.horizonMonths.value - 1, 12);
  d.steps.push({ month, name, addLines: 1, peakRequestsPerSecondPerLine: d.lines[0]?.peakRequestsPerSecond ?? 1 });
}

export function removeStep(index: number): void {
  const d = fleet();
  if (!d) return;
  for (let i = index; i < d.steps.length; i++) advisor.acceptUnder(`deployment.steps.${i}`);
  d.steps.splice(index, 1);
}

/** Rows of a measurement that time today's dense model, for the provider the speed-ups use (else any). */
function denseRows(benchmark: BenchmarkResult, provider: string): SpeedupRow[] {
  const dense = benchmark.table.filter((r) => r.variant === 'dense' && r.kind === 'measured');
  const own = dense.filter((r) => r.provider === provider);
  return own.length > 0 ? own : dense;
}

/** Requests one device handles per second, measured with the team's own model (batch inputs per run). */
export function measuredThroughput(benchmark: BenchmarkResult | null, s: Scenario): { requestsPerSecond: number; latencyMs: number } | null {
  if (!benchmark?.model) return null;
  const row = denseRows(benchmark, s.deployment.speedup.provider).find((r) => r.medianMs !== null && r.medianMs > 0);
  const perRun = row ? throughputPerSecond(row, benchmark.model.batch) : null;
  if (!row || perRun === null) return null;
  // A vision request holds unitsPerRequest images; a language request is one run of the model's inputs.
  const perRequest = s.baseline.tokensPerUnit.unit === 'tokens/image' ? s.deployment.unitsPerRequest.value : 1;
  return { requestsPerSecond: perRun / perRequest, latencyMs: row.medianMs! };
}

/**
 * Requests one device handles per second, estimated from the hardware check's useful GFLOP/s on the
 * dense chain closest to the request's tokens, over the FLOPs of one request with today's model.
 */
export function estimatedThroughput(benchmark: BenchmarkResult | null, s: Scenario): { requestsPerSecond: number; latencyMs: number } | null {
  if (!benchmark || benchmark.model) return null;
  const x = costInputsFrom(s);
  const rows = denseRows(benchmark, s.deployment.speedup.provider).filter((r) => r.usefulGflops !== null && r.usefulGflops > 0);
  if (rows.length === 0) return null;
  const row = rows.reduce((a, b) => (Math.abs(b.tokens - x.tokensPerRequest) < Math.abs(a.tokens - x.tokensPerRequest) ? b : a));
  const flops = x.inferenceFlopsPerParamToken * s.baseline.params.value * x.tokensPerRequest;
  try {
    const requestsPerSecond = throughputFromGflops(row.usefulGflops!, flops);
    return { requestsPerSecond, latencyMs: 1000 / requestsPerSecond };
  } catch {
    return null;
  }
}

/** Takes the throughput from a measurement, labelled with its kind; false when it has none to give. */
export function useThroughput(kind: 'measured' | 'estimate', note: string): boolean {
  const d = fleet();
  const benchmark = advisor.benchmark;
  if (!d || !benchmark) return false;
  const found = kind === 'measured' ? measuredThroughput(benchmark, advisor.scenario) : estimatedThroughput(benchmark, advisor.scenario);
  if (!found) return false;
  for (const part of ['requestsPerSecond', 'latencyMs']) advisor.accept(`deployment.throughput.${part}`);
  d.throughput = {
    requestsPerSecond: found.requestsPerSecond,
    latencyMs: found.latencyMs,
    kind,
    benchmarkId: benchmark.id,
    source: { kind: kind === 'measured' ? 'benchmark' : 'assumed', note, date: today() },
  };
  return true;
}

/** A throughput typed in: the value becomes the user's own, entered. */
export function enterThroughput(part: 'requestsPerSecond' | 'latencyMs', text: string): void {
  const d = fleet();
  if (!d) return;
  setNumber(`deployment.throughput.${part}`, 'number', text, (value) => {
    d.throughput[part] = value;
    d.throughput.kind = 'entered';
    d.throughput.benchmarkId = null;
    d.throughput.source = { kind: 'user', note: '', date: today() };
  });
}
