/**
 * A seeded, bounded fuzz test of the CLI (issue 18): thousands of generated bad invocations
 * driven in-process through runCli, and a sample of them again as real processes through the bin
 * script. Every case must fail cleanly: exit 2 (3 for a read-only or full disk or a locked
 * database), one error line that names an option, file or line the user can see, no NaN, no
 * output on stdout, no hang, and no file changed outside the test's temporary folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coefficientsDocumentFromFit } from '../../src-main/core/law/coefficients-file.js';
import { REPO_ROOT, type CliRun } from '../support/cli.js';
import { canMount, fillUp, makeDevice, makeFifo, mountTmpfs, remountReadOnly, unmount } from '../support/hostile-fs.js';
import { runInProcess } from '../support/run-cli.js';
import { tempDir } from '../support/store-fixtures.js';
import { sampleBenchmark, sampleFit, sampleScenario, syntheticRuns } from '../support/store-samples.js';
import { generateCliCases, type CliCase, type Fixture } from './cli-cases.js';

const SEED = 20261127;
const IN_PROCESS_CASES = 2000;
const SPAWNED_CASES = 50;
const HANG_MS = 10_000;

const root = tempDir('advisor-fuzz-cli-');
const env = { HOME: path.join(root, 'home'), XDG_CONFIG_HOME: path.join(root, 'home', 'config') };
const mounts: string[] = [];

function fixture(): Fixture {
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(root, name);
    writeFileSync(p, content);
    return p;
  };
  const csv = file('pilot.csv', ['sparsity,nonzero_params,data,loss', ...syntheticRuns().map((r) => `${r.sparsity},${r.nonzero},${r.data},${r.loss}`)].join('\n'));
  const scenario = file('scenario.json', JSON.stringify(sampleScenario('Fuzzed')));
  const fit = sampleFit();
  const coefficients = file('law.json', JSON.stringify(coefficientsDocumentFromFit(fit.fit, 'pilot', 'fit of synthetic runs')));
  const bench = file('bench.json', JSON.stringify(sampleBenchmark()));
  const db = path.join(root, 'advisor.db');

  mkdirSync(path.join(root, 'a-folder'));
  makeFifo(path.join(root, 'a-fifo'));
  const device = makeDevice(path.join(root, 'a-device')) ? [path.join(root, 'a-device')] : [];
  file('victim.txt', 'must stay');
  symlinkSync(path.join(root, 'victim.txt'), path.join(root, 'a-link'));
  symlinkSync(path.join(root, 'nowhere'), path.join(root, 'a-dangling-link'));
  symlinkSync(path.join(root, 'a-fifo'), path.join(root, 'a-link-to-fifo'));
  const huge = file('huge.json', '');
  truncateSync(huge, 60_000_000); // sparse: refused by its size before a byte is read
  const hugeCsv = file('huge.csv', '');
  truncateSync(hugeCsv, 11_000_000);

  let n = 0;
  return {
    csv,
    scenario,
    coefficients,
    bench,
    db,
    scenarioId: '',
    freshOut: (extension) => path.join(root, 'outputs', `out-${n++}.${extension}`),
    badInputs: [
      path.join(root, 'missing.json'),
      path.join(root, 'a-folder'),
      path.join(root, 'a-fifo'),
      path.join(root, 'a-link-to-fifo'),
      path.join(root, 'a-dangling-link'),
      file('empty.json', ''),
      file('not.json', '{"format": oops'),
      file('array.json', '[1, 2, 3]'),
      file('null.json', 'null'),
      file('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`),
      file('wrong-format.json', JSON.stringify({ format: 'sparsity-advisor/nonsense', version: 1 })),
      file('nan.json', '{"format":"sparsity-advisor/scenario","version":1,"name":NaN}'),
      huge,
      '',
      `${root}/with\u0000nul.json`,
      ...device,
    ],
    badCsvs: [
      file('hex.csv', 'sparsity,nonzero_params,data,loss\n0,0x10,1e9,3\n0.5,1e6,1e9,3\n'),
      file('twice.csv', 'sparsity,nonzero_params,data,loss,loss\n0,1e6,1e9,3,3\n'),
      file('infinity.csv', 'sparsity,nonzero_params,data,loss\n0,1e6,Infinity,3\n'),
      file('header-only.csv', 'sparsity,nonzero_params,data,loss\n'),
      file('no-header.csv', '0,1e6,1e9,3\n'),
      file('short-row.csv', 'sparsity,nonzero_params,data,loss\n0,1e6,1e9\n'),
      file('quote.csv', 'sparsity,nonzero_params,data,loss\n"0,1e6,1e9,3\n'),
      file('sparsity-one.csv', 'sparsity,nonzero_params,data,loss\n1,1e6,1e9,3\n'),
      file('two-runs.csv', 'sparsity,nonzero_params,data,loss\n0,1e6,1e9,3\n0.5,1e6,1e9,3.1\n'),
      hugeCsv,
    ],
    badOutputs: [
      path.join(root, 'a-folder'),
      path.join(root, 'a-fifo'),
      path.join(root, 'a-link'),
      path.join(root, 'a-dangling-link'),
      path.join(root, 'no-such-folder', 'out.json'),
      path.join(root, 'victim.txt', 'below-a-file.json'),
      `${root}/trailing-slash/`,
      `${root}/nul\u0000name.json`,
      path.join(root, 'x'.repeat(300)),
      '',
      ...device,
    ],
    badDatabases: [],
    environment: { outputs: [], databases: [] },
  };
}

/** The error line's subject: what the message says it is about. */
function subjectOf(stderr: string): string | null {
  const line = stderr.split('\n').find((l) => /^sparsity-advisor( \S+)?: error: /.test(l)) ?? '';
  const unknown = /^sparsity-advisor: error: (unknown command)/.exec(line);
  if (unknown) return unknown[1]!;
  const match = /^sparsity-advisor \S+: error: (.*)$/.exec(line);
  if (!match) return null;
  const message = match[1]!;
  const colon = message.indexOf(': ');
  return colon < 0 ? message : message.slice(0, colon);
}

/** The subject is something the user typed or can see: an option, a file (or a field inside it), a line of the CSV, the command. */
function visible(subject: string, argv: string[]): boolean {
  if (subject === 'unknown command' || /^line \d+/.test(subject) || /^argument "/.test(subject)) return true;
  // An option's name, typed or required (every option is listed in the command's --help).
  if (/^--[a-z][a-z-]*$/.test(subject)) return true;
  if (subject === argv[0]) return true;
  const typed = argv.map((a) => (a.startsWith('--') ? a.split('=')[0]! : a)).filter((a) => a.length > 0);
  return typed.some((t) => subject === t || subject.startsWith(`${t}.`) || subject.startsWith(`${JSON.stringify(t).slice(1, -1)}`));
}

interface Verdict {
  ok: boolean;
  problem: string;
}

function judge(c: CliCase, run: CliRun, ms: number): Verdict {
  const fail = (problem: string): Verdict => ({ ok: false, problem: `${problem} — ${JSON.stringify(c.argv)} (${c.what}) → exit ${run.code}: ${run.stderr.trim().slice(0, 300)}` });
  if (ms > HANG_MS) return fail(`took ${ms} ms`);
  if (run.code !== c.expectedCode) return fail(`exit ${run.code}, expected ${c.expectedCode}`);
  if (run.stdout !== '') return fail('printed on stdout');
  const lines = run.stderr.trim().split('\n').filter((l) => !l.startsWith('sparsity-advisor: warning:'));
  if (c.argv[0] !== undefined && lines.length !== 1 && !lines[0]?.startsWith('sparsity-advisor: error: unknown command')) return fail('not one error line');
  const subject = subjectOf(run.stderr);
  if (subject === null || !visible(subject, c.argv)) return fail(`the error names ${JSON.stringify(subject)}, which the user did not type`);
  if (/NaN/.test(run.stderr) && !c.argv.some((a) => /nan/i.test(a))) return fail('NaN in the output');
  if (/\bat .*\.ts:\d+|TypeError|ReferenceError|RangeError|is not a function|Cannot read properties|\bundefined\b/.test(run.stderr)) {
    return fail('a stack or a raw JavaScript error');
  }
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(run.stderr)) return fail('an unescaped control character in the output');
  return { ok: true, problem: '' };
}

function outsideState(): string {
  const git = execFileSync('git', ['status', '--porcelain', '-uall'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const userDb = path.join(homedir(), '.config', 'sparsity-advisor');
  const user = existsSync(userDb) ? readdirSync(userDb).map((n) => `${n}:${statSync(path.join(userDb, n)).mtimeMs}`).join(',') : 'none';
  return `${git}\n${user}`;
}

let f: Fixture;
let cases: CliCase[];
let holder: Database.Database | null = null;
let before = '';
const figures = { inputs: 0, usage: 0, environment: 0, problems: [] as string[], slowestMs: 0 };

beforeAll(async () => {
  before = outsideState();
  process.chdir(root);
  f = fixture();
  const saved = await runInProcess(['scenarios', 'save', '--db', f.db, '--file', f.scenario, '--json'], env);
  f.scenarioId = JSON.parse(saved.stdout).saved.id;
  mkdirSync(path.join(root, 'outputs'));
  f.badDatabases = [...f.badOutputs, path.join(root, 'victim.txt'), path.join(root, 'empty.json'), path.join(root, 'scenario.json')];
  if (canMount()) {
    const ro = path.join(root, 'ro');
    const full = path.join(root, 'full');
    if (mountTmpfs(ro, 4 * 1024 * 1024) && mountTmpfs(full, 2 * 1024 * 1024)) {
      mounts.push(ro, full);
      for (const disk of [ro, full]) await runInProcess(['scenarios', 'save', '--db', path.join(disk, 'advisor.db'), '--file', f.scenario], env);
      remountReadOnly(ro);
      fillUp(full);
      f.environment = {
        outputs: [path.join(ro, 'out.json'), path.join(full, 'out.json')],
        databases: [path.join(ro, 'advisor.db'), path.join(full, 'advisor.db')],
      };
    }
  }
  cases = generateCliCases(SEED, IN_PROCESS_CASES, f);
}, 120_000);

afterAll(() => {
  holder?.close();
  process.chdir(REPO_ROOT);
  mounts.forEach(unmount);
  rmSync(root, { recursive: true, force: true });
  console.info(
    `CLI fuzz (seed ${SEED}): ${figures.inputs} invocations, ${figures.usage} clean usage errors (exit 2), ` +
      `${figures.environment} clean environment errors (exit 3), ${figures.problems.length} problems; slowest ${figures.slowestMs} ms` +
      (mounts.length === 0 ? '; read-only and full disks skipped (tmpfs cannot be mounted here)' : ''),
  );
});

describe('CLI fuzz', () => {
  it(`${IN_PROCESS_CASES} generated bad invocations, in-process, all fail cleanly`, async () => {
    expect(cases).toHaveLength(IN_PROCESS_CASES);
    const byCommand = new Map<string, number>();
    for (const c of cases) {
      const started = Date.now();
      const run = await runInProcess(c.argv, env);
      const ms = Date.now() - started;
      byCommand.set(c.argv.slice(0, 2).join(' '), (byCommand.get(c.argv.slice(0, 2).join(' ')) ?? 0) + ms);
      figures.inputs++;
      figures.slowestMs = Math.max(figures.slowestMs, ms);
      const verdict = judge(c, run, ms);
      if (!verdict.ok) figures.problems.push(verdict.problem);
      else if (run.code === 3) figures.environment++;
      else figures.usage++;
    }
    if (process.env.FUZZ_PROFILE) console.info([...byCommand].sort((a, b) => b[1] - a[1]).slice(0, 12));
    expect(figures.problems.slice(0, 20)).toEqual([]);
  }, 240_000);

  it('a database locked by another writer exits 3 naming --db', async () => {
    holder = new Database(f.db);
    holder.exec('BEGIN IMMEDIATE');
    const c: CliCase = { argv: ['scenarios', 'rename', '--db', f.db, '--id', f.scenarioId, '--name', 'Locked'], expectedCode: 3, what: 'a locked database' };
    const started = Date.now();
    const run = await runInProcess(c.argv, env);
    holder.exec('ROLLBACK');
    holder.close();
    holder = null;
    figures.inputs++;
    const verdict = judge(c, run, Date.now() - started);
    if (run.code === 3) figures.environment++;
    expect(verdict.problem).toBe('');
  }, 30_000);

  it(`${SPAWNED_CASES} of them again as real processes, with the same outcome`, async () => {
    // A process cannot be given a NUL, and a lone surrogate reaches it as U+FFFD: those stay in-process only.
    const spawnable = cases.filter((c) => !c.argv.some((a) => a.includes('\0') || /[\ud800-\udfff]/.test(a)));
    const sample = spawnable.filter((_, i) => i % Math.floor(spawnable.length / SPAWNED_CASES) === 0).slice(0, SPAWNED_CASES);
    const spawned = async (c: CliCase): Promise<{ run: CliRun; ms: number }> => {
      const started = Date.now();
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/sparsity-advisor.js'), ...c.argv], {
          cwd: root,
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d));
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS + 20_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ run: { code, stdout, stderr }, ms: Date.now() - started });
        });
      });
    };
    const problems: string[] = [];
    // Three at a time: a process start is mostly tsx compiling the CLI, which two cores share.
    for (let i = 0; i < sample.length; i += 3) {
      const batch = sample.slice(i, i + 3);
      const results = await Promise.all(batch.map(spawned));
      results.forEach(({ run }, j) => {
        const c = batch[j]!;
        figures.inputs++;
        // A process pays for starting up; a hang is still far beyond it.
        const verdict = judge(c, run, 0);
        if (!verdict.ok) problems.push(`spawned: ${verdict.problem}`);
        else if (run.code === 3) figures.environment++;
        else figures.usage++;
      });
    }
    figures.problems.push(...problems);
    expect(problems).toEqual([]);
  }, 240_000);

  it('changed no file outside its temporary folder', () => {
    process.chdir(REPO_ROOT);
    expect(outsideState()).toBe(before);
    expect(existsSync(path.join(root, 'victim.txt'))).toBe(true);
    expect(statSync(path.join(root, 'a-fifo')).isFIFO()).toBe(true);
  });
});
