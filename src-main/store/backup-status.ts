/**
 * Whether the database has a current backup. Each write is followed by a backup (the CLI) or
 * a timer takes one (the app); a failure is counted in a small file beside the backup, so that
 * after repeated failures, even across processes, the save can say plainly that the database
 * has no current backup. The count is cleared by the next backup that succeeds.
 */
import { lstatSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AdvisorStore } from './store.js';

/** From this many failures in a row the backup beside the database no longer counts as current. */
export const REPEATED_BACKUP_FAILURES = 3;

export interface BackupStatus {
  database: string;
  path: string;
  ok: boolean;
  /** When the backup now beside the database was taken; null when there is none. */
  takenAt: string | null;
  /** Why the latest backup failed; null after a success. */
  error: string | null;
  failuresInARow: number;
  /** False when there is no backup, or after REPEATED_BACKUP_FAILURES failures in a row. */
  current: boolean;
}

export function failuresFile(backupPath: string): string {
  return `${backupPath}.failures`;
}

function backupTakenAt(backupPath: string): string | null {
  try {
    const stats = lstatSync(backupPath);
    return stats.isFile() ? stats.mtime.toISOString() : null;
  } catch {
    return null;
  }
}

function failuresSoFar(backupPath: string): number {
  try {
    const count = (JSON.parse(readFileSync(failuresFile(backupPath), 'utf8')) as { failuresInARow?: unknown }).failuresInARow;
    return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0;
  } catch {
    return 0;
  }
}

/** Takes a backup now and says where that leaves the database. Never throws: a failed backup is a status. */
export async function backupWithStatus(store: AdvisorStore): Promise<BackupStatus> {
  const base = { database: store.path, path: store.backupPath };
  try {
    const result = await store.backupNow();
    rmSync(failuresFile(store.backupPath), { force: true });
    return { ...base, ok: true, takenAt: result.takenAt, error: null, failuresInARow: 0, current: true };
  } catch (error) {
    const failuresInARow = failuresSoFar(store.backupPath) + 1;
    const message = (error as Error).message ?? String(error);
    try {
      writeFileSync(failuresFile(store.backupPath), `${JSON.stringify({ failuresInARow, lastError: message, at: new Date().toISOString() })}\n`);
    } catch {
      // The disk that refused the backup may refuse this too; the count then restarts, the backup's age still tells.
    }
    const takenAt = backupTakenAt(store.backupPath);
    return { ...base, ok: false, takenAt, error: message, failuresInARow, current: takenAt !== null && failuresInARow < REPEATED_BACKUP_FAILURES };
  }
}
