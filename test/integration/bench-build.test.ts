/**
 * The benchmark child as the desktop app runs it: built by electron-vite into out/main/bench-worker.js
 * and started with plain Node (Electron runs it as Node), no tsx. Built into its own folder under
 * node_modules/.cache, so it neither races the build test over out/ nor loses node_modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BenchWorker, resolveWorkerEntry } from '../../src-main/bench/worker-process.js';
import type { SuiteJob, WorkerMessage } from '../../src-main/bench/worker-protocol.js';
import { REPO_ROOT } from '../support/cli.js';

const OUT = path.join(REPO_ROOT, 'node_modules/.cache/bench-build-test/out');

describe('bench-worker in the electron-vite build', () => {
  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    const bin = path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
    const run = spawnSync(process.execPath, [bin, 'build', '-c', 'electron.config.ts', '--outDir', OUT], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  });

  it('emits bench-worker.js beside index.js, found from the main bundle and from its chunks', () => {
    const worker = path.join(OUT, 'main/bench-worker.js');
    expect(existsSync(worker)).toBe(true);
    expect(resolveWorkerEntry(pathToFileURL(path.join(OUT, 'main/index.js')).href)).toEqual({ file: worker, execArgv: [] });
    expect(resolveWorkerEntry(pathToFileURL(path.join(OUT, 'main/chunks/any.js')).href).file).toBe(worker);
  });

  it('probes and times through the built worker under plain Node', async () => {
    const entry = resolveWorkerEntry(pathToFileURL(path.join(OUT, 'main/index.js')).href);
    const messages: WorkerMessage[] = [];
    const worker = BenchWorker.start(entry);
    try {
      expect(await worker.runTask({ type: 'probe', provider: 'cpu' }, (m) => messages.push(m))).toEqual({ status: 'done' });
      const job: SuiteJob = {
        dModel: 16, ffnWidth: 32, seed: 1, threads: 1, tokens: [1], rounds: 1, budgetMsPerCase: 2, minIterations: 2,
        warmups: 1, slowCallMs: 100, budgetOverrun: 4, maxIterations: 50,
        models: [{ kind: 'dense', variant: 'dense', sparsity: 0, layers: 2, nonzeros: 512, weightBytes: 2048, cacheCold: null }],
      };
      expect(await worker.runTask({ type: 'js-suite', provider: 'cpu', job, checkModels: [] }, (m) => messages.push(m))).toEqual({ status: 'done' });
    } finally {
      worker.kill();
    }
    expect(messages.find((m) => m.type === 'probe-result')).toMatchObject({ provider: 'cpu', error: null });
    const samples = messages.find((m) => m.type === 'samples');
    expect(samples?.type === 'samples' && samples.timing.samplesMs.length).toBeGreaterThanOrEqual(2);
  });
});
