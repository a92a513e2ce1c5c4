/**
 * Only this app's database is ever moved aside or written (issue 18, defects 1, 8 and 9): a file
 * that is not ours is refused and left byte-identical, read mode creates nothing, a read-only
 * disk is read from a copy, and a record whose JSON no longer parses is named.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../src-main/store/database-file.js';
import { openStore } from '../../../src-main/store/open-store.js';
import { DamagedRecordError, MissingFolderError, NotOurDatabaseError } from '../../../src-main/store/store-errors.js';
import { canMount, makeDevice, makeFifo, mountTmpfs, remountReadOnly, unmount, scratch } from '../../support/hostile-fs.js';
import { tempDir as makeTempDir } from '../../support/store-fixtures.js';
import { sampleScenario } from '../../support/store-samples.js';

const mounts: string[] = [];
const temporary = scratch(makeTempDir);
const tempDir = temporary.dir;
afterAll(() => {
  mounts.forEach(unmount);
  temporary.cleanUp();
});

/** What is at a path, without following links: enough to see that nothing changed. */
function snapshot(file: string): string {
  const stats = lstatSync(file);
  if (stats.isSymbolicLink()) return `link -> ${readlinkSync(file)}`;
  if (stats.isFile()) return `file ${readFileSync(file).toString('base64')}`;
  return `${stats.mode.toString(8)} ${stats.ino}`;
}

function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

type Maker = (file: string, dir: string) => boolean;
const FOREIGN: [string, Maker][] = [
  ['a text file', (f) => (writeFileSync(f, 'notes\n'), true)],
  ['an empty file', (f) => (writeFileSync(f, ''), true)],
  ['a folder', (f) => (mkdirSync(f), true)],
  ['a fifo', (f) => (makeFifo(f), true)],
  ['a device node', (f) => makeDevice(f)],
  ['a link to a text file', (f, d) => (writeFileSync(path.join(d, 'target.txt'), 'keep me'), symlinkSync(path.join(d, 'target.txt'), f), true)],
  ['a dangling link', (f, d) => (symlinkSync(path.join(d, 'nowhere.db'), f), true)],
  [
    'another application’s SQLite database',
    (f) => {
      const db = new Database(f);
      db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Aiko')");
      db.close();
      return true;
    },
  ],
  [
    'an SQLite database with another application id',
    (f) => {
      const db = new Database(f);
      db.pragma('application_id = 1234');
      db.exec('CREATE TABLE t (x)');
      db.close();
      return true;
    },
  ],
];

describe('a path that does not hold this app’s database', () => {
  it.each(FOREIGN)('%s is refused in read and write mode and left exactly as it was', (_what, make) => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    if (!make(file, dir)) return; // mknod not allowed here: nothing to test
    const before = snapshot(file);
    const names = listing(dir);
    for (const mode of ['read', 'write'] as const) {
      expect(() => openStore(file, { mode }).store.close(), mode).toThrow(NotOurDatabaseError);
      expect(snapshot(file)).toBe(before);
      expect(listing(dir)).toEqual(names);
    }
  });

  it('a foreign file at the backup’s name is never restored from or moved', () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    writeFileSync(`${file}.backup`, 'not a backup');
    const { store, report } = openStore(file);
    store.close();
    expect(report.backupProblem).toContain('not a backup made by this app');
    expect(readFileSync(`${file}.backup`, 'utf8')).toBe('not a backup');
  });
});

describe('creating a database', () => {
  it('happens only in write mode, only in an existing folder, and atomically', () => {
    const dir = tempDir();
    const deep = path.join(dir, 'typo', 'advisor.db');
    expect(() => openStore(deep)).toThrow(MissingFolderError);
    expect(existsSync(path.join(dir, 'typo'))).toBe(false);

    const read = openStore(deep, { mode: 'read' });
    expect(read.store.scenarios.list()).toEqual([]);
    expect(read.report.readOnly).toBe(true);
    read.store.close();
    expect(existsSync(path.join(dir, 'typo'))).toBe(false);

    const made = openStore(deep, { createFolder: true });
    made.store.close();
    expect(made.report.created).toBe(true);
    // Marked as ours, and no temporary file left beside it.
    const db = new Database(deep, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    expect(listing(path.join(dir, 'typo')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('read mode opens read-only: writes are refused and the file is not changed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    const writer = openStore(file);
    writer.store.scenarios.create(sampleScenario('Kept'));
    writer.store.close();
    const bytes = readFileSync(file);
    const { store } = openStore(file, { mode: 'read' });
    expect(store.scenarios.list().map((s) => s.name)).toEqual(['Kept']);
    expect(() => store.scenarios.create(sampleScenario('Refused'))).toThrow(/readonly|read-only/i);
    store.close();
    expect(readFileSync(file)).toEqual(bytes);
  });
});

describe('a record whose stored JSON no longer parses', () => {
  it('is named when read and listed when the database is opened; the others still read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    const { store } = openStore(file);
    const good = store.scenarios.create(sampleScenario('Good'));
    const bad = store.scenarios.create(sampleScenario('Bad'));
    store.close();
    // Text cut by a NUL passes SQLite's json_valid and integrity_check, but not JSON.parse.
    const db = new Database(file);
    db.exec('DROP TRIGGER scenario_revisions_no_update');
    db.prepare("UPDATE scenario_revisions SET document = document || char(0) || 'garbage' WHERE scenario_id = ?").run(bad.id);
    db.close();

    const opened = openStore(file, { mode: 'read' });
    expect(opened.report.damagedRecords).toEqual([`scenario ${bad.id} revision 1`]);
    expect(opened.report.message).toContain(`scenario ${bad.id} revision 1`);
    expect(opened.store.scenarios.list()).toHaveLength(2);
    expect(opened.store.scenarios.get(good.id).name).toBe('Good');
    expect(() => opened.store.scenarios.get(bad.id)).toThrow(DamagedRecordError);
    expect(() => opened.store.scenarios.get(bad.id)).toThrow(`scenario ${bad.id} revision 1 is damaged`);
    opened.store.close();
  });
});


describe.skipIf(!canMount())('a database on a read-only disk (skipped where tmpfs cannot be mounted)', () => {
  it('is read from a copy, and the CLI is told so; writing is refused', () => {
    const dir = tempDir();
    const disk = path.join(dir, 'disk');
    expect(mountTmpfs(disk, 8 * 1024 * 1024)).toBe(true);
    mounts.push(disk);
    const file = path.join(disk, 'advisor.db');
    const writer = openStore(file);
    writer.store.scenarios.create(sampleScenario('On the stick'));
    writer.store.close();
    remountReadOnly(disk);

    const { store, report } = openStore(file, { mode: 'read' });
    expect(report.readFromCopy).not.toBeNull();
    expect(report.message).toContain('read from a copy');
    expect(store.scenarios.list().map((s) => s.name)).toEqual(['On the stick']);
    store.close();
    expect(existsSync(report.readFromCopy!)).toBe(false);
    expect(() => openStore(file)).toThrow();
  });
});
