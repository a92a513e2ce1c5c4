/**
 * Whether a benchmark's figures for one provider count as "measured on the deployment machine".
 * The decision engine and the speed-up resolver ask this; it reads only the document. A software
 * adapter never counts (it emulates a GPU on the CPU), and a development machine's figures
 * describe that machine, not the one the model will serve on.
 */
import type { Adapter, BenchmarkResult, Provider } from './benchmark-result.js';

export type EvidenceReason = 'development-machine' | 'software-adapter';

export interface DeploymentEvidence {
  counts: boolean;
  /** Why it does not count; null when it does. A software adapter is named before the machine's role. */
  reason: EvidenceReason | null;
}

export function adapterOf(result: Pick<BenchmarkResult, 'inventory'>, provider: Provider): Adapter | null {
  return result.inventory.adapters.find((a) => a.provider === provider) ?? null;
}

/** True when the provider ran on a GPU emulated on the CPU: its rows check the GPU path and are no performance figure. */
export function isSoftwareAdapter(result: Pick<BenchmarkResult, 'inventory'>, provider: Provider): boolean {
  return adapterOf(result, provider)?.type === 'software';
}

export function deploymentEvidence(result: Pick<BenchmarkResult, 'role' | 'inventory'>, provider: Provider): DeploymentEvidence {
  if (isSoftwareAdapter(result, provider)) return { counts: false, reason: 'software-adapter' };
  if (result.role !== 'deployment') return { counts: false, reason: 'development-machine' };
  return { counts: true, reason: null };
}
