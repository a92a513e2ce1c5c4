/**
 * Import and export: a scenario, a fit or a benchmark run as one JSON document, checked by the
 * same schemas as every write. A document is validated completely before the single
 * transaction that stores it, so a bad file changes nothing.
 *
 * A fit is exported as its coefficients document with two extra fields, `runs` and
 * `diagnostics`. The coefficients schema ignores fields it does not know, so the exported file
 * also works as `law --coefficients FILE`, and a plain `fit --save` file imports as a fit
 * without runs.
 */
import { InputError } from '../core/input.js';
import { BENCHMARK_FORMAT, type BenchmarkResult, type MachineRole } from '../core/hardware/benchmark-result.js';
import { parseBenchmarkResult } from '../core/hardware/benchmark-versions.js';
import { COEFFICIENTS_FORMAT, type CoefficientsDocument } from '../core/law/coefficients-file.js';
import type { FitDiagnostics, Run } from '../core/law/fit.js';
import { SCENARIO_FORMAT, type Scenario } from '../core/roi/scenario.js';
import type { AdvisorStore } from './store.js';

export type FitExport = CoefficientsDocument & { runs: Run[]; diagnostics: FitDiagnostics | null };

export type RecordKind = 'scenario' | 'fit' | 'benchmark';

export const FORMATS: Record<string, RecordKind> = {
  [SCENARIO_FORMAT]: 'scenario',
  [COEFFICIENTS_FORMAT]: 'fit',
  [BENCHMARK_FORMAT]: 'benchmark',
};

export interface ImportResult {
  kind: RecordKind;
  id: string;
  /** The scenario revision the import became; null for fits and benchmark runs. */
  revision: number | null;
  name: string;
  /** False when the same benchmark run was already stored. */
  inserted: boolean;
}

export function exportScenario(store: AdvisorStore, id: string, revision?: number): Scenario {
  return store.scenarios.get(id, revision).document;
}

export function exportFit(store: AdvisorStore, id: string): FitExport {
  const fit = store.fits.get(id);
  return { ...fit.document, runs: fit.runs, diagnostics: fit.diagnostics };
}

export function exportBenchmark(store: AdvisorStore, id: string): BenchmarkResult {
  return store.benchmarks.get(id).document;
}

/** The kind of document, from its `format` field; anything else is refused naming that field. */
export function kindOf(value: unknown, root = 'document'): RecordKind {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(root, 'must be a JSON object (a scenario, fit or benchmark document)');
  }
  const format = (value as { format?: unknown }).format;
  const kind = typeof format === 'string' ? FORMATS[format] : undefined;
  if (!kind) {
    throw new InputError(
      `${root}.format`,
      `must be one of ${Object.keys(FORMATS).map((f) => JSON.stringify(f)).join(', ')} (got ${JSON.stringify(format) ?? 'nothing'})`,
    );
  }
  return kind;
}

/**
 * Stores a document of any kind. A scenario becomes a new scenario, or with `into` the next
 * revision of an existing one; a fit is added; a benchmark run is added unless already stored
 * (any format version; `role` restates the machine's role).
 */
export function importDocument(
  store: AdvisorStore,
  value: unknown,
  options: { into?: string; source?: string; role?: MachineRole } = {},
): ImportResult {
  const kind = kindOf(value);
  if (options.into !== undefined && kind !== 'scenario') {
    throw new InputError('into', `only a scenario can be imported into an existing scenario (this is a ${kind})`);
  }
  switch (kind) {
    case 'scenario': {
      const saved =
        options.into === undefined
          ? store.scenarios.create(value, { note: 'imported' })
          : store.scenarios.saveRevision(options.into, value, { note: 'imported' });
      return { kind, id: saved.id, revision: saved.revision, name: saved.name, inserted: true };
    }
    case 'fit': {
      const { runs, diagnostics, ...document } = value as Record<string, unknown>;
      const fit = store.fits.save({ document, runs, diagnostics, source: options.source ?? null });
      return { kind, id: fit.id, revision: null, name: fit.name, inserted: true };
    }
    case 'benchmark': {
      // The importer may state the machine's role (a v1 file, or one run without --role, says development).
      const document = options.role === undefined ? value : { ...parseBenchmarkResult(value, 'benchmark'), role: options.role };
      const { record, inserted } = store.benchmarks.save(document);
      return { kind, id: record.id, revision: null, name: `${record.cpuModel} ${record.startedAt}`, inserted };
    }
  }
}

/** Parses the text of an import file; text that is not JSON is refused naming the file. */
export function parseImportText(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(name, `is not valid JSON: ${(error as Error).message}`);
  }
}
