/**
 * Benchmark runs: the whole result document, with the machine's hardware fingerprint in its own
 * indexed column so the runs of one machine can be listed together.
 */
import type Database from 'better-sqlite3';
import { InputError } from '../core/input.js';
import { BENCHMARK_VERSION, type BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { parseBenchmarkResult } from '../core/hardware/benchmark-versions.js';
import { parseStored } from './stored-json.js';

export interface BenchmarkRunSummary {
  id: string;
  /** When the run started (the document's createdAt). */
  startedAt: string;
  savedAt: string;
  appVersion: string;
  fingerprint: string;
  cpuModel: string;
  cancelled: boolean;
}

export interface BenchmarkRunRecord extends BenchmarkRunSummary {
  document: BenchmarkResult;
}

export interface MachineSummary {
  fingerprint: string;
  cpuModel: string;
  runs: number;
  latestStartedAt: string;
}

export interface BenchmarkRepository {
  /**
   * Stores a run. Saving the same document twice is harmless (inserted: false); a different
   * document under an id already stored is refused, since ids name one run.
   */
  save(document: unknown): { record: BenchmarkRunRecord; inserted: boolean };
  get(id: string): BenchmarkRunRecord;
  list(options?: { fingerprint?: string }): BenchmarkRunSummary[];
  machines(): MachineSummary[];
}

interface SummaryRow {
  id: string;
  started_at: string;
  saved_at: string;
  app_version: string;
  fingerprint: string;
  cpu_model: string;
  cancelled: number;
}

// A damaged document must not stop the list: json_extract would raise on it (get() then names the run).
const SUMMARY_COLUMNS = `id, started_at, saved_at, app_version, fingerprint,
  CASE WHEN json_valid(document) THEN json_extract(document, '$.inventory.cpu.model') ELSE '(damaged record)' END AS cpu_model,
  CASE WHEN json_valid(document) THEN json_extract(document, '$.cancelled') ELSE 0 END AS cancelled`;

function summaryFrom(row: SummaryRow): BenchmarkRunSummary {
  return {
    id: row.id,
    startedAt: row.started_at,
    savedAt: row.saved_at,
    appVersion: row.app_version,
    fingerprint: row.fingerprint,
    cpuModel: row.cpu_model,
    cancelled: row.cancelled === 1,
  };
}

export function createBenchmarkRepository(db: Database.Database, now: () => Date): BenchmarkRepository {
  const insert = db.prepare<[string, string, string, number, string, string, string]>(
    `INSERT INTO benchmark_runs (id, started_at, app_version, format_version, document, fingerprint, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const documentOf = db.prepare<[string], { document: string }>('SELECT document FROM benchmark_runs WHERE id = ?');
  const record = db.prepare<[string], SummaryRow & { document: string }>(
    `SELECT ${SUMMARY_COLUMNS}, document FROM benchmark_runs WHERE id = ?`,
  );
  const all = db.prepare<[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM benchmark_runs ORDER BY started_at DESC, id`);
  const byFingerprint = db.prepare<[string], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM benchmark_runs WHERE fingerprint = ? ORDER BY started_at DESC, id`,
  );
  const machines = db.prepare<[], MachineSummary>(
    `SELECT fingerprint, count(*) AS runs, max(started_at) AS latestStartedAt,
            (SELECT json_extract(b.document, '$.inventory.cpu.model') FROM benchmark_runs b
              WHERE b.fingerprint = r.fingerprint ORDER BY b.started_at DESC LIMIT 1) AS cpuModel
     FROM benchmark_runs r GROUP BY fingerprint ORDER BY latestStartedAt DESC`,
  );

  const write = db.transaction((document: BenchmarkResult) => {
    const text = JSON.stringify(document);
    const existing = documentOf.get(document.id);
    if (existing) {
      // A run stored as format v1 is the same run once migrated: saving it again is harmless too.
      if (existing.document === text || JSON.stringify(parseBenchmarkResult(parseStored(existing.document, `benchmark run ${document.id}`), `benchmark ${document.id}`)) === text) return false;
      throw new InputError('benchmark.id', `a different benchmark run with id ${JSON.stringify(document.id)} is already stored`);
    }
    insert.run(
      document.id,
      document.createdAt,
      document.appVersion,
      BENCHMARK_VERSION,
      text,
      document.inventory.fingerprint,
      now().toISOString(),
    );
    return true;
  });

  function get(id: string): BenchmarkRunRecord {
    const row = record.get(id);
    if (!row) throw new InputError('benchmarkId', `no benchmark run with id ${JSON.stringify(id)}`);
    return { ...summaryFrom(row), document: parseBenchmarkResult(parseStored(row.document, `benchmark run ${id}`), `benchmark ${id}`) };
  }

  return {
    save(value) {
      const document = parseBenchmarkResult(value, 'benchmark');
      const inserted = write.immediate(document);
      return { record: get(document.id), inserted };
    },
    get,
    list(options = {}) {
      const rows = options.fingerprint === undefined ? all.all() : byFingerprint.all(options.fingerprint);
      return rows.map(summaryFrom);
    },
    machines: () => machines.all(),
  };
}
