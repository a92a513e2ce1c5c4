/**
 * The storage interface the rest of the app talks to. Callers see repositories of validated
 * documents and never SQLite, so the shell can run this in the main process (or a utility
 * process) and tests run it under plain Node. Every write method is one transaction.
 */
import type { BackupResult } from './backup.js';
import type { BenchmarkRepository } from './benchmark-repository.js';
import type { FitRepository } from './fit-repository.js';
import type { MemoRepository } from './memo-repository.js';
import type { ScenarioRepository } from './scenario-repository.js';

export interface AdvisorStore {
  readonly path: string;
  readonly backupPath: string;
  readonly schemaVersion: number;
  readonly scenarios: ScenarioRepository;
  readonly fits: FitRepository;
  readonly benchmarks: BenchmarkRepository;
  readonly memos: MemoRepository;
  /** Copies the database to backupPath now (SQLite online backup); the old backup stays until the new one is verified. */
  backupNow(): Promise<BackupResult>;
  /**
   * Backs up every intervalMs when something changed since the last backup. The timer is
   * unref'd, so it never keeps the process alive; call the returned function to stop it.
   * Failures go to onResult (the app shows them); they never throw into the event loop.
   */
  startBackupTimer(intervalMs: number, onResult?: (result: BackupResult | Error) => void): () => void;
  /** Stops timers and closes the connection. Await a running backupNow() first to keep it. */
  close(): void;
}

/** What opening found and did, for the app and the CLI to tell the user. */
export interface OpenReport {
  path: string;
  schemaVersion: number;
  /** A new, empty database was created (no file, or a damaged one and no usable backup). */
  created: boolean;
  /** Schema version the file had before this open upgraded it; null when no upgrade ran. */
  migratedFrom: number | null;
  /** The file was damaged or missing and something was done about it. */
  recovered: boolean;
  reason: string | null;
  /** Where the damaged database now lives (renamed, never deleted). */
  movedAsideTo: string | null;
  /** Every file renamed aside: the database and its -wal/-shm journals, and a bad backup. */
  movedAsideFiles: string[];
  restoredFrom: string | null;
  /** When the restored backup was written: changes made after it are not in the database. */
  restoredBackupTakenAt: string | null;
  /** Why the backup could not be used, when there was one. */
  backupProblem: string | null;
  /** Opened read-only (read commands): nothing was created or changed, a missing database reads as empty. */
  readOnly: boolean;
  /** Where the database was copied to be read, when it could not be opened in place (a read-only disk). */
  readFromCopy: string | null;
  /** Records whose stored JSON cannot be read back, e.g. "scenario <id> revision 2"; the others are fine. */
  damagedRecords: string[];
  /** One English sentence for a person; the app builds its own localised text from the fields. */
  message: string;
}

export type { BackupResult } from './backup.js';
export type { BenchmarkRepository, BenchmarkRunRecord, BenchmarkRunSummary, MachineSummary } from './benchmark-repository.js';
export type { FitInput, FitRecord, FitRepository, FitSummary } from './fit-repository.js';
export type { MemoRecord, MemoRepository } from './memo-repository.js';
export type { RevisionSummary, ScenarioRepository, ScenarioRevision, ScenarioSummary } from './scenario-repository.js';
