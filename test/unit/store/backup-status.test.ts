/**
 * A failed backup is a status the CLI and the app report, and repeated failures say plainly that
 * the database has no current backup (issue 18, defect 12).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupWithStatus, failuresFile, REPEATED_BACKUP_FAILURES } from '../../../src-main/store/backup-status.js';
import { openStore } from '../../../src-main/store/open-store.js';
import { tempDir } from '../../support/store-fixtures.js';
import { sampleScenario } from '../../support/store-samples.js';

describe('backup status', () => {
  it('counts failures in a row across openings, says when the backup is no longer current, and clears on success', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    const first = openStore(file);
    first.store.scenarios.create(sampleScenario());
    expect(await backupWithStatus(first.store)).toMatchObject({ ok: true, current: true, failuresInARow: 0, error: null });
    first.store.close();

    // Something in the way of the backup (a folder where its temporary copy goes) makes every backup fail.
    const blocker = path.join(dir, 'advisor.db.backup');
    const statuses = [];
    for (let i = 0; i < REPEATED_BACKUP_FAILURES; i++) {
      const { store } = openStore(file);
      store.scenarios.create(sampleScenario(`Change ${i}`));
      rmSync(blocker, { recursive: true, force: true });
      mkdirSync(path.join(blocker, 'in-the-way'), { recursive: true });
      statuses.push(await backupWithStatus(store));
      store.close();
    }
    expect(statuses.map((s) => [s.ok, s.failuresInARow])).toEqual([
      [false, 1],
      [false, 2],
      [false, 3],
    ]);
    expect(statuses.every((s) => s.error !== null && s.error.length > 0)).toBe(true);
    // No regular backup file any more (a folder is in its place): no current backup from the first failure.
    expect(statuses.map((s) => s.current)).toEqual([false, false, false]);

    rmSync(blocker, { recursive: true, force: true });
    const { store } = openStore(file);
    expect(await backupWithStatus(store)).toMatchObject({ ok: true, current: true, failuresInARow: 0 });
    store.close();
    expect(existsSync(failuresFile(blocker))).toBe(false);
  });

  it('keeps the old backup current after one failure, and not after repeated ones', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'advisor.db');
    const { store } = openStore(file);
    store.scenarios.create(sampleScenario());
    await backupWithStatus(store);
    const failing = Object.assign(Object.create(null), store, { backupNow: () => Promise.reject(new Error('No space left on device')) });
    const seen = [];
    for (let i = 0; i < REPEATED_BACKUP_FAILURES; i++) seen.push(await backupWithStatus(failing));
    expect(seen.map((s) => s.current)).toEqual([true, true, false]);
    expect(seen[2]).toMatchObject({ ok: false, failuresInARow: 3, error: 'No space left on device' });
    expect(seen[2]!.takenAt).not.toBeNull();
    store.close();
  });
});
