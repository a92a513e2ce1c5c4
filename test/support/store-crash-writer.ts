/**
 * Child process for the crash test: writes to the store as fast as it can and reports each write
 * on stdout only after it has committed, until the parent kills it with SIGKILL. Every 40th
 * write it also starts an online backup, so some kills land in the middle of one.
 *
 * Lines: `scenario <id> 1`, `revision <id> <n>`, `benchmark <id>`, `backup`.
 */
import { writeSync } from 'node:fs';
import { openStore } from '../../src-main/store/open-store.js';
import { sampleBenchmark, sampleScenario } from './store-samples.js';

const [file, tag = 'x'] = process.argv.slice(2);
const { store } = openStore(file!);
const base = sampleScenario();

/** Synchronous, so the line is out before the next write starts (stdout to a pipe may be async elsewhere). */
function report(line: string): void {
  writeSync(1, `${line}\n`);
}

const mine: string[] = [];
let backingUp = false;
for (let n = 1; ; n++) {
  const name = `Crash ${tag}.${n}`;
  if (n % 3 === 1 || mine.length === 0) {
    const saved = store.scenarios.create({ ...base, name });
    mine.push(saved.id);
    report(`scenario ${saved.id} 1`);
  } else if (n % 3 === 2) {
    const id = mine[n % mine.length]!;
    const saved = store.scenarios.saveRevision(id, { ...base, name });
    report(`revision ${id} ${saved.revision}`);
  } else {
    const saved = store.benchmarks.save(sampleBenchmark(`run-${tag}-${n}`, `machine-${n % 4}`));
    report(`benchmark ${saved.record.id}`);
  }
  if (n % 40 === 0 && !backingUp) {
    backingUp = true;
    store.backupNow().then(
      () => {
        backingUp = false;
        report('backup');
      },
      (error: unknown) => {
        report(`backup-failed ${(error as Error).message}`);
        process.exit(3);
      },
    );
  }
  // Let the backup's steps and the event loop run between writes.
  if (n % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
}
