/**
 * Own-model benchmark: the time to analyse and prune a 100 MB model, excluding timing runs
 * (target ≤ 5 s on a 2-core machine). The model is 24 MatMul layers of 1024 × 1024 float32
 * weights (100.7 MB), written to a temporary file first; then, timed: read, hash, parse and plan
 * it (analyseModel), and build the pruned copy at S = 0.5 (ModelVariants: read, hash check, copy,
 * magnitude-prune the 22 inner layers at their byte offsets), unstructured and 2:4.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededUniform } from '../src-main/core/hardware/weights.js';
import { denseChainBytes } from '../src-main/bench/onnx-models.js';
import { ModelVariants } from '../src-main/bench/own-model/model-variants.js';
import { analyseModel } from '../src-main/bench/own-model/run-model-benchmark.js';

const TARGET_S = 5;
const LAYERS = 24;
const WIDTH = 1024;

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

export function benchOwnModel(): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'advisor-bench-model-'));
  try {
    const shape = { inner: WIDTH, outer: WIDTH };
    const bytes = denseChainBytes(Array.from({ length: LAYERS }, (_, i) => ({ shape, values: seededUniform(1, i, WIDTH * WIDTH, 0.05) })));
    const file = path.join(folder, 'chain-100mb.onnx');
    writeFileSync(file, bytes);
    console.log(`Own model: analyse and prune a ${(bytes.length / 1e6).toFixed(1)} MB model (${LAYERS} MatMul layers of ${WIDTH}×${WIDTH}), excluding timing runs (target ≤ ${TARGET_S} s)`);
    console.log('pattern        analyse [s]  prune [s]  total [s]  target');
    for (const pattern of ['unstructured', '2:4'] as const) {
      const start = performance.now();
      const { plan, path: modelPath } = analyseModel(file, { pattern });
      const analyse = seconds(start);
      const pruneStart = performance.now();
      const variants = new ModelVariants({ file: modelPath, sha256: plan.sha256, targets: plan.targets, pattern, externalLocations: [] });
      const { tensors } = variants.pruned(0.5);
      const prune = seconds(pruneStart);
      const total = analyse + prune;
      if (tensors.length !== LAYERS - 2) throw new Error(`expected ${LAYERS - 2} pruned layers, got ${tensors.length}`);
      console.log(
        `${pattern.padEnd(13)}  ${analyse.toFixed(2).padStart(11)}  ${prune.toFixed(2).padStart(9)}  ${total.toFixed(2).padStart(9)}  ≤ ${TARGET_S}${total <= TARGET_S ? '' : '  MISSED'}`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
