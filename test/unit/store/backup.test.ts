import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/open-store.js';
import type { AdvisorStore, BackupResult } from '../../../src-main/store/store.js';
import { dumpDatabase, tempDir } from '../../support/store-fixtures.js';
import { sampleBenchmark, sampleScenario } from '../../support/store-samples.js';
import { exited, spawnTsx } from '../../support/tsx-child.js';

const opened: AdvisorStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

function open(dir: string): AdvisorStore {
  const { store } = openStore(path.join(dir, 'advisor.db'));
  opened.push(store);
  return store;
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('online backup', () => {
  it('writes a verified, self-contained copy beside the database', async () => {
    const dir = tempDir();
    const store = open(dir);
    store.scenarios.create(sampleScenario());
    store.benchmarks.save(sampleBenchmark());
    const result = await store.backupNow();

    expect(result.path).toBe(`${store.path}.backup`);
    expect(result.bytes).toBe(statSync(result.path).size);
    // One file: no journal beside it, rollback-journal mode, and the same rows as the database.
    expect(readdirSync(dir).filter((n) => n.startsWith('advisor.db.backup'))).toEqual(['advisor.db.backup']);
    const backup = new Database(result.path, { readonly: true });
    expect(backup.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
    expect(dumpDatabase(result.path)).toEqual(dumpDatabase(store.path));
  });

  it('shares one copy between callers who ask at the same time', async () => {
    const store = open(tempDir());
    store.scenarios.create(sampleScenario());
    const [a, b] = [store.backupNow(), store.backupNow()];
    expect(a).toBe(b);
    await a;
  });

  it('keeps what was committed during the backup for the next one', async () => {
    const store = open(tempDir());
    store.scenarios.create(sampleScenario('Before'));
    const running = store.backupNow();
    store.scenarios.create(sampleScenario('During'));
    await running;
    await store.backupNow();
    const backup = openStore(`${store.path}.backup`, { backupPath: `${store.path}.backup.backup` });
    opened.push(backup.store);
    expect(backup.store.scenarios.list().map((s) => s.name).sort()).toEqual(['Before', 'During']);
  });

  it('the timer backs up after a change and skips when nothing changed', async () => {
    const store = open(tempDir());
    const results: (BackupResult | Error)[] = [];
    const stop = store.startBackupTimer(20, (r) => results.push(r));
    store.scenarios.create(sampleScenario('First'));
    await until(() => results.length === 1);
    expect(results[0]).toMatchObject({ path: store.backupPath });
    await new Promise((r) => setTimeout(r, 150));
    expect(results).toHaveLength(1);
    store.scenarios.create(sampleScenario('Second'));
    await until(() => results.length === 2);
    stop();
    store.scenarios.create(sampleScenario('Third'));
    await new Promise((r) => setTimeout(r, 150));
    expect(results).toHaveLength(2);
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
  });

  it('the timer notices changes committed by another connection (the CLI beside the app)', async () => {
    const dir = tempDir();
    const app = open(dir);
    const results: (BackupResult | Error)[] = [];
    app.startBackupTimer(20, (r) => results.push(r));
    await until(() => results.length === 1);
    const cli = open(dir);
    cli.scenarios.create(sampleScenario('From the CLI'));
    await until(() => results.length === 2);
  });

  it('reports a failed backup to the callback instead of throwing', async () => {
    const dir = tempDir();
    const { store } = openStore(path.join(dir, 'advisor.db'), { backupPath: path.join(dir, 'no-such-folder', 'advisor.db.backup') });
    opened.push(store);
    const results: (BackupResult | Error)[] = [];
    store.startBackupTimer(20, (r) => results.push(r));
    await until(() => results.length >= 1);
    expect(results[0]).toBeInstanceOf(Error);
    await expect(store.backupNow()).rejects.toThrow();
    expect(existsSync(path.join(dir, 'no-such-folder'))).toBe(false);
  });

  it('the timer never keeps the process alive', async () => {
    const child = spawnTsx('store-timer-child.ts', [path.join(tempDir(), 'advisor.db')]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const { code, signal } = await exited(child);
    clearTimeout(killer);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(out).toBe('timer started\n');
  });
});
