/**
 * One test per numbered defect of issue 18 that the CLI shows, driven in-process through
 * runCli (test/support/run-cli.ts). Every awkward path (fifo, device node, link, read-only or
 * full disk, locked database) is made inside the test's own temporary folder.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type CliRun } from '../support/cli.js';
import { canMount, fillUp, makeDevice, makeFifo, mountTmpfs, remountReadOnly, unmount, scratch } from '../support/hostile-fs.js';
import { runInProcess } from '../support/run-cli.js';
import { tempDir as makeTempDir } from '../support/store-fixtures.js';
import { sampleScenario, syntheticRuns } from '../support/store-samples.js';

const mounts: string[] = [];
const temporary = scratch(makeTempDir);
const tempDir = temporary.dir;
afterAll(() => {
  mounts.forEach(unmount);
  temporary.cleanUp();
});

const SCENARIO = path.join(REPO_ROOT, 'resources/scenarios/visual-inspection.en.json');
const cli = (...args: string[]) => runInProcess(args);

function expectUsageError(run: CliRun, mention: string): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(mention);
}

function expectEnvironmentError(run: CliRun, mention: string): void {
  expect(run.code, run.stderr).toBe(3);
  expect(run.stderr).toContain(mention);
}

function snapshot(file: string): string {
  const stats = lstatSync(file);
  if (stats.isSymbolicLink()) return `link -> ${readlinkSync(file)}`;
  if (stats.isFile()) return `file ${readFileSync(file).toString('base64')}`;
  return `${stats.mode.toString(8)} ${stats.ino}`;
}

function csvFile(dir: string, name = 'pilot.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, ['sparsity,nonzero_params,data,loss', ...syntheticRuns().map((r) => `${r.sparsity},${r.nonzero},${r.data},${r.loss}`)].join('\n'));
  return file;
}

async function savedScenario(db: string, name = 'Line 3'): Promise<string> {
  const file = path.join(path.dirname(db), `${name.replace(/\W/g, '_')}.json`);
  writeFileSync(file, JSON.stringify(sampleScenario(name)));
  const run = await cli('scenarios', 'save', '--file', file, '--db', db, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).saved.id as string;
}

type Maker = (target: string, dir: string) => boolean;
const UNUSABLE: [string, Maker][] = [
  ['a text file', (t) => (writeFileSync(t, 'notes\n'), true)],
  ['an empty file', (t) => (writeFileSync(t, ''), true)],
  ['a fifo', (t) => (makeFifo(t), true)],
  ['a device node', (t) => makeDevice(t)],
  ['a link to a file', (t, d) => (writeFileSync(path.join(d, 'victim.txt'), 'keep'), symlinkSync(path.join(d, 'victim.txt'), t), true)],
  ['a dangling link', (t, d) => (symlinkSync(path.join(d, 'nowhere'), t), true)],
];

describe('defect 1: --db never takes over a file that is not the app’s database', () => {
  it.each(UNUSABLE)('%s given as --db is refused by list and save and left untouched', async (_what, make) => {
    const dir = tempDir();
    const target = path.join(dir, 'notes.txt');
    if (!make(target, dir)) return;
    const before = snapshot(target);
    const names = readdirSync(dir).sort();
    expectUsageError(await cli('scenarios', 'list', '--db', target), '--db');
    expectUsageError(await cli('scenarios', 'save', '--file', SCENARIO, '--db', target), '--db');
    expect(snapshot(target)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(names);
  });

  it('with --db and --file swapped, the user’s input file is not moved aside', async () => {
    const dir = tempDir();
    const input = path.join(dir, 's.json');
    writeFileSync(input, readFileSync(SCENARIO));
    const before = snapshot(input);
    expectUsageError(await cli('scenarios', 'save', '--db', input, '--file', input), '--db');
    expect(snapshot(input)).toBe(before);
    expect(readdirSync(dir)).toEqual(['s.json']);
  });

  it('a mistyped path creates no folder and no database', async () => {
    const dir = tempDir();
    expectUsageError(await cli('scenarios', 'save', '--file', SCENARIO, '--db', path.join(dir, 'tpyo', 'advisor.db')), 'does not exist');
    expectUsageError(await cli('scenarios', 'list', '--db', path.join(dir, 'advisr.db')), 'does not exist');
    expectUsageError(await cli('scenarios', 'export', '--id', 'abcd', '--db', path.join(dir, 'x', 'advisr.db')), '--db');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the app’s own database: read commands create nothing, a save creates its folder', async () => {
    const home = tempDir('advisor-home-');
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') };
    const listed = await runInProcess(['scenarios', 'list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('No scenarios');
    expect(readdirSync(home)).toEqual([]);
    expect((await runInProcess(['scenarios', 'save', '--file', SCENARIO], env)).code).toBe(0);
    expect(existsSync(path.join(home, 'config', 'sparsity-advisor', 'advisor.db'))).toBe(true);
  });
});

describe('defect 2: outputs never replace what they must not', () => {
  const dir = tempDir('advisor-outputs-');
  const db = path.join(dir, 'advisor.db');
  let id = '';
  let csv = '';
  beforeAll(async () => {
    id = await savedScenario(db);
    csv = csvFile(dir);
  });

  const writers: [string, (target: string) => string[]][] = [
    ['memo --out', (t) => ['memo', '--scenario', SCENARIO, '--out', t, '--force']],
    ['fit --save', (t) => ['fit', '--csv', csv, '--starts', '2', '--save', t]],
    ['scenarios export --out', (t) => ['scenarios', 'export', '--id', id, '--db', db, '--out', t]],
    ['bench --out', (t) => ['bench', '--quick', '--out', t]],
  ];
  const targets: [string, Maker][] = [...UNUSABLE.filter(([w]) => w !== 'a text file' && w !== 'an empty file'), ['a folder', (t) => (mkdirSync(t), true)]];

  for (const [writer, args] of writers) {
    it.each(targets)(`${writer} refuses %s and leaves it as it was`, async (_what, make) => {
      const here = tempDir();
      const target = path.join(here, 'out.file');
      if (!make(target, here)) return;
      const before = snapshot(target);
      const run = await runInProcess(args(target));
      expectUsageError(run, writer.split(' ').at(-1)!);
      expect(snapshot(target)).toBe(before);
      expect(readdirSync(here).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('writes through an unguessable temporary name: a link planted at the old predictable name is not followed', async () => {
    const here = tempDir();
    const victim = path.join(here, 'victim.txt');
    writeFileSync(victim, 'keep');
    const out = path.join(here, 'plan.json');
    symlinkSync(victim, path.join(here, `.plan.json.${process.pid}.tmp`));
    const run = await cli('scenarios', 'export', '--id', id, '--db', db, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('sparsity-advisor/scenario');
    expect(readdirSync(here).sort()).toEqual([`.plan.json.${process.pid}.tmp`, 'plan.json', 'victim.txt']);
  });
});

describe('defect 4: no input makes a command run without limit', () => {
  const dir = tempDir('advisor-limits-');
  const csv = csvFile(dir);

  it.each([
    [['--starts', '1000000000'], '--starts'],
    [['--bootstrap', '100000000'], '--bootstrap'],
    [['--seed', '99999999999999999999'], '--seed'],
  ])('fit %j is refused at once', async (extra, option) => {
    const started = Date.now();
    expectUsageError(await cli('fit', '--csv', csv, ...extra), option);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a CSV of a million rows is refused by its size before it is read', async () => {
    const big = path.join(dir, 'big.csv');
    const row = '0.5,1000000,1000000000,3.25\n';
    writeFileSync(big, `sparsity,nonzero_params,data,loss\n${row.repeat(1_000_000)}`);
    expectUsageError(await cli('fit', '--csv', big), '--csv');
  });

  it('a CSV over the row limit, and a fit over the work limit, are refused naming what to reduce', async () => {
    const many = path.join(dir, 'many.csv');
    writeFileSync(many, `sparsity,nonzero_params,data,loss\n${'0.5,1e6,1e9,3.25\n'.repeat(10_001)}`);
    expectUsageError(await cli('fit', '--csv', many), 'line 10002');
    const tenThousand = path.join(dir, 'ten-thousand.csv');
    writeFileSync(tenThousand, `sparsity,nonzero_params,data,loss\n${'0.5,1e6,1e9,3.25\n'.repeat(10_000)}`);
    expectUsageError(await cli('fit', '--csv', tenThousand, '--starts', '1000', '--bootstrap', '2000'), '--bootstrap');
  });
});

describe('defect 5: no option is silently ignored', () => {
  const dir = tempDir('advisor-ignored-');
  const db = path.join(dir, 'advisor.db');
  let id = '';
  beforeAll(async () => {
    id = await savedScenario(db);
    expect((await cli('scenarios', 'rename', '--id', id, '--name', 'Line 3 (2027)', '--db', db)).code).toBe(0);
  });

  it('rename --expect-revision refuses to rename over a newer revision', async () => {
    expectUsageError(await cli('scenarios', 'rename', '--id', id, '--name', 'Stale', '--expect-revision', '1', '--db', db), '--expect-revision');
    const shown = JSON.parse((await cli('scenarios', 'show', '--id', id, '--db', db, '--json')).stdout);
    expect(shown.revisions).toHaveLength(2);
    expect((await cli('scenarios', 'rename', '--id', id, '--name', 'Fresh', '--expect-revision', '2', '--db', db)).code).toBe(0);
  });

  it.each([
    [['save', '--file', SCENARIO, '--name', 'x'], '--name'],
    [['import', '--file', SCENARIO, '--note', 'x'], '--note'],
    [['list', '--file', SCENARIO], '--file'],
    [['list', '--out', 'x.json'], '--out'],
    [['archive', '--id', 'ID', '--revision', '1'], '--revision'],
    [['show', '--id', 'ID', '--out', 'x.json'], '--out'],
    [['export', '--fit', 'abcd', '--revision', '1'], '--revision'],
  ])('scenarios %j is an error naming %s', async (args, option) => {
    const run = await cli('scenarios', ...args.map((a) => (a === 'ID' ? id : a)), '--db', db);
    expectUsageError(run, option);
  });
});

describe('defect 6: numbers are read strictly', () => {
  const dir = tempDir('advisor-numbers-');
  const csv = csvFile(dir);

  it.each(['', ' ', '0x10', '0b11', '1e3', '+5', '-1', '1.0', '٣', '1_000'])('fit --starts %j is refused', async (value) => {
    expectUsageError(await cli('fit', '--csv', csv, '--starts', value), '--starts');
  });

  it('roi --seed "" is refused, not read as seed 0', async () => {
    expectUsageError(await cli('roi', '--scenario', SCENARIO, '--seed', ''), '--seed');
  });

  it('a repeated option is an error, not "the last one wins"', async () => {
    expectUsageError(await cli('law', '--family', 'vit', '--sparsity', '0.5', '--sparsity', '0.9', '--nonzero', '1e6', '--data', '1e9'), '--sparsity');
  });

  it('fit --at-sparsity abc is refused even without --bootstrap', async () => {
    expectUsageError(await cli('fit', '--csv', csv, '--at-sparsity', 'abc'), '--at-sparsity');
  });

  it('a CSV with a hexadecimal cell or a repeated column is refused naming the line', async () => {
    const hex = path.join(dir, 'hex.csv');
    writeFileSync(hex, 'sparsity,nonzero_params,data,loss\n0,0x10,1e9,3\n');
    expectUsageError(await cli('fit', '--csv', hex), 'line 2, column nonzero_params');
    const twice = path.join(dir, 'twice.csv');
    writeFileSync(twice, 'sparsity,nonzero_params,data,loss,loss\n0,1e6,1e9,3,4\n');
    expectUsageError(await cli('fit', '--csv', twice), 'line 1');
  });
});

describe('defect 7: every failure names an option and has its exit code', () => {
  const dir = tempDir('advisor-exit-');
  const db = path.join(dir, 'advisor.db');
  let id = '';
  beforeAll(async () => {
    id = await savedScenario(db);
  });

  it('an --out that is a folder, too long a name or a NUL exits 2 naming --out', async () => {
    expectUsageError(await cli('scenarios', 'export', '--id', id, '--db', db, '--out', dir), '--out');
    expectUsageError(await cli('scenarios', 'export', '--id', id, '--db', db, '--out', path.join(dir, 'x'.repeat(300))), '--out');
    expectUsageError(await cli('scenarios', 'export', '--id', id, '--db', db, '--out', path.join(dir, 'a\0b.json')), '--out');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('the command name %s is an unknown command', async (name) => {
    const run = await cli(name);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command');
    expect(run.stderr).not.toContain('is not a function');
  });

  it('errors name the option the user typed, not an internal field', async () => {
    const seed = await cli('roi', '--scenario', SCENARIO, '--seed', '4294967296');
    expectUsageError(seed, '--seed');
    expect(seed.stderr).not.toContain('uncertainty.seed');
    const boot = await cli('fit', '--csv', csvFile(dir), '--bootstrap', '1');
    expectUsageError(boot, '--bootstrap');
    expect(boot.stderr).not.toContain('resamples:');
  });

  it('a database locked by another writer exits 3 naming --db', async () => {
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      expectEnvironmentError(await cli('scenarios', 'rename', '--id', id, '--name', 'Locked out', '--db', db), '--db');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);
});


describe.skipIf(!canMount())('defects 7 and 8: read-only and full disks (skipped where tmpfs cannot be mounted)', () => {
  it('a read-only disk: list and export read a copy, writes exit 3', async () => {
    const disk = path.join(tempDir(), 'stick');
    expect(mountTmpfs(disk, 8 * 1024 * 1024)).toBe(true);
    mounts.push(disk);
    const db = path.join(disk, 'advisor.db');
    const id = await savedScenario(db, 'On the stick');
    remountReadOnly(disk);
    const listed = await cli('scenarios', 'list', '--db', db);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('On the stick');
    expect(listed.stderr).toContain('read from a copy');
    const exported = await cli('scenarios', 'export', '--id', id, '--db', db);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout).name).toBe('On the stick');
    expectEnvironmentError(await cli('scenarios', 'rename', '--id', id, '--name', 'x', '--db', db), '--db');
    expectEnvironmentError(await cli('scenarios', 'export', '--id', id, '--db', db, '--out', path.join(disk, 'out.json')), '--out');
  });

  it('a full disk: writes exit 3 naming the option, and nothing half-written is left', async () => {
    const disk = path.join(tempDir(), 'full');
    expect(mountTmpfs(disk, 2 * 1024 * 1024)).toBe(true);
    mounts.push(disk);
    const db = path.join(disk, 'advisor.db');
    const id = await savedScenario(db);
    fillUp(disk);
    expectEnvironmentError(await cli('scenarios', 'export', '--id', id, '--db', db, '--out', path.join(disk, 'out.json')), '--out');
    expectEnvironmentError(await cli('scenarios', 'save', '--file', SCENARIO, '--db', db), '--db');
    expect(readdirSync(disk).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('defect 9: a record with broken JSON is named', () => {
  it('show, export and duplicate exit 3 naming the scenario and its revision', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'advisor.db');
    const id = await savedScenario(db);
    const raw = new Database(db);
    raw.exec('DROP TRIGGER scenario_revisions_no_update');
    raw.prepare("UPDATE scenario_revisions SET document = document || char(0) || 'junk' WHERE scenario_id = ?").run(id);
    raw.close();
    for (const sub of ['show', 'export', 'duplicate']) {
      const run = await cli('scenarios', sub, '--id', id, '--db', db);
      expectEnvironmentError(run, `scenario ${id} revision 1`);
      expect(run.stderr).not.toContain('Unexpected');
    }
  });
});

describe('defect 10: names cannot carry terminal escapes', () => {
  it('stores names without control, bidirectional or lone-surrogate characters, and prints any that are stored escaped', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'advisor.db');
    const file = path.join(dir, 'evil.json');
    writeFileSync(file, JSON.stringify(sampleScenario('Line\u001b[31m 3\u0000\n\u202eevil\ud800')));
    const saved = await cli('scenarios', 'save', '--file', file, '--db', db, '--json');
    expect(saved.code, saved.stderr).toBe(0);
    const name = JSON.parse(saved.stdout).saved.name as string;
    expect(name).toBe('Line [31m 3 evil');
    // A name written into the file by something else is still printed safely.
    const raw = new Database(db);
    raw.exec('DROP TRIGGER scenario_revisions_no_update');
    raw.prepare('UPDATE scenario_revisions SET name = ?').run('Raw\u001b]0;pwned\u0007\u202e');
    raw.close();
    const listed = await cli('scenarios', 'list', '--db', db);
    expect(listed.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(listed.stdout).toContain('Raw\\u001b]0;pwned\\u0007\\u202e');
  });
});

describe('defect 12: a failed backup is reported, and repeated failures say there is no current backup', () => {
  it('puts the backup’s outcome in the result document and says so on stderr', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'advisor.db');
    await savedScenario(db);
    // Something in the way: the backup's place is taken by a folder, so every backup fails.
    rmSync(`${db}.backup`);
    mkdirSync(path.join(`${db}.backup`, 'in-the-way'), { recursive: true });
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await cli('scenarios', 'save', '--file', SCENARIO, '--db', db, '--json'));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('warning');
    }
    const documents = runs.map((r) => JSON.parse(r.stdout));
    expect(documents.map((d) => [d.backup.ok, d.backup.failuresInARow])).toEqual([
      [false, 1],
      [false, 2],
      [false, 3],
    ]);
    expect(documents[2].backup.current).toBe(false);
    const text = await cli('scenarios', 'save', '--file', SCENARIO, '--db', db);
    expect(text.stdout).toContain('has no current backup');
  });
});

describe('--help on every command and subcommand', () => {
  it.each([
    'law',
    'optimal',
    'fit',
    'roi',
    'memo',
    'bench',
    'scenarios',
    ...['list', 'show', 'save', 'import', 'export', 'rename', 'duplicate', 'archive', 'unarchive'].map((s) => `scenarios ${s}`),
  ])('%s --help (and -h) prints its usage and exits 0', async (words) => {
    const command = words.split(' ');
    for (const flag of ['--help', '-h']) {
      const run = await cli(...command, flag);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Usage: sparsity-advisor ${command.join(' ')}`);
      expect(run.stderr).toBe('');
    }
  });
});
