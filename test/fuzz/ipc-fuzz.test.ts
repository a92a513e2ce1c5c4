/**
 * A seeded, bounded fuzz test of the IPC boundary (issue 18): more than 10,000 payloads across
 * every channel, random JSON and mutations of valid arguments, through the real handlers,
 * contract and store. Every answer must be clean: { ok: true } with a value that matches the
 * result schema and holds no NaN, or { ok: false } with a message, a kind and, for input
 * errors, the field; no throw, no hang, and no file changed outside the test's temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src-main/core/errors.js';
import { checkBootstrap, checkFitWork } from '../../src-main/core/limits.js';
import { parseRunsCsv } from '../../src-main/core/law/runs-csv.js';
import { seededRandom, type Random } from '../../src-main/core/random.js';
import { runFitJob } from '../../src-main/fit/fit-job.js';
import { CHANNELS, type Channel } from '../../src-main/ipc/channels.js';
import { createHandlers, type Emit } from '../../src-main/ipc/handlers.js';
import { createServices } from '../../src-main/ipc/services.js';
import { openStore } from '../../src-main/store/index.js';
import { REPO_ROOT } from '../support/cli.js';
import { tempDir } from '../support/store-fixtures.js';
import { sampleBenchmark, sampleScenario, syntheticRuns } from '../support/store-samples.js';

const SEED = 1127;
const PAYLOADS = 10_000;
const HANG_MS = 10_000;
const KINDS = new Set(['input', 'environment', 'cancelled', 'failure']);

const folder = tempDir('advisor-fuzz-ipc-');
const { store } = openStore(path.join(folder, 'advisor.db'));
const scenarioId = store.scenarios.create(sampleScenario('Fuzzed')).id;
const benchmarkId = store.benchmarks.save(sampleBenchmark()).record.id;
const csv = ['sparsity,nonzero_params,data,loss', ...syntheticRuns().map((r) => `${r.sparsity},${r.nonzero},${r.data},${r.loss}`)].join('\n');

const services = createServices({
  store,
  appRoot: REPO_ROOT,
  appVersion: '0.0.0-fuzz',
  osLanguage: 'en',
  databaseNotice: null,
  chooseMemoPath: async () => null,
  writeMemo: async () => {
    throw new Error('the save dialog was cancelled');
  },
});
// No benchmark runs here; a fit runs in-process when it is small, otherwise it is checked and stopped.
services.runHardwareCheck = async () => {
  throw new CancelledError('the hardware check');
};
services.runFit = async (job, hooks) => {
  if (job.starts <= 4 && job.bootstrap <= 4) return runFitJob(job, hooks.onProgress);
  const runs = parseRunsCsv(job.csv);
  checkFitWork(runs.length, job.starts, checkBootstrap('bootstrap', job.bootstrap), { starts: 'starts', bootstrap: 'bootstrap', rows: 'csv' });
  throw new CancelledError('the fit');
};
const handlers = createHandlers(services, { checkResults: true });
const emit: Emit = () => {};

function valid(channel: Channel): Record<string, unknown> {
  switch (channel) {
    case 'listScenarios':
      return { includeArchived: false };
    case 'getScenario':
      return { id: scenarioId };
    case 'saveScenario':
      return { scenario: sampleScenario('Saved by the fuzz test') };
    case 'renameScenario':
      return { id: scenarioId, name: 'Renamed by the fuzz test' };
    case 'duplicateScenario':
      return { id: scenarioId };
    case 'archiveScenario':
      return { id: scenarioId, archived: false };
    case 'importDocument':
      return { text: JSON.stringify(sampleScenario('Imported')), fileName: 'plan.json' };
    case 'runHardwareCheck':
      return { quick: true };
    case 'getBenchmark':
      return { id: benchmarkId };
    case 'fitLaw':
      return { csv, fileName: 'pilot.csv', dataUnit: 'tokens', logResiduals: false, starts: 2, bootstrap: 0 };
    case 'exportMemo':
      return { scenario: sampleScenario('For the memo'), benchmarkId: null, language: 'en', scenarioRef: null };
    default:
      return {};
  }
}

const NASTY_STRINGS = ['', ' ', '\u0000', '\u001b[31m', '\u202e', '\ud800', 'x'.repeat(10_000), '__proto__', 'constructor', '../../etc/passwd', '%ZZ', 'NaN', '1e309', '-1', scenarioId.slice(0, 4), '{"a":1}'];
const NASTY_NUMBERS = [NaN, Infinity, -Infinity, -0, 0, -1, 1, 1.5, 2 ** 31, 2 ** 32, 2 ** 53, 1e308, -1e308, 5e-324, 0xffffffff + 1, 1001, 2001, 65537];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'extra', '', '\u0000', 'id ', 'ID'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomValue(random: Random, depth = 0): unknown {
  const roll = random();
  if (roll < 0.2) return pick(random, NASTY_NUMBERS);
  if (roll < 0.4) return pick(random, NASTY_STRINGS);
  if (roll < 0.48) return random() < 0.5;
  if (roll < 0.55) return null;
  if (roll < 0.6) return undefined;
  if (depth > 3) return pick(random, NASTY_NUMBERS);
  if (roll < 0.8) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--) {
    Object.defineProperty(object, random() < 0.3 ? pick(random, NASTY_KEYS) : `k${Math.floor(random() * 100)}`, {
      value: randomValue(random, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

/** Every path to a leaf of a JSON-like value. */
function leaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [at] : value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? [at] : keys.flatMap((k) => leaves((value as Record<string, unknown>)[k], [...at, k]));
  }
  return [at];
}

/** A valid argument with one or two leaves replaced, removed, or an unknown key added. */
function mutated(random: Random, channel: Channel): unknown {
  const args = structuredClone(valid(channel));
  for (let n = 1 + Math.floor(random() * 2); n > 0; n--) {
    const paths = leaves(args).filter((p) => p.length > 0);
    const roll = random();
    if (paths.length === 0 || roll < 0.15) {
      Object.defineProperty(args, pick(random, NASTY_KEYS), { value: randomValue(random), enumerable: true, writable: true, configurable: true });
      continue;
    }
    const target = pick(random, paths);
    let parent: any = args;
    for (const key of target.slice(0, -1)) parent = parent[key];
    const last = target.at(-1)!;
    if (roll < 0.3) delete parent[last];
    else parent[last] = randomValue(random);
  }
  return args;
}

function hasNonFinite(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (!value || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => hasNonFinite(v, seen));
}

function gitState(): string {
  return execFileSync('git', ['status', '--porcelain', '-uall'], { cwd: REPO_ROOT, encoding: 'utf8' });
}

const figures = { payloads: 0, ok: 0, refused: new Map<string, number>(), problems: [] as string[] };
afterAll(() => {
  store.close();
  rmSync(folder, { recursive: true, force: true });
  console.info(
    `IPC fuzz (seed ${SEED}): ${figures.payloads} payloads, ${figures.ok} accepted with a valid answer, ` +
      `${[...figures.refused].map(([k, n]) => `${n} refused (${k})`).join(', ')}, ${figures.problems.length} problems`,
  );
});

describe('IPC fuzz', () => {
  it(`${PAYLOADS} payloads across every channel get clean answers`, async () => {
    const before = gitState();
    const random = seededRandom(SEED);
    for (let i = 0; i < PAYLOADS; i++) {
      const channel = CHANNELS[i % CHANNELS.length]!;
      const payload = random() < 0.35 ? randomValue(random) : mutated(random, channel);
      const caller = `window-${i % 3}`;
      figures.payloads++;
      const describePayload = () => {
        try {
          return JSON.stringify(payload)?.slice(0, 200);
        } catch {
          return String(payload);
        }
      };
      let answer: any;
      const started = Date.now();
      try {
        answer = await Promise.race([
          handlers[channel](payload, emit, caller),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS).unref()),
        ]);
      } catch (error) {
        figures.problems.push(`${channel} threw ${(error as Error).message} for ${describePayload()}`);
        continue;
      }
      const problem = (text: string) => figures.problems.push(`${channel}: ${text} for ${describePayload()} → ${JSON.stringify(answer)?.slice(0, 300)}`);
      if (Date.now() - started > HANG_MS) problem('took too long');
      if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean') {
        problem('not an answer');
      } else if (answer.ok) {
        figures.ok++;
        if (hasNonFinite(answer.value)) problem('NaN or Infinity in the value');
      } else {
        figures.refused.set(answer.kind, (figures.refused.get(answer.kind) ?? 0) + 1);
        if (typeof answer.error !== 'string' || answer.error.length === 0) problem('no message');
        else if (!KINDS.has(answer.kind)) problem('no kind');
        else if (answer.kind === 'input' && (typeof answer.field !== 'string' || answer.field.length === 0)) problem('an input error without its field');
        else if (answer.kind === 'failure') problem('an unexpected failure');
        else if (/NaN/.test(answer.error) && !hasNonFinite(payload) && !/NaN/.test(describePayload() ?? '')) problem('NaN in the message');
      }
    }
    expect(figures.problems.slice(0, 20)).toEqual([]);
    expect(gitState()).toBe(before);
  }, 240_000);
});
