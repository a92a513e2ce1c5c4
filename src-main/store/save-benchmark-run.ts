/**
 * The hook for `bench --save`: the benchmark command hands over its result document and the
 * store validates it with benchmarkResultSchema and files it under its machine's fingerprint.
 */
import { openStore, type OpenOptions } from './open-store.js';
import type { AdvisorStore, OpenReport } from './store.js';

export interface SavedBenchmarkRun {
  id: string;
  fingerprint: string;
  /** False when this very run was already stored (saving twice is harmless). */
  inserted: boolean;
}

/** Stores one benchmark result in an open store (the app's case). */
export function saveBenchmarkRun(store: AdvisorStore, document: unknown): SavedBenchmarkRun {
  const { record, inserted } = store.benchmarks.save(document);
  return { id: record.id, fingerprint: record.fingerprint, inserted };
}

/**
 * Opens the database at `file`, stores the run, refreshes the backup and closes it again (the
 * CLI's case). The open report is returned so the caller can tell the user about a recovery.
 */
export async function saveBenchmarkRunToDatabase(
  file: string,
  document: unknown,
  options: OpenOptions = {},
): Promise<SavedBenchmarkRun & { report: OpenReport }> {
  const { store, report } = openStore(file, options);
  try {
    const saved = saveBenchmarkRun(store, document);
    await store.backupNow();
    return { ...saved, report };
  } finally {
    store.close();
  }
}
