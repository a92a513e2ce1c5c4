import { describe, expect, it } from 'vitest';
import type { Adapter, BenchmarkResult } from '../../../../src-main/core/hardware/benchmark-result.js';
import { deploymentEvidence, isSoftwareAdapter } from '../../../../src-main/core/hardware/deployment-evidence.js';
import { syntheticDocument } from './synthetic-run.js';

const llvmpipe: Adapter = {
  provider: 'webgpu', vendor: 'Mesa', name: 'llvmpipe (LLVM 15.0.6, 256 bits)', driver: 'llvmpipe', type: 'software',
  source: 'vulkaninfo', note: 'enumerated by the OS, not reported by ORT; software GPU — checks that the GPU path works, not a performance figure',
};
const a100: Adapter = { ...llvmpipe, provider: 'cuda', vendor: 'NVIDIA', name: 'NVIDIA A100-SXM4-80GB', driver: '550.54', type: 'discrete', source: 'nvidia-smi', note: 'enumerated by the OS, not reported by ORT' };

function on(role: BenchmarkResult['role'], adapters: Adapter[]): BenchmarkResult {
  const doc = syntheticDocument();
  return { ...doc, role, inventory: { ...doc.inventory, adapters } };
}

describe('deploymentEvidence', () => {
  it('counts a measurement on the deployment machine', () => {
    expect(deploymentEvidence(on('deployment', [a100]), 'cuda')).toEqual({ counts: true, reason: null });
    expect(deploymentEvidence(on('deployment', []), 'cpu')).toEqual({ counts: true, reason: null });
  });

  it('does not count a development machine', () => {
    expect(deploymentEvidence(on('development', [a100]), 'cuda')).toEqual({ counts: false, reason: 'development-machine' });
  });

  it('never counts a software adapter, even on the deployment machine, and names that first', () => {
    expect(deploymentEvidence(on('deployment', [llvmpipe]), 'webgpu')).toEqual({ counts: false, reason: 'software-adapter' });
    expect(deploymentEvidence(on('development', [llvmpipe]), 'webgpu')).toEqual({ counts: false, reason: 'software-adapter' });
    expect(isSoftwareAdapter(on('deployment', [llvmpipe, a100]), 'cuda')).toBe(false);
  });

  it('treats an unidentified adapter as a hardware one (the role decides)', () => {
    const unknown: Adapter = { ...a100, vendor: null, name: null, driver: null, type: 'unknown', source: 'none', note: 'not identified' };
    expect(deploymentEvidence(on('deployment', [unknown]), 'cuda').counts).toBe(true);
  });
});
