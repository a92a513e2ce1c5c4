import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src-main/store/migrations.js';
import { openStore } from '../../../src-main/store/open-store.js';
import { FutureSchemaError, NotOurDatabaseError } from '../../../src-main/store/store-errors.js';
import { bytesOf, damagedDatabaseBytes, integrityOf, tempDir } from '../../support/store-fixtures.js';
import { sampleScenario } from '../../support/store-samples.js';

const FIXED = new Date('2026-11-27T09:30:00.000Z');
const STAMP = '2026-11-27T09-30-00-000Z';

/** A database holding scenario "Backed up", a backup of that state, then scenario "After backup". */
async function databaseWithBackup(dir: string): Promise<string> {
  const file = path.join(dir, 'advisor.db');
  const { store } = openStore(file);
  store.scenarios.create(sampleScenario('Backed up'));
  await store.backupNow();
  for (let i = 0; i < 20; i++) store.scenarios.create(sampleScenario(`After backup ${i}`));
  store.close();
  return file;
}

function names(file: string): string[] {
  const { store } = openStore(file);
  try {
    return store.scenarios.list().map((s) => s.name);
  } finally {
    store.close();
  }
}

describe('opening a damaged database', () => {
  it('moves a truncated file aside and restores the last good backup', async () => {
    const dir = tempDir();
    const file = await databaseWithBackup(dir);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const truncated = bytesOf(file);

    const { store, report } = openStore(file, { now: () => FIXED });
    expect(report).toMatchObject({
      recovered: true,
      created: false,
      movedAsideTo: `${file}.damaged-${STAMP}`,
      restoredFrom: `${file}.backup`,
      backupProblem: null,
    });
    expect(report.reason).toMatch(/integrity check failed|malformed/);
    expect(report.restoredBackupTakenAt).toBe(statSync(`${file}.backup`).mtime.toISOString());
    expect(report.message).toContain('was restored');
    expect(store.scenarios.list().map((s) => s.name)).toEqual(['Backed up']);
    store.close();
    // Moved, not deleted: the damaged bytes are all still there under the new name.
    expect(bytesOf(report.movedAsideTo!)).toEqual(truncated);
    expect(existsSync(`${file}.backup`)).toBe(true);
    expect(integrityOf(file)).toBe('ok');
  });

  it('moves a damaged file (SQLite header, then noise) aside and starts a fresh database when there is no backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    const garbage = damagedDatabaseBytes(64 * 1024);
    writeFileSync(file, garbage);

    const { store, report } = openStore(file, { now: () => FIXED });
    expect(report).toMatchObject({ recovered: true, created: true, restoredFrom: null, movedAsideTo: `${file}.damaged-${STAMP}` });
    expect(report.reason).toMatch(/SQLite cannot read it|integrity check failed/);
    expect(report.message).toContain('a new empty database was created');
    expect(store.scenarios.list()).toEqual([]);
    store.scenarios.create(sampleScenario('Fresh start'));
    store.close();
    expect(bytesOf(report.movedAsideTo!)).toEqual(garbage);
    expect(names(file)).toEqual(['Fresh start']);
  });

  it('restores the backup over a file whose pages are noise', async () => {
    const dir = tempDir();
    const file = await databaseWithBackup(dir);
    writeFileSync(file, damagedDatabaseBytes(10_000));
    expect(names(file)).toEqual(['Backed up']);
    expect(readdirSync(dir).filter((n) => n.includes('.damaged-'))).toHaveLength(1);
  });

  it('moves the write-ahead log aside with the damaged file, so it is never replayed into the new one', async () => {
    const dir = tempDir();
    const file = await databaseWithBackup(dir);
    writeFileSync(file, damagedDatabaseBytes(8192));
    writeFileSync(`${file}-wal`, randomBytes(4096));
    const { store, report } = openStore(file, { now: () => FIXED });
    store.close();
    // The -shm SQLite made while looking at the damaged file moves with it too.
    expect(report.movedAsideFiles.filter((f) => !f.endsWith('-shm'))).toEqual([`${file}.damaged-${STAMP}`, `${file}.damaged-${STAMP}-wal`]);
    expect(names(file)).toEqual(['Backed up']);
  });

  it('refuses an empty file and leaves it where it is: new databases are never made empty under the real name', () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    writeFileSync(file, '');
    expect(() => openStore(file)).toThrow(NotOurDatabaseError);
    expect(() => openStore(file)).toThrow('the file is empty');
    expect(readdirSync(dir)).toEqual(['advisor.db']);
  });

  it('moves a damaged backup aside too, and says so', async () => {
    const dir = tempDir();
    const file = await databaseWithBackup(dir);
    writeFileSync(file, damagedDatabaseBytes(8192));
    writeFileSync(`${file}.backup`, damagedDatabaseBytes(8192));
    const { store, report } = openStore(file, { now: () => FIXED });
    store.close();
    expect(report).toMatchObject({ recovered: true, created: true, restoredFrom: null });
    expect(report.backupProblem).toContain('backup is damaged too');
    expect(report.movedAsideFiles).toContain(`${file}.backup.damaged-${STAMP}`);
    expect(report.message).toContain('a new empty database was created');
    expect(existsSync(`${file}.backup`)).toBe(false);
  });

  it('never reuses a name: a second recovery at the same moment gets its own', () => {
    const file = path.join(tempDir(), 'advisor.db');
    for (const _ of [1, 2]) {
      writeFileSync(file, damagedDatabaseBytes(5000));
      openStore(file, { now: () => FIXED }).store.close();
    }
    expect(existsSync(`${file}.damaged-${STAMP}`)).toBe(true);
    expect(existsSync(`${file}.damaged-${STAMP}-2`)).toBe(true);
  });

  it('restores the backup when the database file has gone missing', async () => {
    const dir = tempDir();
    const file = await databaseWithBackup(dir);
    // Left-over journals of the lost file must not be replayed into the restored one.
    const { renameSync } = await import('node:fs');
    renameSync(file, path.join(dir, 'elsewhere.db'));
    writeFileSync(`${file}-wal`, randomBytes(1000));
    const { store, report } = openStore(file, { now: () => FIXED });
    store.close();
    expect(report).toMatchObject({ recovered: true, reason: 'the database file was missing', restoredFrom: `${file}.backup`, movedAsideTo: null });
    expect(report.movedAsideFiles).toEqual([`${file}.orphaned-${STAMP}-wal`]);
    expect(names(file)).toEqual(['Backed up']);
  });
});

describe('opening a database from a newer app', () => {
  it('refuses it with a clear message and leaves it byte-identical, with nothing created beside it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    const { store } = openStore(file);
    store.scenarios.create(sampleScenario());
    store.close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 4}`);
    db.close();
    const before = bytesOf(file);
    const listing = readdirSync(dir).sort();

    let error: unknown;
    try {
      openStore(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FutureSchemaError);
    expect((error as Error).message).toBe(
      `${file} was written by a newer version of Sparsity Advisor (database schema ${SCHEMA_VERSION + 4}; this version knows ` +
        `schema ${SCHEMA_VERSION} and older). Update the app or use another database file; the file was not changed.`,
    );
    expect(bytesOf(file)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});

describe('errors that are not damage', () => {
  it('leave the path alone', () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    mkdirSync(file);
    expect(() => openStore(file)).toThrow(NotOurDatabaseError);
    expect(statSync(file).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['advisor.db']);
  });
});
