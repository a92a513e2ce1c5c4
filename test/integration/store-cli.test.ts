import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src-main/store/migrations.js';
import { cli, cliJson, REPO_ROOT } from '../support/cli.js';
import { bytesOf, damagedDatabaseBytes, dumpDatabase, tempDir } from '../support/store-fixtures.js';
import { sampleBenchmark, sampleFit, sampleScenario, syntheticRuns } from '../support/store-samples.js';

function expectOneLineError(run: ReturnType<typeof cli>, mention: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(mention);
  expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
}

describe('sparsity-advisor scenarios', () => {
  const dir = tempDir('advisor-cli-store-');
  const db = path.join(dir, 'advisor.db');
  const scenarioFile = path.join(dir, 'scenario.json');
  writeFileSync(scenarioFile, JSON.stringify(sampleScenario('Line 3'), null, 2));

  it('saves, revises, renames, duplicates, archives and lists scenarios', () => {
    const saved = cliJson<any>('scenarios', 'save', '--file', scenarioFile, '--db', db);
    expect(saved.saved).toMatchObject({ revision: 1, name: 'Line 3' });
    expect(saved.database).toMatchObject({ created: true, recovered: false });
    const id: string = saved.saved.id;
    const short = id.slice(0, 8);

    writeFileSync(path.join(dir, 'edit.json'), JSON.stringify({ ...sampleScenario('Line 3'), currency: 'USD' }));
    const edited = cli('scenarios', 'save', '--file', path.join(dir, 'edit.json'), '--id', short, '--note', 'in dollars', '--db', db);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain(`Saved scenario "Line 3" (id ${id}), revision 2`);
    const stale = cli('scenarios', 'save', '--file', scenarioFile, '--id', short, '--expect-revision', '1', '--db', db);
    expectOneLineError(stale, '--expect-revision');

    expect(cliJson<any>('scenarios', 'rename', '--id', short, '--name', 'Line 3 (2027)', '--db', db).saved.revision).toBe(3);
    const copy = cliJson<any>('scenarios', 'duplicate', '--id', short, '--revision', '1', '--name', 'Line 4', '--db', db).saved;
    expect(cliJson<any>('scenarios', 'archive', '--id', copy.id, '--db', db).scenario.archivedAt).not.toBeNull();

    const listed = cli('scenarios', 'list', '--db', db);
    expect(listed.stdout).toContain('Line 3 (2027)');
    expect(listed.stdout).not.toContain('Line 4');
    const all = cliJson<any>('scenarios', 'list', '--all', '--db', db).scenarios;
    expect(all.map((s: any) => [s.name, s.latestRevision, s.archivedAt !== null])).toEqual([
      ['Line 4', 1, true],
      ['Line 3 (2027)', 3, false],
    ]);

    const shown = cli('scenarios', 'show', '--id', short, '--db', db);
    expect(shown.stdout).toContain('Revision 3 of 3');
    expect(shown.stdout).toMatch(/2\s+\S+ \S+\s+Line 3\s+in dollars/);
    const first = cliJson<any>('scenarios', 'show', '--id', short, '--revision', '1', '--db', db);
    expect(first.scenario.document.currency).toBe('JPY');
    expect(first.revisions).toHaveLength(3);
    // A write from the CLI refreshes the backup beside the database.
    expect(existsSync(`${db}.backup`)).toBe(true);
  });

  it('exports and imports scenarios, fits and benchmark runs between databases', () => {
    const other = path.join(dir, 'other.db');
    const [summary] = cliJson<any>('scenarios', 'list', '--db', db).scenarios;
    const exported = cliJson<any>('scenarios', 'export', '--id', summary.id, '--db', db);
    expect(exported.format).toBe('sparsity-advisor/scenario');
    expect(JSON.parse(cli('scenarios', 'export', '--id', summary.id, '--db', db).stdout)).toEqual(exported);

    const out = path.join(dir, 'exported.json');
    expect(cli('scenarios', 'export', '--id', summary.id, '--out', out, '--db', db).stdout).toContain(`Exported to ${out}`);
    const imported = cliJson<any>('scenarios', 'import', '--file', out, '--db', other).imported;
    expect(imported).toMatchObject({ kind: 'scenario', revision: 1, name: 'Line 3 (2027)' });
    expect(cliJson<any>('scenarios', 'export', '--id', imported.id, '--db', other)).toEqual(exported);

    const fit = sampleFit();
    const fitFile = path.join(dir, 'fit.json');
    writeFileSync(fitFile, JSON.stringify({ ...fit.document, runs: fit.runs, diagnostics: fit.fit.diagnostics }));
    const fitId = cliJson<any>('scenarios', 'import', '--file', fitFile, '--db', other).imported.id;
    const fitBack = cliJson<any>('scenarios', 'export', '--fit', fitId, '--db', other);
    expect(fitBack.runs).toEqual(fit.runs);
    expect(fitBack.coefficients).toEqual(fit.document.coefficients);

    const benchFile = path.join(dir, 'bench.json');
    writeFileSync(benchFile, JSON.stringify(sampleBenchmark('run-cli')));
    expect(cli('scenarios', 'import', '--file', benchFile, '--db', other).stdout).toContain('Imported benchmark run');
    expect(cli('scenarios', 'import', '--file', benchFile, '--db', other).stdout).toContain('already stored; nothing changed');
    expect(cliJson<any>('scenarios', 'export', '--benchmark', 'run-cli', '--db', other)).toEqual(sampleBenchmark('run-cli'));
  });

  it('refuses a bad import file with one line naming the field, and changes nothing', () => {
    const before = dumpDatabase(db);
    const wrong = path.join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ ...sampleScenario(), currency: 'yen' }));
    expectOneLineError(cli('scenarios', 'import', '--file', wrong, '--db', db), 'scenario.currency');
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, 'sparsity,nonzero_params\n0.5,1e6\n');
    expectOneLineError(cli('scenarios', 'import', '--file', notJson, '--db', db), '--file');
    expectOneLineError(cli('scenarios', 'save', '--file', notJson, '--db', db), 'not valid JSON');
    expectOneLineError(cli('scenarios', 'show', '--id', 'ffffffff', '--db', db), '--id');
    expectOneLineError(cli('scenarios', 'export', '--fit', 'nope', '--db', db), '--fit');
    expectOneLineError(cli('scenarios', 'export', '--db', db), 'exactly one of --id, --fit or --benchmark');
    expectOneLineError(cli('scenarios', 'frobnicate', '--db', db), 'unknown subcommand');
    expectOneLineError(cli('scenarios'), 'needs a subcommand');
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('refuses a database from a newer app and leaves it byte-identical', () => {
    const future = path.join(dir, 'future.db');
    const made = new Database(future);
    made.exec('CREATE TABLE t (x)');
    made.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    made.close();
    const bytes = bytesOf(future);
    const run = cli('scenarios', 'list', '--db', future);
    expectOneLineError(run, `--db: ${future} was written by a newer version of Sparsity Advisor`);
    expect(bytesOf(future)).toEqual(bytes);
  });

  it('tells the user on stderr when it had to recover the database', () => {
    const damaged = path.join(dir, 'damaged.db');
    const bytes = damagedDatabaseBytes();
    writeFileSync(damaged, bytes);
    const run = cli('scenarios', 'list', '--json', '--db', damaged);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^sparsity-advisor: warning: .*damaged.db was damaged .*moved to .*damaged\.db\.damaged-/);
    const out = JSON.parse(run.stdout);
    expect(out.database).toMatchObject({ recovered: true, restoredFrom: null });
    expect(readFileSync(out.database.movedAsideTo)).toEqual(bytes);
  });

  it('refuses a file that is not the app’s database and leaves it as it was (issue 18, defect 1)', () => {
    const list = path.join(dir, 'shopping.txt');
    writeFileSync(list, 'this is not a database, it is a shopping list');
    expectOneLineError(cli('scenarios', 'list', '--db', list), '--db');
    expect(readFileSync(list, 'utf8')).toBe('this is not a database, it is a shopping list');
  });

  it('uses the desktop app’s database when --db is not given', () => {
    const home = tempDir('advisor-home-');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/sparsity-advisor.js'), 'scenarios', 'save', '--file', scenarioFile], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(home, 'config', 'sparsity-advisor', 'advisor.db'))).toBe(true);
  });
});

describe('sparsity-advisor fit --save-db', () => {
  it('stores the fitted law with its runs and diagnostics', () => {
    const dir = tempDir('advisor-cli-fit-');
    const csv = path.join(dir, 'pilot.csv');
    const runs = syntheticRuns();
    writeFileSync(csv, ['sparsity,nonzero_params,data,loss,label', ...runs.map((r) => `${r.sparsity},${r.nonzero},${r.data},${r.loss},${r.label}`)].join('\n'));
    const db = path.join(dir, 'advisor.db');
    const out = cliJson<any>('fit', '--csv', csv, '--log-residuals', '--starts', '4', '--seed', '1', '--name', 'pilot', '--save-db', db);
    expect(out.stored).toMatchObject({ database: db });

    const stored = cliJson<any>('scenarios', 'export', '--fit', out.stored.id, '--db', db);
    expect(stored.name).toBe('pilot');
    expect(stored.coefficients).toEqual(out.fit.coefficients);
    expect(stored.runs).toHaveLength(24);
    expect(stored.runs[5]).toEqual(runs[5]);
    expect(stored.diagnostics.rmse).toBe(out.fit.diagnostics.rmse);
    expect(stored.source.citation).toContain('24 runs');

    const text = cli('fit', '--csv', csv, '--starts', '2', '--save-db', db);
    expect(text.stdout).toMatch(new RegExp(`Fit stored in ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} as [0-9a-f-]{36}`));
    expectOneLineError(cli('fit', '--csv', csv, '--starts', '2', '--save-db', ''), '--save-db');
  });
});
