/**
 * The paper's published training runs, read from ../shared/data (never copied into the repo).
 * N = PARAM_COUNT · scale · (1 − S); T5 data converted from steps to tokens.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Papa from 'papaparse';
import type { Run } from '../../src-main/core/law/fit.js';
import { PRESETS, T5_TOKENS_PER_STEP } from '../../src-main/core/law/presets.js';

export const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

export function vitRuns(): Run[] {
  const raw = JSON.parse(readFileSync(path.join(SHARED_DATA, 'vit-data.json'), 'utf8')) as Record<
    'scale' | 'sparsity' | 'total_examples' | 'val-loss',
    Record<string, number>
  >;
  return Object.keys(raw.scale).map((id) => {
    const sparsity = raw.sparsity[id]!;
    return {
      label: `vit#${id}`,
      sparsity,
      nonzero: PRESETS.vit.paramCountAtScale1 * raw.scale[id]! * (1 - sparsity),
      data: raw.total_examples[id]!,
      loss: raw['val-loss'][id]!,
    };
  });
}

export function t5Runs(): Run[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(SHARED_DATA, 't5-data.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((row) => {
    const sparsity = Number(row.sparsity);
    return {
      label: `t5#${row['']}`,
      sparsity,
      nonzero: PRESETS.t5.paramCountAtScale1 * Number(row.scale) * (1 - sparsity),
      data: Number(row.steps) * T5_TOKENS_PER_STEP,
      loss: Number(row['val-loss']),
    };
  });
}
