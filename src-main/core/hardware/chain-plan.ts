/**
 * The models a hardware check times. Each is a chain of MatMul layers shaped like the
 * feed-forward half of Transformer blocks — up-projection [d_model → FFN width], then
 * down-projection [FFN width → d_model], repeated — long enough that its weights exceed the
 * last-level cache, as in a real multi-layer model. A single repeated layer whose weights stay
 * in cache would flatter every smaller variant (the upper bound by up to 4× in our measurements).
 */
import type { BenchmarkSettings, Variant } from './benchmark-result.js';
import type { ResolvedSuite } from './suite-settings.js';
import { twoFourNonzeros, type LayerShape } from './weights.js';

const FLOAT32_BYTES = 4;
/** CSR stores a float32 value and an int64 column index per non-zero. */
const CSR_BYTES_PER_NONZERO = 4 + 8;
/** Weights count as cache-cold once they exceed the last-level cache this many times over. */
export const CACHE_COLD_FACTOR = 2;

/** Layer i of a chain: even layers project d_model → FFN width, odd ones back. */
export function layerShape(layer: number, dModel: number, ffnWidth: number): LayerShape {
  return layer % 2 === 0 ? { inner: dModel, outer: ffnWidth } : { inner: ffnWidth, outer: dModel };
}

/** K' = (1−S)·K, at least 1: the inner dimension an ideal sparse kernel would effectively see. */
export function keptInner(inner: number, sparsity: number): number {
  return Math.max(1, Math.round((1 - sparsity) * inner));
}

/** structured: the dense chain pruned 2:4 along K, for TensorRT's sparse tactics and the GPU output check. */
export type ModelKind = 'dense' | 'zeroed' | 'upper-bound' | 'sparse-csr' | 'structured';

export interface ChainModel {
  kind: ModelKind;
  variant: Variant;
  /** 0 for dense. */
  sparsity: number;
  layers: number;
  /** Weights doing useful work in the whole chain: all of them for dense, the non-zeros otherwise. */
  nonzeros: number;
  /** Bytes of weight data one request streams through: float32 per weight, or CSR values plus indices. */
  weightBytes: number;
  /** Whether weightBytes exceed the last-level cache CACHE_COLD_FACTOR times; null when the cache size is unknown. */
  cacheCold: boolean | null;
}

export interface SuitePlan {
  suite: ResolvedSuite;
  lastLevelCacheBytes: number | null;
  /** Layers of the dense, zeroed and sparse chains (settings.chainLayers). */
  chainLayers: number;
  /** Timed through onnxruntime-node on every provider. */
  jsModels: ChainModel[];
  /** Timed through ORT's C API on the CPU: a dense reference and the sparse kernel. */
  capiModels: ChainModel[];
  /**
   * The dense chain pruned 2:4. Run once, untimed, on every provider so a GPU's output can be
   * checked against the CPU's for every variant; timed only by TensorRT, the one provider with
   * a 2:4 path.
   */
  structuredModel: ChainModel;
  /** Timed through ORT's C API on TensorRT (FP16, sparsity on): dense and 2:4. */
  tensorrtModels: ChainModel[];
  settings: BenchmarkSettings;
}

function even(n: number): number {
  return 2 * Math.ceil(n / 2);
}

function coldness(weightBytes: number, llc: number | null): boolean | null {
  return llc === null ? null : weightBytes >= CACHE_COLD_FACTOR * llc;
}

/**
 * Layers of the dense chain: an even number (whole blocks), at least 2, enough to exceed the
 * cache CACHE_COLD_FACTOR times where the cache size is known, within maxChainBytes and maxChainLayers.
 */
export function denseChainLayers(
  dModel: number,
  ffnWidth: number,
  llc: number | null,
  limits: { maxChainBytes: number; maxChainLayers: number },
): number {
  const layerBytes = dModel * ffnWidth * FLOAT32_BYTES;
  const cap = Math.max(2, 2 * Math.floor(Math.min(limits.maxChainBytes / layerBytes, limits.maxChainLayers) / 2));
  if (llc === null) return cap;
  return Math.max(2, Math.min(cap, even(Math.ceil((CACHE_COLD_FACTOR * llc) / layerBytes))));
}

/** Weight count of the chain's layers 0..layers−1, with K replaced by K' when sparsity > 0. */
function upperBoundWeights(suite: ResolvedSuite, sparsity: number, layers: number): number {
  let total = 0;
  for (let i = 0; i < layers; i++) {
    const shape = layerShape(i, suite.dModel, suite.ffnWidth);
    total += keptInner(shape.inner, sparsity) * shape.outer;
  }
  return total;
}

/**
 * Upper-bound chains keep the shrunken weights cache-cold by running more blocks than the dense
 * chain: the same bytes from memory per request, at least as many layers as dense. Timings are
 * scaled back to chainLayers layers, so rows compare per request of the same depth.
 */
function upperBoundLayers(suite: ResolvedSuite, sparsity: number, chainLayers: number, llc: number | null): number {
  const blockBytes = upperBoundWeights(suite, sparsity, 2) * FLOAT32_BYTES;
  const capBlocks = Math.floor(Math.min(suite.tuning.maxChainBytes / blockBytes, suite.tuning.maxUpperBoundLayers / 2));
  const wantBlocks = llc === null ? capBlocks : Math.ceil((CACHE_COLD_FACTOR * llc) / blockBytes);
  return 2 * Math.max(chainLayers / 2, Math.min(wantBlocks, capBlocks));
}

export function planSuite(suite: ResolvedSuite, lastLevelCacheBytes: number | null): SuitePlan {
  const { dModel, ffnWidth } = suite;
  const llc = lastLevelCacheBytes;
  const chainLayers = denseChainLayers(dModel, ffnWidth, llc, suite.tuning);
  const weightsPerChain = dModel * ffnWidth * chainLayers;
  const denseBytes = weightsPerChain * FLOAT32_BYTES;
  const dense = (variant: 'dense' | 'zeroed-dense'): ChainModel => ({
    kind: 'dense',
    variant,
    sparsity: 0,
    layers: chainLayers,
    nonzeros: weightsPerChain,
    weightBytes: denseBytes,
    cacheCold: coldness(denseBytes, llc),
  });
  // Zeroing is per layer, exactly round(S·K·N) in each, so the chain's count is the sum.
  const nonzerosAt = (s: number) => chainLayers * (dModel * ffnWidth - Math.round(s * dModel * ffnWidth));

  const jsModels: ChainModel[] = [dense('dense')];
  for (const s of suite.sparsities) {
    jsModels.push({ ...dense('zeroed-dense'), kind: 'zeroed', sparsity: s, nonzeros: nonzerosAt(s) });
  }
  for (const s of suite.sparsities) {
    const layers = upperBoundLayers(suite, s, chainLayers, llc);
    const weights = upperBoundWeights(suite, s, layers);
    jsModels.push({
      kind: 'upper-bound',
      variant: 'upper-bound',
      sparsity: s,
      layers,
      nonzeros: weights,
      weightBytes: weights * FLOAT32_BYTES,
      cacheCold: coldness(weights * FLOAT32_BYTES, llc),
    });
  }
  const capiModels: ChainModel[] = [dense('dense')];
  for (const s of suite.sparsities) {
    const nonzeros = nonzerosAt(s);
    const csrBytes = nonzeros * CSR_BYTES_PER_NONZERO + chainLayers * (Math.max(dModel, ffnWidth) + 1) * 8;
    capiModels.push({
      kind: 'sparse-csr',
      variant: 'sparse-kernel',
      sparsity: s,
      layers: chainLayers,
      nonzeros,
      weightBytes: csrBytes,
      cacheCold: coldness(csrBytes, llc),
    });
  }

  const structuredNonzeros = Array.from({ length: chainLayers }, (_, i) => twoFourNonzeros(layerShape(i, dModel, ffnWidth))).reduce((a, b) => a + b, 0);
  const structuredModel: ChainModel = { ...dense('dense'), kind: 'structured', variant: 'structured-2:4', sparsity: 0.5, nonzeros: structuredNonzeros };

  const settings: BenchmarkSettings = {
    quick: suite.quick,
    threads: suite.threads,
    dModel,
    ffnWidth,
    chainLayers,
    tokens: suite.tokens,
    sparsities: suite.sparsities,
    providers: suite.providers,
    timeBudgetMsPerCase: suite.timeBudgetMsPerCase,
    minIterations: suite.minIterations,
    seed: suite.seed,
  };
  return { suite, lastLevelCacheBytes: llc, chainLayers, jsModels, capiModels, structuredModel, tensorrtModels: [dense('dense'), structuredModel], settings };
}

/** Timing units of one provider through onnxruntime-node, and of the C-API sparse suite: for progress. */
export function unitsPerProvider(plan: SuitePlan): number {
  return plan.suite.tuning.rounds * plan.jsModels.length * plan.suite.tokens.length;
}

export function unitsOfSparseSuite(plan: SuitePlan): number {
  return plan.suite.tuning.rounds * plan.capiModels.length * plan.suite.tokens.length;
}

export function unitsOfTensorRtSuite(plan: SuitePlan): number {
  return plan.suite.tuning.rounds * plan.tensorrtModels.length * plan.suite.tokens.length;
}
