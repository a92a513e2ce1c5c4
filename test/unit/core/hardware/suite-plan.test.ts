import { describe, expect, it } from 'vitest';
import { denseChainLayers, keptInner, layerShape, planSuite } from '../../../../src-main/core/hardware/chain-plan.js';
import { machineFingerprint } from '../../../../src-main/core/hardware/fingerprint.js';
import { InputError } from '../../../../src-main/core/input.js';
import { estimateMemory, refuseOversizedShape } from '../../../../src-main/core/hardware/memory-limits.js';
import { API_SETTING_NAMES, DEFAULT_SPARSITIES, resolveSuite, type SettingNames } from '../../../../src-main/core/hardware/suite-settings.js';
import { MiB, syntheticPlan } from './synthetic-run.js';

const GiB = 1024 * MiB;

describe('suite settings', () => {
  it('fills the default suite: a Transformer-large block, 1 and 16 tokens, the five sparsities, every provider', () => {
    const s = resolveSuite({}, 8);
    expect(s).toMatchObject({ quick: false, dModel: 1024, ffnWidth: 4096, tokens: [1, 16], threads: 7, seed: 1 });
    expect(s.sparsities).toEqual([...DEFAULT_SPARSITIES]);
    expect(s.providers).toEqual(['cpu', 'webgpu', 'dml', 'coreml', 'cuda', 'tensorrt']);
    expect(s.tuning.rounds).toBe(3);
    expect(resolveSuite({}, 1).threads).toBe(1);
  });

  it('makes the quick suite smaller in every direction but the variants', () => {
    const q = resolveSuite({ quick: true }, 2);
    const d = resolveSuite({}, 2);
    expect(q.dModel * q.ffnWidth).toBeLessThan(d.dModel * d.ffnWidth);
    expect(q.tokens.length).toBeLessThan(d.tokens.length);
    expect(q.timeBudgetMsPerCase).toBeLessThan(d.timeBudgetMsPerCase);
    expect(q.sparsities).toEqual(d.sparsities);
  });

  it('sorts and de-duplicates lists, and keeps providers in their canonical order', () => {
    const s = resolveSuite({ tokens: [16, 1, 16], sparsities: [0.9, 0.5, 0.9], providers: ['webgpu', 'cpu'] }, 2);
    expect(s.tokens).toEqual([1, 16]);
    expect(s.sparsities).toEqual([0.5, 0.9]);
    expect(s.providers).toEqual(['cpu', 'webgpu']);
  });

  const cli: SettingNames = { ...API_SETTING_NAMES, threads: '--threads', tokens: '--tokens', providers: '--providers', dModel: '--d-model' };
  it.each([
    [{ threads: 0 }, '--threads'],
    [{ threads: 1.5 }, '--threads'],
    [{ tokens: [] }, '--tokens'],
    [{ tokens: [0] }, '--tokens'],
    [{ dModel: -4 }, '--d-model'],
    [{ sparsities: [1] }, 'sparsities'],
    [{ sparsities: [0] }, 'sparsities'],
    [{ providers: ['tpu' as never] }, '--providers'],
    [{ timeBudgetMsPerCase: 0 }, 'timeBudgetMsPerCase'],
    [{ seed: -1 }, 'seed'],
  ])('refuses %j naming %s', (options, field) => {
    let error: unknown;
    try {
      resolveSuite(options, 2, cli);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
  });
});

describe('chain plan', () => {
  it('alternates up- and down-projections', () => {
    expect(layerShape(0, 1024, 4096)).toEqual({ inner: 1024, outer: 4096 });
    expect(layerShape(1, 1024, 4096)).toEqual({ inner: 4096, outer: 1024 });
    expect(keptInner(4096, 0.9)).toBe(410);
    expect(keptInner(3, 0.95)).toBe(1);
  });

  it('chains whole blocks until the weights exceed twice the cache, within the limits', () => {
    const limits = { maxChainBytes: 256 * MiB, maxChainLayers: 24 };
    // 16 MiB per 1024×4096 layer: 32 MiB cache → 64 MiB → 4 layers.
    expect(denseChainLayers(1024, 4096, 32 * MiB, limits)).toBe(4);
    expect(denseChainLayers(1024, 4096, 40 * MiB, limits)).toBe(6);
    expect(denseChainLayers(1024, 4096, 1 * MiB, limits)).toBe(2);
    // Unknown cache: as long as the limits allow. Cache too large: the limit wins.
    expect(denseChainLayers(1024, 4096, null, limits)).toBe(16);
    expect(denseChainLayers(1024, 4096, 512 * MiB, limits)).toBe(16);
    expect(denseChainLayers(64, 64, 512 * MiB, limits)).toBe(24);
  });

  it('counts exactly the non-zeros of every variant', () => {
    const plan = syntheticPlan({ sparsities: [0.5, 0.9] });
    const [dense, z5, z9] = plan.jsModels;
    const perLayer = 64 * 256;
    expect(dense!.nonzeros).toBe(plan.chainLayers * perLayer);
    expect(z5!.nonzeros).toBe(plan.chainLayers * (perLayer - Math.round(0.5 * perLayer)));
    expect(z9!.nonzeros).toBe(plan.chainLayers * (perLayer - Math.round(0.9 * perLayer)));
    const sparse = plan.capiModels.filter((m) => m.kind === 'sparse-csr');
    expect(sparse.map((m) => m.nonzeros)).toEqual([z5!.nonzeros, z9!.nonzeros]);
  });

  it('lengthens upper-bound chains so the shrunken weights still exceed the cache', () => {
    const plan = syntheticPlan({ dModel: 256, ffnWidth: 1024 }, 1 * MiB);
    for (const m of plan.jsModels.filter((x) => x.kind === 'upper-bound')) {
      expect(m.layers % 2).toBe(0);
      expect(m.layers).toBeGreaterThan(plan.chainLayers);
      expect(m.cacheCold).toBe(true);
      expect(m.weightBytes).toBeGreaterThanOrEqual(2 * MiB);
    }
  });

  it('stops at the layer limit and then says the chain is not cache-cold', () => {
    const plan = syntheticPlan({ dModel: 64, ffnWidth: 256 }, 1 * MiB);
    const ub = plan.jsModels.find((m) => m.kind === 'upper-bound' && m.sparsity === 0.95)!;
    expect(ub.layers).toBe(plan.suite.tuning.maxUpperBoundLayers);
    expect(ub.cacheCold).toBe(false);
    const unknown = syntheticPlan({}, null);
    expect(unknown.jsModels.every((m) => m.cacheCold === null)).toBe(true);
  });

  it('writes the settings the document records', () => {
    const plan = syntheticPlan({ threads: 3, seed: 9 });
    expect(plan.settings).toMatchObject({ threads: 3, seed: 9, dModel: 64, ffnWidth: 256, chainLayers: plan.chainLayers, tokens: [1, 8] });
  });
});

describe('refusing shapes the machine cannot hold', () => {
  const names: SettingNames = { ...API_SETTING_NAMES, dModel: '--d-model', ffnWidth: '--ffn-width', tokens: '--tokens' };

  it('lets a normal shape through and estimates its memory', () => {
    const plan = planSuite(resolveSuite({}, 2), 32 * MiB);
    const estimate = refuseOversizedShape(plan, 16 * GiB, names);
    expect(estimate.peakBytes).toBeGreaterThan(plan.jsModels[0]!.weightBytes);
    expect(estimate.peakBytes).toBeLessThan(8 * GiB);
  });

  it('names the shape settings when the weights are too large for the memory', () => {
    const plan = planSuite(resolveSuite({ dModel: 8192, ffnWidth: 32768 }, 2), 32 * MiB);
    expect(() => refuseOversizedShape(plan, 8 * GiB, names)).toThrow(InputError);
    expect(() => refuseOversizedShape(plan, 8 * GiB, names)).toThrow(/^--d-model\/--ffn-width: .*(2 GiB|too large)/);
  });

  it('names the shape settings when one model would pass the 2 GiB protobuf limit, whatever the memory', () => {
    const plan = planSuite(resolveSuite({ dModel: 16384, ffnWidth: 65536 }, 2), 32 * MiB);
    expect(() => refuseOversizedShape(plan, 4096 * GiB, names)).toThrow(/--d-model\/--ffn-width: .*under 2 GiB/);
  });

  it('names --tokens when activations are what does not fit', () => {
    const plan = planSuite(resolveSuite({ dModel: 64, ffnWidth: 256, tokens: [50_000_000 / 4] }, 2), 32 * MiB);
    expect(estimateMemory(plan).activationBytes).toBeGreaterThan(estimateMemory(plan).weightBytes);
    expect(() => refuseOversizedShape(plan, 2 * GiB, names)).toThrow(/^--tokens: too large for this machine/);
  });
});

describe('machine fingerprint', () => {
  const machine = {
    cpu: { model: 'AMD EPYC', cores: 2 },
    memoryBytes: 24 * GiB + 3 * MiB,
    gpus: [{ name: 'NVIDIA A100', driver: '550.1' }],
    os: { platform: 'linux', arch: 'x64' },
  };

  it('ignores drivers and small changes of reported memory, but not the hardware', () => {
    const same = machineFingerprint({ ...machine, memoryBytes: 24 * GiB - 5 * MiB, gpus: [{ name: 'NVIDIA A100', driver: '560.0' }] });
    expect(same).toBe(machineFingerprint(machine));
    expect(machineFingerprint({ ...machine, cpu: { model: 'AMD EPYC', cores: 4 } })).not.toBe(machineFingerprint(machine));
    expect(machineFingerprint({ ...machine, gpus: [] })).not.toBe(machineFingerprint(machine));
  });
});
