/** The end of every benchmark command (hardware check or own model): --out, --save-db, and where the run went. */
import type { BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { writeBenchmarkFile } from '../bench/result-file.js';
import { saveBenchmarkRun } from '../store/save-benchmark-run.js';
import type { CommandResult } from './command.js';
import { withStore } from './store-access.js';

/** Writes --out and --save-db for a finished run (hardware check or own model) and says where it went. */
export function finishBenchmark(doc: BenchmarkResult, table: string, out: string | undefined, database: string | undefined): CommandResult & { exitCode: number } {
  if (out !== undefined) writeBenchmarkFile('--out', out, doc);
  const saved = database === undefined ? null : withStore(database, 'write', (store) => saveBenchmarkRun(store, doc), '--save-db');
  const text = [
    table,
    ...(out !== undefined ? [`Result written to ${out}`] : []),
    ...(saved ? [`Saved to ${database} as benchmark ${saved.id} (machine ${saved.fingerprint}${saved.inserted ? '' : ', already there'})`] : []),
  ].join('\n');
  return { document: doc, text, exitCode: doc.cancelled ? 130 : 0 };
}
