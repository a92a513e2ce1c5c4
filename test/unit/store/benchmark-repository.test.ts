import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import { openStore } from '../../../src-main/store/open-store.js';
import { saveBenchmarkRun } from '../../../src-main/store/save-benchmark-run.js';
import type { AdvisorStore } from '../../../src-main/store/store.js';
import { dumpDatabase, tempDir } from '../../support/store-fixtures.js';
import { sampleBenchmark } from '../../support/store-samples.js';

let file: string;
let store: AdvisorStore;
beforeEach(() => {
  file = path.join(tempDir(), 'advisor.db');
  store = openStore(file).store;
});
afterEach(() => store.close());

function at(id: string, machine: string, day: number, cpu = `CPU of ${machine}`) {
  return { ...sampleBenchmark(id, machine, cpu), createdAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z` };
}

describe('benchmark runs', () => {
  it('keeps the whole document and groups runs by hardware fingerprint', () => {
    saveBenchmarkRun(store, at('r1', 'laptop', 1));
    saveBenchmarkRun(store, at('r2', 'server', 2));
    saveBenchmarkRun(store, at('r3', 'laptop', 3));
    expect(store.benchmarks.get('r2').document).toEqual(at('r2', 'server', 2));
    expect(store.benchmarks.list({ fingerprint: 'laptop' }).map((r) => r.id)).toEqual(['r3', 'r1']);
    expect(store.benchmarks.list().map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect(store.benchmarks.machines()).toEqual([
      { fingerprint: 'laptop', cpuModel: 'CPU of laptop', runs: 2, latestStartedAt: '2026-11-03T10:00:00.000Z' },
      { fingerprint: 'server', cpuModel: 'CPU of server', runs: 1, latestStartedAt: '2026-11-02T10:00:00.000Z' },
    ]);
    expect(store.benchmarks.list({ fingerprint: 'unknown' })).toEqual([]);
  });

  it('looks runs of one machine up through the fingerprint index', () => {
    saveBenchmarkRun(store, at('r1', 'laptop', 1));
    const db = new Database(file, { readonly: true });
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM benchmark_runs WHERE fingerprint = 'laptop' ORDER BY started_at").all() as {
      detail: string;
    }[];
    db.close();
    expect(plan.map((p) => p.detail).join(' ')).toContain('benchmark_runs_by_fingerprint');
  });

  it('saving the same run twice is harmless; a different run under the same id is refused', () => {
    expect(saveBenchmarkRun(store, at('r1', 'laptop', 1))).toEqual({ id: 'r1', fingerprint: 'laptop', inserted: true });
    expect(saveBenchmarkRun(store, JSON.parse(JSON.stringify(at('r1', 'laptop', 1))))).toMatchObject({ inserted: false });
    const before = dumpDatabase(file);
    expect(() => saveBenchmarkRun(store, at('r1', 'laptop', 2))).toThrow(/benchmark\.id: a different benchmark run/);
    expect(dumpDatabase(file)).toEqual(before);
  });

  it('keeps runs stored as format v1 readable, as v2 from a development machine, and saving them again is harmless', () => {
    const v2 = at('r1', 'laptop', 1);
    const { role: _role, ...rest } = v2;
    const v1 = { ...rest, version: 1, inventory: { ...v2.inventory, adapters: undefined } };
    delete v1.inventory.adapters;
    // A store written by the previous app version holds the v1 text as it was.
    const db = new Database(file);
    db.prepare(
      'INSERT INTO benchmark_runs (id, started_at, app_version, format_version, document, fingerprint, saved_at) VALUES (?, ?, ?, 1, ?, ?, ?)',
    ).run(v1.id, v1.createdAt, v1.appVersion, JSON.stringify(v1), v1.inventory.fingerprint, '2026-11-01T00:00:00.000Z');
    db.close();
    const read = store.benchmarks.get('r1').document;
    expect(read).toMatchObject({ version: 2, role: 'development' });
    expect(read.inventory.adapters).toEqual([
      { provider: 'cuda', vendor: null, name: null, driver: null, type: 'unknown', source: 'not-recorded', note: expect.stringContaining('format version 1') },
    ]);
    expect(saveBenchmarkRun(store, v1)).toMatchObject({ inserted: false });
    expect(saveBenchmarkRun(store, read)).toMatchObject({ inserted: false });
  });

  it('names the bad field of a result document', () => {
    const bad = structuredClone(at('r1', 'laptop', 1)) as any;
    bad.inventory.fingerprint = '';
    try {
      saveBenchmarkRun(store, bad);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('benchmark.inventory.fingerprint');
    }
    expect(store.benchmarks.list()).toEqual([]);
  });
});
