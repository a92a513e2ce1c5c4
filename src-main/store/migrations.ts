/**
 * The database schema as numbered, append-only migration steps. A database records the step it
 * has reached in PRAGMA user_version; opening runs the missing steps in one transaction, so an
 * upgrade either completes or leaves the file at its old version. Never edit a released step:
 * databases in the wild were built by it. Add a new one instead.
 */
import type Database from 'better-sqlite3';
import { FutureSchemaError, MigrationError } from './store-errors.js';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'scenarios with immutable revisions, fits, benchmark runs and memos',
    sql: `
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY NOT NULL,
        created_at TEXT NOT NULL,
        copied_from_id TEXT,
        copied_from_revision INTEGER
      ) STRICT;

      CREATE TABLE scenario_revisions (
        scenario_id TEXT NOT NULL REFERENCES scenarios(id),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        name TEXT NOT NULL,
        format_version INTEGER NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        note TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (scenario_id, revision)
      ) STRICT;

      -- An edit is a new revision; the database itself refuses to rewrite or drop an old one.
      CREATE TRIGGER scenario_revisions_no_update BEFORE UPDATE ON scenario_revisions
      BEGIN SELECT RAISE(ABORT, 'scenario revisions are never changed; save a new revision'); END;
      CREATE TRIGGER scenario_revisions_no_delete BEFORE DELETE ON scenario_revisions
      BEGIN SELECT RAISE(ABORT, 'scenario revisions are never deleted'); END;

      CREATE TABLE fits (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        data_unit TEXT NOT NULL CHECK (data_unit IN ('images', 'tokens')),
        format_version INTEGER NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        runs TEXT NOT NULL CHECK (json_valid(runs)),
        diagnostics TEXT CHECK (diagnostics IS NULL OR json_valid(diagnostics)),
        source TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE benchmark_runs (
        id TEXT PRIMARY KEY NOT NULL,
        started_at TEXT NOT NULL,
        app_version TEXT NOT NULL,
        format_version INTEGER NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        saved_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE memos (
        id TEXT PRIMARY KEY NOT NULL,
        file_path TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        language TEXT NOT NULL CHECK (language IN ('ja', 'en')),
        scenario_id TEXT NOT NULL,
        scenario_revision INTEGER NOT NULL,
        app_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        FOREIGN KEY (scenario_id, scenario_revision) REFERENCES scenario_revisions(scenario_id, revision)
      ) STRICT;
      CREATE INDEX memos_by_scenario ON memos(scenario_id, scenario_revision);
    `,
  },
  {
    version: 2,
    description: 'archived scenarios: hidden from the list, never deleted',
    sql: `ALTER TABLE scenarios ADD COLUMN archived_at TEXT;`,
  },
  {
    version: 3,
    description: 'hardware fingerprint of each benchmark run in its own indexed column',
    sql: `
      ALTER TABLE benchmark_runs ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
      UPDATE benchmark_runs SET fingerprint = coalesce(json_extract(document, '$.inventory.fingerprint'), '');
      CREATE INDEX benchmark_runs_by_fingerprint ON benchmark_runs(fingerprint, started_at);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to SCHEMA_VERSION. The write lock is taken first (BEGIN IMMEDIATE) and
 * the version read again under it, so two processes opening an old file at once migrate it once.
 */
export function migrate(db: Database.Database, file: string): { from: number; to: number } {
  const seen = userVersion(db);
  if (seen > SCHEMA_VERSION) throw new FutureSchemaError(file, seen, SCHEMA_VERSION);
  if (seen === SCHEMA_VERSION) return { from: seen, to: seen };
  const upgrade = db.transaction(() => {
    const from = userVersion(db);
    if (from > SCHEMA_VERSION) throw new FutureSchemaError(file, from, SCHEMA_VERSION);
    for (const step of MIGRATIONS) {
      if (step.version > from) db.exec(step.sql);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return from;
  });
  try {
    return { from: upgrade.immediate(), to: SCHEMA_VERSION };
  } catch (error) {
    if (error instanceof FutureSchemaError) throw error;
    throw new MigrationError(file, seen, SCHEMA_VERSION, error);
  }
}
