/**
 * Looking at a database file before trusting it, and moving a bad one out of the way. Nothing
 * here deletes a file: a damaged database is renamed, together with its journal files, so a
 * person (or a recovery tool) can still get at whatever it holds.
 */
import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreOpenError } from './store-errors.js';

export const BUSY_TIMEOUT_MS = 5000;

export type FileState =
  | { state: 'missing' }
  | { state: 'healthy'; userVersion: number }
  | { state: 'future'; userVersion: number }
  | { state: 'damaged'; reason: string };

/** The files SQLite keeps beside a database; they belong to it and move with it. */
export const SIDE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const USER_VERSION_OFFSET = 60;

function readHeader(file: string, size: number): Buffer {
  const header = Buffer.alloc(Math.min(size, HEADER_BYTES));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/** Only these SQLite results mean the bytes are bad; anything else (busy, permissions) may pass. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Classifies a database file without changing it. A newer schema is recognised from the
 * header alone, so a file from a future app is never even opened by SQLite; otherwise the file
 * is opened read-only and checked with PRAGMA integrity_check.
 */
export function inspectDatabaseFile(file: string, knownVersion: number): FileState {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw new StoreOpenError(file, error);
  }
  if (size === 0) return { state: 'damaged', reason: 'the file is empty' };
  let header: Buffer;
  try {
    header = readHeader(file, size);
  } catch (error) {
    throw new StoreOpenError(file, error);
  }
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    return { state: 'damaged', reason: 'not an SQLite database (the file does not start with the SQLite header)' };
  }
  const headerVersion = header.readUInt32BE(USER_VERSION_OFFSET);
  if (headerVersion > knownVersion) return { state: 'future', userVersion: headerVersion };

  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    // The write-ahead log may hold a newer first page than the file's header.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > knownVersion) return { state: 'future', userVersion: version };
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
    if (problems.length > 0) {
      return { state: 'damaged', reason: `integrity check failed: ${problems.slice(0, 3).join('; ')}` };
    }
    return { state: 'healthy', userVersion: version };
  } catch (error) {
    if (isDamage(error)) return { state: 'damaged', reason: `SQLite cannot read it: ${(error as Error).message}` };
    throw new StoreOpenError(file, error);
  } finally {
    db?.close();
  }
}

/** A name beside `file` that does not exist yet: `<file>.<label>-<stamp>`, then -2, -3, ... */
function freeName(file: string, label: string, stamp: string): string {
  const base = `${file}.${label}-${stamp}`;
  const taken = (name: string) => existsSync(name) || SIDE_SUFFIXES.some((s) => existsSync(`${name}${s}`));
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** File-name-safe ISO time, e.g. 2026-11-27T09-30-00-000Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames a database and its journal files to `<file>.<label>-<stamp>` (journals keep their
 * -wal/-shm suffix on the new name, so SQLite still pairs them). Returns every path written.
 */
export function moveAside(file: string, label: string, date: Date): { main: string | null; files: string[] } {
  const target = freeName(file, label, fileStamp(date));
  const files: string[] = [];
  let main: string | null = null;
  if (existsSync(file)) {
    renameSync(file, target);
    main = target;
    files.push(target);
  }
  for (const suffix of SIDE_SUFFIXES) {
    if (existsSync(`${file}${suffix}`)) {
      renameSync(`${file}${suffix}`, `${target}${suffix}`);
      files.push(`${target}${suffix}`);
    }
  }
  return { main, files };
}

/** Copies a backup into place through a temporary name, so a crash never leaves half a copy. */
export function restoreCopy(backupFile: string, file: string): void {
  const temporary = `${file}.restoring-${process.pid}`;
  copyFileSync(backupFile, temporary);
  renameSync(temporary, file);
}
