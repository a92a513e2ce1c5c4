/**
 * The online backup beside the database, taken with SQLite's backup API while the app keeps
 * working. It is written under a temporary name, checked, switched to a single self-contained
 * file and only then renamed over the previous backup, so a crash or a bad copy never costs the
 * last good backup.
 */
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, SIDE_SUFFIXES } from './database-file.js';

export interface BackupResult {
  path: string;
  takenAt: string;
  bytes: number;
}

let sequence = 0;

function removeWithSideFiles(file: string): void {
  for (const name of [file, ...SIDE_SUFFIXES.map((s) => `${file}${s}`)]) rmSync(name, { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary copies left by a process that died mid-backup. They are only ever partial
 * copies of data that is still in the database, never the backup itself.
 */
function removeStaleTemporaries(backupFile: string): void {
  const prefix = `${path.basename(backupFile)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(backupFile));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) rmSync(path.join(path.dirname(backupFile), name), { force: true });
  }
}

export async function backupDatabase(db: Database.Database, backupFile: string, now: () => Date): Promise<BackupResult> {
  removeStaleTemporaries(backupFile);
  const temporary = `${backupFile}.tmp-${process.pid}-${++sequence}`;
  removeWithSideFiles(temporary);
  try {
    await db.backup(temporary);
    const check = new Database(temporary, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      // A copy of a WAL database is in WAL mode too; as a rollback-journal file it is one file
      // that can be copied, mailed or restored on its own.
      check.pragma('journal_mode = DELETE');
      const verdict = check.pragma('integrity_check', { simple: true });
      if (verdict !== 'ok') throw new Error(`the new backup failed its integrity check (${String(verdict)})`);
    } finally {
      check.close();
    }
    renameSync(temporary, backupFile);
  } catch (error) {
    removeWithSideFiles(temporary);
    throw error;
  }
  return { path: backupFile, takenAt: now().toISOString(), bytes: statSync(backupFile).size };
}
