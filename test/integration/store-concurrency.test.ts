/**
 * Several reader processes read while one writer commits: thanks to WAL and busy_timeout no
 * reader ever fails with SQLITE_BUSY, and every read sees a consistent state.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/open-store.js';
import { tempDir } from '../support/store-fixtures.js';
import { sampleBenchmark, sampleScenario } from '../support/store-samples.js';
import { exited, onLines, spawnTsx } from '../support/tsx-child.js';

const READERS = 3;
/** A fixed number of writes, not a time budget: a loaded machine must not make the test fail. */
const WRITES = 300;

interface Summary {
  reads: number;
  errors: string[];
  errorCount: number;
  first: { revisions: number; benchmarks: number };
  last: { revisions: number; benchmarks: number };
}

describe('concurrent readers and one writer', () => {
  it('readers never fail or see a half-written change', async () => {
    const file = path.join(tempDir('advisor-concurrency-'), 'advisor.db');
    const { store } = openStore(file);
    store.scenarios.create(sampleScenario('Seed'));

    const readers = Array.from({ length: READERS }, () => spawnTsx('store-reader.ts', [file]));
    const summaries: Summary[] = [];
    const stderr: string[] = readers.map(() => '');
    const ready = readers.map(
      (reader, i) =>
        new Promise<void>((resolve) => {
          reader.stderr.on('data', (d) => (stderr[i] += d));
          onLines(reader.stdout, (line) => (line === 'ready' ? resolve() : summaries.push(JSON.parse(line) as Summary)));
        }),
    );
    await Promise.all(ready);

    const base = sampleScenario();
    const ids = store.scenarios.list().map((s) => s.id);
    let writes = 0;
    let backup: Promise<unknown> = Promise.resolve();
    while (writes < WRITES) {
      const n = ++writes;
      const id = ids[n % ids.length]!;
      switch (n % 6) {
        case 0:
          ids.push(store.scenarios.create({ ...base, name: `New ${n}` }).id);
          break;
        case 1:
          ids.push(store.scenarios.duplicate(id, { name: `Copy ${n}` }).id);
          break;
        case 2:
          store.scenarios.rename(id, `Renamed ${n}`);
          break;
        case 3:
          store.benchmarks.save(sampleBenchmark(`run-${n}`, `machine-${n % 3}`));
          break;
        case 4:
          if (n % 12 === 4) store.scenarios.archive(id);
          else store.scenarios.unarchive(id);
          break;
        default:
          store.scenarios.saveRevision(id, { ...base, name: `Edit ${n}` });
      }
      if (n % 100 === 0) backup = store.backupNow();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await backup;
    for (const reader of readers) reader.stdin.end();
    await Promise.all(readers.map((r) => exited(r)));
    store.close();

    expect(stderr.join('')).toBe('');
    expect(summaries).toHaveLength(READERS);
    for (const summary of summaries) {
      expect(summary.errors).toEqual([]);
      expect(summary.reads).toBeGreaterThan(2);
      // Each reader really overlapped the writes: it saw the data grow while it read.
      expect(summary.last.revisions).toBeGreaterThan(summary.first.revisions);
    }
    console.info(`concurrency test: ${writes} writes, reads per reader ${summaries.map((s) => s.reads).join(', ')}`);
  }, 60_000);
});
