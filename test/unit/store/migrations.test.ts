import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/store/migrations.js';
import { openStore } from '../../../src-main/store/open-store.js';
import { MigrationError } from '../../../src-main/store/store-errors.js';
import type { AdvisorStore } from '../../../src-main/store/store.js';
import { buildDatabase, dumpDatabase, EARLIER_VERSIONS, tempDir } from '../../support/store-fixtures.js';
import { sampleBenchmark, sampleFit, sampleScenario } from '../../support/store-samples.js';

const opened: AdvisorStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

function open(file: string) {
  const result = openStore(file);
  opened.push(result.store);
  return result;
}

const SCENARIO_ID = '11111111-2222-3333-4444-555555555555';
const fit = sampleFit();

/** Rows as an app at `version` wrote them, through that version's columns only. */
function fillEarlier(db: Database.Database, version: number): void {
  if (version === 0) return;
  const doc = sampleScenario('Written by an old app');
  db.prepare('INSERT INTO scenarios (id, created_at) VALUES (?, ?)').run(SCENARIO_ID, '2026-01-01T00:00:00.000Z');
  const revision = db.prepare(
    'INSERT INTO scenario_revisions (scenario_id, revision, name, format_version, document, note, created_at) VALUES (?, ?, ?, 1, ?, ?, ?)',
  );
  revision.run(SCENARIO_ID, 1, doc.name, JSON.stringify(doc), null, '2026-01-01T00:00:00.000Z');
  revision.run(SCENARIO_ID, 2, 'Second thoughts', JSON.stringify({ ...doc, name: 'Second thoughts' }), 'edited', '2026-01-02T00:00:00.000Z');
  db.prepare(
    `INSERT INTO fits (id, name, data_unit, format_version, document, runs, diagnostics, source, created_at)
     VALUES ('fit-1', ?, 'tokens', 1, ?, ?, ?, 'pilot.csv', '2026-01-03T00:00:00.000Z')`,
  ).run(fit.document.name, JSON.stringify(fit.document), JSON.stringify(fit.runs), JSON.stringify(fit.fit.diagnostics));
  const bench = db.prepare(
    `INSERT INTO benchmark_runs (id, started_at, app_version, format_version, document, saved_at) VALUES (?, ?, '0.0.9', 1, ?, ?)`,
  );
  for (const [id, machine] of [['b1', 'machine-a'], ['b2', 'machine-b'], ['b3', 'machine-a']] as const) {
    const doc = { ...sampleBenchmark(id, machine), createdAt: `2026-01-0${id.slice(1)}T00:00:00.000Z` };
    bench.run(id, doc.createdAt, JSON.stringify(doc), '2026-01-05T00:00:00.000Z');
  }
  db.prepare(
    `INSERT INTO memos (id, file_path, sha256, language, scenario_id, scenario_revision, app_version, created_at)
     VALUES ('memo-1', '/memos/a.pdf', ?, 'ja', ?, 2, '0.0.9', '2026-01-06T00:00:00.000Z')`,
  ).run('ab'.repeat(32), SCENARIO_ID);
  if (version >= 2) db.prepare('UPDATE scenarios SET archived_at = ? WHERE id = ?').run('2026-01-07T00:00:00.000Z', SCENARIO_ID);
}

describe('schema migrations', () => {
  it('has numbered steps 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
  });

  it.each(EARLIER_VERSIONS.filter((v) => v > 0))('the frozen v%i fixture matches what the released steps build', (version) => {
    const dir = tempDir();
    const frozen = path.join(dir, 'frozen.db');
    const replayed = path.join(dir, 'replayed.db');
    buildDatabase(frozen, version);
    const db = new Database(replayed);
    for (const step of MIGRATIONS.filter((m) => m.version <= version)) db.exec(step.sql);
    db.close();
    const shape = (file: string) => {
      const d = new Database(file, { readonly: true });
      const rows = d.prepare("SELECT type, name, tbl_name FROM sqlite_master ORDER BY name").all();
      const columns = (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) =>
        d.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(t.name),
      );
      d.close();
      return { rows, columns };
    };
    expect(shape(replayed)).toEqual(shape(frozen));
  });

  it.each(EARLIER_VERSIONS)('upgrades a version %i database, keeping every row', (version) => {
    const file = path.join(tempDir(), 'advisor.db');
    buildDatabase(file, version, (db) => fillEarlier(db, version));
    const { store, report } = open(file);

    expect(report.recovered).toBe(false);
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    if (version === 0) {
      // An empty file at version 0 is what a crash right after creating it leaves.
      expect(store.scenarios.list({ includeArchived: true })).toEqual([]);
      return;
    }
    expect(report.migratedFrom).toBe(version);
    expect(report.message).toContain(`from version ${version} to ${SCHEMA_VERSION}`);

    const [summary] = store.scenarios.list({ includeArchived: true });
    expect(summary).toMatchObject({ id: SCENARIO_ID, name: 'Second thoughts', latestRevision: 2, createdAt: '2026-01-01T00:00:00.000Z' });
    // v1 had no archive flag: its scenarios come through as not archived; v2's archive survives.
    expect(summary!.archivedAt).toBe(version >= 2 ? '2026-01-07T00:00:00.000Z' : null);
    expect(store.scenarios.list().length).toBe(version >= 2 ? 0 : 1);
    expect(store.scenarios.get(SCENARIO_ID, 1).document).toEqual(sampleScenario('Written by an old app'));

    const storedFit = store.fits.get('fit-1');
    expect(storedFit.runs).toEqual(fit.runs);
    expect(storedFit.diagnostics).toEqual(fit.fit.diagnostics);
    expect(storedFit.source).toBe('pilot.csv');

    // The fingerprint column added by v3 is filled from each stored document.
    expect(store.benchmarks.list({ fingerprint: 'machine-a' }).map((r) => r.id)).toEqual(['b3', 'b1']);
    expect(store.benchmarks.list({ fingerprint: 'machine-b' }).map((r) => r.id)).toEqual(['b2']);
    expect(store.benchmarks.machines().map((m) => [m.fingerprint, m.runs])).toEqual([
      ['machine-a', 2],
      ['machine-b', 1],
    ]);
    expect(store.memos.list({ scenarioId: SCENARIO_ID })).toMatchObject([{ id: 'memo-1', scenarioRevision: 2, language: 'ja' }]);

    // And the upgraded file is usable: a new revision goes on top of the old ones.
    expect(store.scenarios.saveRevision(SCENARIO_ID, sampleScenario('After the upgrade')).revision).toBe(3);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'benchmark_runs_by_fingerprint'").get()).toBeTruthy();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('runs the steps in one transaction: a failing step leaves the file at its old version', () => {
    const file = path.join(tempDir(), 'advisor.db');
    buildDatabase(file, 2, (db) => {
      fillEarlier(db, 2);
      // Something (say, a hand-made index) already has the name step 3 wants.
      db.exec('CREATE INDEX benchmark_runs_by_fingerprint ON benchmark_runs(started_at)');
    });
    const before = dumpDatabase(file);
    expect(() => openStore(file)).toThrow(MigrationError);
    expect(() => openStore(file)).toThrow(/from database schema 2 to 3: .*already exists.*keeps schema 2/);
    expect(dumpDatabase(file)).toEqual(before);
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT name FROM pragma_table_info(?)').all('benchmark_runs') as { name: string }[]).map((c) => c.name)).not.toContain(
      'fingerprint',
    );
    db.close();
    // Not damage: nothing was moved aside.
    expect(existsSync(file)).toBe(true);
  });

  it('opening a current database twice migrates nothing', () => {
    const file = path.join(tempDir(), 'advisor.db');
    open(file).store.close();
    const { report } = open(file);
    expect(report.migratedFrom).toBeNull();
    expect(report.created).toBe(false);
    expect(report.message).toBe(`Opened ${file}.`);
  });
});
