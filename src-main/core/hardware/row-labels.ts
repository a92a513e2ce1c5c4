/**
 * The words on each speed-up row: what kind of number it is, how it was obtained, and what may
 * inflate it. The table carries them in `note`; the CLI and the app show a short label beside it.
 */
import type { Provider, SpeedupRow } from './benchmark-result.js';
import { CACHE_COLD_FACTOR, type ChainModel } from './chain-plan.js';

export function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${mib >= 10 ? Math.round(mib) : Number(mib.toPrecision(2))} MiB`;
}

/** Where the chain's weights sit relative to the last-level cache, for the row notes. */
export function cacheText(model: ChainModel, llcBytes: number | null): string {
  const size = `${model.layers}-layer chain, ${mebibytes(model.weightBytes)} of weights`;
  if (llcBytes === null || model.cacheCold === null) return `${size}; last-level cache size unknown, may be cache-warm`;
  if (model.cacheCold) return `${size}, cache-cold (over ${CACHE_COLD_FACTOR}× the ${mebibytes(llcBytes)} last-level cache)`;
  return `${size}, not over ${CACHE_COLD_FACTOR}× the ${mebibytes(llcBytes)} last-level cache`;
}

export function threadsText(threads: number): string {
  return `${threads} intra-op thread${threads === 1 ? '' : 's'}`;
}

export const LABELS = {
  dense: (provider: Provider, threads: number) =>
    `dense baseline (measured; onnxruntime-node, ${provider}, ${threadsText(threads)})`,
  zeroed: () => 'dense with zeroed weights (measured; no sparse kernel — zeros alone run as a dense GEMM)',
  sparseKernel: (threads: number) =>
    'measured sparse kernel: com.microsoft::SparseToDenseMatMul CSR, CPU EP, single-threaded, through ORT’s C API (FFI); ' +
    `speed-up against dense MatMul timed through the same C API in the same process at ${threadsText(threads)}`,
  sparseUnreachable: (reason: string) =>
    `no sparse kernel reachable (${reason}); sparse weights run as a dense GEMM, see the zeroed-dense row`,
  noSparseKernelOnProvider: (provider: Provider) =>
    `no sparse kernel: ORT has no sparse MatMul for the ${provider} provider; sparse weights run as a dense GEMM, see the zeroed-dense row`,
  upperBound: (cold: boolean | null) =>
    'upper bound — ideal sparse kernel (dense MatMul with inner dimension K′ = (1−S)·K); not a sparse measurement' +
    (cold === true ? '' : ', cache-warm, inflated'),
  sameAsUnstructured: (provider: Provider, hasUnstructured: boolean) =>
    `2:4 structured: no 2:4 path on ${provider}, so it runs like 50 % unstructured` +
    (hasUnstructured ? ' — figures copied from the zeroed-dense S = 0.5 row' : ' — S = 0.5 was not in this run, so no figures'),
  tensorrtDense: (cacheNote: string) =>
    `dense baseline (measured; TensorRT FP16 through ORT's C API, same engine options as the 2:4 row; the request stays on the GPU ` +
    `and only each token's output sum comes back, so copies do not dilute the comparison${cacheNote})`,
  tensorrt24: (evidence: string) =>
    '2:4 structured: TensorRT sparse tactics (trt_sparsity_enable=true, FP16) through ORT\'s C API, against dense FP16 TensorRT ' +
    `timed in the same process; ${evidence}`,
  tensorrtNotTimed: () =>
    'not timed on TensorRT: the check builds TensorRT engines only for the dense and 2:4 chains (each build takes minutes); ' +
    'unstructured zeros run as a dense GEMM on TensorRT too',
  tensorrtUnavailable: (reason: string) => `2:4 structured on TensorRT (trt_sparsity_enable, FP16): unavailable — ${reason}`,
  outputMatches: (difference: number, tolerance: number) =>
    `output matches the CPU's within ${difference.toExponential(1)} (relative, tolerance ${tolerance})`,
  outputDiffers: (provider: Provider, difference: number, tolerance: number) =>
    `${provider} output differs from the CPU's by ${Number.isFinite(difference) ? difference.toExponential(2) : 'a non-finite amount'} ` +
    `(relative, tolerance ${tolerance}); not reported`,
  outputNotChecked: () => 'output not checked: the CPU was not in this run',
  structuredChecked: (result: string) => `2:4 model run on this provider: ${result}`,
  providerFailedLater: (error: string) => `the provider failed later in this run (${error}); these figures come from before the failure`,
  notRun: (why: string) => `not measured: ${why}`,
} as const;

/** One short word for a table column: measured / sparse kernel / upper bound / same as 50 % / unavailable, and unreliable. */
export function shortLabel(row: Pick<SpeedupRow, 'kind' | 'variant' | 'reliable'>): string {
  if (row.kind === 'unavailable') return 'unavailable';
  if (row.kind === 'estimate') return row.reliable ? 'estimate' : 'estimate, unreliable';
  const base =
    row.kind === 'same-as-unstructured'
      ? 'same as 50 % unstructured'
      : row.variant === 'upper-bound'
        ? 'upper bound'
        : row.variant === 'sparse-kernel'
          ? 'sparse kernel'
          : 'measured';
  return row.reliable ? base : `${base}, unreliable`;
}
