/**
 * Reading the user's ONNX file and its external data for the own-model benchmark: only regular
 * files, within the size limit, hashed, external data resolved inside the model's folder and
 * checked to exist and be long enough. Files are opened for reading only; nothing here writes.
 * Used by the parent (to plan) and by the benchmark children (to build the variants they time).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../core/input.js';
import type { OnnxModel } from '../../core/own-model/onnx-graph.js';

export interface ModelFile {
  /** Absolute path as given (resolved). */
  path: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
}

export function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 1)} GiB`;
}

function regularFileSize(file: string, what: string): number {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new InputError(what, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!stats.isFile()) throw new InputError(what, `${file} is not a regular file`);
  return stats.size;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads the model file; refuses anything but a regular file within `maxBytes`. `field` names the option. */
export function readModelFile(file: string, maxBytes: number, field: string): ModelFile {
  const resolved = path.resolve(file);
  const size = regularFileSize(resolved, field);
  if (size > maxBytes) {
    throw new InputError(
      path.basename(resolved),
      `the model is ${gib(size)}, over the ${gib(maxBytes)} limit (default 2 GiB: a protobuf file cannot be larger; raise it with --max-size)`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolved);
  } catch (error) {
    throw new InputError(field, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { path: resolved, fileName: path.basename(resolved), bytes, sha256: sha256Of(bytes) };
}

export interface ExternalFile {
  /** As written in the model (relative to the model's folder). */
  location: string;
  path: string;
  bytes: number;
}

/**
 * Resolves every external data file the model names, next to the model. A location that is
 * absolute or leaves the model's folder, a missing file, or one shorter than a tensor needs, is
 * an error naming the model and the tensor.
 */
export function externalFiles(model: OnnxModel, modelPath: string, fileName: string): ExternalFile[] {
  const folder = path.dirname(modelPath);
  const found = new Map<string, ExternalFile>();
  for (const tensor of model.initializers.values()) {
    if (tensor.storage.kind !== 'external') continue;
    const { location, offset, length } = tensor.storage;
    const normalized = path.normalize(location);
    if (!location || path.isAbsolute(location) || normalized.startsWith('..')) {
      throw new InputError(fileName, `tensor ${JSON.stringify(tensor.name)} names external data at ${JSON.stringify(location)}, outside the model's folder; refused`);
    }
    let entry = found.get(normalized);
    if (!entry) {
      const full = path.join(folder, normalized);
      let size: number;
      try {
        size = regularFileSize(full, fileName);
      } catch {
        throw new InputError(fileName, `external data file ${JSON.stringify(location)} for tensor ${JSON.stringify(tensor.name)} is missing (looked for ${full})`);
      }
      entry = { location: normalized, path: full, bytes: size };
      found.set(normalized, entry);
    }
    const end = offset + (length ?? 0);
    if (end > entry.bytes) {
      throw new InputError(fileName, `external data file ${JSON.stringify(location)} is ${entry.bytes} bytes, but tensor ${JSON.stringify(tensor.name)} needs bytes up to ${end}: truncated`);
    }
  }
  return [...found.values()];
}
