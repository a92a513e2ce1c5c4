/**
 * The CLI's way into the database: --db PATH or the app's own database, errors about the file
 * as one line naming --db, a recovery told on stderr, and a fresh backup after every write.
 */
import { InputError } from '../core/input.js';
import { openStore } from '../store/open-store.js';
import { defaultDatabasePath } from '../store/paths.js';
import type { AdvisorStore, OpenReport } from '../store/store.js';
import { FutureSchemaError, MigrationError, StoreOpenError } from '../store/store-errors.js';
import { optionalString, type Values } from './options.js';

export const DB_OPTION = { db: { type: 'string' } } as const;

/** --db PATH, else the database the desktop app uses (see defaultDatabasePath). */
export function databasePath(values: Values, option = 'db'): string {
  return optionalString(values, option) ?? defaultDatabasePath();
}

export function openCliStore(file: string, option = '--db'): { store: AdvisorStore; report: OpenReport } {
  if (file === '') throw new InputError(option, 'must not be empty');
  let opened: { store: AdvisorStore; report: OpenReport };
  try {
    opened = openStore(file);
  } catch (error) {
    if (error instanceof FutureSchemaError || error instanceof MigrationError || error instanceof StoreOpenError) {
      throw new InputError(option, error.message);
    }
    throw error;
  }
  // Told at once on stderr, so it is seen even when stdout is a document piped elsewhere.
  if (opened.report.recovered) process.stderr.write(`sparsity-advisor: warning: ${opened.report.message}\n`);
  return opened;
}

/**
 * Runs `work` on the store and closes it. After a write the backup beside the database is
 * refreshed first; the process stays alive until that copy is finished, and a failed backup is a
 * warning (the write itself is already committed).
 */
export function withStore<T>(file: string, mode: 'read' | 'write', work: (store: AdvisorStore, report: OpenReport) => T, option = '--db'): T {
  const { store, report } = openCliStore(file, option);
  let result: T;
  try {
    result = work(store, report);
  } catch (error) {
    store.close();
    throw error;
  }
  if (mode === 'read') {
    store.close();
  } else {
    store.backupNow().then(
      () => store.close(),
      (error: unknown) => {
        process.stderr.write(`sparsity-advisor: warning: the backup of ${file} failed: ${(error as Error).message}\n`);
        store.close();
      },
    );
  }
  return result;
}
