/**
 * The models an own-model benchmark times, made from the user's file without re-encoding it:
 * the dense model is the file as it is; a pruned model is a copy of its bytes with each target
 * weight's values pruned in place at its byte range (pruning keeps every length, so every other
 * byte stays identical). Models with external data get a temporary folder holding the model and
 * copies of its data files, pruned there; the user's files are only ever read.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pruneTensorBytes } from '../../core/own-model/magnitude-prune.js';
import type { PruneTarget } from '../../core/own-model/model-plan.js';
import { sha256Of } from './model-file.js';

/** What a session is created from: the bytes, or a path when external data must be found next to it. */
export type ModelSource = { bytes: Uint8Array } | { path: string };

export interface PrunedTensor {
  weight: string;
  elements: number;
  zeros: number;
}

export interface VariantSpec {
  /** Absolute path of the user's model. */
  file: string;
  sha256: string;
  targets: PruneTarget[];
  pattern: 'unstructured' | '2:4';
  /** External data locations the model names (relative to its folder); empty when it has none. */
  externalLocations: string[];
}

/** Applies pruning to every target whose bytes lie in `bytes` (the model file's own copy). */
export function pruneModelBytes(bytes: Uint8Array, targets: readonly PruneTarget[], pattern: 'unstructured' | '2:4', sparsity: number): PrunedTensor[] {
  const done: PrunedTensor[] = [];
  for (const t of targets) {
    if (t.storage.kind === 'external') continue;
    const region = bytes.subarray(t.storage.start, t.storage.end);
    done.push({ weight: t.weight, elements: t.dims.reduce((a, b) => a * b, 1), zeros: pruneTensorBytes(region, t, pattern, sparsity) });
  }
  return done;
}

/** The dense bytes of one target weight, from the model's bytes or its external data file. */
export function weightBytes(spec: Pick<VariantSpec, 'file'>, modelBytes: Uint8Array, target: PruneTarget): Uint8Array {
  const { storage } = target;
  // Copies (new Uint8Array(view)); Buffer.slice() would only be a view.
  if (storage.kind !== 'external') return new Uint8Array(modelBytes.subarray(storage.start, storage.end));
  const elementsBytes = target.dims.reduce((a, b) => a * b, 1) * (target.dataType === 1 ? 4 : 2);
  const data = readFileSync(path.join(path.dirname(spec.file), storage.location));
  return new Uint8Array(data.subarray(storage.offset, storage.offset + (storage.length ?? elementsBytes)));
}

export class ModelVariants {
  readonly bytes: Uint8Array;
  private readonly folders: string[] = [];

  constructor(readonly spec: VariantSpec) {
    this.bytes = readFileSync(spec.file);
    // The parent planned from the file's bytes at that moment; a file changed since would make every offset wrong.
    if (sha256Of(this.bytes) !== spec.sha256) throw new Error(`${path.basename(spec.file)} changed since it was analysed; start the benchmark again`);
  }

  get external(): boolean {
    return this.spec.externalLocations.length > 0;
  }

  dense(): ModelSource {
    return this.external ? { path: this.spec.file } : { bytes: this.bytes };
  }

  /** The model with every target pruned to `sparsity` (ignored for 2:4), and what was zeroed. */
  pruned(sparsity: number): { source: ModelSource; tensors: PrunedTensor[] } {
    const copy = new Uint8Array(this.bytes);
    const tensors = pruneModelBytes(copy, this.spec.targets, this.spec.pattern, sparsity);
    if (!this.external) return { source: { bytes: copy }, tensors };

    const folder = mkdtempSync(path.join(tmpdir(), 'advisor-model-'));
    this.folders.push(folder);
    const modelPath = path.join(folder, 'model.onnx');
    writeFileSync(modelPath, copy);
    const source = path.dirname(this.spec.file);
    for (const location of this.spec.externalLocations) {
      const target = path.join(folder, location);
      mkdirSync(path.dirname(target), { recursive: true });
      const inFile = this.spec.targets.filter((t) => t.storage.kind === 'external' && path.normalize(t.storage.location) === location);
      if (inFile.length === 0) {
        copyFileSync(path.join(source, location), target);
        continue;
      }
      const data = readFileSync(path.join(source, location));
      for (const t of inFile) {
        if (t.storage.kind !== 'external') continue;
        const length = t.storage.length ?? t.dims.reduce((a, b) => a * b, 1) * (t.dataType === 1 ? 4 : 2);
        const region = data.subarray(t.storage.offset, t.storage.offset + length);
        tensors.push({ weight: t.weight, elements: t.dims.reduce((a, b) => a * b, 1), zeros: pruneTensorBytes(region, t, this.spec.pattern, sparsity) });
      }
      writeFileSync(target, data);
    }
    return { source: { path: modelPath }, tensors };
  }

  /** Removes the temporary folders of pruned external-data models. */
  cleanup(): void {
    for (const folder of this.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  }
}
