/**
 * A writer killed with SIGKILL at a random moment loses nothing it reported as committed, and
 * leaves a database that passes the integrity check and opens without any recovery. The same
 * database takes every kill in turn, so damage from one round would show up in the next.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/open-store.js';
import { integrityOf, tempDir } from '../support/store-fixtures.js';
import { exited, onLines, spawnTsx } from '../support/tsx-child.js';

const ROUNDS = 20;
const MAX_DELAY_MS = 400;

interface Committed {
  revisions: [string, number][];
  benchmarks: string[];
  backups: number;
}

/** Runs the writer until it has committed at least one write, waits a random time, and kills it. */
async function killWriterAtRandom(file: string, round: number, committed: Committed): Promise<number> {
  const child = spawnTsx('store-crash-writer.ts', [file, String(round)]);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const delay = Math.random() * MAX_DELAY_MS;
  let writes = 0;
  let scheduled = false;
  onLines(child.stdout, (line) => {
    const [kind, id, revision] = line.split(' ');
    if (kind === 'scenario' || kind === 'revision') committed.revisions.push([id!, Number(revision)]);
    else if (kind === 'benchmark') committed.benchmarks.push(id!);
    else if (kind === 'backup') committed.backups++;
    else throw new Error(`unexpected line from the writer: ${line}`);
    writes++;
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => child.kill('SIGKILL'), delay);
    }
  });
  const safety = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const { signal } = await exited(child);
  clearTimeout(safety);
  if (signal !== 'SIGKILL' || writes === 0) throw new Error(`writer ended on its own (${signal}): ${stderr}`);
  return writes;
}

describe('crash safety', () => {
  it(`keeps every committed write through ${ROUNDS} SIGKILLs at random moments`, async () => {
    const file = path.join(tempDir('advisor-crash-'), 'advisor.db');
    const committed: Committed = { revisions: [], benchmarks: [], backups: 0 };
    const started = Date.now();
    for (let round = 1; round <= ROUNDS; round++) {
      await killWriterAtRandom(file, round, committed);

      expect(integrityOf(file)).toBe('ok');
      const { store, report } = openStore(file);
      try {
        expect(report.recovered).toBe(false);
        const db = new Database(file, { readonly: true });
        const revisions = new Set(
          (db.prepare('SELECT scenario_id, revision FROM scenario_revisions').all() as { scenario_id: string; revision: number }[]).map(
            (r) => `${r.scenario_id}#${r.revision}`,
          ),
        );
        const benchmarks = new Set((db.prepare('SELECT id FROM benchmark_runs').all() as { id: string }[]).map((r) => r.id));
        db.close();
        const missingRevisions = committed.revisions.filter(([id, n]) => !revisions.has(`${id}#${n}`));
        const missingBenchmarks = committed.benchmarks.filter((id) => !benchmarks.has(id));
        expect(missingRevisions).toEqual([]);
        expect(missingBenchmarks).toEqual([]);
        // The last reported write reads back as a valid document through the store.
        const [lastId, lastRevision] = committed.revisions.at(-1)!;
        expect(store.scenarios.get(lastId, lastRevision).revision).toBe(lastRevision);
      } finally {
        store.close();
      }
      // A kill during a backup never costs the last good one.
      if (existsSync(`${file}.backup`)) expect(integrityOf(`${file}.backup`)).toBe('ok');
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `crash test: ${ROUNDS} kills, ${committed.revisions.length + committed.benchmarks.length} committed writes, ` +
        `${committed.backups} backups, ${seconds.toFixed(1)} s`,
    );
    expect(committed.backups).toBeGreaterThan(0);
  }, 180_000);
});
