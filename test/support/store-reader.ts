/**
 * Child process for the concurrency test: reads the store in a loop while another connection
 * writes, until its stdin closes, then prints one JSON summary. Every read checks invariants
 * that only hold if each logical write is one transaction and each read sees one snapshot:
 * every scenario has its first revision, revision numbers have no gaps, and counts never go back.
 */
import Database from 'better-sqlite3';
import { openStore } from '../../src-main/store/open-store.js';

const file = process.argv[2]!;
const { store } = openStore(file);
const db = new Database(file, { readonly: true, timeout: 5000 });

const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
const snapshot = db.transaction(() => ({
  scenarios: count('SELECT count(*) AS n FROM scenarios'),
  revisions: count('SELECT count(*) AS n FROM scenario_revisions'),
  withoutRevision: count(
    'SELECT count(*) AS n FROM scenarios s WHERE NOT EXISTS (SELECT 1 FROM scenario_revisions r WHERE r.scenario_id = s.id AND r.revision = 1)',
  ),
  gaps: count(
    'SELECT count(*) AS n FROM (SELECT max(revision) AS m, count(*) AS c FROM scenario_revisions GROUP BY scenario_id) WHERE m != c',
  ),
  benchmarks: count('SELECT count(*) AS n FROM benchmark_runs'),
}));

let stop = false;
process.stdin.on('end', () => (stop = true));
process.stdin.resume();

const errors: string[] = [];
let reads = 0;
let first: ReturnType<typeof snapshot> | null = null;
let last: ReturnType<typeof snapshot> | null = null;
process.stdout.write('ready\n');

while (!stop) {
  try {
    const now = snapshot();
    if (now.withoutRevision !== 0) errors.push(`read ${reads}: ${now.withoutRevision} scenarios without their first revision`);
    if (now.gaps !== 0) errors.push(`read ${reads}: ${now.gaps} scenarios with a gap in their revisions`);
    if (last && (now.revisions < last.revisions || now.benchmarks < last.benchmarks)) errors.push(`read ${reads}: counts went back`);
    // The same through the store's own API: the list and each scenario's latest document agree.
    for (const summary of store.scenarios.list({ includeArchived: true }).slice(0, 5)) {
      const latest = store.scenarios.get(summary.id);
      if (latest.revision < summary.latestRevision) errors.push(`read ${reads}: ${summary.id} went back a revision`);
      if (latest.revision === summary.latestRevision && latest.document.name !== summary.name) {
        errors.push(`read ${reads}: list and document disagree on the name of ${summary.id}`);
      }
    }
    first ??= now;
    last = now;
    reads++;
  } catch (error) {
    errors.push(`read ${reads}: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
  }
  await new Promise((resolve) => setImmediate(resolve));
}
store.close();
db.close();
process.stdout.write(`${JSON.stringify({ reads, errors: errors.slice(0, 20), errorCount: errors.length, first, last })}\n`);
