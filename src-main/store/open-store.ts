/**
 * Opening the database: check the file, recover from damage, upgrade the schema, then hand out
 * the store with a report of everything that was done. The order matters:
 *
 * 1. A path that does not hold this app's database (a folder, device, fifo, link, an empty or
 *    non-SQLite file, another application's SQLite file) is refused and never touched; so is a
 *    file from a newer app (it stays byte-identical).
 * 2. A damaged database (SQLite header, but truncated or failing PRAGMA integrity_check) is
 *    renamed aside with its journals, and the last good backup is copied into place, or a fresh
 *    database is created when there is none. A missing file with a backup beside it is restored.
 * 3. Only then is the file opened: for writing (WAL, migrated in one transaction), or in read
 *    mode read-only, never creating anything; a database that cannot be opened in place (a
 *    read-only disk: SQLite needs the -shm file beside a WAL database) is read from a copy.
 *
 * A new database is created only in write mode, only in an existing folder (unless the caller
 * asks for its folder to be made: the app's own user-data folder), under a temporary name that
 * is linked into place when complete, so an empty file at the path is never one of ours.
 * Errors that are not damage (permissions, a lock held too long) leave every file where it is.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, BUSY_TIMEOUT_MS, inspectDatabaseFile, moveAside, restoreCopy, SIDE_SUFFIXES, temporaryBeside } from './database-file.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { backupPathFor } from './paths.js';
import { createSqliteStore } from './sqlite-store.js';
import type { AdvisorStore, OpenReport } from './store.js';
import { FutureSchemaError, MissingFolderError, NotOurDatabaseError, storeErrorCode, StoreOpenError } from './store-errors.js';

export interface OpenOptions {
  /** Where the online backup lives; `<file>.backup` by default. */
  backupPath?: string;
  /** The clock for timestamps; tests pass a fixed one. */
  now?: () => Date;
  /**
   * 'write' (default) opens for writing and creates a missing database. 'read' opens an
   * existing database read-only and creates nothing; a missing one reads as empty.
   */
  mode?: 'read' | 'write';
  /** Create the database's folder when it is missing (the app's own user-data folder only). */
  createFolder?: boolean;
  /** Where a database that cannot be read in place is copied; the system's temporary folder by default. */
  scratchFolder?: string;
}

interface Recovery {
  reason: string;
  movedAsideTo: string | null;
  movedAsideFiles: string[];
  restoredFrom: string | null;
  restoredBackupTakenAt: string | null;
  backupProblem: string | null;
}

/** Restores the backup into `file` if it is usable; a bad backup is moved aside, a foreign file at its name is left alone. */
function useBackup(file: string, backupFile: string, date: Date): Omit<Recovery, 'reason' | 'movedAsideTo'> {
  const none = { movedAsideFiles: [], restoredFrom: null, restoredBackupTakenAt: null, backupProblem: null };
  const backup = inspectDatabaseFile(backupFile, SCHEMA_VERSION);
  switch (backup.state) {
    case 'missing':
      return none;
    case 'foreign':
      return { ...none, backupProblem: `${backupFile} is not a backup made by this app (${backup.reason}); it was left untouched` };
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

function markAsOurs(db: Database.Database): void {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
}

/** The folder must exist before a database is made in it, unless the caller owns it (the app's user-data folder). */
function requireFolder(file: string, create: boolean): void {
  const folder = path.dirname(path.resolve(file));
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreOpenError(file, error);
  }
  if (isFolder) return;
  if (!create) throw new MissingFolderError(file, folder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StoreOpenError(file, error);
  }
}

/**
 * A new, migrated database under a temporary name, then linked to `file` (a link fails if
 * someone made the file meanwhile; that database is then used). So a crash while creating
 * never leaves an empty or half-made file under the real name.
 */
function createDatabaseFile(file: string): void {
  const temporary = temporaryBeside(file, 'creating');
  try {
    const db = new Database(temporary, { timeout: BUSY_TIMEOUT_MS });
    try {
      migrate(db, file);
      markAsOurs(db);
    } finally {
      db.close();
    }
    try {
      linkSync(temporary, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // File systems without hard links (FAT, some network shares): a plain rename instead.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
      if (!existsSync(file)) renameSync(temporary, file);
    }
  } catch (error) {
    throw error instanceof StoreOpenError ? error : new StoreOpenError(file, error);
  } finally {
    for (const name of [temporary, ...SIDE_SUFFIXES.map((s) => `${temporary}${s}`)]) rmSync(name, { force: true });
  }
}

function openConnection(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
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

/**
 * Errors that mean "cannot open it here", not "it is damaged": a read-only disk, no room or no
 * permission for the -shm file SQLite needs beside a WAL database.
 */
function readableFromCopy(error: unknown): boolean {
  const code = storeErrorCode(error);
  return (
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR_SHM') ||
    code === 'SQLITE_FULL' ||
    ['EROFS', 'EACCES', 'EPERM', 'ENOSPC'].includes(code)
  );
}

function openReadOnly(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    db.pragma('user_version', { simple: true });
    return db;
  } catch (error) {
    db?.close();
    throw new StoreOpenError(file, error);
  }
}

/** Copies the database and its write-ahead log (the -shm is rebuilt) into a private folder, to be read there. */
function copyForReading(file: string, scratch: string): { folder: string; copy: string } {
  const folder = mkdtempSync(path.join(scratch, 'sparsity-advisor-read-'));
  const copy = path.join(folder, path.basename(file));
  try {
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw new StoreOpenError(file, error);
  }
  return { folder, copy };
}

function describe(report: Omit<OpenReport, 'message'>): string {
  const damagedRows = report.damagedRecords.length > 0 ? ` Damaged records (cannot be read; the others are fine): ${report.damagedRecords.join(', ')}.` : '';
  if (report.readFromCopy) return `${report.path} cannot be opened in place (a read-only or full disk, or no permission); read from a copy at ${report.readFromCopy}.${damagedRows}`;
  const upgraded = report.migratedFrom !== null ? ` Upgraded its schema from version ${report.migratedFrom} to ${report.schemaVersion}.` : '';
  if (!report.recovered) {
    const opened = report.created ? `Created a new database at ${report.path}.` : report.readOnly && !existsSync(report.path) ? `There is no database at ${report.path} yet.` : `Opened ${report.path}.${upgraded}`;
    return `${opened}${damagedRows}`;
  }
  const what = report.movedAsideTo
    ? `${report.path} was damaged (${report.reason}); it was moved to ${report.movedAsideTo}.`
    : `${report.path}: ${report.reason}.`;
  const orphans = !report.movedAsideTo && report.movedAsideFiles.length > 0 ? ` Leftover journal files were moved aside: ${report.movedAsideFiles.join(', ')}.` : '';
  const backup = report.backupProblem ? ` ${report.backupProblem[0]!.toUpperCase()}${report.backupProblem.slice(1)}.` : '';
  const outcome = report.restoredFrom
    ? ` The backup from ${report.restoredBackupTakenAt} was restored; changes made after that time are not in it.`
    : ' There was no usable backup, so a new empty database was created.';
  return `${what}${orphans}${backup}${outcome}${damagedRows}`;
}

function finish(
  db: Database.Database,
  file: string,
  backupFile: string,
  now: () => Date,
  base: Omit<OpenReport, 'message'>,
  cleanup?: () => void,
): { store: AdvisorStore; report: OpenReport } {
  const store = createSqliteStore(db, file, backupFile, now);
  const close = store.close.bind(store);
  const wrapped: AdvisorStore = cleanup ? { ...store, close: () => (close(), cleanup()) } : store;
  return { store: wrapped, report: { ...base, message: describe(base) } };
}

function emptyReport(file: string): Omit<OpenReport, 'message'> {
  return {
    path: file,
    schemaVersion: SCHEMA_VERSION,
    created: false,
    migratedFrom: null,
    recovered: false,
    reason: null,
    movedAsideTo: null,
    movedAsideFiles: [],
    restoredFrom: null,
    restoredBackupTakenAt: null,
    backupProblem: null,
    readOnly: false,
    readFromCopy: null,
    damagedRecords: [],
  };
}

/** Read mode on a database that cannot be opened where it is: inspect and read a private copy. */
function openCopy(file: string, backupFile: string, now: () => Date, scratch: string): { store: AdvisorStore; report: OpenReport } {
  const { folder, copy } = copyForReading(file, scratch);
  const cleanup = () => rmSync(folder, { recursive: true, force: true });
  try {
    const found = inspectDatabaseFile(copy, SCHEMA_VERSION);
    if (found.state === 'future') throw new FutureSchemaError(file, found.userVersion, SCHEMA_VERSION);
    if (found.state === 'foreign') throw new NotOurDatabaseError(file, found.reason);
    if (found.state !== 'healthy') {
      throw new StoreOpenError(file, new Error(`it is damaged (${found.state === 'damaged' ? found.reason : 'missing'}) and cannot be repaired where it is`));
    }
    const db = openReadOnly(copy);
    return finish(db, file, backupFile, now, { ...emptyReport(file), readOnly: true, readFromCopy: copy, damagedRecords: found.damagedRecords }, cleanup);
  } catch (error) {
    cleanup();
    throw error;
  }
}

function openForReading(file: string, backupFile: string, now: () => Date, scratch: string): { store: AdvisorStore; report: OpenReport } {
  let found;
  try {
    found = inspectDatabaseFile(file, SCHEMA_VERSION);
  } catch (error) {
    if (readableFromCopy(error)) return openCopy(file, backupFile, now, scratch);
    throw error;
  }
  switch (found.state) {
    case 'foreign':
      throw new NotOurDatabaseError(file, found.reason);
    case 'future':
      throw new FutureSchemaError(file, found.userVersion, SCHEMA_VERSION);
    case 'missing': {
      // Nothing saved yet: an empty database in memory, and nothing on disk.
      const db = new Database(':memory:');
      migrate(db, file);
      return finish(db, file, backupFile, now, { ...emptyReport(file), readOnly: true });
    }
    case 'damaged': {
      // The app's own damaged file is recovered as the app would; the recovered file is then read.
      const recovered = openForWriting(file, { now, backupPath: backupFile });
      recovered.store.close();
      const reading = openForReading(file, backupFile, now, scratch);
      return { store: reading.store, report: { ...recovered.report, readOnly: true } };
    }
    case 'healthy':
      try {
        return finish(openReadOnly(file), file, backupFile, now, { ...emptyReport(file), readOnly: true, damagedRecords: found.damagedRecords });
      } catch (error) {
        if (readableFromCopy(error)) return openCopy(file, backupFile, now, scratch);
        throw error;
      }
  }
}

function openForWriting(file: string, options: OpenOptions): { store: AdvisorStore; report: OpenReport } {
  const now = options.now ?? (() => new Date());
  const backupFile = options.backupPath ?? backupPathFor(file);
  const found = inspectDatabaseFile(file, SCHEMA_VERSION);
  if (found.state === 'foreign') throw new NotOurDatabaseError(file, found.reason);
  if (found.state === 'future') throw new FutureSchemaError(file, found.userVersion, SCHEMA_VERSION);
  if (found.state === 'missing') requireFolder(file, options.createFolder === true);
  const recovery =
    found.state === 'damaged'
      ? recoverDamaged(file, backupFile, found.reason, now())
      : found.state === 'missing'
        ? recoverMissing(file, backupFile, now())
        : null;
  const existed = found.state === 'healthy' || recovery?.restoredFrom != null;
  if (!existsSync(file)) createDatabaseFile(file);

  const db = openConnection(file);
  let migration: { from: number; to: number };
  try {
    migration = migrate(db, file);
    markAsOurs(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const base: Omit<OpenReport, 'message'> = {
    ...emptyReport(file),
    created: !existed,
    migratedFrom: existed && migration.from !== migration.to ? migration.from : null,
    recovered: recovery !== null,
    reason: recovery?.reason ?? null,
    movedAsideTo: recovery?.movedAsideTo ?? null,
    movedAsideFiles: recovery?.movedAsideFiles ?? [],
    restoredFrom: recovery?.restoredFrom ?? null,
    restoredBackupTakenAt: recovery?.restoredBackupTakenAt ?? null,
    backupProblem: recovery?.backupProblem ?? null,
    damagedRecords: found.state === 'healthy' ? found.damagedRecords : [],
  };
  return finish(db, file, backupFile, now, base);
}

export function openStore(file: string, options: OpenOptions = {}): { store: AdvisorStore; report: OpenReport } {
  if (options.mode === 'read') {
    return openForReading(file, options.backupPath ?? backupPathFor(file), options.now ?? (() => new Date()), options.scratchFolder ?? tmpdir());
  }
  return openForWriting(file, options);
}

