/**
 * The physical ceiling on a sparse model's inference speed-up (Amdahl's law). Only the block weights
 * are pruned; attention over the sequence is not. With f the share of inference FLOPs in prunable
 * weights, the whole model can at best run 1 / ((1 − f) + f·(1 − S)) times faster, and 2:4 at best
 * as 50 % unstructured. No measurement or assumption above this bound is believed.
 *
 * f is estimated from the model's size and the tokens each one attends over (docs/method.md §
 * "Physical bound"): width d from N = 12·d²·L with the common aspect d = 64·L, so d = (64·N/12)^(1/3);
 * per token and layer the linear layers cost 24·d² FLOPs and attention 4·T·d, so f = 6d / (6d + T).
 * Embeddings, heads and norms are ignored, which makes the bound generous, never strict.
 */
export interface IdealSpeedupInput {
  /** Non-zero block parameters of the dense baseline. */
  params: number;
  /** Tokens a token attends over: tokens per image for vision, tokens per request for language. */
  contextTokens: number;
}

/** Width d of a Transformer with N block parameters at the common aspect d = 64·L. */
export function modelWidth(params: number): number {
  return Math.cbrt((64 * params) / 12);
}

/** Share of inference FLOPs in the prunable block weights. */
export function prunableShare({ params, contextTokens }: IdealSpeedupInput): number {
  const d = modelWidth(params);
  return (6 * d) / (6 * d + Math.max(0, contextTokens));
}

/** Remaining density the kernel can exploit: (1 − S) unstructured, ½ for 2:4 whatever S is. */
export function exploitableDensity(sparsity: number, pattern: 'unstructured' | '2:4'): number {
  return pattern === '2:4' ? 0.5 : 1 - sparsity;
}

/** 1 / ((1 − f) + f·density): the most a perfect sparse kernel can give for the whole model. */
export function idealSpeedup(share: number, sparsity: number, pattern: 'unstructured' | '2:4'): number {
  return 1 / (1 - share + share * exploitableDensity(sparsity, pattern));
}
