/**
 * Looking at a database file before trusting it, and moving a bad one out of the way. Nothing
 * here deletes a file, and only this app's database is ever moved: a regular file that starts
 * with the SQLite header. A folder, device, fifo, link, an empty or non-SQLite file, or another
 * application's SQLite database is reported as foreign and left exactly as it is.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, existsSync, lstatSync, openSync, readSync, renameSync, rmSync, type Stats } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreOpenError } from './store-errors.js';

export const BUSY_TIMEOUT_MS = 5000;

/** PRAGMA application_id of this app's databases: "SpAd". Files from before it was set carry 0. */
export const APPLICATION_ID = 0x53704164;

export type FileState =
  | { state: 'missing' }
  | { state: 'healthy'; userVersion: number; damagedRecords: string[] }
  | { state: 'future'; userVersion: number }
  | { state: 'damaged'; reason: string }
  | { state: 'foreign'; reason: string };

/** The files SQLite keeps beside a database; they belong to it and move with it. */
export const SIDE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;

/** The tables whose JSON columns are checked for records that no longer parse. */
const JSON_COLUMNS: { table: string; columns: string[]; name: string }[] = [
  { table: 'scenario_revisions', columns: ['document'], name: "'scenario ' || scenario_id || ' revision ' || revision" },
  { table: 'fits', columns: ['document', 'runs', 'diagnostics'], name: "'fit ' || id" },
  { table: 'benchmark_runs', columns: ['document'], name: "'benchmark run ' || id" },
];

function readHeader(file: string, size: number): Buffer {
  const header = Buffer.alloc(Math.min(size, HEADER_BYTES));
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
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

function kindOf(stats: Stats): string | null {
  if (stats.isSymbolicLink()) return 'it is a symbolic link';
  if (stats.isDirectory()) return 'it is a folder';
  if (stats.isFIFO()) return 'it is a fifo (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device';
  if (stats.isSocket()) return 'it is a socket';
  return stats.isFile() ? null : 'it is not a regular file';
}

/** Records whose JSON cannot be read back (json_valid misses text cut by a NUL; JSON.parse does not). */
function damagedRecords(db: Database.Database, tables: Set<string>): string[] {
  const found: string[] = [];
  for (const { table, columns, name } of JSON_COLUMNS) {
    if (!tables.has(table)) continue;
    const bad = columns.map((c) => `(${c} IS NOT NULL AND (NOT json_valid(${c}) OR instr(${c}, char(0)) > 0))`).join(' OR ');
    const rows = db.prepare(`SELECT ${name} AS record FROM ${table} WHERE ${bad} LIMIT 20`).all() as { record: string }[];
    found.push(...rows.map((r) => r.record));
  }
  return found;
}

/**
 * Classifies a database file without changing it. A newer schema or another application's id
 * is recognised from the header alone, so such a file is never even opened by SQLite; otherwise
 * the file is opened read-only and checked with PRAGMA integrity_check. A failed CHECK
 * constraint is a damaged record, not a damaged file: it is listed, and the file stays in use.
 */
export function inspectDatabaseFile(file: string, knownVersion: number): FileState {
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw new StoreOpenError(file, error);
  }
  const kind = kindOf(stats);
  if (kind) return { state: 'foreign', reason: kind };
  if (stats.size === 0) return { state: 'foreign', reason: 'the file is empty' };
  let header: Buffer;
  try {
    header = readHeader(file, stats.size);
  } catch (error) {
    throw new StoreOpenError(file, error);
  }
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    return { state: 'foreign', reason: 'it does not start with the SQLite header' };
  }
  const applicationId = header.readUInt32BE(APPLICATION_ID_OFFSET);
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    return { state: 'foreign', reason: `it is another application's SQLite database (application id 0x${applicationId.toString(16)})` };
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
    const problems = rows.map((r) => r.integrity_check).filter((line) => line !== 'ok' && !line.startsWith('CHECK constraint failed'));
    if (problems.length > 0) {
      return { state: 'damaged', reason: `integrity check failed: ${problems.slice(0, 3).join('; ')}` };
    }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name),
    );
    if (applicationId === 0) {
      // Files made before the application id was set: ours if empty, or if they carry our schema.
      if (version === 0 && tables.size > 0) {
        return { state: 'foreign', reason: `it is an SQLite database of another application (tables ${[...tables].slice(0, 3).join(', ')})` };
      }
      if (version > 0 && !tables.has('scenario_revisions')) {
        return { state: 'foreign', reason: 'it is an SQLite database without the Sparsity Advisor tables' };
      }
    }
    return { state: 'healthy', userVersion: version, damagedRecords: damagedRecords(db, tables) };
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

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Renames a database and its journal files to `<file>.<label>-<stamp>` (journals keep their
 * -wal/-shm suffix on the new name, so SQLite still pairs them). Only regular files are moved.
 * Returns every path written.
 */
export function moveAside(file: string, label: string, date: Date): { main: string | null; files: string[] } {
  const target = freeName(file, label, fileStamp(date));
  const files: string[] = [];
  let main: string | null = null;
  if (isRegularFile(file)) {
    renameSync(file, target);
    main = target;
    files.push(target);
  }
  for (const suffix of SIDE_SUFFIXES) {
    if (isRegularFile(`${file}${suffix}`)) {
      renameSync(`${file}${suffix}`, `${target}${suffix}`);
      files.push(`${target}${suffix}`);
    }
  }
  return { main, files };
}

/** A name beside `file` nobody can guess, for a copy that is renamed into place. */
export function temporaryBeside(file: string, label: string): string {
  return path.join(path.dirname(file), `.${path.basename(file).slice(0, 64)}.${label}-${randomBytes(9).toString('hex')}`);
}

/** Copies a backup into place through a temporary name, so a crash never leaves half a copy. */
export function restoreCopy(backupFile: string, file: string): void {
  const temporary = temporaryBeside(file, 'restoring');
  try {
    copyFileSync(backupFile, temporary, constants.COPYFILE_EXCL);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
