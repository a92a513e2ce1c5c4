/**
 * Whether TensorRT actually used its sparse tactics. With trt_sparsity_enable it times sparse
 * and dense kernels per layer and keeps the faster, so "sparsity on" alone proves nothing; its
 * build log says which layers were eligible and which got a sparse implementation. The TensorRT
 * child captures that log; this reads it and words the result for the 2:4 row.
 */

export interface TensorRtEvidence {
  /** Layers TensorRT found eligible for sparse math; null when the log did not say. */
  eligible: string[] | null;
  /** Layers whose chosen implementation is sparse; null when the log did not say. */
  picked: string[] | null;
  /** build-log: read now; engine-cache: the engine came from the cache, with the evidence recorded when it was built. */
  source: 'build-log' | 'engine-cache';
}

function layerList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * TensorRT 8–10 write, at info level: "(Sparsity) Layers eligible for sparse math: a, b" and
 * "(Sparsity) TRT inference plan picked sparse implementation for layers: b", or "(Sparsity) No
 * eligible layers found for sparse math". Returns null when the log has none of them.
 */
export function parseSparsityLog(log: string): TensorRtEvidence | null {
  const eligible = /\(Sparsity\) Layers eligible for sparse math:\s*([^\n\r]*)/.exec(log);
  const picked = /\(Sparsity\) TRT inference plan picked sparse implementation for layers:\s*([^\n\r]*)/.exec(log);
  const none = /\(Sparsity\) No eligible layers? found for sparse math/i.test(log);
  if (!eligible && !picked && !none) return null;
  return {
    eligible: eligible ? layerList(eligible[1]!) : none ? [] : null,
    // Eligible layers were listed but no "picked" line followed: TensorRT chose dense tactics for all of them.
    picked: picked ? layerList(picked[1]!) : eligible || none ? [] : null,
    source: 'build-log',
  };
}

/** The words on the TensorRT 2:4 row. */
export function evidenceText(evidence: TensorRtEvidence | null): string {
  if (evidence === null) return 'the build log did not say whether TensorRT picked sparse tactics, so this may be dense kernels on 2:4 weights';
  const from = evidence.source === 'engine-cache' ? ' (engine from the cache; evidence recorded when it was built)' : ' (build log)';
  const picked = evidence.picked ?? [];
  const eligible = evidence.eligible;
  if (picked.length > 0) {
    return `TensorRT picked a sparse implementation for ${picked.length}${eligible ? ` of ${eligible.length} eligible` : ''} layer(s)${from}`;
  }
  if (eligible && eligible.length > 0) {
    return `TRT chose dense: ${eligible.length} layer(s) eligible for sparse math, none picked${from}; this measures 2:4 weights on dense kernels`;
  }
  return `TRT chose dense: no layer eligible for sparse math${from}; this measures 2:4 weights on dense kernels`;
}
