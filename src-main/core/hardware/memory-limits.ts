/**
 * Up-front refusal of shapes the machine cannot hold, before any child process starts: a shape
 * that does not fit would otherwise end minutes later in swapping or an out-of-memory kill.
 */
import { InputError } from '../input.js';
import type { SuitePlan } from './chain-plan.js';
import type { SettingNames } from './suite-settings.js';

const GiB = 1024 ** 3;
/** Protocol buffers cannot encode a message of 2 GiB or more, and the model travels as one. */
export const MAX_MODEL_BYTES = 2 * GiB - 64 * 1024 * 1024;
/** A check may use at most this fraction of the machine's memory, leaving the rest to the OS and the app. */
export const MEMORY_FRACTION = 0.5;
/** Node, the ORT runtime and the app themselves. */
const BASELINE_BYTES = 256 * 1024 * 1024;

export interface MemoryEstimate {
  /** Peak bytes of the busier of the two benchmark processes. */
  peakBytes: number;
  weightBytes: number;
  activationBytes: number;
}

/**
 * Peak memory of a run. The onnxruntime-node process keeps every model's encoded bytes between
 * rounds, the dense layers it prunes from, and one session, which holds about two copies of its
 * weights (the initializers and MLAS's pre-packed copy) plus the encoder's buffer while loading.
 * The C-API process holds a dense session and the CSR arrays of every sparsity.
 */
export function estimateMemory(plan: SuitePlan): MemoryEstimate {
  const { dModel, ffnWidth, tokens } = plan.suite;
  const denseBytes = plan.jsModels[0]!.weightBytes;
  const cached = plan.jsModels.reduce((sum, m) => sum + m.weightBytes, 0);
  const largest = Math.max(...plan.jsModels.map((m) => m.weightBytes));
  const layerBytes = dModel * ffnWidth * 4;
  // One pruned copy in progress plus its Uint32 position array.
  const jsWeights = cached + denseBytes + 3 * largest + 2 * layerBytes;
  const csr = plan.capiModels.filter((m) => m.kind === 'sparse-csr').reduce((sum, m) => sum + m.weightBytes, 0);
  const capiWeights = denseBytes * 3 + csr + 2 * layerBytes;
  const weightBytes = Math.max(jsWeights, capiWeights);
  // Input, output and a few intermediate activations of the widest layer, per token.
  const activationBytes = Math.max(...tokens) * Math.max(dModel, ffnWidth) * 4 * 6;
  return { peakBytes: BASELINE_BYTES + weightBytes + activationBytes, weightBytes, activationBytes };
}

function gib(bytes: number): string {
  return `${(bytes / GiB).toFixed(bytes < 10 * GiB ? 2 : 0)} GiB`;
}

/** Throws an InputError naming the setting to change when the run would not fit `totalMemoryBytes`. */
export function refuseOversizedShape(plan: SuitePlan, totalMemoryBytes: number, names: SettingNames): MemoryEstimate {
  const { dModel, ffnWidth } = plan.suite;
  const shapeField = `${names.dModel}/${names.ffnWidth}`;
  const largestModel = Math.max(...plan.jsModels.map((m) => m.weightBytes));
  if (largestModel > MAX_MODEL_BYTES) {
    throw new InputError(
      shapeField,
      `a ${plan.chainLayers}-layer chain of ${dModel}×${ffnWidth} float32 weights is ${gib(largestModel)}; ` +
        `an ONNX model built in memory must stay under 2 GiB — use a smaller ${names.dModel} or ${names.ffnWidth}`,
    );
  }
  const estimate = estimateMemory(plan);
  const limit = MEMORY_FRACTION * totalMemoryBytes;
  if (estimate.peakBytes > limit) {
    const byTokens = estimate.activationBytes > estimate.weightBytes;
    const field = byTokens ? names.tokens : shapeField;
    const cause = byTokens
      ? `${Math.max(...plan.suite.tokens)} tokens per request need ${gib(estimate.activationBytes)} of activations`
      : `${dModel}×${ffnWidth} layers (${plan.chainLayers} per chain) need ${gib(estimate.weightBytes)} of weights`;
    throw new InputError(
      field,
      `too large for this machine: ${cause}, about ${gib(estimate.peakBytes)} in all, ` +
        `more than half of its ${gib(totalMemoryBytes)} memory — reduce ${field}`,
    );
  }
  return estimate;
}
