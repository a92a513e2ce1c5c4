/**
 * The store's public surface for the shell, the CLI and tests. Typical use in the main process:
 *
 *   const { store, report } = openStore(databasePathIn(app.getPath('userData')));
 *   if (report.recovered) showNotice(report);          // say what was moved and restored
 *   const stopBackups = store.startBackupTimer(10 * 60_000, logBackupResult);
 *   app.on('before-quit', ...)                          // stopBackups(); await store.backupNow(); store.close()
 */
export { openStore, type OpenOptions } from './open-store.js';
export type * from './store.js';
export { backupPathFor, databasePathIn, defaultDatabasePath, defaultUserDataFolder, DATABASE_FILE } from './paths.js';
export { SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
export { FutureSchemaError, MigrationError, StoreOpenError } from './store-errors.js';
export { exportBenchmark, exportFit, exportScenario, importDocument, kindOf, parseImportText, type FitExport, type ImportResult, type RecordKind } from './transfer.js';
export { fitInputFromLawFit, validateFit } from './fit-repository.js';
export { recordMemoFile, sha256OfFile } from './memo-repository.js';
export { saveBenchmarkRun, saveBenchmarkRunToDatabase, type SavedBenchmarkRun } from './save-benchmark-run.js';
