/** AdvisorStore over one better-sqlite3 connection in WAL mode. */
import type Database from 'better-sqlite3';
import { backupDatabase, type BackupResult } from './backup.js';
import { createBenchmarkRepository } from './benchmark-repository.js';
import { createFitRepository } from './fit-repository.js';
import { createMemoRepository } from './memo-repository.js';
import { SCHEMA_VERSION } from './migrations.js';
import { createScenarioRepository } from './scenario-repository.js';
import type { AdvisorStore } from './store.js';

export function createSqliteStore(db: Database.Database, file: string, backupFile: string, now: () => Date): AdvisorStore {
  const timers = new Set<NodeJS.Timeout>();
  let running: Promise<BackupResult> | null = null;
  let markAtLastBackup: string | null = null;
  const totalChanges = db.prepare<[], { n: number }>('SELECT total_changes() AS n');

  /** Changes by this connection, plus data_version, which moves when another process commits. */
  function changeMark(): string {
    return `${totalChanges.get()!.n}:${String(db.pragma('data_version', { simple: true }))}`;
  }

  function backupNow(): Promise<BackupResult> {
    // One backup at a time: a second caller shares the copy already being made.
    if (running) return running;
    const mark = changeMark();
    running = backupDatabase(db, backupFile, now)
      .then((result) => {
        markAtLastBackup = mark;
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    path: file,
    backupPath: backupFile,
    schemaVersion: SCHEMA_VERSION,
    scenarios: createScenarioRepository(db, now),
    fits: createFitRepository(db, now),
    benchmarks: createBenchmarkRepository(db, now),
    memos: createMemoRepository(db, now),
    backupNow,
    startBackupTimer(intervalMs, onResult = () => {}) {
      if (!(intervalMs > 0)) throw new RangeError(`backup interval must be greater than 0 ms (got ${intervalMs})`);
      const timer = setInterval(() => {
        if (!db.open || running || changeMark() === markAtLastBackup) return;
        backupNow().then(onResult, (error: unknown) => onResult(error instanceof Error ? error : new Error(String(error))));
      }, intervalMs);
      timer.unref();
      timers.add(timer);
      return () => {
        clearInterval(timer);
        timers.delete(timer);
      };
    },
    close() {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      if (db.open) db.close();
    },
  };
}
