import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AdapterList from '../../src-renderer/components/AdapterList.svelte';
import type { BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { benchmarkDocument } from '../support/scenarios.js';

function run(role: BenchmarkResult['role']): BenchmarkResult {
  const doc = benchmarkDocument([]);
  return {
    ...doc,
    role,
    inventory: {
      ...doc.inventory,
      adapters: [
        { provider: 'webgpu', vendor: 'Mesa', name: 'llvmpipe (LLVM 15.0.6, 256 bits)', driver: 'Mesa 25.0.7', type: 'software', source: 'vulkaninfo', note: 'enumerated by the OS, not reported by ORT' },
        { provider: 'cuda', vendor: null, name: null, driver: null, type: 'unknown', source: 'none', note: 'not identified: nvidia-smi is not installed' },
      ],
    },
  };
}

describe('AdapterList', () => {
  afterEach(cleanup);

  it('shows each adapter as the OS enumerated it, a software GPU as no performance figure, and the machine role', () => {
    i18n.set('en');
    render(AdapterList, { benchmark: run('development') });
    expect(screen.getByText(/llvmpipe \(LLVM 15\.0\.6, 256 bits\), Mesa, driver Mesa 25\.0\.7, software GPU/)).toBeTruthy();
    expect(screen.getByText('software GPU — checks that the GPU path works, not a performance figure')).toBeTruthy();
    expect(screen.getByText('not identified').getAttribute('title')).toContain('nvidia-smi');
    expect(screen.getByText(/Run on a development machine/)).toBeTruthy();
  });

  it('speaks Japanese', () => {
    i18n.set('ja');
    render(AdapterList, { benchmark: run('deployment') });
    expect(screen.getByText('ソフトウェアGPU：GPUでの処理が動くことの確認であり、性能値ではありません')).toBeTruthy();
    expect(screen.getByText('本番機での診断です。')).toBeTruthy();
    i18n.set('en');
  });
});
