/**
 * Opening the database: check the file, recover from damage, upgrade the schema, then hand out
 * the store with a report of everything that was done. The order matters:
 *
 * 1. A file from a newer app is refused before SQLite touches it (it stays byte-identical).
 * 2. A damaged file (not SQLite, truncated, failing PRAGMA integrity_check) is renamed aside
 *    with its journals, and the last good backup is copied into place, or a fresh database is
 *    created when there is none. A missing file with a backup beside it is restored too.
 * 3. Only then is the file opened for writing, switched to WAL and migrated in one transaction.
 *
 * Errors that are not damage (permissions, a lock held too long) leave every file where it is.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, inspectDatabaseFile, moveAside, restoreCopy, SIDE_SUFFIXES } from './database-file.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { backupPathFor } from './paths.js';
import { createSqliteStore } from './sqlite-store.js';
import type { AdvisorStore, OpenReport } from './store.js';
import { FutureSchemaError, StoreOpenError } from './store-errors.js';

export interface OpenOptions {
  /** Where the online backup lives; `<file>.backup` by default. */
  backupPath?: string;
  /** The clock for timestamps; tests pass a fixed one. */
  now?: () => Date;
}

interface Recovery {
  reason: string;
  movedAsideTo: string | null;
  movedAsideFiles: string[];
  restoredFrom: string | null;
  restoredBackupTakenAt: string | null;
  backupProblem: string | null;
}

/** Restores the backup into `file` if it is usable; a bad backup is moved aside, not overwritten later. */
function useBackup(file: string, backupFile: string, date: Date): Omit<Recovery, 'reason' | 'movedAsideTo'> {
  const none = { movedAsideFiles: [], restoredFrom: null, restoredBackupTakenAt: null, backupProblem: null };
  const backup = inspectDatabaseFile(backupFile, SCHEMA_VERSION);
  switch (backup.state) {
    case 'missing':
      return none;
    case 'healthy': {
      const takenAt = statSync(backupFile).mtime.toISOString();
      restoreCopy(backupFile, file);
      return { ...none, restoredFrom: backupFile, restoredBackupTakenAt: takenAt };
    }
    case 'future': {
      const moved = moveAside(backupFile, 'newer-version', date);
      return {
        ...none,
        movedAsideFiles: moved.files,
        backupProblem: `the backup is from a newer version of the app (schema ${backup.userVersion}); it was moved to ${moved.main}`,
      };
    }
    case 'damaged': {
      const moved = moveAside(backupFile, 'damaged', date);
      return { ...none, movedAsideFiles: moved.files, backupProblem: `the backup is damaged too (${backup.reason}); it was moved to ${moved.main}` };
    }
  }
}

function recoverDamaged(file: string, backupFile: string, reason: string, date: Date): Recovery {
  const moved = moveAside(file, 'damaged', date);
  const backup = useBackup(file, backupFile, date);
  return { reason, movedAsideTo: moved.main, ...backup, movedAsideFiles: [...moved.files, ...backup.movedAsideFiles] };
}

/**
 * No database, but maybe its journals or a backup. Journals without their database would be
 * replayed into a new file and corrupt it, so they are moved aside; a backup means the file was
 * lost rather than never made, so it is restored.
 */
function recoverMissing(file: string, backupFile: string, date: Date): Recovery | null {
  const orphans = SIDE_SUFFIXES.some((s) => existsSync(`${file}${s}`)) ? moveAside(file, 'orphaned', date).files : [];
  if (!existsSync(backupFile) && orphans.length === 0) return null;
  const backup = useBackup(file, backupFile, date);
  return {
    reason: 'the database file was missing',
    movedAsideTo: null,
    ...backup,
    movedAsideFiles: [...orphans, ...backup.movedAsideFiles],
  };
}

function openConnection(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new StoreOpenError(file, error);
  }
  try {
    // WAL: readers never wait for the writer, and a killed writer loses only its open transaction.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`the database cannot use write-ahead logging (journal mode ${String(mode)})`);
    // FULL also survives power loss, not just a crashed process; writes here are few and small.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (error) {
    db.close();
    throw new StoreOpenError(file, error);
  }
}

function describe(report: Omit<OpenReport, 'message'>): string {
  const upgraded = report.migratedFrom !== null ? ` Upgraded its schema from version ${report.migratedFrom} to ${report.schemaVersion}.` : '';
  if (!report.recovered) return report.created ? `Created a new database at ${report.path}.` : `Opened ${report.path}.${upgraded}`;
  const what = report.movedAsideTo
    ? `${report.path} was damaged (${report.reason}); it was moved to ${report.movedAsideTo}.`
    : `${report.path}: ${report.reason}.`;
  const orphans = !report.movedAsideTo && report.movedAsideFiles.length > 0 ? ` Leftover journal files were moved aside: ${report.movedAsideFiles.join(', ')}.` : '';
  const backup = report.backupProblem ? ` ${report.backupProblem[0]!.toUpperCase()}${report.backupProblem.slice(1)}.` : '';
  const outcome = report.restoredFrom
    ? ` The backup from ${report.restoredBackupTakenAt} was restored; changes made after that time are not in it.`
    : ' There was no usable backup, so a new empty database was created.';
  return `${what}${orphans}${backup}${outcome}`;
}

export function openStore(file: string, options: OpenOptions = {}): { store: AdvisorStore; report: OpenReport } {
  const now = options.now ?? (() => new Date());
  const backupFile = options.backupPath ?? backupPathFor(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new StoreOpenError(file, error);
  }
  const found = inspectDatabaseFile(file, SCHEMA_VERSION);
  if (found.state === 'future') throw new FutureSchemaError(file, found.userVersion, SCHEMA_VERSION);
  const recovery =
    found.state === 'damaged'
      ? recoverDamaged(file, backupFile, found.reason, now())
      : found.state === 'missing'
        ? recoverMissing(file, backupFile, now())
        : null;
  const existed = found.state === 'healthy' || recovery?.restoredFrom != null;

  const db = openConnection(file);
  let migration: { from: number; to: number };
  try {
    migration = migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  const base: Omit<OpenReport, 'message'> = {
    path: file,
    schemaVersion: SCHEMA_VERSION,
    created: !existed,
    migratedFrom: existed && migration.from !== migration.to ? migration.from : null,
    recovered: recovery !== null,
    reason: recovery?.reason ?? null,
    movedAsideTo: recovery?.movedAsideTo ?? null,
    movedAsideFiles: recovery?.movedAsideFiles ?? [],
    restoredFrom: recovery?.restoredFrom ?? null,
    restoredBackupTakenAt: recovery?.restoredBackupTakenAt ?? null,
    backupProblem: recovery?.backupProblem ?? null,
  };
  return { store: createSqliteStore(db, file, backupFile, now), report: { ...base, message: describe(base) } };
}
