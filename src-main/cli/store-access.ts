/**
 * The CLI's way into the database: --db PATH or the app's own database. Read commands open it
 * read-only and create nothing; write commands create a missing database only in an existing
 * folder (the app's own folder is made if needed). Every store error becomes one line naming
 * the option: exit 2 for a path that cannot be used, exit 3 for the environment (locked by
 * another writer, a read-only or full disk). After a write the backup is refreshed and runCli
 * reports how it went.
 */
import { accessSync, constants, existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../core/errors.js';
import { InputError } from '../core/input.js';
import { backupWithStatus } from '../store/backup-status.js';
import { inspectDatabaseFile } from '../store/database-file.js';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { openStore } from '../store/open-store.js';
import { defaultDatabasePath } from '../store/paths.js';
import type { AdvisorStore, OpenReport } from '../store/store.js';
import {
  DamagedRecordError,
  FutureSchemaError,
  MigrationError,
  MissingFolderError,
  NotOurDatabaseError,
  storeErrorCode,
  StoreOpenError,
} from '../store/store-errors.js';
import { cliContext, warn } from './cli-context.js';
import { optionalString, type Values } from './options.js';

export const DB_OPTION = { db: { type: 'string' } } as const;

function defaultPath(): string {
  return defaultDatabasePath(cliContext().io.env ?? process.env);
}

/** --db PATH, else the database the desktop app uses (see defaultDatabasePath). */
export function databasePath(values: Values, option = 'db'): string {
  return optionalString(values, option) ?? defaultPath();
}

/** A store failure as the error the CLI prints: it names the option, and its class sets the exit code. */
export function storeError(option: string, file: string, error: unknown): Error {
  if (error instanceof InputError || error instanceof EnvironmentError) return error;
  if (error instanceof DamagedRecordError) return new EnvironmentError(error.record, error.message.slice(error.record.length + 1).trim(), { cause: error });
  if (error instanceof NotOurDatabaseError || error instanceof FutureSchemaError || error instanceof MissingFolderError) {
    return new InputError(option, error.message);
  }
  const code = storeErrorCode(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new EnvironmentError(option, `${file} is locked by another program writing to it; try again when it has finished`, { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new EnvironmentError(option, `${file} is on a read-only disk (or cannot be written); nothing was changed`, { cause: error });
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new EnvironmentError(option, `the disk holding ${file} is full; nothing was changed`, { cause: error });
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new EnvironmentError(option, `the disk holding ${file} reported an input/output error (${code})`, { cause: error });
  }
  if (code === 'SQLITE_CANTOPEN' && onReadOnlyDisk(file)) {
    return new EnvironmentError(option, `${file} is on a read-only disk; nothing was changed`, { cause: error });
  }
  if (error instanceof StoreOpenError || error instanceof MigrationError) return new InputError(option, error.message);
  return error instanceof Error ? error : new Error(String(error));
}

/** SQLite says only "unable to open"; the folder tells whether its disk is mounted read-only. */
function onReadOnlyDisk(file: string): boolean {
  try {
    accessSync(path.dirname(path.resolve(file)), constants.W_OK);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS';
  }
}

function checkDatabasePath(file: string, option: string): void {
  if (file === '') throw new InputError(option, 'must not be empty');
  if (file.includes('\0')) throw new InputError(option, 'the path contains a NUL character');
  if (/[\\/]$/.test(file)) throw new InputError(option, `${file} names a folder; give the database file's name`);
}

export function openCliStore(file: string, mode: 'read' | 'write', option = '--db'): { store: AdvisorStore; report: OpenReport } {
  checkDatabasePath(file, option);
  const isDefault = file === defaultPath();
  let opened: { store: AdvisorStore; report: OpenReport };
  try {
    if (mode === 'read' && !isDefault) {
      // A mistyped --db must not read as an empty database. lstat: a dangling link is refused by openStore, saying why.
      try {
        lstatSync(file);
      } catch {
        throw new InputError(option, `${file} does not exist (read commands never create a database)`);
      }
    }
    opened = openStore(file, { mode, createFolder: isDefault });
  } catch (error) {
    throw storeError(option, file, error);
  }
  // Told at once on stderr, so it is seen even when stdout is a document piped elsewhere.
  if (opened.report.recovered || opened.report.readFromCopy || opened.report.damagedRecords.length > 0) warn(opened.report.message);
  return opened;
}

/**
 * Refuses a --save-db that cannot be used before a fit or a benchmark spends minutes on a result
 * it could not store: a file that is not the app's database, one from a newer app, a missing folder.
 */
export function checkDatabaseTarget(file: string, option: string): void {
  checkDatabasePath(file, option);
  try {
    const found = inspectDatabaseFile(file, SCHEMA_VERSION);
    if (found.state === 'foreign') throw new NotOurDatabaseError(file, found.reason);
    if (found.state === 'future') throw new FutureSchemaError(file, found.userVersion, SCHEMA_VERSION);
    if (found.state === 'missing') {
      const folder = path.dirname(path.resolve(file));
      if (!existsSync(folder) || !lstatSync(folder).isDirectory()) throw new MissingFolderError(file, folder);
    }
  } catch (error) {
    throw storeError(option, file, error);
  }
}

/**
 * Runs `work` on the store and closes it. After a write the backup beside the database is
 * refreshed; runCli waits for it and reports a failure in the result document and on stderr
 * (the write itself is already committed).
 */
export function withStore<T>(file: string, mode: 'read' | 'write', work: (store: AdvisorStore, report: OpenReport) => T, option = '--db'): T {
  const { store, report } = openCliStore(file, mode, option);
  let result: T;
  try {
    result = work(store, report);
  } catch (error) {
    store.close();
    throw storeError(option, file, error);
  }
  if (mode === 'read') {
    store.close();
  } else {
    cliContext().backups.push(
      backupWithStatus(store).finally(() => store.close()),
    );
  }
  return result;
}
