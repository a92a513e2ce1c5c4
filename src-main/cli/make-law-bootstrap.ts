/**
 * Writes resources/law-bootstrap/{vit,t5}.json: coefficient vectors from a seeded bootstrap of
 * the paper's runs (../shared/data) with the app's own fitter, for the presets' law uncertainty
 * (read by core/law/preset-bootstrap.ts). Only derived vectors are shipped, never the runs.
 * Run with `npm run make:law-bootstrap [-- --data DIR --out DIR --successes K --seed S --date YYYY-MM-DD]`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { drawBootstrapVectors, EXTRA_STARTS, percentileInterval } from '../core/law/bootstrap.js';
import { defaultHuberDelta, type Run } from '../core/law/fit.js';
import { multiplierUnchecked } from '../core/law/law.js';
import {
  LAW_BOOTSTRAP_FORMAT,
  LAW_BOOTSTRAP_VERSION,
  type LawBootstrapDocument,
} from '../core/law/law-bootstrap-file.js';
import { PRESETS, T5_TOKENS_PER_STEP, type PresetId } from '../core/law/presets.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { integer, optionalString, parseOptions } from './options.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA_FILES: Record<PresetId, string> = { vit: 'vit-data.json', t5: 't5-data.csv' };

/** N = PARAM_COUNT·scale·(1 − S); ViT data in images, T5 steps converted to tokens (65,536 per step). */
export function paperRuns(family: PresetId, text: string): Run[] {
  const count = PRESETS[family].paramCountAtScale1;
  if (family === 'vit') {
    const raw = JSON.parse(text) as Record<'scale' | 'sparsity' | 'total_examples' | 'val-loss', Record<string, number>>;
    return Object.keys(raw.scale).map((id) => {
      const sparsity = raw.sparsity[id]!;
      return { label: `vit#${id}`, sparsity, nonzero: count * raw.scale[id]! * (1 - sparsity), data: raw.total_examples[id]!, loss: raw['val-loss'][id]! };
    });
  }
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return rows.map((row) => {
    const sparsity = Number(row.sparsity);
    return {
      label: `t5#${row['']}`,
      sparsity,
      nonzero: count * Number(row.scale) * (1 - sparsity),
      data: Number(row.steps) * T5_TOKENS_PER_STEP,
      loss: Number(row['val-loss']),
    };
  });
}

export interface MakeSettings {
  dataDir: string;
  successes: number;
  seed: number;
  date: string;
  appVersion: string;
}

/** One family's document: the bootstrap from the published coefficients, with its provenance. */
export function lawBootstrapDocument(family: PresetId, settings: MakeSettings): LawBootstrapDocument {
  const file = DATA_FILES[family];
  const bytes = readFileSync(path.join(settings.dataDir, file));
  const runs = paperRuns(family, bytes.toString('utf8'));
  const preset = PRESETS[family];
  const logResiduals = family === 't5';
  const residuals = { huberDelta: defaultHuberDelta(logResiduals), logResiduals };
  const drawn = drawBootstrapVectors(
    runs,
    { normalized: preset.notebook.coefficients, normalization: preset.notebook.normalization, settings: residuals },
    { seed: settings.seed, successes: settings.successes, maxDraws: settings.successes * 5, extraStarts: EXTRA_STARTS },
  );
  return {
    format: LAW_BOOTSTRAP_FORMAT,
    version: LAW_BOOTSTRAP_VERSION,
    family,
    units: `paper units: L = (aS·(1−S)^bS + cS)·N^−bN + (aD/D)^bD + c, N in non-zero block parameters, D in ${preset.dataUnit}`,
    provenance: {
      data: [{ file, sha256: createHash('sha256').update(bytes).digest('hex'), runs: runs.length }],
      method:
        'resample the runs with replacement (same count); refit each from the published coefficients plus random starts ' +
        'x0 ~ U(0,1)^7 in the notebook’s normalized units; keep the lowest objective among usable refits; draw until the ' +
        'wanted number of resamples succeeded',
      seed: settings.seed,
      successes: drawn.samples.length,
      drawn: drawn.drawn,
      failed: drawn.failed,
      fitter: {
        objective: 'mean Huber loss',
        huberDelta: residuals.huberDelta,
        logResiduals,
        normalization: preset.notebook.normalization,
        warmStart: 'published (notebook) coefficients',
        extraStarts: EXTRA_STARTS,
        optimizer: 'BFGS, strong-Wolfe line search, gradient tolerance 1e-13, at most 3000 iterations (core/law/fit.ts)',
      },
      date: settings.date,
      appVersion: settings.appVersion,
      generator: 'src-main/cli/make-law-bootstrap.ts',
    },
    // Where the vectors sit against the preset: for T5 the refits leave the published basin (docs/method.md §4.4).
    summary: [0.5, 0.75, 0.875].map((sparsity) => {
      const interval = percentileInterval(drawn.samples.map((k) => multiplierUnchecked(k, sparsity)), 0.9);
      return { quantity: `m(${sparsity})`, preset: multiplierUnchecked(preset.coefficients, sparsity), median: interval.median, p05: interval.low, p95: interval.high };
    }),
    vectors: drawn.samples,
  };
}

/** Pretty JSON with one vector per line, so a diff of a regenerated file stays readable. */
export function serialise(doc: LawBootstrapDocument): string {
  const head = JSON.stringify({ ...doc, vectors: [] }, null, 1);
  const vectors = doc.vectors.map((k) => `  ${JSON.stringify(k)}`).join(',\n');
  return `${head.replace(/"vectors": \[\]\n\}$/, `"vectors": [\n${vectors}\n ]\n}`)}\n`;
}

function main(argv: string[]): void {
  const values = parseOptions(argv, {
    data: { type: 'string' },
    out: { type: 'string' },
    successes: { type: 'string' },
    seed: { type: 'string' },
    date: { type: 'string' },
  });
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const settings: MakeSettings = {
    dataDir: path.resolve(optionalString(values, 'data') ?? path.join(REPO_ROOT, '../shared/data')),
    successes: integer(values, 'successes', 200, 2),
    seed: integer(values, 'seed', 2024, 0),
    date: optionalString(values, 'date') ?? new Date().toISOString().slice(0, 10),
    appVersion: version,
  };
  const out = path.resolve(optionalString(values, 'out') ?? path.join(REPO_ROOT, 'resources/law-bootstrap'));
  mkdirSync(out, { recursive: true });
  for (const family of ['vit', 't5'] as const) {
    const start = performance.now();
    const doc = lawBootstrapDocument(family, settings);
    writeFileAtomic(path.join(out, `${family}.json`), serialise(doc));
    const m75 = doc.summary.find((s) => s.quantity === 'm(0.75)')!;
    console.log(
      `${family}: ${doc.provenance.successes} vectors from ${doc.provenance.drawn} resamples (${doc.provenance.failed} failed), ` +
        `m(0.75) median ${m75.median.toFixed(4)} [${m75.p05.toFixed(4)}, ${m75.p95.toFixed(4)}] against the preset's ${m75.preset.toFixed(4)}; ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s → ${path.join(out, `${family}.json`)}`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`make-law-bootstrap: ${(error as Error).message}`);
    process.exitCode = (error as { field?: string }).field === undefined ? 1 : 2;
  }
}
