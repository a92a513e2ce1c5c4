import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/open-store.js';
import type { AdvisorStore } from '../../../src-main/store/store.js';
import { dumpDatabase, steppingClock, tempDir } from '../../support/store-fixtures.js';
import { sampleScenario } from '../../support/store-samples.js';
import { fieldOf } from '../../support/errors.js';

let file: string;
let store: AdvisorStore;
beforeEach(() => {
  file = path.join(tempDir(), 'advisor.db');
  store = openStore(file, { now: steppingClock() }).store;
});
afterEach(() => store.close());

describe('scenario revisions', () => {
  it('keeps every revision: an edit adds one and the old one reads back unchanged', () => {
    const first = store.scenarios.create(sampleScenario('Plan A'), { note: 'first draft' });
    const edited = { ...sampleScenario('Plan A'), currency: 'USD' };
    const second = store.scenarios.saveRevision(first.id, edited, { note: 'priced in dollars' });

    expect(second).toMatchObject({ id: first.id, revision: 2, note: 'priced in dollars' });
    expect(store.scenarios.get(first.id).document.currency).toBe('USD');
    expect(store.scenarios.get(first.id, 1).document).toEqual(sampleScenario('Plan A'));
    expect(store.scenarios.get(first.id, 1).note).toBe('first draft');
    expect(store.scenarios.revisions(first.id).map((r) => [r.revision, r.note])).toEqual([
      [1, 'first draft'],
      [2, 'priced in dollars'],
    ]);
  });

  it('the database itself refuses to change or delete a revision', () => {
    const saved = store.scenarios.create(sampleScenario());
    store.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE scenario_revisions SET name = 'x'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM scenario_revisions').run()).toThrow(/never deleted/);
    db.close();
    store = openStore(file).store;
    expect(store.scenarios.get(saved.id).name).toBe(saved.name);
  });

  it('renames by adding a revision whose document carries the new name', () => {
    const saved = store.scenarios.create(sampleScenario('Old name'));
    const renamed = store.scenarios.rename(saved.id, 'New name');
    expect(renamed).toMatchObject({ revision: 2, name: 'New name', note: 'renamed from Old name' });
    expect(renamed.document.name).toBe('New name');
    expect(store.scenarios.get(saved.id, 1).name).toBe('Old name');
    expect(fieldOf(() => store.scenarios.rename(saved.id, '   '))).toBe('scenario.name');
    expect(store.scenarios.revisions(saved.id)).toHaveLength(2);
  });

  it('duplicates a chosen revision into a new scenario that remembers its origin', () => {
    const saved = store.scenarios.create(sampleScenario('Original'));
    store.scenarios.saveRevision(saved.id, { ...sampleScenario('Original'), currency: 'EUR' });
    const copy = store.scenarios.duplicate(saved.id, { revision: 1 });
    expect(copy.id).not.toBe(saved.id);
    expect(copy).toMatchObject({ revision: 1, name: 'Original (copy)' });
    expect(copy.document.currency).toBe('JPY');
    const named = store.scenarios.duplicate(saved.id, { name: 'Variant' });
    expect(named.document.currency).toBe('EUR');
    const summary = store.scenarios.list().find((s) => s.id === named.id)!;
    expect(summary.copiedFrom).toEqual({ id: saved.id, revision: 2 });
    expect(store.scenarios.revisions(saved.id)).toHaveLength(2);
  });

  it('lists the latest revision of each scenario, newest first; archived ones only when asked', () => {
    const a = store.scenarios.create(sampleScenario('A'));
    const b = store.scenarios.create(sampleScenario('B'));
    store.scenarios.rename(a.id, 'A, revised');
    expect(store.scenarios.list().map((s) => [s.name, s.latestRevision])).toEqual([
      ['A, revised', 2],
      ['B', 1],
    ]);

    const archived = store.scenarios.archive(b.id);
    expect(archived.archivedAt).not.toBeNull();
    expect(store.scenarios.archive(b.id).archivedAt).toBe(archived.archivedAt);
    expect(store.scenarios.list().map((s) => s.name)).toEqual(['A, revised']);
    expect(store.scenarios.list({ includeArchived: true }).map((s) => s.name)).toEqual(['A, revised', 'B']);
    // Archived is hidden, not gone: it can still be shown and brought back.
    expect(store.scenarios.get(b.id).archivedAt).toBe(archived.archivedAt);
    expect(store.scenarios.unarchive(b.id).archivedAt).toBeNull();
    expect(store.scenarios.list()).toHaveLength(2);
  });

  it('refuses a save based on a revision that is no longer the latest', () => {
    const saved = store.scenarios.create(sampleScenario());
    store.scenarios.saveRevision(saved.id, sampleScenario('Other window'), { expectedRevision: 1 });
    expect(fieldOf(() => store.scenarios.saveRevision(saved.id, sampleScenario('Stale'), { expectedRevision: 1 }))).toBe('expectedRevision');
    expect(store.scenarios.get(saved.id).name).toBe('Other window');
  });

  it('names the field of a bad document and stores nothing', () => {
    const before = dumpDatabase(file);
    const bad = { ...sampleScenario(), currency: 'yen' };
    expect(fieldOf(() => store.scenarios.create(bad))).toBe('scenario.currency');
    const wrongUnit = structuredClone(sampleScenario()) as any;
    wrongUnit.deployment.horizonMonths.value = 2.5;
    expect(fieldOf(() => store.scenarios.create(wrongUnit))).toBe('scenario.deployment.horizonMonths.value');
    expect(dumpDatabase(file)).toEqual(before);
  });

  it('names the unknown id or revision', () => {
    const saved = store.scenarios.create(sampleScenario());
    expect(fieldOf(() => store.scenarios.get('no-such-id'))).toBe('scenarioId');
    expect(fieldOf(() => store.scenarios.get(saved.id, 7))).toBe('revision');
    expect(fieldOf(() => store.scenarios.saveRevision('no-such-id', sampleScenario()))).toBe('scenarioId');
    expect(fieldOf(() => store.scenarios.archive('no-such-id'))).toBe('scenarioId');
  });

  it('resolves a unique id prefix of four or more characters', () => {
    const saved = store.scenarios.create(sampleScenario());
    expect(store.scenarios.resolveId(saved.id)).toBe(saved.id);
    expect(store.scenarios.resolveId(saved.id.slice(0, 6))).toBe(saved.id);
    expect(() => store.scenarios.resolveId(saved.id.slice(0, 3))).toThrow(/at least 4/);
    expect(() => store.scenarios.resolveId('zzzzzz')).toThrow(/no scenario/);
  });

  it('writes a scenario and its first revision together or not at all', () => {
    store.close();
    const db = new Database(file);
    db.exec("CREATE TRIGGER fail_revision BEFORE INSERT ON scenario_revisions BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
    db.close();
    store = openStore(file).store;
    expect(() => store.scenarios.create(sampleScenario())).toThrow(/disk said no/);
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM scenarios').get()).toEqual({ n: 0 });
    check.close();
  });
});
