/**
 * Databases as earlier versions of the app left them, for the migration tests. The DDL below is a
 * frozen copy of what schema versions 1 and 2 created, so these fixtures keep describing the
 * files in the wild even if someone edits a released migration (a test compares the two).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export const V1_DDL = `
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
`;

export const V2_DDL = `ALTER TABLE scenarios ADD COLUMN archived_at TEXT;`;

const FROZEN: Record<number, string[]> = { 0: [], 1: [V1_DDL], 2: [V1_DDL, V2_DDL] };
export const EARLIER_VERSIONS = [0, 1, 2] as const;

export function tempDir(label = 'advisor-store-'): string {
  return mkdtempSync(path.join(tmpdir(), label));
}

/** A database at an earlier schema version, in the rollback-journal mode those apps also started in. */
export function buildDatabase(file: string, version: (typeof EARLIER_VERSIONS)[number], fill?: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      for (const sql of FROZEN[version]!) db.exec(sql);
      db.pragma(`user_version = ${version}`);
      fill?.(db);
    })();
  } finally {
    db.close();
  }
}

/** Every table's rows (in rowid order), the schema and user_version: equal dumps mean equal databases. */
export function dumpDatabase(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const schema = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      type: string;
      name: string;
    }[];
    const tables = Object.fromEntries(
      schema.filter((s) => s.type === 'table').map((s) => [s.name, db.prepare(`SELECT * FROM "${s.name}" ORDER BY rowid`).all()]),
    );
    return { userVersion: db.pragma('user_version', { simple: true }), schema, tables };
  } finally {
    db.close();
  }
}

export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

export function bytesOf(file: string): Buffer {
  return readFileSync(file);
}

/** A clock that moves one second per reading, so timestamps order the way the test wrote them. */
export function steppingClock(start = Date.parse('2026-11-27T09:00:00.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

/**
 * Bytes that start like this app's database (the first 100 bytes of a real, empty one) and then
 * turn to noise: damaged, but recognisably ours, so recovery may move it aside.
 */
export function damagedDatabaseBytes(size = 8192): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'advisor-header-'));
  const file = path.join(dir, 'header.db');
  const db = new Database(file);
  db.exec('CREATE TABLE x (y)');
  db.close();
  const bytes = randomBytes(Math.max(size, 100));
  readFileSync(file).copy(bytes, 0, 0, 100);
  // No application id yet (a file from before it was set), so only the header says "SQLite".
  bytes.fill(0, 60, 72);
  return bytes;
}
