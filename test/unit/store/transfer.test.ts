import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCoefficientsDocument } from '../../../src-main/core/law/coefficients-file.js';
import { fitInputFromLawFit } from '../../../src-main/store/fit-repository.js';
import { openStore } from '../../../src-main/store/open-store.js';
import type { AdvisorStore } from '../../../src-main/store/store.js';
import { exportBenchmark, exportFit, exportScenario, importDocument, parseImportText } from '../../../src-main/store/transfer.js';
import { dumpDatabase, tempDir } from '../../support/store-fixtures.js';
import { customLawScenario, sampleBenchmark, sampleFit, sampleScenario } from '../../support/store-samples.js';
import { fieldOf } from '../../support/errors.js';

const opened: AdvisorStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

function open(): AdvisorStore {
  const { store } = openStore(path.join(tempDir(), 'advisor.db'));
  opened.push(store);
  return store;
}

/** Through text, the way a file carries it between machines. */
function carried(value: unknown, name = 'import.json'): unknown {
  return parseImportText(JSON.stringify(value, null, 2), name);
}

const fit = sampleFit();

describe('export and import', () => {
  it('round-trips scenarios on a preset and on a custom law', () => {
    const from = open();
    const to = open();
    for (const scenario of [sampleScenario(), customLawScenario(fit.document)]) {
      const saved = from.scenarios.create(scenario);
      const exported = exportScenario(from, saved.id);
      expect(exported).toEqual(scenario);
      const imported = importDocument(to, carried(exported));
      expect(imported).toMatchObject({ kind: 'scenario', revision: 1, name: scenario.name, inserted: true });
      expect(exportScenario(to, imported.id)).toEqual(exported);
    }
  });

  it('exports a chosen revision, and imports into an existing scenario as its next revision', () => {
    const store = open();
    const saved = store.scenarios.create(sampleScenario('v1'));
    store.scenarios.saveRevision(saved.id, sampleScenario('v2'));
    const first = exportScenario(store, saved.id, 1);
    expect(first.name).toBe('v1');
    const imported = importDocument(store, carried(first), { into: saved.id });
    expect(imported).toMatchObject({ id: saved.id, revision: 3, name: 'v1' });
    expect(store.scenarios.revisions(saved.id).map((r) => r.note)).toEqual([null, null, 'imported']);
  });

  it('round-trips a fit with its runs and diagnostics; the file also works as a coefficients file', () => {
    const from = open();
    const to = open();
    const saved = from.fits.save(fitInputFromLawFit(fit.fit, fit.runs, 'pilot', 'fit of 24 runs', 'pilot.csv'));
    const exported = exportFit(from, saved.id);
    expect(exported.runs).toEqual(fit.runs);
    expect(exported.diagnostics).toEqual(fit.fit.diagnostics);
    expect(parseCoefficientsDocument(carried(exported)).coefficients).toEqual(fit.fit.coefficients);

    const imported = importDocument(to, carried(exported), { source: 'pilot-export.json' });
    expect(imported).toMatchObject({ kind: 'fit', name: 'pilot', revision: null });
    expect(exportFit(to, imported.id)).toEqual(exported);
    expect(to.fits.get(imported.id).source).toBe('pilot-export.json');
  });

  it('imports a plain `fit --save` coefficients file as a fit without runs', () => {
    const store = open();
    const imported = importDocument(store, carried(fit.document));
    expect(store.fits.get(imported.id)).toMatchObject({ runs: [], diagnostics: null, document: fit.document });
  });

  it('round-trips a benchmark run; importing it again changes nothing', () => {
    const from = open();
    const to = open();
    from.benchmarks.save(sampleBenchmark('run-1', 'machine-a'));
    const exported = exportBenchmark(from, 'run-1');
    expect(exported).toEqual(sampleBenchmark('run-1', 'machine-a'));
    expect(importDocument(to, carried(exported))).toMatchObject({ kind: 'benchmark', id: 'run-1', inserted: true });
    expect(exportBenchmark(to, 'run-1')).toEqual(exported);
    expect(to.benchmarks.list({ fingerprint: 'machine-a' })).toHaveLength(1);
    expect(importDocument(to, carried(exported))).toMatchObject({ inserted: false });
    expect(to.benchmarks.list()).toHaveLength(1);
  });

  it('a bad file names the field and leaves the database unchanged', () => {
    const store = open();
    const kept = store.scenarios.create(sampleScenario('Kept'));
    store.benchmarks.save(sampleBenchmark('run-1'));
    const before = dumpDatabase(store.path);

    const badScenario = structuredClone(sampleScenario()) as any;
    badScenario.data.available.value = 1;
    const badBenchmark = structuredClone(sampleBenchmark('run-2')) as any;
    badBenchmark.table[0].kind = 'guessed';
    const cases: [() => unknown, string][] = [
      [() => parseImportText('{"format": "sparsity-advisor/scenario", ', 'scenario.json'), 'scenario.json'],
      [() => importDocument(store, carried(badScenario)), 'scenario.baseline.uniqueData.value'],
      [() => importDocument(store, carried({ ...sampleScenario(), currency: 12 })), 'scenario.currency'],
      [() => importDocument(store, carried(badBenchmark)), 'benchmark.table.0.kind'],
      [() => importDocument(store, carried({ ...fit.document, runs: [{ sparsity: 0.5 }] })), 'fit.runs.0.nonzero'],
      [() => importDocument(store, carried({ ...fit.document, coefficients: { ...fit.document.coefficients, c: 'x' } })), 'fit.coefficients.c'],
      [() => importDocument(store, carried({ format: 'something/else' })), 'document.format'],
      [() => importDocument(store, carried([1, 2])), 'document'],
      [() => importDocument(store, carried(fit.document), { into: kept.id }), 'into'],
      [() => importDocument(store, carried(sampleScenario()), { into: 'no-such-scenario' }), 'scenarioId'],
    ];
    for (const [work, field] of cases) expect(fieldOf(work)).toBe(field);
    expect(dumpDatabase(store.path)).toEqual(before);
  });

  it('nothing is half-imported when the write itself fails', () => {
    const store = open();
    const file = store.path;
    store.close();
    const db = new Database(file);
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON scenario_revisions BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    db.close();
    const reopened = openStore(file).store;
    opened.push(reopened);
    const before = dumpDatabase(file);
    expect(() => importDocument(reopened, carried(sampleScenario()))).toThrow(/disk full/);
    expect(dumpDatabase(file)).toEqual(before);
  });
  it('imports a benchmark run under the role the importer states', () => {
    const store = open();
    const imported = importDocument(store, carried(sampleBenchmark('run-on-server')), { role: 'deployment' });
    expect(imported).toMatchObject({ kind: 'benchmark', id: 'run-on-server', inserted: true });
    expect(exportBenchmark(store, 'run-on-server').role).toBe('deployment');
    store.close();
  });
});
